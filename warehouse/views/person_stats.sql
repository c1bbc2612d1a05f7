-- person_stats: one row per person across the corpus
create or replace view person_stats as
with mentions as (
    select ap.person_id,
           count(distinct ap.article_id) as count_articles,
           sum(ap.mention_count) as count_mentions,
           min(a.published_at) as first_seen_at,
           max(a.published_at) as last_seen_at,
           count(distinct a.outlet) as count_outlets
    from article_people ap
    join articles a using (article_id)
    group by ap.person_id
),

quoted as (
    select person_id, count(*) as count_quotes
    from quotes
    where person_id is not null
    group by person_id
),

-- both directions of every pair, so each person sees all the people named beside them
pairs as (
    select a.person_id, b.person_id as other_id, count(distinct a.article_id) as shared_articles
    from article_people a
    join article_people b on a.article_id = b.article_id and a.person_id <> b.person_id
    group by all
),

top_co_mentioned as (
    select pairs.person_id,
           list(p.name order by pairs.shared_articles desc, p.name)[1:5] as top_co_mentioned
    from pairs
    join people p on p.person_id = pairs.other_id
    group by pairs.person_id
),

final as (
    select p.person_id,
           p.name,
           p.aliases,
           coalesce(m.count_articles, 0) as count_articles,
           coalesce(q.count_quotes, 0) as count_quotes,
           coalesce(m.count_mentions, 0) as count_mentions,
           coalesce(m.count_outlets, 0) as count_outlets,
           m.first_seen_at,
           m.last_seen_at,
           coalesce(t.top_co_mentioned, []::varchar[]) as top_co_mentioned
    from people p
    left join mentions m using (person_id)
    left join quoted q using (person_id)
    left join top_co_mentioned t using (person_id)
)

select * from final
