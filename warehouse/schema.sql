-- The table contract (DESIGN.md) as DuckDB DDL. Mirrors transforms/schemas.py.

-- one row per distinct article
create table if not exists articles (
    article_id       varchar primary key,
    url              varchar,
    source_uri       varchar not null,
    outlet           varchar,
    outlet_name      varchar,
    title            varchar,
    authors          varchar[] not null,
    published_at     timestamptz,
    published_month  varchar not null,
    language         varchar,
    body             varchar not null,
    word_count       integer not null,
    content_hash     varchar not null,
    image_caption    varchar,
    image_credit     varchar,
    tags             varchar[],
    ingested_at      timestamptz not null,
    run_id           varchar not null,
    pipeline_version varchar not null
);

-- one row per person named in an article, as the article names them (input to linking)
create table if not exists person_mentions (
    article_id       varchar not null,
    name_in_article  varchar not null,
    forms            varchar[] not null,
    mention_count    integer not null,
    role             varchar,
    first_offset     integer,
    run_id           varchar not null,
    pipeline_version varchar not null,
    primary key (article_id, name_in_article)
);

-- one row per person per article
create table if not exists article_people (
    article_id       varchar not null,
    person_id        varchar not null,
    name_in_article  varchar not null,
    mention_count    integer not null,
    role             varchar,
    first_offset     integer,
    run_id           varchar not null,
    pipeline_version varchar not null,
    primary key (article_id, person_id)
);

-- one row per person across the corpus
create table if not exists people (
    person_id        varchar primary key,
    name             varchar not null,
    aliases          varchar[] not null,
    article_count    integer not null,
    mention_count    bigint not null,
    run_id           varchar not null,
    pipeline_version varchar not null
);

-- one row per quotation in an article body
create table if not exists quotes (
    quote_id                varchar primary key,
    article_id              varchar not null,
    published_month         varchar not null,
    person_id               varchar,
    speaker_text            varchar,
    speaker_name_in_article varchar,
    text                    varchar not null,
    kind                    varchar not null,
    verb                    varchar,
    "start"                 integer not null,
    "end"                   integer not null,
    run_id                  varchar not null,
    pipeline_version        varchar not null
);

-- one row per topic (fixed categories and key phrases)
create table if not exists topics (
    topic_id         varchar primary key,
    label            varchar not null,
    kind             varchar not null,
    run_id           varchar not null,
    pipeline_version varchar not null
);

-- one row per topic per article
create table if not exists article_topics (
    article_id       varchar not null,
    topic_id         varchar not null,
    score            double not null,
    rank             smallint not null,
    label            varchar not null,
    kind             varchar not null,
    run_id           varchar not null,
    pipeline_version varchar not null,
    primary key (article_id, topic_id)
);

-- one row per unusable input (file, line or URL) and reason
create table if not exists rejects (
    source_uri       varchar not null,
    reason           varchar not null,
    detail           varchar,
    input_path       varchar not null,
    rejected_at      timestamptz not null,
    run_id           varchar not null,
    pipeline_version varchar not null,
    primary key (source_uri, reason)
);

-- one row per pipeline run
create table if not exists runs (
    run_id           varchar primary key,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    status           varchar not null,
    command          varchar not null,
    inputs           varchar[] not null,
    files_seen       integer not null,
    files_skipped    integer not null,
    rows_added       map(varchar, bigint) not null,
    rows_replaced    map(varchar, bigint) not null,
    rejects          integer not null,
    fields_nulled    map(varchar, bigint) not null,
    seconds          map(varchar, double) not null,
    error            varchar,
    pipeline_version varchar not null
);

-- one row per input file processed, to skip unchanged inputs cheaply
create table if not exists sources (
    input_path       varchar primary key,
    size_bytes       bigint not null,
    mtime_ns         bigint not null,
    file_hash        varchar not null,
    articles         integer not null,
    rejects          integer not null,
    run_id           varchar not null,
    pipeline_version varchar not null
);
