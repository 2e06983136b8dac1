-- 0001_initial: each article and everything extracted from it.
-- Plain column types so that sqlite3, Datasette and pandas read it as it is: dates are ISO 8601
-- TEXT, booleans 0/1, JSON as TEXT. Each row keeps its full JSON in `data` (the ledger's own
-- dict), and the columns beside it are copies made for filtering and joining.

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,          -- sha256 of the text, hex
    title TEXT,
    url TEXT,
    outlet TEXT,
    published TEXT,                      -- YYYY-MM-DD
    language TEXT,
    text TEXT NOT NULL,                  -- evidence offsets refer to this text
    ingested_at TEXT NOT NULL,           -- UTC, ISO 8601
    duplicate_of TEXT REFERENCES articles(id),  -- an exact copy of that article: not extracted again
    extra TEXT                           -- JSON: ledger keys this schema has no column for
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE article_events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,              -- the event's id within its article: e1, e2, ...
    seq INTEGER NOT NULL,                -- order in the ledger
    event_type TEXT NOT NULL,            -- ACLED's exact strings
    sub_event_type TEXT NOT NULL,
    event_date TEXT,                     -- YYYY-MM-DD
    date_precision TEXT,                 -- day | week | month | year
    actor1 TEXT,
    actor1_country TEXT,
    actor1_inter INTEGER,
    actor2 TEXT,
    actor2_country TEXT,
    actor2_inter INTEGER,
    disputed INTEGER NOT NULL DEFAULT 0, -- some field of the event is disputed between sources
    status TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    injured_low INTEGER,
    injured_best INTEGER,
    injured_high INTEGER,
    data TEXT NOT NULL,                  -- the event's JSON, evidence spans included
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX article_events_date ON article_events(event_date);
CREATE INDEX article_events_type ON article_events(event_type, sub_event_type);

CREATE TABLE event_locations (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    name TEXT,
    country TEXT,                        -- ISO3
    admin1 TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    geo_precision TEXT,
    geonameid INTEGER,
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
    value TEXT,                          -- JSON
    start_offset INTEGER,                -- first evidence span
    end_offset INTEGER,
    text TEXT,                           -- the evidence text, for search
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE revisions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    about TEXT,
    field TEXT,
    revised_by TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE contradictions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    about TEXT,
    field TEXT,
    data TEXT NOT NULL,
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
    data TEXT NOT NULL,
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
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);

-- Full text (FTS5, Porter stemming) over article titles and texts, and over claim evidence.
-- External-content tables kept in step by triggers, as sqlite-utils' enable-fts does.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, content='claims', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
END;
