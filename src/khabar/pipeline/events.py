"""Event mentions: triggers of codable events typed in ACLED and PLOVER.

STUB: replaced by the real finder.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import EventMention


def find_event_mentions(doc: Doc) -> list[EventMention]:
    return []


class EventMentionFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.event_mentions = find_event_mentions(doc)
        return doc
