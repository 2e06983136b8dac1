"""The ledger commands: ``khabar ingest``, ``query``, ``show`` and ``export``, over one store.

Every command takes ``--db URL_OR_PATH`` (env ``KHABAR_DB``, default ``./khabar.db``; a
``postgresql://`` URL selects PostgreSQL). ``ingest`` writes; the others open the store
read-only. Exit codes of ``ingest`` are those of ``khabar extract``: 0 all stored, 3 no input
could be read, 4 some inputs were skipped or failed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import KhabarError
from ..ingest.csv_reader import DATE_ORDERS, CsvColumns
from ..ingest.near_duplicates import DEFAULT_THRESHOLD as NEAR_DUP_THRESHOLD
from ..ingest.near_duplicates import MIN_THRESHOLD as MIN_NEAR_DUP_THRESHOLD
from ..model import ArticleLedger
from ..store import DEFAULT_DB, EventFilters, SqlStore, open_store
from ..store.filters import country_code, parse_date
from ..store.ingest import OUTCOMES
from .common import ExitCode, err_console, report_error
from .extract import DEFAULT_MAX_CHARS, keep_articles, open_output, route_warnings_to_stderr
from .extract import Tally as ReadTally

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="KHABAR_DB",
        help="The store: a SQLite file, or a postgresql:// URL.",
        show_default=True,
    ),
]
#: export formats that render from stored ledgers (more are registered by later work)
EXPORT_FORMATS = ("acled", "ucdp", "plover", "geojson", "parquet", "jsonl", "json")

# --- filters shared by query and export ---------------------------------------------------

SinceOption = Annotated[str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Events on or before this date (YYYY-MM-DD).")]
CountryOption = Annotated[str | None, typer.Option(help="Country of a location: ISO3, ISO2 or name.")]
Admin1Option = Annotated[str | None, typer.Option(help="First-level region of a location (e.g. Idlib).")]
EventTypeOption = Annotated[str | None, typer.Option(help="ACLED event type, e.g. 'Battles'.")]
SubEventTypeOption = Annotated[
    str | None, typer.Option(help="ACLED sub-event type, e.g. 'Air/drone strike'.")
]
ActorOption = Annotated[str | None, typer.Option(help="Text in the name of actor1 or actor2.")]
OutletOption = Annotated[str | None, typer.Option(help="The outlet that published the article.")]
StatusOption = Annotated[str | None, typer.Option(help="Event status (asserted, unverified, ...).")]
DisputedOption = Annotated[
    bool | None,
    typer.Option("--disputed/--undisputed", help="Only events with (or without) a disputed field."),
]


def build_filters(
    *,
    since: str | None,
    until: str | None,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    sub_event_type: str | None,
    actor: str | None,
    outlet: str | None,
    status: str | None,
    disputed: bool | None,
) -> EventFilters:
    return EventFilters(
        since=parse_date(since, option="--since") if since else None,
        until=parse_date(until, option="--until") if until else None,
        country=country_code(country) if country else None,
        admin1=admin1,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        outlet=outlet,
        status=status,
        disputed=disputed,
    )


@contextmanager
def opened_store(db: str, *, read_only: bool) -> Iterator[SqlStore]:
    """The store, or exit 1 with the store's error on stderr.

    A reader of a store that an older khabar wrote runs the new migrations first (they are
    additive), so that upgrading khabar never locks anyone out of their ledger.
    """
    try:
        try:
            store = open_store(db, read_only=read_only)
        except KhabarError as exc:
            if exc.code != "E146":
                raise
            open_store(db).close()
            store = open_store(db, read_only=read_only)
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc
    try:
        yield store
    finally:
        store.close()


@contextmanager
def user_errors() -> Iterator[None]:
    """A KhabarError (a bad filter, an unknown id) is one line on stderr and exit 1, not a traceback."""
    try:
        yield
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc


# --- ingest --------------------------------------------------------------------------------


@dataclass(slots=True)
class IngestTally:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1

    ORDER = OUTCOMES

    def summary(self) -> str:
        return ", ".join(f"{name} {self.counts.get(name, 0)}" for name in self.ORDER)

    def brief(self) -> str:
        """The outcomes seen so far, short enough to leave an 80-column progress bar its bar."""
        return ", ".join(f"{self.counts[name]} {name}" for name in self.ORDER if self.counts.get(name))

    def to_dict(self) -> dict[str, int]:
        return {name: self.counts.get(name, 0) for name in self.ORDER}


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, '-' for stdin, http(s) URLs: text, HTML, JSONL, CSV, WARC, RSS/Atom feeds."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes, one spaCy pipeline each.")] = 1,
    published: Annotated[str | None, typer.Option(help="Publication date of inputs that carry none.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet of inputs that name none.")] = None,
    text_column: Annotated[str | None, typer.Option(help="CSV column of the article text.")] = None,
    id_column: Annotated[str | None, typer.Option(help="CSV column of the article id.")] = None,
    title_column: Annotated[str | None, typer.Option(help="CSV column of the title.")] = None,
    date_column: Annotated[str | None, typer.Option(help="CSV column of the publication date.")] = None,
    outlet_column: Annotated[str | None, typer.Option(help="CSV column of the outlet.")] = None,
    url_column: Annotated[str | None, typer.Option(help="CSV column of the URL.")] = None,
    date_order: Annotated[
        str | None, typer.Option(help="How CSV numeric dates like 4/5/2017 are written: dmy, mdy or ymd.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(help="Re-extract every article already stored, older texts of an id included."),
    ] = False,
    recode: Annotated[
        bool,
        typer.Option(
            help="Re-extract stored articles that another extractor version coded (--no-recode keeps "
            "their old codings; `khabar query --stats` counts them as stale)."
        ),
    ] = True,
    max_chars: Annotated[int, typer.Option(help="Reject inputs longer than this.")] = DEFAULT_MAX_CHARS,
    allow_non_english: Annotated[
        bool, typer.Option(help="Keep inputs that are not in English (their language is stored).")
    ] = False,
    near_dup_threshold: Annotated[
        float,
        typer.Option(
            help="Word 5-gram Jaccard similarity from which an article is a near copy of a stored one "
            "(linked, not extracted); 0 turns near-duplicate detection off."
        ),
    ] = NEAR_DUP_THRESHOLD,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
    reconcile: Annotated[
        bool, typer.Option(help="Then reconcile the store's events into ledger events (`khabar reconcile`).")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="The counts of each outcome as JSON on stdout.")
    ] = False,
) -> None:
    """Read articles, extract those the store does not hold yet, and store each ledger."""
    if date_order is not None and date_order not in DATE_ORDERS:
        report_error(f"--date-order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
        raise typer.Exit(ExitCode.USAGE)
    if near_dup_threshold != 0 and not MIN_NEAR_DUP_THRESHOLD <= near_dup_threshold <= 1:
        report_error(str(KhabarError("E208", low=MIN_NEAR_DUP_THRESHOLD, value=near_dup_threshold)))
        raise typer.Exit(ExitCode.USAGE)
    columns = CsvColumns(
        text=text_column, id=id_column, title=title_column, date=date_column,
        outlet=outlet_column, url=url_column, date_order=date_order,  # type: ignore[arg-type]
    )  # fmt: skip
    route_warnings_to_stderr()
    from ..ingest import read_inputs
    from ..store.ingest import ingest

    read_tally, tally = ReadTally(), IngestTally()
    with (
        opened_store(db, read_only=False) as store,
        csv_format(columns),
        ingest_progress(progress) as advance,
    ):
        items = read_inputs(
            paths,
            published=published,
            outlet=outlet,
            max_chars=max_chars,
            allow_non_english=allow_non_english,
        )
        try:
            results = ingest(
                store,
                keep_articles(items, read_tally),
                workers=workers,
                force=force,
                recode=recode,
                near_dup_threshold=near_dup_threshold or None,
            )
            for result in results:
                tally.add(result.outcome)
                if result.outcome == "failed":
                    report_error(f"extraction failed for article '{result.article_id}': {result.error}")
                advance(tally.brief())
        except KhabarError as exc:
            report_error(str(exc))
            raise typer.Exit(ExitCode.FAILURE) from exc
    err_console.print(
        f"{read_tally.read} read, {read_tally.skipped} skipped: {tally.summary()} — {store.url}"
    )
    if as_json:
        from .ledger_views import print_json

        print_json({"read": read_tally.read, "skipped": read_tally.skipped, **tally.to_dict()})
    if reconcile:
        from .reconcile import reconcile_command

        reconcile_command(db)
    raise typer.Exit(_ingest_exit_code(read_tally, tally))


def _ingest_exit_code(read: ReadTally, tally: IngestTally) -> ExitCode:
    if read.read == 0:
        return ExitCode.NO_INPUT
    if read.skipped or tally.counts.get("failed"):
        return ExitCode.PARTIAL
    return ExitCode.OK


@contextmanager
def csv_format(columns: CsvColumns) -> Iterator[None]:
    """Read CSV inputs with ``columns`` for the duration of one command, then restore the default."""
    from ..ingest import FORMATS, InputFormat, register_format
    from ..ingest.csv_reader import make_csv_reader

    if columns == CsvColumns():
        yield
        return
    default = FORMATS["csv"]
    register_format(InputFormat("csv", make_csv_reader(columns), default.extensions, default.sniff))
    try:
        yield
    finally:
        register_format(default)


#: short enough to leave the bar its room in an 80-column terminal; a first run also builds the
#: gazetteer index here, which takes a minute or two
LOADING_NOTE = "loading the pipeline…"


@contextmanager
def ingest_progress(enabled: bool) -> Iterator:  # type: ignore[type-arg]
    """A progress bar on stderr; yields the function that counts one article done."""
    if not enabled:
        yield lambda summary: None
        return
    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=err_console, transient=True) as bar:
        # until the first article is done the pipeline loads (and, on a first run, the gazetteer
        # index is built): say so, rather than show a bar that does not move
        task = bar.add_task(LOADING_NOTE, total=None)
        yield lambda summary: bar.update(task, advance=1, description=summary)


# --- query ---------------------------------------------------------------------------------


def query_command(
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    event_type: EventTypeOption = None,
    sub_event_type: SubEventTypeOption = None,
    actor: ActorOption = None,
    outlet: OutletOption = None,
    status: StatusOption = None,
    disputed: DisputedOption = None,
    search: Annotated[
        str | None, typer.Option(help="Full-text search of articles and claims instead.")
    ] = None,
    stats: Annotated[bool, typer.Option(help="Counts of what the store holds instead.")] = False,
    ledger: Annotated[
        bool, typer.Option("--ledger", help="List reconciled ledger events (`khabar reconcile`) instead.")
    ] = False,
    min_articles: Annotated[
        int, typer.Option(help="With --ledger: only ledger events reported by at least this many articles.")
    ] = 1,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout instead of a table.")] = False,
) -> None:
    """List stored events that match the filters (or search, or count), newest data first."""
    from . import ledger_views

    with user_errors(), opened_store(db, read_only=True) as store:
        if stats:
            ledger_views.print_json(stats_with_staleness(store))
            return
        if search is not None:
            hits = store.search(search, limit=limit)
            if as_json:
                ledger_views.print_json([hit.to_dict() for hit in hits])
            else:
                ledger_views.print_hits(hits)
            return
        filters = build_filters(
            since=since, until=until, country=country, admin1=admin1, event_type=event_type,
            sub_event_type=sub_event_type, actor=actor, outlet=outlet, status=status, disputed=disputed,
        )  # fmt: skip
        if ledger:
            _query_ledger(
                store, filters, min_articles=min_articles, limit=limit, offset=offset, as_json=as_json
            )
            return
        rows = store.query_events(filters, limit=limit, offset=offset)
        if as_json:
            ledger_views.print_json([row.to_dict() for row in rows])
        else:
            ledger_views.print_events(rows, total=store.count_events(filters), offset=offset)


def stats_with_staleness(store: SqlStore) -> dict[str, object]:
    """The store's counts, with how many articles this extractor would re-code (``stale``)."""
    from ..extractor_version import extractor_version

    return {**store.stats(), "extractor_version": extractor_version(), "stale": store.count_stale()}


