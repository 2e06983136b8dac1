"""Small invented reports for ingest tests: distinct texts, each with a codable event."""

from __future__ import annotations

import json
from pathlib import Path

TOWNS = ("Saraqib", "Maarat al-Numan", "Ariha", "Jisr al-Shughur", "Douma", "Harasta", "Tal Rifaat", "Manbij")
WEAPONS = ("shelled", "bombed", "struck with rockets")
FILLER = (
    "Residents said the bombardment continued into the evening and that several houses were damaged. "
    "Rescue workers searched the rubble for survivors while ambulances took the wounded to a field "
    "hospital. The local council appealed for help, saying it lacked fuel, medicine and equipment. "
)


def report(number: int, *, filler: int = 2) -> str:
    town = TOWNS[number % len(TOWNS)]
    weapon = WEAPONS[number % len(WEAPONS)]
    return (
        f"Government forces {weapon} the town of {town} on Monday, killing {number + 3} civilians "
        f"and wounding {number + 10} others, a local rescue official said. " + FILLER * filler
    )


def write_jsonl(path: Path, count: int, *, filler: int = 2) -> list[str]:
    """``count`` reports as JSONL at ``path``; their ids."""
    ids = [f"art-{number:03d}" for number in range(count)]
    with path.open("w", encoding="utf-8") as handle:
        for number, article_id in enumerate(ids):
            record = {"id": article_id, "text": report(number, filler=filler), "published": "2024-03-06"}
            handle.write(json.dumps(record) + "\n")
    return ids
