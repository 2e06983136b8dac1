"""What the API and the pages show of a ledger: one function per page, JSON-ready dicts.

The JSON twin of a page is built from the same function as the page, so they cannot drift.
Event pages show article-level events; ``ledger_events`` (from reconciliation, when it has
run) lists the cross-article ledger events an article event belongs to: the seam where a
ledger event page will plug in.
"""

from __future__ import annotations

from typing import Any

from ..model import ArticleLedger, Claim, Event, Span
from .charts import figure_chart
from .highlight import Mark, segments


def claims_of(ledger: ArticleLedger, event: Event) -> list[Claim]:
    """The claims an event's fields cite, and those about it (in the article's order)."""
    cited = set(event.fatalities.claims) | set(event.injured.claims)
    for actor in (event.actor1, event.actor2, *event.associated):
        cited.update(actor.claims)
        for alternative in actor.alternatives:
            cited.update(alternative.get("claims", []))
    return [claim for claim in ledger.claims if claim.id in cited or claim.about == event.id]


def evidence_of(event: Event) -> list[tuple[str, Span]]:
    """(field, span) for every piece of evidence behind the event's coded fields."""
    labelled: list[tuple[str, Span]] = [("event", span) for span in event.evidence]
    labelled += [("date", span) for span in event.date.evidence]
    labelled += [(f"location {loc.name}", span) for loc in event.locations for span in loc.evidence]
    for role, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        labelled += [(role, span) for span in actor.evidence]
    labelled += [("fatalities", span) for span in event.fatalities.evidence]
    labelled += [("injured", span) for span in event.injured.evidence]
    return labelled


def event_detail(
    ledger: ArticleLedger, event: Event, *, ledger_events: list[dict[str, Any]]
) -> dict[str, Any]:
    """``GET /api/events/{id}``: the event, its claims, its evidence, and what contradicts it."""
    claims = claims_of(ledger, event)
    claim_ids = {claim.id for claim in claims}
    return {
        "id": f"{ledger.article.id}:{event.id}",
        "article": ledger.article.to_dict(),
        "event": event.to_dict(),
        "claims": [claim.to_dict() for claim in claims],
        "evidence": [{"field": name, **span.to_dict()} for name, span in evidence_of(event)],
        "revisions": [
            r.to_dict() for r in ledger.revisions if r.about == event.id or set(r.claims) & claim_ids
        ],
        "contradictions": [
            c.to_dict() for c in ledger.contradictions if c.about == event.id or set(c.claims) & claim_ids
        ],
        "ledger_events": ledger_events,
    }


def event_page(ledger: ArticleLedger, event: Event, *, ledger_events: list[dict[str, Any]]) -> dict[str, Any]:
    """The event page: the JSON detail, plus highlighted text, jump targets and figure charts."""
    detail = event_detail(ledger, event, ledger_events=ledger_events)
    claims = claims_of(ledger, event)
    marks: list[Mark] = []
    jumps: dict[str, list[str]] = {}  # field or claim id -> anchors of its spans
    for n, (name, span) in enumerate(evidence_of(event)):
        anchor = f"ev-{n}"
        marks.append(Mark(span.start, span.end, "event", anchor, name))
        jumps.setdefault(name.split(" ")[0], []).append(anchor)
    for claim in claims:
        for n, span in enumerate(claim.evidence):
            anchor = f"{claim.id}-{n}"
            marks.append(
                Mark(span.start, span.end, "claim", anchor, f"claim {claim.id} ({claim.speaker or '?'})")
            )
            jumps.setdefault(claim.id, []).append(anchor)
    charts = [
        chart for figure in ("killed", "injured")
        if (chart := figure_chart(claims, figure, published=ledger.article.published)) is not None
    ]  # fmt: skip
    by_id = {claim.id: claim for claim in claims}
    return {
        "detail": detail,
        "event": event,
        "article": ledger.article,
        "claims": claims,
        "claims_by_id": by_id,
        "segments": segments(ledger.article.text, marks),
        "jumps": jumps,
        "charts": charts,
        "disputed": disputed_fields(event, by_id, detail["contradictions"]),
    }


def disputed_fields(
    event: Event, claims: dict[str, Claim], contradictions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each disputed field with its sides, to show side by side: (value, the claims behind it)."""
    fields: list[dict[str, Any]] = []
    for role, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        if actor.disputed:
            sides = [{"value": actor.name, "claims": actor.claims, "coded": True}]
            sides += [{"value": alt.get("name"), "claims": alt.get("claims", []), "coded": False}
                      for alt in actor.alternatives]  # fmt: skip
            fields.append({"field": role, "sides": sides})
    for record in contradictions:
        if _restates_a_disputed_actor(record, fields):
            continue  # the perpetrator's sides are already shown, now marked as between sources
        sides = []
        held = {str(side.get("value")): side.get("claims", []) for side in record.get("sides", [])}
        for value in record.get("values", []):
            backing = held.get(str(value)) or [
                cid for cid in record.get("claims", []) if cid in claims and claims[cid].value == value
            ]
            sides.append({"value": value, "claims": backing, "coded": False})
        fields.append({"field": record.get("field"), "sides": sides, "contradiction": True})
    return fields


def _restates_a_disputed_actor(record: dict[str, Any], fields: list[dict[str, Any]]) -> bool:
    """True when a perpetrator contradiction sets the same actors against each other as the
    disputed actor1 shown already; that field is marked as a contradiction between sources."""
    if record.get("field") != "perpetrator":
        return False
    values = {str(value) for value in record.get("values", [])}
    for field in fields:
        if field["field"] == "actor1" and {str(side["value"]) for side in field["sides"]} == values:
            field["contradiction"] = True
            return True
    return False


#: the article page's layers, in the order of their toggles
ARTICLE_LAYERS = ("event", "claim", "place", "framing")


def article_detail(ledger: ArticleLedger) -> dict[str, Any]:
    """``GET /api/articles/{id}``: the article with its text, and its whole ledger."""
    data = ledger.to_dict()
    data["article"] = ledger.article.to_dict(with_text=True)
    data["event_ids"] = [f"{ledger.article.id}:{event.id}" for event in ledger.events]
    return data


def article_page(ledger: ArticleLedger) -> dict[str, Any]:
    marks: list[Mark] = []
    for event in ledger.events:
        for name, span in evidence_of(event):
            marks.append(Mark(span.start, span.end, "event", None, f"{event.id} {name}"))
    for claim in ledger.claims:
        for span in claim.evidence:
            marks.append(Mark(span.start, span.end, "claim", None, f"claim {claim.id} ({claim.status})"))
    for mention in ledger.places:
        place = mention.place
        label = f"place {place.name}, {place.admin1 or ''} {place.country or ''}".strip()
        marks.append(Mark(mention.span.start, mention.span.end, "place", None, label))
    for item in ledger.framing:
        marks.append(
            Mark(item.span.start, item.span.end, "framing", None, f"{item.technique} ({item.voice})")
        )
    counts = {
        "event": len(ledger.events), "claim": len(ledger.claims),
        "place": len(ledger.places), "framing": len(ledger.framing),
    }  # fmt: skip
    return {
        "ledger": ledger,
        "article": ledger.article,
        "segments": segments(ledger.article.text, marks),
        "layers": ARTICLE_LAYERS,
        "layer_counts": counts,
    }
