"""Figures that only the claims stage needs: a toll quoted as a number ("updating an earlier toll
on Sunday evening of 15") that the count stage, which reads victims and triggers, leaves out,
and the figures the count stage told apart as background ("in the past two weeks more than 200
civilians have been killed"). Such a figure is a claim, and needed to see a revision; it never
enters an event's fatalities.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..langdata import load_json
from ..model import CountMention, Span
from .claim_attribution import sentence_of
from .counts import BACKGROUND_COUNTS_KEY
from .extensions import doc_text

#: how many tokens after a toll noun its figure may stand ("toll on Sunday evening of 15")
TOLL_REACH = 6
FIGURE_PREPOSITIONS = frozenset({"of", "at", "to"})


def toll_figures(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    """'toll ... of|at|to N' figures not already among ``counts``, as killed figures, and the
    count stage's background figures (history, statistics)."""
    background = [m for m in doc.user_data.get(BACKGROUND_COUNTS_KEY, []) if m not in counts]
    return background + _quoted_tolls(doc, [*counts, *background])


def _quoted_tolls(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    nouns = frozenset(load_json("en", "claims", "cues.json")["toll_nouns"])
    taken = {count.span.start for count in counts}
    text = doc_text(doc)
    found: list[CountMention] = []
    for token in doc:
        if token.lower_ not in nouns:
            continue
        window = doc[token.i + 1 : min(sentence_of(token).end, token.i + 1 + TOLL_REACH)]
        for figure in window:
            if not figure.like_num or figure.idx in taken:
                continue
            previous = doc[figure.i - 1]
            if previous.lower_ not in FIGURE_PREPOSITIONS or not figure.text.isdigit():
                continue
            value = int(figure.text)
            found.append(
                CountMention(
                    span=Span.of(text, figure.idx, figure.idx + len(figure)),
                    kind="killed",
                    low=value,
                    high=value,
                    trigger=Span.of(text, token.idx, token.idx + len(token)),
                )
            )
            break
    return found
