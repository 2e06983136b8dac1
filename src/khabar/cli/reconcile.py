"""``khabar reconcile``: the store's article events become ledger events; and how those print.

``khabar reconcile [--db ...]`` reads every article event of the store (texts stay on disk),
clusters the reports of one happening across articles and outlets, and writes the ledger events
in one transaction; re-running on an unchanged store writes nothing. ``khabar show L-...`` and
``khabar query --ledger`` print them with the functions below.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from ..figure_text import stated_figure
from ..store import DEFAULT_DB
from ..store.ledger_events import LedgerEventRow
from .common import err_console
from .ledger import DbOption, opened_store, user_errors
from .ledger_views import out_console


def reconcile_command(db: DbOption = DEFAULT_DB) -> None:
    """Cluster the stored article events into ledger events (one per happening) and store them."""
    with user_errors(), opened_store(db, read_only=False) as store:
        started = time.perf_counter()
        summary = store.reconcile()
    seconds = time.perf_counter() - started
    err_console.print(
        f"{summary.article_events} article events → {summary.ledger_events} ledger events: "
        f"written {summary.written}, unchanged {summary.unchanged}, removed {summary.removed} "
        f"({seconds:.1f} s) — {store.url}"
    )


# --- khabar query --ledger -----------------------------------------------------------------


def print_ledger_events(rows: list[LedgerEventRow], *, total: int, offset: int) -> None:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("ledger event", "dates"):
        table.add_column(column, no_wrap=True)
    for column in ("type", "location", "actor1", "actor2", "killed", "reports"):
        table.add_column(column, overflow="fold")
    for row in rows:
        location = ", ".join(part for part in (row.location, row.admin1, row.country) if part)
        disputed = " [yellow](disputed)[/]" if row.disputed else ""
        table.add_row(
            escape(row.id),
            _window(row.date_start, row.date_end),
            escape(row.sub_event_type),
            escape(location),
            escape(row.actor1 or "") + disputed,
            escape(row.actor2 or ""),
            _range(row.fatalities_low, row.fatalities_best, row.fatalities_high),
            f"{row.articles} ({row.outlets} outlets)",
        )
    out_console.print(table)
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    out_console.print(f"[dim]{shown} of {total} ledger events[/]")


# --- khabar show L-... ---------------------------------------------------------------------


def print_ledger_event(data: dict[str, Any]) -> None:
    """A ledger event: what, when, where, who (with the disputed sides), figures, timeline,
    contradictions, each outlet's claims, and the member articles."""
    acled = data["acled"]
    date = data["date"]
    header = (
        f"[bold]{escape(data['id'])}[/]  {escape(acled['event_type'])} / {escape(acled['sub_event_type'])}\n"
        f"{_window(date['start'], date['end'])} ({date['precision']})  "
        f"{len(data['articles'])} articles from {len(data['outlets'])} outlets: "
        f"{escape(', '.join(data['outlets']))}"
    )
    parts: list[Any] = [header, _place_line(data.get("location")), _actors_table(data), _figures_table(data)]
    parts.extend(_timeline_tables(data["timeline"]))
    if data["contradictions"]:
        parts.append(_contradictions_table(data["contradictions"]))
    parts.append(_claims_by_outlet(data["claims"]))
    parts.append(_members_table(data.get("member_articles", [])))
    out_console.print(Panel(Group(*parts), expand=False))


def _place_line(location: dict[str, Any] | None) -> str:
    if not location:
        return "[bold]place[/] unknown"
    where = ", ".join(
        str(part) for part in (location.get("name"), location.get("admin1"), location.get("country")) if part
    )
    point = ""
    if location.get("lat") is not None:
        point = f"  ({location['lat']:.3f}, {location['lon']:.3f})"
    return f"[bold]place[/] {escape(where)}{point}  precision {location.get('precision')}"


