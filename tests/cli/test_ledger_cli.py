"""``khabar ingest / query / show / export`` as a user runs them, on a SQLite store in a temp folder."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.export.acled import COLUMNS
from khabar.store import open_store

runner = CliRunner()

SARAQIB = (
    "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four "
    "civilians, a local rescue official said.\n"
)
AFRIN = (
    "Turkish drones struck a convoy near Afrin in Aleppo province on Tuesday, killing three fighters "
    "of the Syrian Democratic Forces, the group said.\n"
)


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "ledger.db")


@pytest.fixture(scope="module")
def ingested_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store holding two reports and a wire copy of the first (built once per module), and its input."""
    folder = tmp_path_factory.mktemp("ingested")
    records = [
        {"id": "saraqib", "text": SARAQIB, "published": "2024-03-06", "outlet": "Wire"},
        {"id": "afrin", "text": AFRIN, "published": "2024-03-06", "outlet": "Agency"},
        {"id": "saraqib-copy", "text": SARAQIB, "published": "2024-03-06", "outlet": "Reposter"},
    ]
    inputs = write_jsonl(folder / "in.jsonl", records)
    db = folder / "ledger.db"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert result.exit_code == 0, result.output
    summary = " ".join(result.stderr.split())  # the console wraps long lines
    assert "stored 2, replaced 0, recoded 0, unchanged 0, duplicate 1, near-duplicate 0, failed 0" in summary
    return db, inputs


@pytest.fixture
def ingested(ingested_once: tuple[Path, Path], tmp_path: Path) -> str:
    """A copy of that store for one test (the last connection's close has folded the WAL into it)."""
    copy = tmp_path / "ledger.db"
    shutil.copyfile(ingested_once[0], copy)
    return str(copy)


