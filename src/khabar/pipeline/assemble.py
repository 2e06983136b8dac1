"""Assembly: from mentions (triggers, actors, places, dates, counts) to coded events.

STUB: replaced by the real assembler.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Event


def assemble_events(doc: Doc) -> list[Event]:
    return []


class EventAssembler:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = assemble_events(doc)
        return doc
