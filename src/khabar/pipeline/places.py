"""Toponyms: find place names in the text and resolve them through the gazetteer.

STUB: replaced by the real resolver (gazetteer lookup, context disambiguation).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import PlaceMention


def find_places(doc: Doc) -> list[PlaceMention]:
    return []


class PlaceResolver:
    def __init__(self, nlp: Language, name: str, *, gazetteer: str | None = None) -> None:
        self.name = name
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc)
        return doc
