-- topic_trends: one row per topic per publication month (articles with a known date)
create or replace view topic_trends as
with linked as (
    select lt.topic_id, t.label, t.kind, date_trunc('month', a.published_at) as month, lt.article_id
    from article_topics lt
    join topics t using (topic_id)
    join articles a using (article_id)
    where a.published_at is not null
),

final as (
    select topic_id, label, kind, month, count(distinct article_id) as count_articles
    from linked
    group by topic_id, label, kind, month
)

select * from final