def _query_ledger(
    store: SqlStore, filters: EventFilters, *, min_articles: int, limit: int, offset: int, as_json: bool
) -> None:
    from . import ledger_views, reconcile

    if min_articles < 1:
        raise KhabarError("E223", value=min_articles)
    rows = store.query_ledger_events(filters, limit=limit, offset=offset, min_articles=min_articles)
    if as_json:
        ledger_views.print_json([row.to_dict() for row in rows])
        return
    total = store.count_ledger_events(filters, min_articles=min_articles)
    reconcile.print_ledger_events(rows, total=total, offset=offset)


# --- show ----------------------------------------------------------------------------------


def show_command(
    event_id: Annotated[
        str,
        typer.Argument(
            help="The event: ARTICLEID:e1 (`khabar query`) or a ledger event L-... (`khabar query --ledger`)."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="The event and its claims as JSON.")] = False,
) -> None:
    """One event: its locations, actors, figures, claims, and the evidence in the article.

    A ledger event (L-...) prints with every outlet's claims, each figure's timeline, the
    contradictions between outlets, and the reports it gathers."""
    from ..store.ledger_events import is_ledger_event_id
    from . import ledger_views, reconcile

    with user_errors(), opened_store(db, read_only=True) as store:
        if is_ledger_event_id(event_id):
            data = store.get_ledger_event(event_id)
            if as_json:
                ledger_views.print_json(data)
            else:
                reconcile.print_ledger_event(data)
            return
        ledger, event = store.get_event(event_id)
        ledger_event = store.ledger_event_of(event_id)
        coded_by = store.coded_by(ledger.article.id)
        if as_json:
            ledger_views.print_json(
                {**ledger_views.event_json(ledger, event), "ledger_event": ledger_event, "coded_by": coded_by}
            )
        else:
            ledger_views.print_event(ledger, event)
            if ledger_event:
                ledger_views.out_console.print(f"ledger event: {ledger_event} (khabar show {ledger_event})")
            print_staleness(coded_by)


