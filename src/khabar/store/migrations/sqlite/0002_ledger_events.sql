-- 0002_ledger_events: the seam for cross-article reconciliation.
-- A ledger event is one happening as reported by one or more articles; its members are the
-- article events that report it. Reconciliation (clustering, merged claims, UCDP-style
-- low/best/high) fills these tables; ingestion never writes them. Later migrations may add
-- columns; `data` holds the reconciled event's JSON meanwhile.

CREATE TABLE ledger_events (
    id TEXT PRIMARY KEY,
    event_type TEXT,
    sub_event_type TEXT,
    event_date TEXT,
    country TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    updated_at TEXT NOT NULL,
    data TEXT NOT NULL
);

CREATE TABLE ledger_event_members (
    ledger_event_id TEXT NOT NULL REFERENCES ledger_events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (ledger_event_id, article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES article_events(article_id, event_id) ON DELETE CASCADE
);
CREATE INDEX ledger_event_members_event ON ledger_event_members(article_id, event_id);
