"""A readable summary for the terminal: each event with its coded fields and evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from ..model import ArticleLedger, Count, Event
from . import register_renderer


def figure(count: Count) -> str:
    if count.low is None and count.high is None:
        return "—" + (f" ({count.note})" if count.note else "")
    if count.low == count.high:
        return str(count.low)
    return f"{count.low}–{count.high} (best {count.best})"


def actor_text(event: Event) -> str:
    actor1 = event.actor1.name or "?"
    if event.actor1.disputed:
        others = ", ".join(str(alt.get("name")) for alt in event.actor1.alternatives)
        actor1 += f" [disputed: {others}]"
    actor2 = event.actor2.name or "—"
    return f"{actor1} → {actor2}"


def places_text(event: Event) -> str:
    return "; ".join(f"{loc.name} ({loc.precision}, {loc.country})" for loc in event.locations) or "—"


@register_renderer("summary")
def render_summary(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    console = Console(file=out, width=140, highlight=False)
    for ledger in ledgers:
        article = ledger.article
        console.print(
            f"[bold]Article {article.id}[/] — {article.outlet or 'unknown outlet'}, "
            f"published {article.published or 'unknown'}: {len(ledger.events)} events, "
            f"{len(ledger.places)} places"
        )
        table = Table(show_lines=True)
        for column in ("id", "type", "date", "where", "who → whom", "killed", "injured", "evidence"):
            table.add_column(column, overflow="fold")
        for event in ledger.events:
            table.add_row(
                event.id,
                f"{event.event_type}\n{event.sub_event_type}",
                f"{event.date.value} ({event.date.precision})",
                places_text(event),
                actor_text(event),
                figure(event.fatalities),
                figure(event.injured),
                event.evidence[0].text[:160] if event.evidence else "",
            )
        console.print(table)