def print_staleness(coded_by: str | None) -> None:
    """Say so when another extractor than this one coded the article (``khabar ingest`` re-codes it)."""
    from ..extractor_version import extractor_version
    from .ledger_views import out_console

    if coded_by != extractor_version():
        coded = f"extractor {coded_by}" if coded_by else "an extractor of unknown version"
        out_console.print(
            f"[yellow]stale:[/] coded by {coded}, not by this one ({extractor_version()}); "
            "`khabar ingest` of its article re-codes it"
        )


# --- export --------------------------------------------------------------------------------


def export_parquet(ledgers: Iterable[ArticleLedger], output: Path | None) -> None:
    """Parquet is binary and two tables: a folder with articles.parquet and events.parquet."""
    from ..export.parquet import write_parquet

    if output is None:
        report_error("--format parquet writes a folder: give it with -o DIR")
        raise typer.Exit(ExitCode.USAGE)
    write_parquet(ledgers, output)


def export_ledger_events(
    store: SqlStore, filters: EventFilters, output_format: str, output: Path | None
) -> None:
    """The reconciled ledger events that match ``filters``; none stored is the user's to fix first."""
    from ..export.ledger import render_ledger
    from ..store.ledger_events import count_ledger_events, iter_ledger_event_data

    if count_ledger_events(store) == 0:
        report_error("the store holds no ledger events: run `khabar reconcile` first")
        raise typer.Exit(ExitCode.FAILURE)
    with open_output(output) as out:
        render_ledger(output_format, iter_ledger_event_data(store, filters), out)


