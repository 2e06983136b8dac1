"""The CSV/TSV reader: columns by usual names or by option, dates by order, bad rows named."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.errors import InputError
from khabar.ingest import read_inputs
from khabar.ingest.csv_reader import CsvColumns, column_mapping, normalise_date

TEXT = "Government forces shelled the town of Saraqib on Monday, killing four civilians, officials said."


def test_usual_column_names_are_found(tmp_path: Path) -> None:
    path = tmp_path / "fakes.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date\n"
        f'7,Shelling,"{TEXT}\r\nSecond line.",ahram,2017-04-05\n',
        encoding="utf-8-sig",  # with a byte-order mark, as spreadsheets write it
    )
    (article,) = list(read_inputs([path]))
    assert not isinstance(article, InputError)
    assert (article.id, article.title, article.outlet) == ("7", "Shelling", "ahram")
    assert article.published is not None and article.published.isoformat() == "2017-04-05"
    assert article.text == TEXT + "\nSecond line."


def test_tsv_and_a_missing_id_gets_a_content_id(tmp_path: Path) -> None:
    path = tmp_path / "news.tsv"
    path.write_text(f"Title\tBody\nA\t{TEXT}\n", encoding="utf-8")
    (article,) = list(read_inputs([path]))
    assert not isinstance(article, InputError)
    assert article.title == "A" and len(article.id) == 16


def test_no_text_column_is_one_error_naming_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    (error,) = list(read_inputs([path]))
    assert isinstance(error, InputError) and error.code == "E132"
    assert "a, b" in str(error)


def test_a_named_column_must_exist() -> None:
    with pytest.raises(InputError, match="E133"):
        column_mapping(["text"], CsvColumns(id="doc"), name="x.csv")


def test_a_malformed_row_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        f'id,text,date\n1,"{TEXT}",2024-01-02\n2,,2024-01-02\n3,"{TEXT} Again.",31/31/2024\n4,"{TEXT}!",\n'
    )
    items = list(read_inputs([path]))
    codes = [item.code if isinstance(item, InputError) else item.id for item in items]
    assert codes == ["1", "E131", "E134", "4"]
    assert "row 3" in str(items[2])


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("4/5/2017", "mdy", "2017-04-05"),
        ("4/5/2017", "dmy", "2017-05-04"),
        ("4/16/2017", None, "2017-04-16"),  # only one order reads it
        ("16.4.2017", None, "2017-04-16"),
        ("2017/4/5", None, "2017-04-05"),
        ("5/5/2017", None, "2017-05-05"),  # both orders agree
        ("4/5/17", "mdy", "2017-04-05"),
        ("2017-04-05", None, "2017-04-05"),
        ("5 April 2017", None, "5 April 2017"),  # left to the publication-date parser
    ],
)
def test_numeric_dates(value: str, order: str | None, expected: str) -> None:
    assert normalise_date(value, order=order, name="x") == expected  # type: ignore[arg-type]


def test_an_ambiguous_date_asks_for_the_order() -> None:
    with pytest.raises(InputError, match="E130"):
        normalise_date("4/5/2017", order=None, name="x")
