-- 0003_browse_indexes: indexes for browsing a large store (khabar serve, khabar query).
-- The listing order of query_events (undated last, then by date, article, position) as an
-- index, so a page of events is read in order instead of sorting every event; the locations
-- by coordinates, for the map's bounding-box queries; events by article outlet via articles.
CREATE INDEX article_events_listing ON article_events(event_date IS NULL, event_date, article_id, seq);
CREATE INDEX event_locations_coordinates ON event_locations(lat, lon);
CREATE INDEX article_events_status ON article_events(status, disputed);
