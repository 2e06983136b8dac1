-- 0001_initial: each article and everything extracted from it (the SQLite schema, in
-- PostgreSQL types). Each row keeps its full JSON in `data` (type json, which keeps the
-- ledger's key order), and the columns beside it are copies made for filtering and joining.
-- Full text: generated tsvector columns with GIN indexes.

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title TEXT,
    url TEXT,
    outlet TEXT,
    published DATE,
    language TEXT,
    text TEXT NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    extra JSON,
    search TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', text)
    ) STORED
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE article_events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_date DATE,
    date_precision TEXT,
    actor1 TEXT,
    actor1_country TEXT,
    actor1_inter INTEGER,
    actor2 TEXT,
    actor2_country TEXT,
    actor2_inter INTEGER,
    disputed BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    injured_low INTEGER,
    injured_best INTEGER,
    injured_high INTEGER,
    data JSON NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX article_events_date ON article_events(event_date);
CREATE INDEX article_events_type ON article_events(event_type, sub_event_type);

CREATE TABLE event_locations (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    name TEXT,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geo_precision TEXT,
    geonameid BIGINT,
    PRIMARY KEY (article_id, event_id, seq),
    FOREIGN KEY (article_id, event_id) REFERENCES article_events(article_id, event_id) ON DELETE CASCADE
);
CREATE INDEX event_locations_country ON event_locations(country, admin1);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    speaker TEXT,
    kind TEXT,
    status TEXT,
    about TEXT,
    value JSON,
    start_offset INTEGER,
    end_offset INTEGER,
    text TEXT,
    data JSON NOT NULL,
    search TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX claims_search ON claims USING GIN (search);

CREATE TABLE revisions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    about TEXT,
    field TEXT,
    revised_by TEXT,
    data JSON NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE contradictions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    about TEXT,
    field TEXT,
    data JSON NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE framing (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_offset INTEGER,
    end_offset INTEGER,
    text TEXT,
    technique TEXT,
    voice TEXT,
    data JSON NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_offset INTEGER,
    end_offset INTEGER,
    text TEXT,
    name TEXT,
    country TEXT,
    admin1 TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geonameid BIGINT,
    data JSON NOT NULL,
    PRIMARY KEY (article_id, seq)
);
