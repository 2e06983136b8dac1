-- 0004_filter_indexes: the event filters as index lookups, for browsing a large store.
-- The filters compare case-insensitively, so the indexes are on those expressions; each
-- event-column filter index continues in the listing order of query_events, so a filtered
-- page is read in order. The location ones carry the event key; (event_date,
-- fatalities_best) answers the timeline.
DROP INDEX article_events_listing;
CREATE INDEX article_events_listing ON article_events((event_date IS NULL), event_date, article_id, seq, event_id);
CREATE INDEX article_events_type_ci ON article_events((lower(event_type)), (event_date IS NULL), event_date, article_id, seq);
CREATE INDEX article_events_sub_type_ci ON article_events((lower(sub_event_type)), (event_date IS NULL), event_date, article_id, seq);
CREATE INDEX article_events_disputed ON article_events(disputed, (event_date IS NULL), event_date, article_id, seq);
CREATE INDEX article_events_day_fatalities ON article_events(event_date, fatalities_best);
CREATE INDEX event_locations_country_ci ON event_locations((upper(country)), article_id, event_id);
CREATE INDEX event_locations_admin1_ci ON event_locations((lower(admin1)), article_id, event_id);
CREATE INDEX articles_outlet_ci ON articles((lower(outlet)));
