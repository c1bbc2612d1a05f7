-- topic_trends: one row per topic per publication month (articles with a known date)
create or replace view topic_trends as
with linked as (
    -- published_month is computed in UTC at load; date_trunc on a timestamptz would follow
    -- the session's time zone and move articles near midnight on the 1st between months
    select lt.topic_id, t.label, t.kind, a.published_month, lt.article_id
    from article_topics lt
    join topics t using (topic_id)
    join articles a using (article_id)
    where a.published_at is not null
),

final as (
    select topic_id,
           label,
           kind,
           published_month,
           cast(published_month || '-01' as date) as month,
           count(distinct article_id) as count_articles
    from linked
    group by topic_id, label, kind, published_month
)

select * from final
