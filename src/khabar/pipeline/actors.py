"""Actors: mentions of armed forces, groups, governments and civilians, normalised.

STUB: replaced by the real finder.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import ActorMention


def find_actors(doc: Doc) -> list[ActorMention]:
    return []


class ActorFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc)
        return doc
