-- 0006_near_duplicates: near-duplicate articles (wire copies with a new headline or a changed
-- paragraph), found by MinHash LSH (khabar/ingest/near_duplicates.py).
-- article_bands is the LSH index: one row per band of each original article's MinHash
-- signature (20 bands), keyed by a 63-bit hash of the band, so the candidates of a new article
-- are an index lookup, not a scan of the store. Copies (exact or near) are not indexed: a new
-- article is compared with originals only, so links never chain.
-- near_duplicates links a near copy to its original with the exact Jaccard similarity of
-- their word 5-grams; a near copy is stored with its own text but not extracted.
CREATE TABLE article_bands (
    bucket BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (bucket, article_id)
);
CREATE INDEX article_bands_article ON article_bands(article_id);

CREATE TABLE near_duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,            -- Jaccard of the two texts' word 5-grams, 0..1
    detected_at TIMESTAMPTZ NOT NULL     -- UTC
);
CREATE INDEX near_duplicates_original ON near_duplicates(original_id);
