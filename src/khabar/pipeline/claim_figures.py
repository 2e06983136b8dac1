"""Figures that only the claims stage needs: a toll quoted as a number ("updating an earlier toll
on Sunday evening of 15") that the count stage, which reads victims and triggers, leaves out.
Such a figure is needed to see a revision; it never enters an event's fatalities.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..langdata import load_json
from ..model import CountMention, Span
from .claim_attribution import sentence_of
from .extensions import doc_text

#: how many tokens after a toll noun its figure may stand ("toll on Sunday evening of 15")
TOLL_REACH = 6
FIGURE_PREPOSITIONS = frozenset({"of", "at", "to"})


def toll_figures(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    """'toll ... of|at|to N' figures not already among ``counts``, as killed figures."""
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
