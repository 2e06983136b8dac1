"""Attacker candidates for a trigger whose own phrase names none, tried after the parse rules.

The parse rules in ``arguments.py`` read the roles a trigger governs. When they find no
attacker, the subject of the clause the trigger sits in is often the doer all the same: "the
government has taken back areas with siege tactics, bombarding and starving people". The
candidate must be an armed or political actor (an actor mention coded as state forces, rebels
or militias, or an organisation/nationality entity): generic people, officials and pronouns
are as often witnesses, speakers or victims. The climb stops at a reported clause ("X said
that ...") and at a clause opened by a conjunction ("as the attacks continued, people ...").
Failing that, a perpetrator noun ("the gunman") or a responsibility claimer that is a subject
in the trigger's sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import ActorMention
from .actors import find_actors

#: ACLED inter codes of actors that carry out attacks: state forces, rebels, militias, external
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
ACTOR_ENTITIES = frozenset({"ORG", "NORP"})
#: only an active subject: a passive one ("X was shattered by the blast") is the patient
SUBJECT_DEPS = frozenset({"nsubj"})
#: relations that leave the trigger's own clause: what is reported, equated or conditioned
CLAUSE_BREAKS = frozenset({"ccomp", "attr", "parataxis", "csubj", "relcl"})
MAX_CLAUSES = 2
#: what the parser hangs on the noun of an absolute phrase as its predicate ('dragging on', 'over')
ABSOLUTE_PREDICATE_DEPS = frozenset({"acl", "prt", "advmod", "amod"})


def clause_subject(
    trigger: Token,
    *,
    exclude: set[int],
    report_verbs: frozenset[str],
    setting_preps: frozenset[str] = frozenset(),
    absolute_preps: frozenset[str] = frozenset(),
    answer_nouns: frozenset[str] = frozenset(),
) -> Token | None:
    """The armed actor that is the subject of the clause around the trigger, nearest first. A
    trigger in a phrase that only sets the scene ('after the explosion, the minister ...',
    'jittery over a spate of attacks', 'with the war dragging on, AQAP ...') was not done by the
    clause's subject, nor one that a noun of ``answer_nouns`` answers ('vowed revenge for the
    killing', 'struck in retaliation for the raid'): that deed was the other side's."""
    current = trigger
    for _ in range(MAX_CLAUSES):
        verb = _next_clause(current, setting_preps, absolute_preps, answer_nouns)
        if verb is None or _lemma(verb) in report_verbs:
            return None
        for subject in (child for child in verb.children if child.dep_ in SUBJECT_DEPS):
            if subject.i not in exclude and subject.i != trigger.i and is_armed_actor(subject):
                return subject
        current = verb
    return None


def _next_clause(
    token: Token,
    setting_preps: frozenset[str] = frozenset(),
    absolute_preps: frozenset[str] = frozenset(),
    answer_nouns: frozenset[str] = frozenset(),
) -> Token | None:
    """The nearest verb above the token within its clause, or None at a clause break, a
    scene-setting preposition, an absolute phrase or a noun of answering."""
    current = token
    while current.head != current:
        if current.i != token.i and current.pos_ == "NOUN" and _lemma(current) in answer_nouns:
            return None
        if current.dep_ in CLAUSE_BREAKS or any(child.dep_ == "mark" for child in current.children):
            return None
        if current.dep_ == "pobj" and current.head.lower_ in setting_preps:
            # "after the explosion, ..." (but "after causing the deaths, the IRA ...": a gerund
            # after the preposition shares the clause's subject)
            return None
        if _is_absolute_phrase(current, absolute_preps):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _is_absolute_phrase(token: Token, absolute_preps: frozenset[str]) -> bool:
    """'with the war dragging on', 'with the shelling continuing', 'with the fighting over': a
    noun under 'with' with a predicate of its own sets the scene; who does the main clause is
    not said to do it ('with airstrikes, the army retook the town' has no predicate: the army's
    means)."""
    if token.head.lower_ not in absolute_preps:
        return False
    if token.dep_ == "pcomp":
        # the parser makes the noun the subject of the participle: 'with [the shelling continuing]'
        return any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
    return token.dep_ == "pobj" and any(
        child.dep_ in ABSOLUTE_PREDICATE_DEPS and child.i > token.i for child in token.children
    )


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_armed_actor(token: Token) -> bool:
    """An actor mention coded as an armed actor, or an organisation/nationality entity."""
    if token.tag_ == "PRP":
        return False
    if token.ent_type_ in ACTOR_ENTITIES:
        return True
    return any(
        mention.span.start <= token.idx < mention.span.end and mention.actor.inter in ARMED_INTER
        for mention in _actor_mentions(token)
    )


def _actor_mentions(token: Token) -> list[ActorMention]:
    """The document's actor mentions (found here when the pipeline has not run the stage)."""
    mentions = token.doc._.actors
    return find_actors(token.doc) if mentions is None else mentions


def nearby_perpetrator(
    trigger: Token, *, perpetrator_nouns: frozenset[str], responsibility_nouns: frozenset[str]
) -> Token | None:
    """A perpetrator who is a subject in the trigger's sentence, nearest first: 'the gunman
    fled', 'militants stormed ...', or whoever 'claimed responsibility'. (Neighbouring
    sentences were tried: on the tuning data they added no correct attacker, only wrong ones.)"""
    doc = trigger.doc
    sentence = trigger.sent
    window_start, window_end = sentence.start, sentence.end
    candidates = [
        token
        for token in doc[window_start:window_end]
        if token.i != trigger.i and _is_perpetrator(token, perpetrator_nouns, responsibility_nouns)
    ]
    return min(candidates, key=lambda token: abs(token.i - trigger.i), default=None)


def _is_perpetrator(token: Token, perpetrator_nouns: frozenset[str], claim_nouns: frozenset[str]) -> bool:
    if token.dep_ != "nsubj":
        # a perpetrator noun elsewhere is as often attacked ("battles against terrorists")
        return False
    if token.lemma_.lower() in perpetrator_nouns:
        return True
    # "X claimed responsibility", "X took credit"
    objects = (child for child in token.head.children if child.dep_ in ("dobj", "obj"))
    return any(obj.lemma_.lower() in claim_nouns for obj in objects)
