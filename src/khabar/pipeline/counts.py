"""Casualty counts: killed and injured figures with quantifiers turned into bounds.

STUB: replaced by the real finder.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import CountMention


def find_counts(doc: Doc) -> list[CountMention]:
    return []


class CountFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.counts = find_counts(doc)
        return doc