def export_command(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(EXPORT_FORMATS)}.")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (default stdout).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    event_type: EventTypeOption = None,
    sub_event_type: SubEventTypeOption = None,
    actor: ActorOption = None,
    outlet: OutletOption = None,
    status: StatusOption = None,
    disputed: DisputedOption = None,
    ledger: Annotated[
        bool,
        typer.Option(
            "--ledger",
            help="Export reconciled ledger events (`khabar reconcile`), one per happening, instead of "
            "each article's events: acled, geojson or jsonl.",
        ),
    ] = False,
) -> None:
    """Export stored ledgers; with filters, only the matching events (and their articles)."""
    from ..export import render
    from ..export.ledger import LEDGER_FORMATS

    formats = LEDGER_FORMATS if ledger else EXPORT_FORMATS
    if output_format not in formats:
        report_error(f"unknown format {output_format!r}; choose one of {', '.join(formats)}")
        raise typer.Exit(ExitCode.USAGE)
    with user_errors(), opened_store(db, read_only=True) as store:
        filters = build_filters(
            since=since, until=until, country=country, admin1=admin1, event_type=event_type,
            sub_event_type=sub_event_type, actor=actor, outlet=outlet, status=status, disputed=disputed,
        )  # fmt: skip
        if ledger:
            export_ledger_events(store, filters, output_format, output)
            return
        if output_format == "parquet":
            export_parquet(store.iter_ledgers(filters), output)
            return
        with open_output(output) as out:
            render(output_format, store.iter_ledgers(filters), out)
    if output is None:
        sys.stdout.flush()
