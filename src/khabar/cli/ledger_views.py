"""How ``khabar query`` and ``khabar show`` print: tables, one event with its evidence, JSON."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from ..figure_text import stated_figure
from ..model import ArticleLedger, Claim, Count, Event, Span
from ..store import EventRow, SearchHit

#: characters of article text shown on each side of a piece of evidence
CONTEXT_CHARS = 90

#: lines this wide when stdout is a pipe or a file (rich would assume 80 columns)
PIPE_WIDTH = 160

out_console = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else PIPE_WIDTH)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_events(rows: list[EventRow], *, total: int, offset: int) -> None:
    table = Table(show_edge=False, pad_edge=False)
    # ids and dates stay whole (people copy them into `khabar show`); the text columns wrap
    for column in ("event", "date"):
        table.add_column(column, no_wrap=True)
    for column in ("type", "location", "actor1", "actor2", "killed", "outlet"):
        table.add_column(column, overflow="fold")
    for row in rows:
        killed = "" if row.fatalities_best is None else str(row.fatalities_best)
        location = ", ".join(part for part in (row.location, row.admin1, row.country) if part)
        disputed = " [yellow](disputed)[/]" if row.disputed else ""
        table.add_row(
            escape(row.id),
            row.event_date or "",
            escape(row.sub_event_type),
            escape(location),
            escape(row.actor1 or "") + disputed,
            escape(row.actor2 or ""),
            killed,
            escape(row.outlet or ""),
        )
    out_console.print(table)
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    out_console.print(f"[dim]{shown} of {total} events[/]")


def print_hits(hits: list[SearchHit]) -> None:
    for hit in hits:
        where = hit.article_id + (f" claim {hit.claim_id}" if hit.claim_id else "")
        out_console.print(f"[bold]{escape(where)}[/] {escape(hit.title or '')}")
        out_console.print(f"  {marked(hit.snippet)}")
    if not hits:
        out_console.print("[dim]no matches[/]")


def marked(snippet: str) -> str:
    """Rich markup of a search snippet, whose matches the store puts in [brackets]."""
    parts = re.split(r"\[([^\[\]]*)\]", snippet)
    # split() alternates text and captured matches: odd positions are matches
    return "".join(
        f"[bold yellow]{escape(part)}[/]" if n % 2 else escape(part) for n, part in enumerate(parts)
    )


def event_json(ledger: ArticleLedger, event: Event) -> dict[str, Any]:
    """The event, the claims it rests on, and its article's metadata, as ``khabar show --json`` gives it."""
    return {
        "id": f"{ledger.article.id}:{event.id}",
        "article": ledger.article.to_dict(),
        "event": event.to_dict(),
        "claims": [claim.to_dict() for claim in claims_of(ledger, event)],
    }


def claims_of(ledger: ArticleLedger, event: Event) -> list[Claim]:
    """The claims an event's fields cite, and those about it."""
    cited = set(event.fatalities.claims) | set(event.injured.claims)
    for actor in (event.actor1, event.actor2, *event.associated):
        cited.update(actor.claims)
        for alternative in actor.alternatives:
            cited.update(alternative.get("claims", []))
    return [claim for claim in ledger.claims if claim.id in cited or claim.about == event.id]


def print_event(ledger: ArticleLedger, event: Event) -> None:
    text = ledger.article.text
    article = ledger.article
    date = event.date.value.isoformat() if event.date.value else "undated"
    header = (
        f"[bold]{escape(article.id)}:{escape(event.id)}[/]  {escape(event.event_type)} / "
        f"{escape(event.sub_event_type)}\n{date} ({event.date.precision})  status {escape(event.status)}\n"
        f"[dim]{escape(article.title or '')} — {escape(article.outlet or 'unknown outlet')}, "
        f"{article.published.isoformat() if article.published else 'undated'}[/]"
    )
    parts: list[Any] = [header, _locations_table(event), _actors_table(event), _figures_table(event)]
    claims = claims_of(ledger, event)
    if claims:
        parts.append(_claims_table(claims))
    parts.append(_evidence(text, event, claims))
    out_console.print(Panel(Group(*parts), expand=False))


