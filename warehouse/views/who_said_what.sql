-- who_said_what: one row per quotation, with its speaker and the article it appeared in
create or replace view who_said_what as
with quotes_in_articles as (
    select q.quote_id, q.article_id, q.person_id, q.text, q.kind, q.verb, q.speaker_text,
           q.speaker_name_in_article, q."start"
    from quotes q
),

speakers as (
    select ap.article_id, ap.person_id, p.name, ap.role
    from article_people ap
    join people p using (person_id)
),

final as (
    select q.quote_id,
           q.text as quote,
           q.kind,
           q.verb,
           -- resolved people by their canonical name; otherwise the cue as written ("the ministry")
           coalesce(s.name, q.speaker_name_in_article, q.speaker_text) as speaker,
           q.person_id,
           s.role,
           q.speaker_text,
           a.title,
           a.outlet,
           coalesce(a.outlet_name, a.outlet) as outlet_name,
           a.published_at,
           a.url,
           q.article_id,
           q."start" as start_offset
    from quotes_in_articles q
    join articles a using (article_id)
    left join speakers s on s.article_id = q.article_id and s.person_id = q.person_id
)

select * from final
