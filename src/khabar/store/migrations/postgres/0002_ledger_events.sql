-- 0002_ledger_events: the seam for cross-article reconciliation (see the SQLite twin).

CREATE TABLE ledger_events (
    id TEXT PRIMARY KEY,
    event_type TEXT,
    sub_event_type TEXT,
    event_date DATE,
    country TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    updated_at TIMESTAMPTZ NOT NULL,
    data JSON NOT NULL
);

CREATE TABLE ledger_event_members (
    ledger_event_id TEXT NOT NULL REFERENCES ledger_events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (ledger_event_id, article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES article_events(article_id, event_id) ON DELETE CASCADE
);
CREATE INDEX ledger_event_members_event ON ledger_event_members(article_id, event_id);