def _actors_table(data: dict[str, Any]) -> Table:
    table = Table(title="actors", title_justify="left", show_edge=False)
    for column in ("role", "name", "sides (outlets; claims)"):
        table.add_column(column, overflow="fold")
    for role, label in (("actor1", "perpetrator"), ("actor2", "target")):
        actor = data[role]
        sides = ""
        if actor.get("disputed"):
            sides = "; ".join(
                f"{alt.get('name')} ({', '.join(alt.get('outlets', []))}; {', '.join(alt.get('claims', []))})"
                for alt in actor.get("alternatives", [])
            )
            sides = "[yellow]disputed[/] — also: " + escape(sides)
        table.add_row(label, escape(actor.get("name") or ""), sides)
    return table


def _figures_table(data: dict[str, Any]) -> Table:
    table = Table(title="figures (UCDP style)", title_justify="left", show_edge=False)
    for column in ("figure", "low", "best", "high", "rule"):
        table.add_column(column, overflow="fold")
    for name in ("fatalities", "injured"):
        figure = data[name]
        table.add_row(
            name, _text(figure["low"]), _text(figure["best"]), _text(figure["high"]), escape(figure["rule"])
        )
    return table


def _timeline_tables(timeline: dict[str, list[dict[str, Any]]]) -> Iterable[Table]:
    for name, points in timeline.items():
        if not points:
            continue
        table = Table(title=f"{name}: as reported", title_justify="left", show_edge=False)
        for column in ("published", "outlet", "speaker / source", "figure", "status", "claim"):
            table.add_column(column, overflow="fold")
        for point in points:
            table.add_row(
                point["published"] or "", escape(point["outlet"] or ""), escape(point["source"] or ""),
                _bounds(point["low"], point["high"]), point["status"], escape(point["claim"]),
            )  # fmt: skip
        yield table


def _contradictions_table(contradictions: list[dict[str, Any]]) -> Table:
    table = Table(title="contradictions between outlets", title_justify="left", show_edge=False)
    for column in ("field", "value", "outlets", "claims"):
        table.add_column(column, overflow="fold")
    for item in contradictions:
        for number, side in enumerate(item["sides"]):
            table.add_row(
                item["field"] if number == 0 else "", escape(json.dumps(side["value"], ensure_ascii=False)),
                escape(", ".join(side["outlets"])), escape(", ".join(side["claims"])),
            )  # fmt: skip
    return table


def _claims_by_outlet(claims: list[dict[str, Any]]) -> Table:
    table = Table(title="claims by outlet", title_justify="left", show_edge=False)
    for column in ("outlet", "published", "speaker", "kind", "value", "status", "claim"):
        table.add_column(column, overflow="fold")
    ordered = sorted(
        claims, key=lambda claim: (claim["outlet"] or "", claim["published"] or "", claim["order"])
    )
    previous = None
    for claim in ordered:
        outlet = claim["outlet"] or claim["article_id"]
        value = stated_figure(claim["value"], claim.get("qualifier"))  # "more than 20", as said
        speaker = claim["speaker"] or ("(the outlet)" if claim.get("synthetic") else "")
        table.add_row(
            escape(outlet) if outlet != previous else "", claim["published"] or "", escape(speaker),
            claim["kind"], escape(value), claim["status"], escape(claim["id"]),
        )  # fmt: skip
        previous = outlet
    return table


def _members_table(members: list[dict[str, Any]]) -> Table:
    table = Table(title="member reports (khabar show ARTICLE:EVENT)", title_justify="left", show_edge=False)
    for column in ("article event", "outlet", "published", "title"):
        table.add_column(column, overflow="fold")
    for member in members:
        table.add_row(
            escape(f"{member['article_id']}:{member['event_id']}"), escape(member["outlet"] or ""),
            member["published"] or "", escape(member["title"] or ""),
        )  # fmt: skip
    return table


def _window(start: str | None, end: str | None) -> str:
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} – {end}"


def _range(low: int | None, best: int | None, high: int | None) -> str:
    if best is None and low is None and high is None:
        return ""
    if low == best == high:
        return str(best)
    return f"{_text(best)} ({_text(low)}–{_text(high)})"


def _bounds(low: int | None, high: int | None) -> str:
    if low == high:
        return _text(low)
    if high is None:
        return f"≥ {low}"
    if low is None:
        return f"≤ {high}"
    return f"{low}–{high}"


def _text(value: object) -> str:
    return "" if value is None else str(value)
