-- duplicate_articles: one row per article whose content (title, body, authors, date) another
-- article under a different URL shares; duplicate_of is the group's first-ingested article.
-- Both copies stay in `articles` (each URL is a real place the text was published);
-- exclude `where article_id <> duplicate_of` to count each text once.
create or replace view duplicate_articles as
with grouped as (
    select
        article_id,
        url,
        outlet,
        content_hash,
        ingested_at,
        count(*) over (partition by content_hash) as count_copies,
        first_value(article_id) over (
            partition by content_hash order by ingested_at, article_id
        ) as duplicate_of
    from articles
),

final as (
    select article_id, url, outlet, content_hash, duplicate_of, count_copies
    from grouped
    where count_copies > 1
)

select * from final
