"""Publication dates of inputs: parsed, and checked for plausibility.

A bad date rejects the one article that carries it (an ``InputError`` naming the input),
never the batch. Parsing is ``khabar.pipeline.dates.parse_published`` (YYYY-MM-DD, ISO
datetimes, RFC 2822, "28 February 2020", "February 28, 2020"); this module adds the range
check, since a date before 1900 or in the future is a typing or parsing accident.
"""

from __future__ import annotations

import datetime as dt

from ..errors import InputError, KhabarError
from ..pipeline.dates import parse_published

#: the earliest publication date khabar believes
EARLIEST = dt.date(1900, 1, 1)
#: a little slack after today for time zones ahead of the machine's clock
FUTURE_SLACK = dt.timedelta(days=1)


def published_date(value: str | dt.date, *, name: str, today: dt.date | None = None) -> dt.date:
    """``value`` as a plausible publication date of input ``name``; ``InputError`` otherwise."""
    if isinstance(value, dt.date):
        date = value
    else:
        try:
            date = parse_published(value, name=name)
        except KhabarError:
            raise InputError("E006", value=value, name=name) from None
    today = today or dt.date.today()
    if date < EARLIEST:
        raise InputError("E011", value=value, name=name, reason="before 1900")
    if date > today + FUTURE_SLACK:
        raise InputError("E011", value=value, name=name, reason="in the future")
    return date


def plausible_date(value: str | None, *, name: str) -> str | None:
    """``value`` when it is a plausible publication date; a broken one is a hint to ignore."""
    if not value:
        return None
    try:
        published_date(value, name=name)
    except InputError:
        return None
    return value