def query_json(db: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["query", "--db", db, "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_stores_each_article_once_and_links_the_copy(ingested: str) -> None:
    with open_store(ingested, read_only=True) as store:
        stats = store.stats()
        assert (stats["articles"], stats["duplicates"]) == (3, 1)
        copy = store._query("SELECT duplicate_of FROM articles WHERE id = 'saraqib-copy'")[0]
        assert copy["duplicate_of"] == "saraqib"
        assert store.get_ledger("saraqib").article.text == SARAQIB


def test_ingest_again_changes_nothing(ingested: str, ingested_once: tuple[Path, Path]) -> None:
    with open_store(ingested, read_only=True) as store:
        before = store.stats()
    result = runner.invoke(app, ["ingest", str(ingested_once[1]), "--db", ingested])
    assert result.exit_code == 0
    assert "stored 0, replaced 0, recoded 0, unchanged 3, duplicate 0" in result.stderr
    with open_store(ingested, read_only=True) as store:
        assert store.stats() == before


def test_a_changed_text_is_replaced(ingested: str, tmp_path: Path) -> None:
    changed = SARAQIB.replace("four", "six")
    path = write_jsonl(
        tmp_path / "changed.jsonl", [{"id": "saraqib", "text": changed, "published": "2024-03-06"}]
    )
    result = runner.invoke(app, ["ingest", str(path), "--db", ingested])
    assert "replaced 1" in result.stderr
    with open_store(ingested, read_only=True) as store:
        assert store.get_ledger("saraqib").article.text == changed
        # the copy of the old text now holds the old text's ledger
        assert store.get_ledger("saraqib-copy").events


def code_with_an_older_extractor(db: str) -> None:
    """What an upgrade leaves: the stored articles were coded by another extractor version."""
    with open_store(db) as store:
        store._execute(
            "UPDATE articles SET extractor_version = '0.0.1+0123456789ab' WHERE duplicate_of IS NULL"
        )


def test_after_an_upgrade_ingest_recodes_and_stats_count_the_stale(
    ingested: str, ingested_once: tuple[Path, Path]
) -> None:
    code_with_an_older_extractor(ingested)
    stats = json.loads(runner.invoke(app, ["query", "--db", ingested, "--stats"]).stdout)
    assert stats["stale"] == 2 and stats["coded_by"] == {"0.0.1+0123456789ab": 2}
    shown = runner.invoke(app, ["show", "saraqib:e1", "--db", ingested])
    assert "stale:" in shown.stdout and "0.0.1+0123456789ab" in shown.stdout

    kept = runner.invoke(app, ["ingest", str(ingested_once[1]), "--db", ingested, "--no-recode", "--json"])
    assert kept.exit_code == 0, kept.output
    assert json.loads(kept.stdout)["recoded"] == 0

    result = runner.invoke(app, ["ingest", str(ingested_once[1]), "--db", ingested, "--json"])
    assert result.exit_code == 0, result.output
    assert "recoded 2, unchanged 1" in " ".join(result.stderr.split())
    counts = json.loads(result.stdout)
    assert (counts["read"], counts["recoded"], counts["unchanged"], counts["stored"]) == (3, 2, 1, 0)
    stats = json.loads(runner.invoke(app, ["query", "--db", ingested, "--stats"]).stdout)
    assert stats["stale"] == 0 and stats["coded_by"] == {stats["extractor_version"]: 2}
    shown = runner.invoke(app, ["show", "saraqib:e1", "--db", ingested, "--json"])
    assert json.loads(shown.stdout)["coded_by"] == stats["extractor_version"]


def test_query_filters_and_json(ingested: str) -> None:
    everything = query_json(ingested)
    assert {row["article_id"] for row in everything} == {"saraqib", "afrin"}
    idlib = query_json(ingested, "--admin1", "Idlib")
    assert [row["article_id"] for row in idlib] == ["saraqib"]
    assert idlib[0]["id"] == "saraqib:e1"
    assert [
        row["article_id"] for row in query_json(ingested, "--country", "Syria", "--outlet", "agency")
    ] == ["afrin"]
    assert query_json(ingested, "--since", "2030-01-01") == []
    assert query_json(ingested, "--limit", "1", "--offset", "1") == everything[1:2]


def test_query_table_search_and_stats(ingested: str) -> None:
    table = runner.invoke(app, ["query", "--db", ingested])
    assert table.exit_code == 0
    assert "saraqib:e1" in table.stdout and "of 2 events" in table.stdout
    search = runner.invoke(app, ["query", "--db", ingested, "--search", "drones", "--json"])
    hits = json.loads(search.stdout)
    assert {hit["article_id"] for hit in hits} == {"afrin"}
    assert "article" in {hit["kind"] for hit in hits}
    stats = json.loads(runner.invoke(app, ["query", "--db", ingested, "--stats"]).stdout)
    assert stats["articles"] == 3


def test_bad_filter_is_one_error_line(ingested: str) -> None:
    result = runner.invoke(app, ["query", "--db", ingested, "--since", "last week"])
    assert result.exit_code == 1
    assert "E145" in result.stderr and "Traceback" not in result.output


def test_show_prints_the_event_with_its_evidence(ingested: str) -> None:
    result = runner.invoke(app, ["show", "saraqib:e1", "--db", ingested])
    assert result.exit_code == 0, result.output
    assert "Shelling/artillery/missile attack" in result.stdout
    assert "Saraqib" in result.stdout
    assert "»" in result.stdout and "«" in result.stdout  # evidence marked in its context
    as_json = json.loads(runner.invoke(app, ["show", "saraqib:e1", "--db", ingested, "--json"]).stdout)
    assert as_json["event"]["location"]["name"] == "Saraqib"
    assert as_json["article"]["outlet"] == "Wire"


def test_show_unknown_event(ingested: str) -> None:
    result = runner.invoke(app, ["show", "saraqib:e9", "--db", ingested])
    assert result.exit_code == 1
    assert "E143" in result.stderr


@pytest.mark.parametrize("fmt", ["acled", "geojson", "jsonl"])
def test_export_formats_with_filters(ingested: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(
        app, ["export", "--db", ingested, "--format", fmt, "--admin1", "Idlib", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "acled":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert tuple(next(csv.reader(io.StringIO(text)))) == COLUMNS
        assert {row["article_id"] for row in rows} == {"saraqib"}
        assert {row["admin1"] for row in rows} == {"Idlib"}
    elif fmt == "geojson":
        features = json.loads(text)["features"]
        assert {feature["properties"]["article_id"] for feature in features} == {"saraqib"}
    else:
        ledgers = [json.loads(line) for line in text.splitlines()]
        assert [ledger["article"]["id"] for ledger in ledgers] == ["saraqib"]


def test_export_everything_round_trips_the_extraction(ingested: str) -> None:
    from khabar import extract

    result = runner.invoke(app, ["export", "--db", ingested, "--format", "jsonl"])
    exported = {item["article"]["id"]: item for item in map(json.loads, result.stdout.splitlines())}
    assert set(exported) == {"afrin", "saraqib"}  # the copy is not exported twice
    fresh = extract(SARAQIB, published="2024-03-06", outlet="Wire", id="saraqib")
    assert exported["saraqib"] == fresh.to_dict()


def test_export_lists_only_working_formats(ingested: str) -> None:
    result = runner.invoke(app, ["export", "--db", ingested, "--format", "summary"])
    assert result.exit_code == 2


def test_reading_a_missing_store_fails_cleanly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "E140" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_db_from_the_environment(tmp_path: Path) -> None:
    db = str(tmp_path / "env.db")
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "afrin", "text": AFRIN, "published": "2024-03-06"}])
    result = runner.invoke(app, ["ingest", str(path)], env={"KHABAR_DB": db})
    assert result.exit_code == 0, result.output
    assert [row["article_id"] for row in query_json(db)] == ["afrin"]


def test_ingest_csv_with_column_options_and_date_order(tmp_path: Path, db: str) -> None:
    path = tmp_path / "news.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc", "story", "when", "paper"])
        writer.writerow(["n1", SARAQIB, "4/3/2024", "Wire"])
        writer.writerow(["n2", "", "4/3/2024", "Wire"])
        writer.writerow(["n3", AFRIN, "4/5/2024", "Agency"])
    options = [
        "--id-column",
        "doc",
        "--text-column",
        "story",
        "--date-column",
        "when",
        "--outlet-column",
        "paper",
    ]
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--date-order", "mdy", *options])
    assert result.exit_code == 4  # row 2 has no text: skipped, reported
    assert "Row 2 of" in result.stderr and "E131" in result.stderr
    with open_store(db, read_only=True) as store:
        assert store.get_ledger("n1").article.published.isoformat() == "2024-04-03"
        assert store.get_ledger("n3").article.outlet == "Agency"
    # without --date-order, 4/3/2024 is ambiguous and rejected; 4/5 too; nothing new is stored
    again = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "other.db"), *options])
    assert again.exit_code == 3
    assert "E130" in again.stderr


