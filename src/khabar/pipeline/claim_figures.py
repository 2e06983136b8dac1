"""Figures that only the claims stage needs: a toll quoted as a number ("updating an earlier toll
on Sunday evening of 15", "raised the toll to nine", "put the number of dead at 15") that the
count stage, which reads victims and triggers, leaves out, and the figures the count stage told
apart as background ("in the past two weeks more than 200 civilians have been killed"). Such a
figure is a claim, and needed to see a revision; it never enters an event's fatalities.
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..langdata import load_json
from ..model import CountMention, Span
from .claim_attribution import sentence_of
from .counts import BACKGROUND_COUNTS_KEY, count_lexicon, parse_number
from .extensions import doc_text

#: how many tokens after a toll noun its figure may stand ("toll on Sunday evening of 15")
TOLL_REACH = 6
FIGURE_PREPOSITIONS = frozenset({"of", "at", "to"})


def toll_figures(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    """'toll ... of|at|to N' figures not already among ``counts``, as killed figures, and the
    count stage's background figures (history, statistics)."""
    background = [m for m in doc.user_data.get(BACKGROUND_COUNTS_KEY, []) if m not in counts]
    quoted = _quoted_tolls(doc, [*counts, *background])
    return background + quoted + _anaphoric_tolls(doc, [*counts, *background, *quoted])


@cache
def toll_matcher(vocab: Vocab) -> PhraseMatcher:
    """The toll nouns of ``cues.json`` ("toll", "number of dead"), matched on lower-case words."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    phrases = load_json("en", "claims", "cues.json")["toll_nouns"]
    matcher.add("toll", [Doc(vocab, words=phrase.split()) for phrase in phrases])
    return matcher


def _quoted_tolls(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    taken = {count.span.start for count in counts}
    text = doc_text(doc)
    found: list[CountMention] = []
    seen: set[int] = set()
    for _, start, end in toll_matcher(doc.vocab)(doc):
        if start in seen:
            continue  # "death toll" and "toll": one toll
        seen.update(range(start, end))
        if _compound_modifier(doc, end):
            continue  # "toll-free", "toll-road": no death toll
        window = doc[end : min(sentence_of(doc[start]).end, end + TOLL_REACH)]
        number = _figure_in(window, taken)
        if number is None:
            continue
        first, last, value = number
        found.append(
            CountMention(
                span=Span.of(text, first.idx, last.idx + len(last)),
                kind="killed",
                low=value,
                high=value,
                trigger=Span.of(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),
            )
        )
    return found


@cache
def _anaphor_cues() -> tuple[frozenset[str], frozenset[str]]:
    """(toll anaphors, single-word revision verbs) of ``cues.json``."""
    data = load_json("en", "claims", "cues.json")
    verbs = frozenset(phrase for phrase in data["revision"] if " " not in phrase)
    return frozenset(data["toll_anaphors"]), verbs


def _anaphoric_tolls(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    """'... with an initial death toll of 47. This was later updated to 82': a pronoun subject of
    a revision verb, in the sentence after a toll, stands for that toll; its new figure is one."""
    anaphors, verbs = _anaphor_cues()
    toll_sentences = {sentence_of(doc[start]).end for _, start, _end in toll_matcher(doc.vocab)(doc)}
    taken = {count.span.start for count in counts}
    text = doc_text(doc)
    found: list[CountMention] = []
    for token in doc:
        verb = token.head
        if (
            token.lower_ not in anaphors
            or token.dep_ not in {"nsubj", "nsubjpass"}
            or verb.lower_ not in verbs
        ):
            continue
        sentence = sentence_of(token)
        if sentence.start not in toll_sentences:
            continue  # "It rose to 40 degrees": no toll just before
        number = _figure_in(doc[verb.i + 1 : min(sentence.end, verb.i + 1 + TOLL_REACH)], taken)
        if number is None:
            continue
        first, last, value = number
        span = Span.of(text, first.idx, last.idx + len(last))
        trigger = Span.of(text, token.idx, token.idx + len(token))
        found.append(CountMention(span=span, kind="killed", low=value, high=value, trigger=trigger))
    return found


def _figure_in(window, taken: set[int]) -> tuple[Token, Token, int] | None:  # type: ignore[no-untyped-def]
    """The first number after 'of', 'at' or 'to' in ``window``, in digits or words ('to nine',
    'of 1,200', 'at twenty one'), through the count stage's number reader."""
    lexicon = count_lexicon()
    for token in window:
        if token.idx in taken or token.i == 0 or token.doc[token.i - 1].lower_ not in FIGURE_PREPOSITIONS:
            continue
        parts: list[Token] = []
        for part in token.doc[token.i : window.end]:
            if not _number_part(part, lexicon.numbers) or _joins_digit_groups(parts, part):
                break
            parts.append(part)
        while parts and parts[-1].text == "-":
            parts.pop()
        value = parse_number(parts, lexicon) if parts else None
        if value is not None:
            return parts[0], parts[-1], value
    return None


def _number_part(token: Token, words: dict[str, tuple[int, str]]) -> bool:
    return token.text.replace(",", "").isdigit() or token.lower_ in words or token.text == "-"


def _compound_modifier(doc: Doc, end: int) -> bool:
    """True when the toll noun is the first half of a hyphenated word ("toll-free")."""
    return end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_


def _joins_digit_groups(parts: list[Token], part: Token) -> bool:
    """True for the digits after "1-" in "1-877-...": a phone number or code, not one figure
    (a hyphen only joins number words, as in "twenty-one")."""
    if len(parts) < 2 or parts[-1].text != "-":
        return False
    return parts[-2].text[:1].isdigit() and part.text[:1].isdigit()
