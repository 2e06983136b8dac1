"""The offline gazetteer: name normalisation, the built index, GeoNames import, demonyms."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.errors import KhabarError
from khabar.gazetteer import Gazetteer, country_of_demonym, is_demonym, name_key, open_gazetteer
from khabar.gazetteer.geonames import feature_of, import_file
from khabar.gazetteer.normalise import spelling_skeleton, vowel_pattern


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return open_gazetteer()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kafr-Nabl", "kafr nabl"),
        ("al-Zahraa", "Az Zahra"),
        ("Ḩamāh", "Hamah"),
        ("Dar'ā", "Dara"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Deir ez-Zor", "Deir ez Zor"),
    ],
)
def test_spelling_variants_share_a_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_different_names_keep_different_keys() -> None:
    assert name_key("Hama") != name_key("Homs")
    assert name_key("Idlib") != name_key("Aleppo")


def test_transliterations_resolve_to_one_place(gazetteer: Gazetteer) -> None:
    ids = {gazetteer.candidates(name)[0].place.geonameid for name in ("Kafr Nabl", "Kafr Nubl", "Kafranbel")}
    assert len(ids) == 1


def test_a_name_with_other_doubled_letters_is_found_but_not_the_place_s_own(gazetteer: Gazetteer) -> None:
    # the key merges doubled letters so that transliterations meet ("Kasab" / "Kassab"), but
    # only the place's own spelling is its own name: "Baath" is not how Bath is written
    assert all(not c.exact for c in gazetteer.candidates("Baath") if c.place.name == "Bath")
    assert any(c.exact for c in gazetteer.candidates("Bath") if c.place.name == "Bath")
    assert any(c.place.country == "SYR" for c in gazetteer.candidates("Kasab"))


def test_cities_carry_english_admin1_names(gazetteer: Gazetteer) -> None:
    towns = [c.place for c in gazetteer.candidates("Kafranbel") if c.place.feature == "town"]
    assert towns[0].country == "SYR"
    assert towns[0].admin1 == "Idlib"


def test_admin1_regions_are_known_by_english_names(gazetteer: Gazetteer) -> None:
    for name in ("Idlib", "Hama", "Aleppo", "Latakia"):
        region = gazetteer.admin1("SYR", name)
        assert region is not None, name
        assert region.feature == "admin1"
        assert 32 < region.lat < 37.5 and 35 < region.lon < 42.5


def test_countries_have_iso3_codes_and_reference_points(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("SYR")
    assert syria is not None and syria.name == "Syria"
    assert abs(syria.lat - 35.0) < 1 and abs(syria.lon - 38.0) < 1


def test_country_entries_match_a_lookup_by_code(gazetteer: Gazetteer) -> None:
    query = "SELECT p.name, p.lat, p.lon FROM places p WHERE p.feature = 'country' AND p.country = ? LIMIT 1"
    for iso3 in ("TUR", "SYR", "ZWE", "USA"):
        name, lat, lon = gazetteer._connection.execute(query, (iso3,)).fetchone()
        place = gazetteer.country(iso3)
        assert place is not None and (place.name, place.lat, place.lon) == (name, lat, lon)
        assert gazetteer.country(iso3) is place
    assert gazetteer.country("XXX") is None


def test_curated_patches_are_in_the_index(gazetteer: Gazetteer) -> None:
    places = [c.place for c in gazetteer.candidates("al-Zahraa") if c.place.country == "SYR"]
    assert places and abs(places[0].lat - 36.38) < 0.1 and abs(places[0].lon - 37.0) < 0.1


def test_syrian_places_are_known_by_their_news_spellings(gazetteer: Gazetteer) -> None:
    names = ("Hass", "Khan Touman", "Ras al-Ain", "Ain al-Arab", "Marat al-Noman", "Khan Arnabeh")
    names += ("Jubar", "Minian")
    for name in names:
        assert any(c.place.country == "SYR" for c in gazetteer.candidates(name)), name
    # the Levant is a region, not only Levant in Maine
    assert any(c.place.feature == "region" for c in gazetteer.candidates("the Levant"))


def test_eastern_ghouta_towns_are_known_by_their_news_spellings(gazetteer: Gazetteer) -> None:
    for name in ("Arbin", "Jobar", "Zamalka"):
        places = [c.place for c in gazetteer.candidates(name) if c.place.country == "SYR"]
        assert places and abs(places[0].lat - 33.53) < 0.1 and abs(places[0].lon - 36.35) < 0.1, name


def test_demonyms_name_countries() -> None:
    assert country_of_demonym("Turkish") == "TUR"
    assert country_of_demonym("Syrians") == "SYR"
    assert country_of_demonym("Kurdish") is None
    assert is_demonym("Kurdish")
    assert not is_demonym("Idlib")


GEONAMES_ROWS = [
    # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 a1 a2 a3 a4 pop elev dem tz date
    [
        "9000001",
        "Qaryat Ṭest",
        "Qaryat Test",
        "Kariyet Test,Qaryet Test",
        "35.5",
        "36.5",
        "P",
        "PPL",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "1200",
        "",
        "300",
        "Asia/Damascus",
        "2020-01-01",
    ],
    [
        "9000002",
        "Jabal Fixture",
        "Jabal Fixture",
        "",
        "35.6",
        "36.4",
        "T",
        "MT",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "0",
        "",
        "800",
        "Asia/Damascus",
        "2020-01-01",
    ],
    [
        "9000003",
        "Muḩāfaẓat Fixture",
        "Muhafazat Fixture",
        "Fixture Governorate",
        "35.7",
        "36.3",
        "A",
        "ADM1",
        "SY",
        "",
        "99",
        "",
        "",
        "",
        "50000",
        "",
        "400",
        "Asia/Damascus",
        "2020-01-01",
    ],
]


def _write_dump(folder: Path) -> tuple[Path, Path]:
    dump = folder / "SY.txt"
    dump.write_text("".join("\t".join(row) + "\n" for row in GEONAMES_ROWS), encoding="utf-8")
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text("SY.99\tMuḩāfaẓat Fixture\tFixture\t9000003\n", encoding="utf-8")
    return dump, admin1


def _count(index: Path) -> int:
    gazetteer = Gazetteer(index)
    rows = gazetteer._connection.execute("SELECT count(*) FROM names").fetchone()[0]
    gazetteer.close()
    return rows


def test_import_geonames_dump_streams_and_is_idempotent(tmp_path: Path) -> None:
    dump, admin1 = _write_dump(tmp_path)
    index = tmp_path / "index.sqlite"
    assert import_file(admin1, index) == 1
    assert import_file(dump, index) == 2  # class T is not imported by default
    names = _count(index)
    import_file(dump, index)
    assert _count(index) == names
    gazetteer = Gazetteer(index)
    found = gazetteer.candidates("Qaryet Test")
    assert [c.place.geonameid for c in found] == [9000001]
    assert found[0].place.country == "SYR" and found[0].place.feature == "town"
    region = gazetteer.candidates("Fixture Governorate")[0].place
    assert region.feature == "admin1" and region.name == "Fixture"


def test_import_selected_feature_classes(tmp_path: Path) -> None:
    dump, _ = _write_dump(tmp_path)
    index = tmp_path / "index.sqlite"
    assert import_file(dump, index, classes="T") == 1
    assert Gazetteer(index).candidates("Jabal Fixture")[0].place.feature == "region"


def test_import_rejects_files_of_another_format(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tgeonames\tfile\tat\tall\n", encoding="utf-8")
    with pytest.raises(KhabarError, match="E031"):
        import_file(bad, tmp_path / "index.sqlite")


def test_feature_of_geonames_codes() -> None:
    assert feature_of("P", "PPLA") == "town"
    assert feature_of("A", "ADM1") == "admin1"
    assert feature_of("A", "ADM3") == "admin2"
    assert feature_of("A", "PCLI") == "country"
    assert feature_of("S", "AIRP") == "site"


def test_cli_imports_and_looks_up(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from khabar.cli import app

    dump, admin1 = _write_dump(tmp_path)
    index = tmp_path / "index.sqlite"
    import_file(admin1, index)  # an existing index: the CLI does not build one from the packages
    runner = CliRunner()
    imported = runner.invoke(app, ["gazetteer", "import", str(dump), "--index", str(index)])
    assert imported.exit_code == 0, imported.output
    assert "2 rows imported" in imported.output
    found = runner.invoke(app, ["gazetteer", "lookup", "Kariyet Test", "--index", str(index)])
    assert found.exit_code == 0 and "Qaryat Test" in found.output and "SYR" in found.output


def test_missing_index_at_a_given_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KhabarError, match="E030"):
        open_gazetteer(str(tmp_path / "absent.sqlite"))


def test_the_default_gazetteer_is_opened_once_however_it_is_asked_for() -> None:
    # a second object would hold a second SQLite connection and its page cache per process
    assert open_gazetteer() is open_gazetteer(None)
    assert open_gazetteer(None) is open_gazetteer("")


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Northamptonshire", "GBR", "admin2"),  # a ceremonial county GeoNames' unitary level lacks
        ("Herts", "GBR", "admin2"),  # a county's usual abbreviation
        ("N.B.", "CAN", "admin1"),  # a Canadian Press province abbreviation
        ("Soviet Union", "RUS", "region"),  # a historical state
    ],
)
def test_curated_regions_and_abbreviations_are_known(
    gazetteer: Gazetteer, name: str, country: str, feature: str
) -> None:
    assert any(c.place.country == country and c.place.feature == feature for c in gazetteer.candidates(name))


@pytest.mark.parametrize(
    ("news", "gazetteer_spelling"),
    [
        ("Taduf", "Tadif"),
        ("Jisreen", "Jisrin"),
        ("Sukhna", "As Sukhnah"),
        ("Rityan", "Ratyan"),
        ("Mesraba", "Misraba"),
        ("Kafr Awid", "Kafr 'Uwayd"),
        ("al-Latamineh", "Al Lataminah"),
        ("Maaret al-Numan", "Maarrat an Numan"),
        ("Jisr al-Shaghour", "Jisr ash Shughur"),
        ("Tokhar", "Tukhar"),
    ],
)
def test_romanisations_of_one_name_share_a_skeleton_and_vowel_pattern(
    news: str, gazetteer_spelling: str
) -> None:
    assert spelling_skeleton(news) == spelling_skeleton(gazetteer_spelling) != ""
    assert vowel_pattern(news) == vowel_pattern(gazetteer_spelling)


def test_different_short_names_with_one_skeleton_differ_in_vowel_pattern() -> None:
    assert spelling_skeleton("Salma") == spelling_skeleton("Salamia")
    assert vowel_pattern("Salma") != vowel_pattern("Salamiyah")
    assert vowel_pattern("Attman") != vowel_pattern("At Tamaniah")
    assert spelling_skeleton("Fua") == ""  # one consonant tells no place


def test_skeleton_lookup_stays_in_one_country(gazetteer: Gazetteer) -> None:
    found = gazetteer.skeleton_candidates("Taduf", "SYR")
    assert [candidate.place.name for candidate, _ in found] == ["Tadif"]
    assert all(not candidate.exact for candidate, _ in found)
    assert "tadif" in found[0][1]  # with the keys of its names, to tell the closest spelling
    assert gazetteer.skeleton_candidates("Taduf", "TUR") == ()
    assert (
        gazetteer.skeleton_candidates("Taduf", "USA") == ()
    )  # no skeletons outside spelling.json's countries
