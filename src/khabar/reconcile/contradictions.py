"""Contradictions between outlets on one ledger event, as first-class records.

* **Figures** (``fatalities``, ``injured``): the sources' latest credible figures (the same set
  ``figures.py`` reduces to low/best/high, outliers left out) take more than one value.
  Figures are grouped by their point value; a side lists its claims and the outlets.
* **Perpetrator** (``actor1``) and **target** (``actor2``): the articles name different actors
  (from perpetrator claims, or from the article events' own actors); an unknown actor
  ("Unidentified Armed Group (Syria)") is not a side.

A disagreement counts only across outlets: when every side comes from the same single outlet,
it is that article's own business (the article ledger records it) and not repeated here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from .config import load_config
from .figures import claim_time, latest_per_source, point, without_outliers
from .model import ContradictionSide, LedgerClaim, LedgerContradiction

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
