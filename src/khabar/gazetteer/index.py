"""The gazetteer index: one SQLite file of places and their names, keyed by ``name_key``.

Tables:

* ``places``: one row per place (GeoNames id, or a negative id for curated patches), with
  its English/ASCII name, coordinates, ISO3 country, admin1/admin2 names, khabar feature
  (town / admin1 / admin2 / country / region / site), population and GeoNames feature code.
* ``names``: (key, place, exact) rows; ``exact`` is 1 for the place's own names
  (official and ASCII), 0 for alternate names and transliterations.
* ``skeletons``: (skeleton, place) rows, the ``spelling_skeleton`` of every name in
  ``names``, for the last-resort lookup of a spelling the keys miss, within one country.
* ``admin1``: GeoNames admin1 code ("SY.10") -> English name, to label imported rows.
* ``meta``: build information (sources, version).

The lookup side opens the file read-only and caches answers per key.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Place
from .normalise import name_key, own_spelling, skeleton_countries, spelling_skeleton

#: bump when the schema or the build changes, so stale caches are rebuilt
INDEX_VERSION = "5"
INDEX_FILE = f"gazetteer-v{INDEX_VERSION}.sqlite"
#: the most candidates one name may have; the most populous are kept
MAX_CANDIDATES = 40

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    fcode TEXT,
    admin1_code TEXT
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    exact INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_place ON names (place);
CREATE TABLE IF NOT EXISTS skeletons (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL, place INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to; ``exact`` when the name is the place's own, not an alias."""

    place: Place
    exact: bool
    capital: bool = False


def default_index_path() -> Path:
    """``$KHABAR_HOME/gazetteer-vN.sqlite``, else ``~/.cache/khabar/gazetteer-vN.sqlite``."""
    home = os.environ.get("KHABAR_HOME")
    root = Path(home) if home else Path.home() / ".cache" / "khabar"
    return root / INDEX_FILE


