"""A page's keyword list fused to the story's lead, set apart before the model reads the doc.

Scraped pages of some outlets run their tag line into the first sentence of the story with no
full stop between them: "... continue. Tags Syria Aleppo airstrikes At least 16 people were
killed in airstrikes on ...". The parser then reads the keywords as the lead's subject, and the
tags' own words ("airstrikes", "ceasefire") look like events. This component marks the keyword list
as a sentence of its own and the lead as the start of the next, so the model parses the lead as
written; the assembler drops event triggers inside the list (a link-list cue). Where no lead opener
is found near the head, the doc is left as it is. The words are data:
``data/en/language/keyword_lists.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..langdata import load_json

#: what may precede a list head: the end of a sentence or of a quotation
SENTENCE_END = {".", "!", "?", '"', "”", "'"}


@dataclass(frozen=True, slots=True)
class KeywordListWords:
    heads: frozenset[str]
    max_words: int
    openers: frozenset[str]
    opener_phrases: tuple[tuple[str, ...], ...]


@cache
def keyword_list_words() -> KeywordListWords:
    data = load_json("en", "language", "keyword_lists.json")
    return KeywordListWords(
        heads=frozenset(data["heads"]),
        max_words=int(data["max_words"]),
        openers=frozenset(data["lead_openers"]),
        opener_phrases=tuple(tuple(phrase.split()) for phrase in data["lead_opener_phrases"]),
    )


class KeywordLists:
    """Sets sentence starts around a keyword list that runs into the lead."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words = keyword_list_words()

    def __call__(self, doc: Doc) -> Doc:
        # most pages have no keyword list: a substring test spares the token walk
        if not any(head in doc.text for head in self.words.heads):
            return doc
        for token in doc:
            if token.text in self.words.heads and _after_sentence_end(token):
                lead = self._lead_start(token)
                if lead is not None:
                    _set_apart(doc, token.i, lead)
        return doc

    def _lead_start(self, head: Token) -> int | None:
        """The index of the lead's first token, or None when the list's end is not clear."""
        doc = head.doc
        for token in doc[head.i + 1 : min(len(doc), head.i + 1 + self.words.max_words)]:
            if token.text in (".", "!", "?"):
                return token.i + 1 if token.i + 1 < len(doc) else None
            if self._opens_lead(token):
                return token.i
        return None

    def _opens_lead(self, token: Token) -> bool:
        if token.text in self.words.openers or (token.like_num and not token.is_lower):
            return True
        doc = token.doc
        for phrase in self.words.opener_phrases:
            words = tuple(t.text for t in doc[token.i : token.i + len(phrase)])
            if words == phrase:
                return True
        return False


def _after_sentence_end(token: Token) -> bool:
    return token.i == 0 or token.doc[token.i - 1].text in SENTENCE_END


def _set_apart(doc: Doc, head: int, lead: int) -> None:
    doc[head].is_sent_start = True
    for token in doc[head + 1 : lead]:
        token.is_sent_start = False
    if lead < len(doc):
        doc[lead].is_sent_start = True
