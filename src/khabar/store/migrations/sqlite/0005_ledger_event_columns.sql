-- 0005_ledger_event_columns: what `khabar reconcile` writes beside the 0002 seam's JSON.
-- Columns for listing and filtering ledger events without decoding `data`; `data_hash`
-- (sha256 of `data`) lets a re-run leave unchanged events untouched, so re-running
-- reconciliation on the same store rewrites nothing. Each member row records the claims that
-- member contributed (JSON list of ledger claim ids, "ARTICLEID:c3").
ALTER TABLE ledger_events ADD COLUMN date_end TEXT;
ALTER TABLE ledger_events ADD COLUMN date_precision TEXT;
ALTER TABLE ledger_events ADD COLUMN location TEXT;
ALTER TABLE ledger_events ADD COLUMN admin1 TEXT;
ALTER TABLE ledger_events ADD COLUMN lat REAL;
ALTER TABLE ledger_events ADD COLUMN lon REAL;
ALTER TABLE ledger_events ADD COLUMN actor1 TEXT;
ALTER TABLE ledger_events ADD COLUMN actor2 TEXT;
ALTER TABLE ledger_events ADD COLUMN injured_low INTEGER;
ALTER TABLE ledger_events ADD COLUMN injured_best INTEGER;
ALTER TABLE ledger_events ADD COLUMN injured_high INTEGER;
ALTER TABLE ledger_events ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_events ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_events ADD COLUMN n_outlets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_events ADD COLUMN data_hash TEXT;
ALTER TABLE ledger_event_members ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_event_members ADD COLUMN claims TEXT;
CREATE INDEX ledger_events_listing ON ledger_events(event_date IS NULL, event_date, id);
CREATE INDEX ledger_events_place ON ledger_events(upper(country), lower(admin1));
CREATE INDEX ledger_events_sub_type_ci ON ledger_events(lower(sub_event_type));
