"""Do two reported places or dates clash (``khabar.where_when``)?"""

from __future__ import annotations

import datetime as dt

import pytest

from khabar.where_when import Where, dates_clash, places_clash

SARAQIB = Where("Saraqib", "point", "SYR", "Idlib", None, 35.86, 36.81)
ARIHA = Where("Ariha", "point", "SYR", "Idlib", None, 35.81, 36.61)  # ~19 km away
JABLAH = Where("Jablah", "point", "SYR", "Latakia", None, 35.36, 35.93)
IDLIB_PROVINCE = Where("Idlib", "admin1", "SYR", "Idlib", None, 35.8, 36.6)
LATAKIA_PROVINCE = Where("Latakia", "admin1", "SYR", "Latakia", None, 35.6, 36.0)
SYRIA = Where("Syria", "country", "SYR", None, None, 35.0, 38.0)
TURKEY = Where("Turkey", "country", "TUR", None, None, 39.0, 35.0)
GHOUTA = Where("Eastern Ghouta", "region", "SYR", "Rif Dimashq", None, 33.55, 36.45)
DOUMA = Where("Douma", "point", "SYR", "Rif Dimashq", None, 33.57, 36.40)
IDLIB_CITY = Where("Idlib", "point", "SYR", "Idlib", None, 35.93, 36.63)
KHAN_SHAYKHUN = Where("Khan Shaykhun", "point", "SYR", "Idlib", None, 35.44, 36.65)  # ~55 km south


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        (SARAQIB, JABLAH, True),  # two towns far apart
        (SARAQIB, ARIHA, False),  # near each other
        (SARAQIB, IDLIB_PROVINCE, False),  # the town lies in the province
        (SARAQIB, LATAKIA_PROVINCE, True),  # a province elsewhere
        (IDLIB_PROVINCE, LATAKIA_PROVINCE, True),
        (JABLAH, SYRIA, False),
        (JABLAH, TURKEY, True),
        (DOUMA, GHOUTA, False),  # a region holds what lies near its point
        (JABLAH, GHOUTA, True),
        (KHAN_SHAYKHUN, IDLIB_CITY, False),  # "Idlib" may be the province that holds the town
        (JABLAH, IDLIB_CITY, True),
    ],
)
def test_places_clash_unless_one_holds_the_other_or_near(first: Where, second: Where, clash: bool) -> None:
    assert places_clash(first, second) is clash
    assert places_clash(second, first) is clash


TUESDAY = dt.date(2021, 3, 9)


@pytest.mark.parametrize(
    ("first", "second", "slack", "clash"),
    [
        ((TUESDAY, "day"), (dt.date(2021, 3, 7), "day"), 0, True),
        ((TUESDAY, "day"), (TUESDAY, "day"), 0, False),
        ((TUESDAY, "day"), (dt.date(2021, 3, 10), "day"), 1, False),  # one night, either side of midnight
        ((TUESDAY, "day"), (dt.date(2021, 3, 1), "month"), 0, False),  # March holds the 9th
        ((TUESDAY, "day"), (dt.date(2021, 2, 1), "month"), 0, True),
        ((TUESDAY, "day"), (dt.date(2021, 3, 4), "week"), 0, False),  # "last week" is loose
        ((TUESDAY, "day"), (dt.date(2021, 2, 20), "week"), 0, True),
    ],
)
def test_dates_clash_beyond_their_precision(first, second, slack: int, clash: bool) -> None:  # type: ignore[no-untyped-def]
    assert dates_clash(first, second, slack_days=slack) is clash
