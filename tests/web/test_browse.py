"""The store's browse queries give what the store's own queries give, only faster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from khabar.store import EventFilters, open_store
from khabar.store.browse import BoundingBox, count_events_capped, event_points, page_of_events

FILTERS = [
    EventFilters(),
    EventFilters(country="TUR"),
    EventFilters(admin1="idlib"),
    EventFilters(outlet="AGENCIES"),
    EventFilters(event_type="battles"),
    EventFilters(actor="forces"),
    EventFilters(disputed=False, since=dt.date(2020, 1, 1)),
    EventFilters(country="SYR", sub_event_type="Air/drone strike"),
]


@pytest.mark.parametrize("filters", FILTERS)
def test_pages_and_counts_match_the_store(web_db: Path, filters: EventFilters) -> None:
    with open_store(web_db, read_only=True) as store:
        for limit, offset in ((50, 0), (1, 0), (1, 1), (2, 3)):
            assert page_of_events(store, filters, limit=limit, offset=offset) == store.query_events(
                filters, limit=limit, offset=offset
            )
        assert count_events_capped(store, filters) == (store.count_events(filters), True)
        assert count_events_capped(store, EventFilters(), cap=2) == (2, False)


def test_event_points_cap_and_box(web_db: Path) -> None:
    with open_store(web_db, read_only=True) as store:
        points, total, exact = event_points(store, EventFilters())
        assert (len(points), total, exact) == (4, 4, True)
        newest, total, exact = event_points(store, EventFilters(), limit=2)
        assert total == 4 and exact and [point.event_date for point in newest] == ["2024-03-10", "2024-03-04"]
        boxed, total, _ = event_points(store, EventFilters(), bbox=BoundingBox(26, 36.5, 45, 42.5))
        assert {point.location for point in boxed} == {"Istanbul", "Kilis <img src=x onerror=alert(1)>"}
        across, _, _ = event_points(store, EventFilters(), bbox=BoundingBox(170, -90, 30, 90))
        assert {point.location for point in across} == {"Istanbul"}  # west > east: across the antimeridian
