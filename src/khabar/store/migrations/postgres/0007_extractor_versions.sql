-- 0007_extractor_versions: which extractor coded each article, and the texts an id once had.
-- articles.extractor_version is khabar/extractor_version.py's `extractor_version()` of the run
-- that extracted the article (NULL for copies, which are not extracted, and for articles
-- stored before this migration, whose extractor is unknown). An original whose version is
-- not the running extractor's is stale: `khabar ingest` re-codes it unless told not to.
-- article_versions holds the content hashes an article's id had before its text was replaced
-- (some corpora reuse an id for different texts): a rerun over the same inputs does not put an
-- older text back. A hash leaves the table when its text becomes the article's text again.
ALTER TABLE articles ADD COLUMN extractor_version TEXT;

CREATE TABLE article_versions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,          -- sha256 of a text this id had, hex
    superseded_at TIMESTAMPTZ NOT NULL,  -- UTC: when another text replaced it
    PRIMARY KEY (article_id, content_hash)
);
