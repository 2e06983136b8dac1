"""The Doc extension attributes khabar's stages read and write, registered in one place.

Each stage assigns one attribute (declared in its factory's ``assigns``) and later
stages read it (their ``requires``). Values live in ``doc.user_data``.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc

#: attribute name -> what it holds
DOC_ATTRIBUTES: dict[str, str] = {
    "article": "model.Article: the report and its metadata (set before the pipeline runs)",
    "places": "list[model.PlaceMention]: toponyms resolved through the gazetteer",
    "dates": "list[model.DateMention]: temporal expressions resolved against publication",
    "counts": "list[model.CountMention]: killed / injured figures with bounds",
    "actors": "list[model.ActorMention]: actor mentions normalised to canonical actors",
    "event_mentions": "list[model.EventMention]: triggers of codable events, typed",
    "events": "list[model.Event]: assembled events, one per location and day",
    "claims": "list[model.Claim]: attributed statements: speaker, relay, cue, value, status",
    "revisions": "list[model.Revision]: figures changed by the same source",
    "contradictions": (
        "list[model.Contradiction]: sources disagreeing on a figure, perpetrator, place or date"
    ),
    "framing": "list[model.Framing]: loaded language and propaganda techniques, with their voice",
}


def register_extensions() -> None:
    """Register every khabar Doc attribute; safe to call more than once."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


#: where ``doc_text`` keeps the joined text of a Doc
TEXT_KEY = ("khabar", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


#: where ``sentence_numbers`` keeps each token's sentence number
SENTENCE_NUMBERS_KEY = ("khabar", "sentence_numbers")


def sentence_numbers(doc: Doc) -> list[int]:
    """The number of the sentence each token is in, listed once per Doc.

    ``token.sent`` and ``span.sent`` walk the tokens to the sentence's edges on every call;
    ``numbers[a] == numbers[b]`` says that tokens a and b share a sentence (the same sentences
    as ``doc.sents``: a sentence starts at token 0 and at every token whose ``sent_start`` is 1).
    """
    numbers = doc.user_data.get(SENTENCE_NUMBERS_KEY)
    if numbers is None:
        starts = doc.to_array(SENT_START) == 1
        numbers = doc.user_data[SENTENCE_NUMBERS_KEY] = np.cumsum(starts).tolist()
    return numbers
