"""How a figure is reported: asserted, unverified, or superseded by a revision.

Figure statuses come from the claims stage (``claims.figure_statuses``: speakers, relay chains,
hedges, revisions by the same source); the sentence-level cues here (``data/en/reporting/cues.json``)
remain for the assembler's role statuses and response links. Figures that are unverified or
superseded stay in the output as mentions but do not enter an event's low/best/high.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..langdata import load_json
from ..model import CountMention


@dataclass(frozen=True, slots=True)
class ReportingCues:
    matchers: dict[str, PhraseMatcher]
    reporting_verbs: frozenset[str]


@cache
def load_cues(vocab: Vocab) -> ReportingCues:
    table = load_json("en", "reporting", "cues.json")
    matchers: dict[str, PhraseMatcher] = {}
    for name in ("unverified", "denied", "revision", "earlier_figure", "response"):
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add(name, [vocab_doc(vocab, phrase) for phrase in table[name]])
        matchers[name] = matcher
    return ReportingCues(matchers=matchers, reporting_verbs=frozenset(table["reporting_verbs"]))


def vocab_doc(vocab: Vocab, phrase: str) -> Doc:
    """A tokenised phrase for a PhraseMatcher without running a pipeline (whitespace split)."""
    return Doc(vocab, words=phrase.split())


def has_cue(span: Span, cue: str) -> bool:
    cues = load_cues(span.doc.vocab)
    return bool(cues.matchers[cue](span))


def sentence_of(doc: Doc, char: int) -> Span:
    token = doc[token_index_at(doc, char)]
    return token.sent


def token_index_at(doc: Doc, char: int) -> int:
    """Index of the token that covers character ``char`` (or the next one)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span.start
    for token in doc:
        if token.idx >= char:
            return token.i
    return len(doc) - 1


def figure_statuses(doc: Doc, counts: list[CountMention]) -> list[str]:
    """Status of each figure: ``unverified``, ``superseded`` or ``asserted``.

    The claims stage's reading (``claims.figure_statuses``): the source of each figure (an
    anonymous source or social media is unverified), the hedges of its sentence and of a
    sentence commenting on it, and revisions by the same source; the event ranges then agree
    with the claim ledger.
    """
    from .claims import figure_statuses as claim_figure_statuses

    return claim_figure_statuses(doc, counts)


def sentence_figure_statuses(doc: Doc, counts: list[CountMention]) -> list[str]:
    """The first, sentence-level reading: hedge cues of the figure's sentence, revision pairs."""
    sentences = [sentence_of(doc, count.span.start) for count in counts]
    statuses = ["unverified" if has_cue(sent, "unverified") else "asserted" for sent in sentences]
    for earlier, _later in revision_pairs(counts, sentences):
        statuses[earlier] = "superseded"
    return statuses


def revision_pairs(counts: list[CountMention], sentences: list[Span]) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of figures where the later revises the earlier.

    Both are of the same kind, the later follows within the same or the next sentence, its
    sentence carries a revision cue, and either they share a sentence or the earlier one is
    marked as an earlier statement ("originally said nine").
    """
    pairs: list[tuple[int, int]] = []
    for later, count in enumerate(counts):
        if not has_cue(sentences[later], "revision"):
            continue
        for earlier in range(later - 1, -1, -1):
            previous = counts[earlier]
            if previous.kind != count.kind or previous.low == count.low:
                continue
            same_sentence = sentences[earlier] == sentences[later]
            adjacent = sentences[earlier].end == sentences[later].start
            if not same_sentence and not (adjacent and has_cue(sentences[earlier], "earlier_figure")):
                continue
            pairs.append((earlier, later))
            break
    return pairs