def connect_for_writing(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    connection.executescript(SCHEMA)
    return connection


@dataclass(slots=True)
class PlaceRow:
    """A place as the builders write it, with the names it is known by."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    fcode: str | None
    admin1_code: str | None
    names: Iterable[str]


def write_places(connection: sqlite3.Connection, rows: Iterable[PlaceRow]) -> int:
    """Insert or replace places and their names (replacing keeps re-imports idempotent)."""
    count = 0
    for row in rows:
        connection.execute("DELETE FROM names WHERE place = ?", (row.id,))
        connection.execute(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                row.id,
                row.name,
                row.lat,
                row.lon,
                row.country,
                row.admin1,
                row.admin2,
                row.feature,
                row.population,
                row.fcode,
                row.admin1_code,
            ),
        )
        connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", _name_rows(row))
        count += 1
    return count


def _name_rows(row: PlaceRow) -> Iterator[tuple[str, int, int]]:
    own = name_key(row.name)
    seen: set[str] = set()
    for text in (row.name, *row.names):
        key = name_key(text)
        if not key or key in seen or not key.isascii() or len(key) < 2:
            continue
        seen.add(key)
        # every name of a country or region is its own ("DPRK", "Burma"); towns have foreign ones
        yield key, row.id, int(key == own or row.feature in ("country", "region"))


def write_skeletons(connection: sqlite3.Connection) -> int:
    """(Re)derive the ``skeletons`` table from the names in ``names`` of the places of the
    ``skeleton_countries``; returns its row count. Derived once after all names are written
    (by the build and by each import), as a name's skeleton depends on its key only."""
    countries = sorted(skeleton_countries())
    connection.execute("DELETE FROM skeletons")
    names = connection.execute(
        "SELECT n.key, n.place FROM names n JOIN places p ON p.id = n.place "
        f"WHERE p.country IN ({','.join('?' * len(countries))})",
        countries,
    ).fetchall()
    rows = ((skeleton, place) for key, place in names if (skeleton := spelling_skeleton(key)))
    connection.executemany("INSERT OR IGNORE INTO skeletons VALUES (?,?)", rows)
    return connection.execute("SELECT count(*) FROM skeletons").fetchone()[0]


def _place_of(record: tuple) -> Place:
    (place_id, name, lat, lon, country, admin1, admin2, feature, population) = record
    return Place(
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        admin1=admin1,
        admin2=admin2,
        geonameid=place_id if place_id > 0 else None,
        feature=feature,
        population=population,
    )


_PLACE_COLUMNS = "p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.feature, p.population"


class Gazetteer:
    """Read-only lookups in a built index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.candidates = lru_cache(maxsize=20000)(self._candidates)
        self.lookup_key = lru_cache(maxsize=20000)(self._lookup_key)
        self.skeleton_lookup = lru_cache(maxsize=4096)(self._skeleton_lookup)
        self._countries: dict[str, Place] | None = None

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        cursor = self._connection.execute(
            f"SELECT {_PLACE_COLUMNS}, p.fcode, n.exact FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.key = ? ORDER BY p.population DESC LIMIT ?",
            (key, MAX_CANDIDATES),
        )
        return tuple(
            Candidate(_place_of(record[:-2]), exact=bool(record[-1]), capital=record[-2] == "PPLC")
            for record in cursor
        )

    def _candidates(self, text: str) -> tuple[Candidate, ...]:
        """Places a name may refer to, most populous first.

        A town's name counts as its own only when it is written as the place writes it, with
        its article and its doubled letters: "Hama" is an alias of Ḩamāh, not the own name of
        El Hamma, and "Baath" not the own name of Bath, though each pair shares a key.
        """
        key = name_key(text)
        if not key:
            return ()
        spelled = own_spelling(text)
        return tuple(
            candidate
            if not candidate.exact
            or candidate.place.feature in ("country", "region")
            or own_spelling(candidate.place.name) == spelled
            else Candidate(candidate.place, exact=False, capital=candidate.capital)
            for candidate in self.lookup_key(key)
        )

    def skeleton_candidates(self, text: str, country: str) -> tuple[tuple[Candidate, tuple[str, ...]], ...]:
        """Places of ``country`` one of whose names has the spelling skeleton of ``text``, each
        with the keys of its names (to tell the closest spelling), most populous first. Never
        an own name: a skeleton match is a guess at a spelling the keys do not hold."""
        skeleton = spelling_skeleton(text)
        if not skeleton or country not in skeleton_countries():
            return ()
        return self.skeleton_lookup(skeleton, country)

    def _skeleton_lookup(self, skeleton: str, country: str) -> tuple[tuple[Candidate, tuple[str, ...]], ...]:
        cursor = self._connection.execute(
            f"SELECT {_PLACE_COLUMNS}, p.fcode FROM skeletons s JOIN places p ON p.id = s.place "
            "WHERE s.key = ? AND p.country = ? ORDER BY p.population DESC LIMIT ?",
            (skeleton, country, MAX_CANDIDATES),
        )
        found = []
        for record in cursor.fetchall():
            names = tuple(
                key
                for (key,) in self._connection.execute("SELECT key FROM names WHERE place = ?", (record[0],))
            )
            found.append(
                (Candidate(_place_of(record[:-1]), exact=False, capital=record[-1] == "PPLC"), names)
            )
        return tuple(found)

    def has_key(self, key: str) -> bool:
        return bool(self.lookup_key(key))

    def country(self, iso3: str) -> Place | None:
        """The country entry of an ISO3 code (callers share the Place: do not mutate it)."""
        if self._countries is None:
            self._countries = self._load_countries()
        return self._countries.get(iso3)

    def _load_countries(self) -> dict[str, Place]:
        """Every country entry, read in one scan: the places table has no index on feature, and
        a scan per country took up to 20 ms (the assembler asks with every unplaced event)."""
        countries: dict[str, Place] = {}
        query = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.feature = 'country'"
        for record in self._connection.execute(query):
            if record[4] is not None:  # p.country; the first row of a code wins, as LIMIT 1 did
                countries.setdefault(record[4], _place_of(record))
        return countries

    def admin1(self, iso3: str, name: str) -> Place | None:
        """The admin1 region of a country by its English name."""
        for candidate in self.candidates(name):
            if candidate.place.feature == "admin1" and candidate.place.country == iso3:
                return candidate.place
        return None

    def meta(self) -> dict[str, str]:
        return dict(self._connection.execute("SELECT key, value FROM meta"))

    def close(self) -> None:
        self._connection.close()