def _locations_table(event: Event) -> Table:
    table = Table(title="locations", title_justify="left", show_edge=False)
    for column in ("name", "country", "admin1", "admin2", "lat", "lon", "precision"):
        table.add_column(column)
    for loc in event.locations:
        table.add_row(
            escape(loc.name), loc.country or "", escape(loc.admin1 or ""), escape(loc.admin2 or ""),
            _number(loc.lat), _number(loc.lon), loc.precision,
        )  # fmt: skip
    return table


def _actors_table(event: Event) -> Table:
    table = Table(title="actors", title_justify="left", show_edge=False)
    for column in ("role", "name", "country", "inter", "disputed"):
        table.add_column(column)
    roles = [("actor1", event.actor1), ("actor2", event.actor2)]
    roles += [("associated", actor) for actor in event.associated]
    for role, actor in roles:
        disputed = ""
        if actor.disputed:
            disputed = "yes: " + ", ".join(str(alt.get("name")) for alt in actor.alternatives)
        table.add_row(
            role, escape(actor.name or ""), actor.country or "", _number(actor.inter), escape(disputed)
        )
    return table


def _figures_table(event: Event) -> Table:
    table = Table(title="figures", title_justify="left", show_edge=False)
    for column in ("figure", "low", "best", "high", "claims"):
        table.add_column(column)
    for name, count in (("fatalities", event.fatalities), ("injured", event.injured)):
        table.add_row(name, *_bounds(count), ", ".join(count.claims))
    return table


def _bounds(count: Count) -> tuple[str, str, str]:
    return _number(count.low), _number(count.best), _number(count.high)


def _claims_table(claims: list[Claim]) -> Table:
    table = Table(title="claims", title_justify="left", show_edge=False)
    for column in ("claim", "speaker", "via", "kind", "value", "status"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        table.add_row(
            claim.id, escape(claim.speaker or ""), escape(" ← ".join(claim.via)), claim.kind,
            escape(claim_value(claim)), claim.status,
        )  # fmt: skip
    return table


def claim_value(claim: Claim) -> str:
    """A figure as its source stated it ("more than 20"); any other value as JSON."""
    if isinstance(claim.value, int | float) and not isinstance(claim.value, bool):
        return stated_figure(claim.value, claim.qualifier)
    return json.dumps(claim.value, ensure_ascii=False) if claim.value is not None else ""


def _evidence(text: str, event: Event, claims: list[Claim]) -> Group:
    """Each piece of evidence highlighted in its context in the article."""
    labelled: list[tuple[str, Span]] = [("event", span) for span in event.evidence]
    labelled += [("date", span) for span in event.date.evidence]
    labelled += [(f"location {loc.name}", span) for loc in event.locations for span in loc.evidence]
    labelled += [("actor1", span) for span in event.actor1.evidence]
    labelled += [("actor2", span) for span in event.actor2.evidence]
    labelled += [("fatalities", span) for span in event.fatalities.evidence]
    labelled += [("injured", span) for span in event.injured.evidence]
    labelled += [(f"claim {claim.id}", span) for claim in claims for span in claim.evidence]
    lines = ["[bold]evidence[/]"] + [
        f"[dim]{escape(label)}:[/] {in_context(text, span)}" for label, span in labelled
    ]
    return Group(*lines)


def in_context(text: str, span: Span) -> str:
    """Rich markup of ``span`` highlighted within up to CONTEXT_CHARS of text on each side."""
    start = max(0, span.start - CONTEXT_CHARS)
    end = min(len(text), span.end + CONTEXT_CHARS)
    before = ("…" if start > 0 else "") + text[start : span.start]
    after = text[span.end : end] + ("…" if end < len(text) else "")
    evidence = flat(text[span.start : span.end])
    if not out_console.is_terminal:  # no styles in a pipe or a file: mark the evidence in text
        evidence = f"»{evidence}«"
    return f"{flat(before)}[reverse bold]{evidence}[/]{flat(after)}".strip()


def flat(part: str) -> str:
    """``part`` on one line (runs of whitespace as one space), escaped for rich markup."""
    return escape(re.sub(r"\s+", " ", part))


def _number(value: float | int | None) -> str:
    return "" if value is None else str(value)
