-- 0003_browse_indexes: indexes for browsing a large store (khabar serve, khabar query).
-- The listing order of query_events (undated last, then by date, article, position) as an
-- index; the locations by coordinates, for the map's bounding-box queries.
CREATE INDEX article_events_listing ON article_events((event_date IS NULL), event_date, article_id, seq);
CREATE INDEX event_locations_coordinates ON event_locations(lat, lon);
CREATE INDEX article_events_status ON article_events(status, disputed);
