-- co_mentions: one row per pair of people named in the same article(s); person_id_a < person_id_b
create or replace view co_mentions as
with pairs as (
    select a.article_id, a.person_id as person_id_a, b.person_id as person_id_b
    from article_people a
    join article_people b on a.article_id = b.article_id and a.person_id < b.person_id
),

final as (
    select pairs.person_id_a,
           pa.name as name_a,
           pairs.person_id_b,
           pb.name as name_b,
           count(distinct pairs.article_id) as count_articles,
           min(art.published_at) as first_seen_at,
           max(art.published_at) as last_seen_at
    from pairs
    join people pa on pa.person_id = pairs.person_id_a
    join people pb on pb.person_id = pairs.person_id_b
    join articles art on art.article_id = pairs.article_id
    group by all
)

select * from final