def test_ingest_exit_code_when_nothing_reads(tmp_path: Path, db: str) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", db])
    assert result.exit_code == 3
    assert "E009" in result.stderr


def test_an_id_given_twice_keeps_its_last_text_on_every_run(tmp_path: Path, db: str) -> None:
    records = [{"id": "x", "text": SARAQIB}, {"id": "x", "text": AFRIN}]
    path = write_jsonl(tmp_path / "twice.jsonl", records)
    outcomes = []
    for _ in range(2):
        result = runner.invoke(app, ["ingest", str(path), "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        outcomes.append(json.loads(result.stdout))
        with open_store(db, read_only=True) as store:
            assert store.get_ledger("x").article.text == AFRIN
            assert store.stats()["articles"] == 1
    assert (outcomes[0]["stored"], outcomes[0]["replaced"]) == (1, 1)
    assert (outcomes[1]["unchanged"], outcomes[1]["replaced"]) == (2, 0)  # the rerun changes nothing


def test_ingest_progress_names_only_the_outcomes_seen() -> None:
    from khabar.cli.ledger import IngestTally

    tally = IngestTally()
    for outcome in ("stored", "stored", "near-duplicate"):
        tally.add(outcome)
    assert tally.brief() == "2 stored, 1 near-duplicate"
    assert tally.summary().startswith("stored 2, replaced 0")  # the closing line names them all
