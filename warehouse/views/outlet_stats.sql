-- outlet_stats: one row per outlet (URL host; '(unknown)' for articles without a URL)
create or replace view outlet_stats as
with outlet_articles as (
    select article_id,
           coalesce(outlet, '(unknown)') as outlet,
           outlet_name,
           published_at,
           word_count
    from articles
),

per_outlet as (
    select outlet,
           -- several display names can reach one host (feeds spell them differently): keep the commonest
           mode(outlet_name) as outlet_name,
           count(*) as count_articles,
           sum(word_count) as count_words,
           round(avg(word_count), 1) as avg_word_count,
           min(published_at) as first_published_at,
           max(published_at) as last_published_at
    from outlet_articles
    group by outlet
),

quoted as (
    select oa.outlet, count(*) as count_quotes, count(distinct q.person_id) as count_quoted_people
    from quotes q
    join outlet_articles oa using (article_id)
    group by oa.outlet
),

named as (
    select oa.outlet, count(distinct ap.person_id) as count_people
    from article_people ap
    join outlet_articles oa using (article_id)
    group by oa.outlet
),

category_counts as (
    select oa.outlet, lt.label, count(*) as n
    from article_topics lt
    join outlet_articles oa using (article_id)
    where lt.kind = 'category' and lt.rank = 1
    group by all
),

top_categories as (
    select outlet, list(label order by n desc, label)[1:3] as top_categories
    from category_counts
    group by outlet
),

final as (
    select o.outlet,
           o.outlet_name,
           o.count_articles,
           coalesce(q.count_quotes, 0) as count_quotes,
           coalesce(q.count_quoted_people, 0) as count_quoted_people,
           coalesce(n.count_people, 0) as count_people,
           o.count_words,
           o.avg_word_count,
           o.first_published_at,
           o.last_published_at,
           coalesce(t.top_categories, []::varchar[]) as top_categories
    from per_outlet o
    left join quoted q using (outlet)
    left join named n using (outlet)
    left join top_categories t using (outlet)
)

select * from final
