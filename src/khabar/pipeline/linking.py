"""Linking mentions to event triggers through the dependency parse.

A place, date, figure or actor belongs to the trigger that governs it: walking up from the
mention's head, the first trigger met wins. Where the parse links it to none (a figure in a
sentence of its own, "the death toll was revised to 33"), callers fall back to the nearest
trigger in the sentence, then to the event in discourse focus.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .extensions import sentence_numbers

#: how far up the tree a mention may be from its trigger
MAX_DEPTH = 12
#: dependency labels by which a noun trigger is the object of a light verb ("fired barrages",
#: "launching strikes", "carry out airstrikes"): the verb governs the trigger's arguments
LIGHT_VERB_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj"})


def span_at(doc: Doc, start: int, end: int) -> Span:
    """The token span covering characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        raise ValueError(f"no tokens at characters {start}-{end}")
    return span


def trigger_tokens(trigger: Span) -> set[int]:
    """Token indices that stand for a trigger: its own, plus the verb that governs a noun trigger."""
    tokens = {token.i for token in trigger}
    root = trigger.root
    if root.pos_ in {"NOUN", "PROPN"} and root.dep_ in LIGHT_VERB_DEPS:
        head = root.head.head if root.dep_ == "pobj" else root.head
        if head.pos_ in {"VERB", "AUX"}:
            tokens.add(head.i)
    return tokens


def governing_trigger(token: Token, triggers: list[set[int]]) -> int | None:
    """Index of the trigger that governs ``token`` (the first met walking up), if any."""
    current = token
    for _ in range(MAX_DEPTH):
        for index, tokens in enumerate(triggers):
            if current.i in tokens:
                return index
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def toll_trigger(token: Token, triggers: list[set[int]]) -> int | None:
    """Index of the trigger a toll names, for a figure its verb gives: "the death toll from a
    bomb attack on the convoy has reached 126" (the bomb attack). No trigger governs such a
    figure, and the nearest one may be another word of the toll's phrase ("attack" of "bomb
    attack"); the first trigger of the toll's phrase ("from", "of", "in": ``toll_links``) is
    the one it counts."""
    from .counts import count_lexicon  # counts does not import this module

    lexicon = count_lexicon()
    verb = clause_head(token)
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subject.lemma_.lower() not in lexicon.nominal_triggers:
            continue
        for link in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in lexicon.toll_links):
            inside = {t.i for t in link.subtree}
            named = [
                (min(tokens & inside), index) for index, tokens in enumerate(triggers) if tokens & inside
            ]
            if named:
                return min(named)[1]
    return None


def nearest_trigger(token: Token, triggers: list[Span]) -> int | None:
    """Index of the trigger in the same sentence nearest to ``token``, if any."""
    best: tuple[int, int] | None = None
    # span.sent is the sentence of the span's first token
    numbers = sentence_numbers(token.doc)
    own = numbers[token.i]
    for index, trigger in enumerate(triggers):
        if numbers[trigger.start] != own:
            continue
        distance = min(abs(token.i - trigger.start), abs(token.i - (trigger.end - 1)))
        if best is None or distance < best[0]:
            best = (distance, index)
    return best[1] if best else None


def in_speaker_phrase(token: Token, reporting_verbs: frozenset[str]) -> bool:
    """True when ``token`` sits in the subject of a verb of saying ("Hatay Governor ... told")."""
    current = token
    for _ in range(MAX_DEPTH):
        if current.dep_ in {"nsubj", "nsubjpass"} and current.head.lemma_ in reporting_verbs:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` is in (itself, if a verb), else the sentence root."""
    current = token
    for _ in range(MAX_DEPTH):
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            return current
        current = current.head
    return current


def same_clause(token: Token, trigger: Span, tokens: set[int]) -> bool:
    """Is ``token`` in the clause of the trigger (or of the verb that governs a noun trigger)?"""
    head = clause_head(token)
    return head.i in tokens or head.i == clause_head(trigger.root).i
