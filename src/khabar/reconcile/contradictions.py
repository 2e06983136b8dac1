"""Contradictions between outlets on one ledger event, as first-class records.

* **Figures** (``fatalities``, ``injured``): the sources' latest credible figures (the same set
  ``figures.py`` reduces to low/best/high, outliers left out) take more than one value.
  Figures are grouped by their point value; a side lists its claims and the outlets.
* **Perpetrator** (``actor1``) and **target** (``actor2``): the articles name different actors
  (from perpetrator claims, or from the article events' own actors); an unknown actor
  ("Unidentified Armed Group (Syria)") is not a side.
* **Place** (``location``) and **date**: the member events' stated locations or dates clash
  (two towns far apart, a town outside the province another names; days beyond the dates'
  precision), judged as within one article (``khabar/where_when.py``).

A disagreement counts only across outlets: when every side comes from the same single outlet,
it is that article's own business (the article ledger records it) and not repeated here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import Any

from ..where_when import Where, dates_clash, night_slack, places_clash
from .config import load_config
from .figures import claim_time, latest_per_source, point, without_outliers
from .model import ArticleEventRef, ContradictionSide, LedgerClaim, LedgerContradiction

#: ledger field -> the claim kind that speaks to it
ACTOR_FIELDS = {"actor1": "perpetrator", "actor2": "target"}
FIGURE_FIELDS = {"fatalities": "killed", "injured": "injured"}


def contradictions_of(claims: list[LedgerClaim]) -> list[LedgerContradiction]:
    found: list[LedgerContradiction] = []
    for field_name, kind in FIGURE_FIELDS.items():
        sources, _ = latest_per_source(claims, kind)
        sources = without_outliers(sources, load_config().figure_outlier_ratio)
        found.extend(_contradiction(field_name, sources, key=point, label=point))
    for field_name, kind in ACTOR_FIELDS.items():
        named = [claim for claim in claims if claim.kind == kind and _names_actor(claim)]
        found.extend(_contradiction(field_name, named, key=_actor_key, label=lambda claim: claim.value))
    return found


def _names_actor(claim: LedgerClaim) -> bool:
    """A claim naming a known actor: an unknown one ("Unidentified Armed Group") is not a side."""
    if not isinstance(claim.value, str) or claim.status == "superseded":
        return False
    return load_config().known_actor(claim.value)


def _actor_key(claim: LedgerClaim) -> str:
    return str(claim.value).casefold()


def _contradiction(
    field_name: str,
    claims: list[LedgerClaim],
    *,
    key: Callable[[LedgerClaim], Hashable],
    label: Callable[[LedgerClaim], Any],
) -> list[LedgerContradiction]:
    sides: dict[Hashable, ContradictionSide] = {}
    for claim in sorted(claims, key=claim_time):
        side = sides.setdefault(key(claim), ContradictionSide(value=label(claim), claims=[], outlets=[]))
        side.claims.append(claim.id)
        outlet = claim.chain.outlet or claim.chain.article_id
        if outlet not in side.outlets:
            side.outlets.append(outlet)
    if len(sides) < 2:
        return []
    outlets = {outlet for side in sides.values() for outlet in side.outlets}
    if len(outlets) < 2:
        return []
    return [LedgerContradiction(field=field_name, sides=list(sides.values()))]


# -- place and date ------------------------------------------------------------------------------

#: a date this close to an article's start that is its publication day is its dateline
DATELINE_CHARS = 80


def setting_contradictions(members: list[ArticleEventRef]) -> list[LedgerContradiction]:
    """Outlets putting one happening in places, or on days, that cannot both be true.

    Only what an article states counts: a location or date with evidence in its text (a date
    taken from the publication day is no one's statement). Places clash when neither holds the
    other and they are far apart, dates when the days their precision allows do not meet
    (``where_when.py``, as within one article).
    """
    located = [(member, _places(member)) for member in members]
    dated = [(member, _date(member)) for member in members]
    return [
        *_setting_contradiction("location", [(m, w) for m, w in located if w], _places_disagree),
        *_setting_contradiction("date", [(m, d) for m, d in dated if d is not None], _dates_disagree),
    ]


def _places(member: ArticleEventRef) -> list[Where]:
    return [Where.of_location(location) for location in member.event.locations if location.evidence]


def _date(member: ArticleEventRef) -> tuple[dt.date, str, list[str]] | None:
    date = member.event.date
    if date.value is None or not date.evidence:
        return None
    if date.value == member.published and all(span.start < DATELINE_CHARS for span in date.evidence):
        return None  # "AFP Sunday 1 Feb 2015" at the top: the day of the report, not of the event
    return date.value, date.precision, [span.text for span in date.evidence]


def _places_disagree(first: list[Where], second: list[Where]) -> bool:
    return all(places_clash(a, b) for a in first for b in second)


def _dates_disagree(first: tuple[dt.date, str, list[str]], second: tuple[dt.date, str, list[str]]) -> bool:
    slack = night_slack([*first[2], *second[2]])
    return dates_clash(first[:2], second[:2], slack_days=slack)


def _setting_label(setting: Any) -> str:
    if isinstance(setting, list):
        return setting[0].name
    return setting[0].isoformat()


def _setting_contradiction(
    field_name: str, items: list[tuple[ArticleEventRef, Any]], disagree: Callable[[Any, Any], bool]
) -> list[LedgerContradiction]:
    """Sides (one per stated value) that clash with a side from another outlet."""
    clashing: list[int] = []
    for i, (first, a) in enumerate(items):
        for j in range(i + 1, len(items)):
            second, b = items[j]
            if _outlet(first) != _outlet(second) and disagree(a, b):
                clashing.extend(k for k in (i, j) if k not in clashing)
    if not clashing:
        return []
    sides: dict[str, ContradictionSide] = {}
    for index in sorted(clashing, key=lambda k: _member_order(items[k][0])):
        member, setting = items[index]
        label = _setting_label(setting)
        side = sides.setdefault(label, ContradictionSide(value=label, claims=[], outlets=[]))
        side.claims.extend(f"{member.article_id}:{claim.id}" for claim in member.claims)
        if _outlet(member) not in side.outlets:
            side.outlets.append(_outlet(member))
    return [LedgerContradiction(field=field_name, sides=list(sides.values()))] if len(sides) > 1 else []


def _outlet(member: ArticleEventRef) -> str:
    return member.outlet or member.article_id


def _member_order(member: ArticleEventRef) -> tuple[dt.date, str]:
    return (member.published or dt.date.min, member.article_id)
