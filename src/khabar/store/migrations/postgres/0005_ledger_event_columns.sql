-- 0005_ledger_event_columns: what `khabar reconcile` writes beside the 0002 seam's JSON
-- (see the SQLite twin).
ALTER TABLE ledger_events
    ADD COLUMN date_end DATE,
    ADD COLUMN date_precision TEXT,
    ADD COLUMN location TEXT,
    ADD COLUMN admin1 TEXT,
    ADD COLUMN lat DOUBLE PRECISION,
    ADD COLUMN lon DOUBLE PRECISION,
    ADD COLUMN actor1 TEXT,
    ADD COLUMN actor2 TEXT,
    ADD COLUMN injured_low INTEGER,
    ADD COLUMN injured_best INTEGER,
    ADD COLUMN injured_high INTEGER,
    ADD COLUMN disputed BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN n_outlets INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN data_hash TEXT;
ALTER TABLE ledger_event_members
    ADD COLUMN seq INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN claims JSON;
CREATE INDEX ledger_events_listing ON ledger_events((event_date IS NULL), event_date, id);
CREATE INDEX ledger_events_place ON ledger_events(upper(country), lower(admin1));
CREATE INDEX ledger_events_sub_type_ci ON ledger_events(lower(sub_event_type));
