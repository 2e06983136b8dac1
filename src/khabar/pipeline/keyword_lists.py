"""A page's keyword list fused to the story's lead, set apart before the model reads the doc.

Scraped pages of some outlets run their tag line into the first sentence of the story with no
full stop between them: "... continue. Tags Syria Aleppo airstrikes At least 16 people were
killed in airstrikes on ...". The parser then reads the keywords as the lead's subject, and the
tags' own words ("airstrikes", "ceasefire") look like events. This component marks the keyword list
as a sentence of its own and the lead as the start of the next, so the model parses the lead as
written, and records the list so that its words make no event (``in_keyword_list``). Where no lead
opener is found before the sentence ends, the doc is left as it is: a wrong cut would break the
lead. The words are data: ``data/en/language/keyword_lists.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..langdata import load_json

#: what may precede a list head: the end of a sentence or of a quotation
SENTENCE_END = {".", "!", "?", '"', "”", "'"}
#: where the component keeps the token ranges of the keyword lists it set apart
KEYWORD_LISTS_KEY = ("khabar", "keyword_lists")


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
            if token.is_sent_end or token.text in (".", "!", "?"):
                return None
            if self._opens_lead(token):
                return token.i
        return None

    def _opens_lead(self, token: Token) -> bool:
        if token.text in self.words.openers or _number_opening(token):
            return True
        doc = token.doc
        for phrase in self.words.opener_phrases:
            words = tuple(t.text for t in doc[token.i : token.i + len(phrase)])
            if words == phrase:
                return True
        return False


def in_keyword_list(doc: Doc, index: int) -> bool:
    """True when token ``index`` is inside a keyword list this component set apart."""
    return any(start <= index < end for start, end in doc.user_data.get(KEYWORD_LISTS_KEY, ()))


def _number_opening(token: Token) -> bool:
    """A number word in capitals ("Fourteen"), or digits after a keyword rather than inside a clause
    ("killed 25 civilians" goes on a sentence; "Aleppo 25 civilians" may start one)."""
    if not token.like_num or token.is_lower:
        return False
    if not token.is_digit:
        return token.is_title
    previous = token.doc[token.i - 1]
    return previous.is_title or previous.is_upper


def _after_sentence_end(token: Token) -> bool:
    return token.i == 0 or token.doc[token.i - 1].text in SENTENCE_END


def _set_apart(doc: Doc, head: int, lead: int) -> None:
    doc.user_data[KEYWORD_LISTS_KEY] = (*doc.user_data.get(KEYWORD_LISTS_KEY, ()), (head, lead))
    doc[head].is_sent_start = True
    for token in doc[head + 1 : lead]:
        token.is_sent_start = False
    if lead < len(doc):
        doc[lead].is_sent_start = True
