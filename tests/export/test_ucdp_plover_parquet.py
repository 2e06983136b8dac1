"""The UCDP, PLOVER and Parquet exports read back with real readers (pyarrow, json + schema)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from khabar.errors import KhabarError
from khabar.export import RENDERERS, render
from khabar.export.parquet import ledger_of_row, write_parquet
from khabar.export.ucdp import COLUMNS, date_window, type_of_violence
from khabar.model import (
    Actor,
    Article,
    ArticleLedger,
    Count,
    Event,
    EventDate,
    Location,
    Plover,
    Span,
)

TEXT = (
    "Government forces shelled Saraqib on Monday, killing at least four civilians. "
    "Rebels and regime troops clashed near Idlib last week."
)
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "src" / "khabar" / "export" / "plover.schema.json"


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span.of(TEXT, start, start + len(text))


def saraqib(precision: str = "town") -> Location:
    return Location(
        name="Saraqib", country="SYR", lat=35.86, lon=36.8, precision=precision,  # type: ignore[arg-type]
        admin1="Idlib", admin2="Idlib District", geonameid=163345, evidence=[span("Saraqib")],
    )  # fmt: skip


def idlib() -> Location:
    return Location(name="Idlib", country="SYR", lat=35.93, lon=36.63, precision="near_town", admin1="Idlib")


def shelling() -> Event:
    return Event(
        id="e1",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(dt.date(2024, 3, 4), "day", [span("Monday")]),
        locations=[saraqib()],
        actor1=Actor(
            "Military Forces of Syria", "SYR", 1, sector="MIL", evidence=[span("Government forces")]
        ),
        actor2=Actor("Civilians (Syria)", "SYR", 7, evidence=[span("civilians")]),
        fatalities=Count(low=4, best=4, high=None, evidence=[span("at least four")]),
        plover=Plover("ASSAULT", "heavy-weapons", ["military"]),
        evidence=[span("Government forces shelled Saraqib on Monday, killing at least four civilians.")],
    )


def clash() -> Event:
    return Event(
        id="e2",
        sub_event_type="Armed clash",
        date=EventDate(dt.date(2024, 2, 26), "week", [span("last week")]),
        locations=[idlib(), saraqib("admin1")],
        actor1=Actor("Syrian rebels", "SYR", 2, evidence=[span("Rebels")]),
        actor2=Actor("Military Forces of Syria", "SYR", 1, evidence=[span("regime troops")]),
        evidence=[span("Rebels and regime troops clashed near Idlib last week.")],
    )


@pytest.fixture()
def ledger() -> ArticleLedger:
    article = Article(TEXT, id="art-1", published=dt.date(2024, 3, 6), outlet="Wire", title="Shelling")
    return ArticleLedger(article=article, events=[shelling(), clash()])


def rendered(name: str, ledgers: list[ArticleLedger]) -> str:
    out = io.StringIO()
    render(name, ledgers, out)
    return out.getvalue()


def test_the_three_formats_are_registered() -> None:
    assert {"ucdp", "plover", "parquet"} <= set(RENDERERS)


# --- UCDP ------------------------------------------------------------------------------------


def test_ucdp_csv_reads_back_with_the_ged_columns_and_types(ledger: ArticleLedger) -> None:
    table = pacsv.read_csv(io.BytesIO(rendered("ucdp", [ledger]).encode()))
    assert tuple(table.column_names) == COLUMNS
    rows = table.to_pylist()
    assert [row["id"] for row in rows] == ["art-1:e1", "art-1:e2", "art-1:e2@2"]
    assert table.schema.field("year").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("date_start").type == pa.date32()
    shelled, clashed, second_place = rows
    # shelling of civilians by the state: one-sided; deaths are civilian deaths
    assert shelled["type_of_violence"] == 3
    assert (shelled["best"], shelled["low"], shelled["high"]) == (4, 4, None)
    assert shelled["deaths_civilians"] == 4 and shelled["deaths_unknown"] is None
    assert shelled["where_prec"] == 1 and shelled["where_description"] == "Saraqib"
    assert shelled["date_prec"] == 1 and shelled["date_start"] == shelled["date_end"] == dt.date(2024, 3, 4)
    assert shelled["side_a"] == "Military Forces of Syria" and shelled["source_office"] == "Wire"
    # rebels against the state: state-based, and side A is the state, as in the GED
    assert clashed["type_of_violence"] == 1
    assert (clashed["side_a"], clashed["side_b"]) == ("Military Forces of Syria", "Syrian rebels")
    assert clashed["where_prec"] == 2 and second_place["where_prec"] == 4
    assert clashed["date_prec"] == 3
    assert (clashed["date_start"], clashed["date_end"]) == (dt.date(2024, 2, 26), dt.date(2024, 3, 3))


@pytest.mark.parametrize(
    ("sub_event_type", "inter1", "inter2", "expected"),
    [
        ("Armed clash", 2, 3, 2),  # rebels against a militia: non-state
        ("Armed clash", 8, 1, 1),  # foreign state forces against the state: state-based
        ("Air/drone strike", 1, 7, 3),  # an air strike on civilians: one-sided
        ("Attack", 3, None, 3),  # violence against civilians whoever the victims are
        ("Peaceful protest", 6, None, None),  # not organised violence
        ("Armed clash", None, None, None),  # sides unknown
    ],
)
def test_type_of_violence(
    sub_event_type: str, inter1: int | None, inter2: int | None, expected: int | None
) -> None:
    actor1 = Actor("a" if inter1 else None, inter=inter1)
    actor2 = Actor("b" if inter2 else None, inter=inter2)
    event = Event("e1", sub_event_type, EventDate(None, "day"), [], actor1=actor1, actor2=actor2)
    assert type_of_violence(event) == expected


def test_date_windows_of_month_and_year() -> None:
    assert date_window(EventDate(dt.date(2024, 2, 1), "month")) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_window(EventDate(dt.date(2024, 1, 1), "year")) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


# --- PLOVER ----------------------------------------------------------------------------------


def test_plover_records_validate_against_the_schema(ledger: ArticleLedger) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    lines = rendered("plover", [ledger]).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2  # one record per event, not per location
    for record in records:
        jsonschema.validate(record, schema)
    first = records[0]
    assert first["event"] == ["ASSAULT"] and first["mode"] == ["heavy-weapons"] and first["quad_code"] == 4
    assert first["actor"][0]["code"] == "SYR" and first["actor"][0]["sector"] == "MIL"
    assert first["recipient"][0]["sector"] == "CVL"  # from inter 7: the actor had no sector
    assert first["event_loc"]["resolution"] == 4 and first["event_loc"]["country_code"] == "SYR"
    assert first["size"] == {"dead": 4, "injured": None}
    # the evidence points into the article: offsets give back the text
    for item in first["evidence"] + first["actor"][0]["evidence"]:
        assert TEXT[item["start"] : item["end"]] == item["text"]
    second = records[1]
    assert second["event"] == ["ASSAULT"]  # no PLOVER coding in the ledger: from the ACLED type
    assert (second["date"], second["enddate"]) == ("2024-02-26", "2024-03-03")
    assert len(second["event_locs"]) == 2


def test_the_schema_rejects_a_record_without_evidence(ledger: ArticleLedger) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    record = json.loads(rendered("plover", [ledger]).splitlines()[0])
    del record["evidence"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, schema)


# --- Parquet ---------------------------------------------------------------------------------


def test_write_parquet_round_trips_articles_and_events(ledger: ArticleLedger, tmp_path: Path) -> None:
    articles_path, events_path = write_parquet([ledger], tmp_path / "out")
    articles = pq.read_table(articles_path)
    events = pq.read_table(events_path)
    assert articles.num_rows == 1 and events.num_rows == 3
    assert events.schema.field("event_date").type == pa.date32()
    assert events.schema.field("inter1").type == pa.int8()
    rows = events.to_pylist()
    assert [row["event_id"] for row in rows] == ["art-1:e1", "art-1:e2", "art-1:e2"]
    assert [row["location_seq"] for row in rows] == [0, 0, 1]
    assert rows[0]["fatalities"] == 4 and rows[0]["latitude"] == pytest.approx(35.86)
    row = articles.to_pylist()[0]
    assert row["published"] == dt.date(2024, 3, 6) and row["events"] == 2 and row["fatalities_best"] == 4
    # the ledger column with the text column gives back the whole ledger
    rebuilt = ledger_of_row(row)
    assert rebuilt is not None
    assert rebuilt.to_dict() == ledger.to_dict() and rebuilt.article.text == TEXT


def test_parquet_renderer_writes_the_events_table_to_a_file(ledger: ArticleLedger, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    with path.open("w", encoding="utf-8") as out:
        render("parquet", [ledger], out)
    assert pq.read_table(path).num_rows == 3


def test_parquet_renderer_refuses_a_stream_without_a_binary_buffer(ledger: ArticleLedger) -> None:
    with pytest.raises(KhabarError, match="E161"):
        render("parquet", [ledger], io.StringIO())


def test_parquet_of_a_real_extraction(nlp, tmp_path: Path) -> None:
    from khabar.extract import extract

    extracted = extract(TEXT, published="2024-03-06", outlet="Wire", id="real-1")
    _, events_path = write_parquet([extracted], tmp_path)
    events = pq.read_table(events_path).to_pylist()
    assert len(events) >= len(extracted.events) >= 1
    assert {row["article_id"] for row in events} == {"real-1"}
    records = [json.loads(line) for line in rendered("plover", [extracted]).splitlines()]
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for record in records:
        jsonschema.validate(record, schema)
