"""Dates: temporal expressions resolved against the publication date, with precision.

STUB: replaced by the real resolver.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..model import DateMention


def find_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    return []


class DateResolver:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        doc._.dates = find_dates(doc, article.published if article else None)
        return doc
