"""The attacker of an attack mention that names none, from another mention of the same attack.

News tells an attack once with its doer and then refers back to it: "Gunmen stormed the hotel
on Friday. The attack killed 20 people." When the parse rules find no attacker for a trigger,
an earlier mention of the same attack may name one:

- a definite or demonstrative attack noun ("the attack", "this bombing") refers back to the
  nearest attack mention before it, in its own sentence or the two before, that names a doer
  (of its kind, when the argument finder says which may be: "the blast" not to "the
  strikes"); a definite mention that names none hands on the doer it refers back to, one
  step only ("a Russian jet hit the area. As the result of that strike ...");
- in the trigger's own sentence, another attack mention that names a doer and hangs on the
  same clause ("the assault will be supported by air strikes from the coalition"), or heads a
  clause on it that tells how it came about ("twelve were wounded as government forces
  shelled the district"), tells the same attack, unless one of them is set in time against
  the other ("the attack came a day after Russian strikes"), is conjoined with it or is among
  its targets ("airstrikes on Aleppo and a US-led raid");
- a death or wound told in the passive with no doer and no cause in its clause ("Israel
  launched air strikes on Gaza. Officials said 12 people were killed"; a phrase saying only
  where or on whose word, "in the Mayadin area", "according to the ministry", tells no cause)
  is the outcome of the attack told in the sentence just before; when the dead are fighters,
  who may have fallen on either side, only of an attack on their side ("strikes on the
  positions of Daesh terrorists ... 70 Daesh terrorists were eliminated");
- a death of victims told as known ("the child who was killed", "the terrorist commanders were
  killed") is the killing told before, in the two sentences before, that named them among its
  targets;
- whoever claims responsibility in the passage (the trigger's sentence and the two on each
  side: "The Taliban later claimed responsibility") did an attack that names no doer.

An inherited doer is never one of the trigger's targets, a place, a speaker, a weapon or a
deed. The mentions are words of ``attack_words`` and verbs of ``attack_verbs``
(``khabar/data/en/arguments/cues.json``); their doers are what the parse rules find for them,
without the fallback and without this module (no chains).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from .extensions import sentence_numbers

#: how many sentences before the trigger's own an antecedent mention may be in
ANTECEDENT_SENTENCES = 2
#: how many sentences before an outcome told without its cause ('12 people were killed') the
#: attack may be told in
OUTCOME_SENTENCES = 1
#: how many sentences on each side a responsibility claim may be in
CLAIM_SENTENCES = 2
#: doc.user_data keys: the attack mentions of a document, the doers found for each, the claimers
MENTIONS_KEY = "khabar_attack_mentions"
DOERS_KEY = "khabar_attack_mention_doers"
CLAIMERS_KEY = "khabar_responsibility_claimers"
#: suffixes an inflected form may add to a cue word (as ``arguments._word_forms`` strips them)
SUFFIXES = ("ing", "ed", "es", "s")

AttackersOf = Callable[[Token], list[Token]]


@dataclass(frozen=True, slots=True)
class MentionLinks:
    """What ties mentions of one attack beyond the words themselves (given by the argument
    finder, which reads the roles):

    - ``same_victims(mention)``: for a death of victims told before as known ('the child who
      was killed', 'the terrorist commanders were killed'), does the mention name them as its
      targets? Such mentions in the sentences before tell the same killing;
    - ``outcome_of(mention)``: for a death told with no doer and no cause, may the mention be
      the attack it came of? (Fighters may have fallen on either side: only a mention that
      attacked their side.) ``None``: any mention;
    - ``sets_scene(preposition)``: see the field.
    """

    same_victims: Callable[[Token], bool] | None = None
    outcome_of: Callable[[Token], bool] | None = None
    #: does a phrase on a death only say where or on whose word ('in the Mayadin area',
    #: 'according to the ministry'), so that it tells no cause?
    sets_scene: Callable[[Token], bool] | None = None
    #: the doer a definite mention naming none refers back to ('that strike'), one step only
    inherited: Callable[[Token], list[Token]] | None = None
    #: may a definite noun refer back to this earlier mention ('the blast' not to 'the strikes')?
    may_refer_to: Callable[[Token, Token], bool] | None = None


def coreferent_attackers(
    trigger: Token,
    attackers_of: AttackersOf,
    *,
    mention_words: frozenset[str],
    verb_words: frozenset[str],
    anaphoric_determiners: frozenset[str],
    contrast_words: frozenset[str],
    can_be_doer: Callable[[Token, bool], bool],
    exclude: set[int],
    outcome_words: frozenset[str] = frozenset(),
    verb_phrases: frozenset[str] = frozenset(),
    links: MentionLinks | None = None,
) -> list[Token]:
    """Doers of another mention of the trigger's attack (see the module docstring): a mention is
    a noun or verb of ``mention_words`` or a verb of ``verb_words``, in any inflection;
    ``can_be_doer(doer, same_sentence)`` says which doers may be handed on; ``links`` adds
    mentions that tell the same victims and limits those a bare outcome may come of."""
    doc = trigger.doc
    numbers = sentence_numbers(doc)
    mentions = attack_mentions(doc, mention_words, verb_words, verb_phrases)
    links = links or MentionLinks()
    candidates = _antecedents(trigger, mentions, anaphoric_determiners, contrast_words, outcome_words, links)
    for candidate in candidates:
        if candidate.i in exclude:
            # a deed the trigger hit is another one ('airstrikes on Aleppo and a US-led raid')
            continue
        same_sentence = numbers[candidate.i] == numbers[trigger.i]
        found = _doers(candidate, attackers_of)
        if not found and links.inherited and _is_anaphoric(candidate, anaphoric_determiners):
            # 'as the result of that strike more militants were killed': the strike names no
            # doer, the one it refers back to does
            found = links.inherited(candidate)
        doers = [
            doer
            for doer in found
            if doer.i not in exclude and doer.i != trigger.i and can_be_doer(doer, same_sentence)
        ]
        if doers:
            return doers
    return []


def _doers(mention: Token, attackers_of: AttackersOf) -> list[Token]:
    """What the parse rules find as the mention's doers, once per mention of a document."""
    doc = mention.doc
    found = doc.user_data.setdefault(DOERS_KEY, {})
    if mention.i not in found:
        found[mention.i] = [doer.i for doer in attackers_of(mention)]
    return [doc[i] for i in found[mention.i]]


def remember_doers(mention: Token, doers: list[Token]) -> None:
    """Keep what the parse rules found for a one-word trigger: a later mention referring back to
    it reads them here instead of parsing its roles again."""
    mention.doc.user_data.setdefault(DOERS_KEY, {})[mention.i] = [doer.i for doer in doers]


def attack_mentions(
    doc: Doc,
    mention_words: frozenset[str],
    verb_words: frozenset[str],
    verb_phrases: frozenset[str] = frozenset(),
) -> list[int]:
    """Indices of the document's attack mentions, listed once per document (read off the
    token arrays: a lemma or form of the words, as a noun or verb; and the verb of a phrase of
    ``verb_phrases``, 'open fire', told with its object)."""
    mentions = doc.user_data.get(MENTIONS_KEY)
    if mentions is None:
        if len(doc) == 0:
            mentions = []
        else:
            lemmas, forms, tags = doc.to_array([LEMMA, LOWER, POS]).T
            nominal_or_verbal = np.isin(tags, (NOUN, PROPN, VERB))
            named = np.isin(lemmas, _ids(mention_words)) | np.isin(forms, _inflected_ids(mention_words))
            verbal = (tags == VERB) & (
                np.isin(lemmas, _ids(verb_words)) | np.isin(forms, _inflected_ids(verb_words))
            )
            mentions = np.flatnonzero((named & nominal_or_verbal) | verbal).tolist()
            if verb_phrases:
                mentions = sorted(set(mentions) | set(_phrase_verbs(doc, verb_phrases)))
        doc.user_data[MENTIONS_KEY] = mentions
    return mentions


def _phrase_verbs(doc: Doc, verb_phrases: frozenset[str]) -> Iterator[int]:
    """Verbs told with the object of one of the phrases ('the gunman opened fire')."""
    objects = {phrase.split()[-1] for phrase in verb_phrases}
    for token in doc:
        if token.dep_ == "dobj" and token.lower_ in objects:
            verb = token.head
            if f"{verb.lemma_.lower()} {token.lower_}" in verb_phrases:
                yield verb.i


@lru_cache(maxsize=16)
def _ids(words: frozenset[str]) -> np.ndarray:
    return np.array([get_string_id(word) for word in words], dtype=np.uint64)


@lru_cache(maxsize=16)
def _inflected_ids(words: frozenset[str]) -> np.ndarray:
    """String ids of the words and their inflections ('strikes', 'shelled', 'storming')."""
    return np.array([get_string_id(form) for form in _inflections(words)], dtype=np.uint64)


def _inflections(words: Iterable[str]) -> set[str]:
    forms = set()
    for word in words:
        forms.add(word)
        stems = [word] + ([word[:-1]] if word.endswith("e") else [])
        forms.update(stem + suffix for stem in stems if len(stem) > 2 for suffix in SUFFIXES)
    return forms


def _antecedents(
    trigger: Token,
    mentions: list[int],
    anaphoric_determiners: frozenset[str],
    contrast_words: frozenset[str],
    outcome_words: frozenset[str] = frozenset(),
    links: MentionLinks | None = None,
) -> Iterator[Token]:
    """Candidate mentions of the same attack: those of the trigger's clause, nearest first,
    then for a definite noun those of the sentences before, the nearest first, for a death of
    victims told before the mentions before that name them, and for an outcome told without
    its cause those of the sentence just before."""
    links = links or MentionLinks()
    doc = trigger.doc
    numbers = sentence_numbers(doc)
    own = numbers[trigger.i]
    in_sentence = sorted(
        (i for i in mentions if numbers[i] == own and i != trigger.i), key=lambda i: abs(i - trigger.i)
    )
    if in_sentence and not _set_against(trigger, contrast_words):
        own_clause = _clause_of(trigger)
        # conjoined deeds are two ('airstrikes on Aleppo and a US-led raid'): a doer they share
        # hangs on the first and is read there
        conjoined = {conjunct.i for conjunct in trigger.conjuncts}
        for i in in_sentence:
            if i in conjoined or _set_against(doc[i], contrast_words):
                continue
            if _clause_of(doc[i]) == own_clause or _tells_when(doc[i], own_clause):
                yield doc[i]
    accepts: Callable[[Token], bool] | None = None
    if _is_anaphoric(trigger, anaphoric_determiners):
        reach = ANTECEDENT_SENTENCES
        if links.may_refer_to is not None:
            accepts = partial(links.may_refer_to, trigger)
    elif links.same_victims is not None:
        reach, accepts = ANTECEDENT_SENTENCES, links.same_victims
    elif _is_bare_outcome(trigger, outcome_words, links.sets_scene):
        reach, accepts = OUTCOME_SENTENCES, links.outcome_of
    else:
        return
    for i in reversed(mentions):
        if own - reach <= numbers[i] < own and (accepts is None or accepts(doc[i])):
            yield doc[i]


def _is_bare_outcome(
    trigger: Token, outcome_words: frozenset[str], sets_scene: Callable[[Token], bool] | None = None
) -> bool:
    """'Israel launched air strikes on Gaza. Officials said 12 people were killed': a death or
    wound told in the passive with no doer and no cause in its clause is the outcome of the
    attack told just before."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in outcome_words:
        return False
    children = list(trigger.children)
    if any(child.dep_ in ("agent", "dobj") for child in children):
        return False
    if not any(child.dep_ in ("nsubjpass", "auxpass", "nsubj") for child in children):
        return False  # 'killing 12': a participle shares its clause's doer
    # 'killed in an air strike', 'died from wounds', 'when a bomb hit': the cause is told here;
    # 'killed since 2011', 'across the country': a toll of many deeds ('on Monday', 'at dawn'
    # only say when)
    return not any(
        child.dep_ == "advcl"
        or (
            child.dep_ == "prep"
            and child.lower_ not in ("on", "at")
            and not (sets_scene is not None and sets_scene(child))
        )
        for child in children
    )


def _is_anaphoric(trigger: Token, determiners: frozenset[str]) -> bool:
    """'the attack', 'this bombing': a noun that refers back to an attack told before. (A bare
    plural was tried: 'under the cover of airstrikes' took the doer of the attack before.)"""
    if trigger.pos_ not in ("NOUN", "PROPN") or not trigger.n_lefts:
        return False
    return any(child.dep_ == "det" and child.lower_ in determiners for child in trigger.lefts)


def _clause_of(token: Token) -> int:
    """The verb heading the token's clause (its index; a verb heads its own); a clause of its
    own stops the climb."""
    current = token
    while current.head != current:
        if current.pos_ in ("VERB", "AUX"):
            return current.i
        if current.dep_ in ("relcl", "ccomp", "parataxis", "csubj"):
            return current.i
        current = current.head
    return current.i


def _tells_when(mention: Token, clause: int) -> bool:
    """A clause on the trigger's own that tells how it came about: 'twelve were wounded as
    government forces shelled the district' (a clause set against it in time is not one)."""
    return mention.dep_ == "advcl" and mention.head.i == clause


def _set_against(token: Token, contrast_words: frozenset[str]) -> bool:
    """Is the mention placed in time or cause against another ('after Russian strikes', 'in
    retaliation for the raid', 'since the attack')? Then it tells another attack."""
    current = token
    for _ in range(4):
        if current.head == current or (current.i != token.i and current.pos_ in ("VERB", "AUX")):
            return False
        if any(child.dep_ == "mark" and child.lower_ in contrast_words for child in current.children):
            return True
        current = current.head
        if current.lower_ in contrast_words:
            return True
    return False


def claimed_attackers(
    trigger: Token,
    *,
    claim_verbs: frozenset[str],
    responsibility_nouns: frozenset[str],
    negative_words: frozenset[str],
    exclude: set[int],
) -> list[Token]:
    """Whoever claims responsibility in the passage around the trigger, nearest first."""
    doc = trigger.doc
    claimers = doc.user_data.get(CLAIMERS_KEY)
    if claimers is None:
        claimers = doc.user_data[CLAIMERS_KEY] = [
            subject.i
            for subject in _claim_subjects(doc, claim_verbs, responsibility_nouns)
            if subject.lower_ not in negative_words and not _negated(subject, negative_words)
        ]
    numbers = sentence_numbers(doc)
    own = numbers[trigger.i]
    nearby = [
        i
        for i in claimers
        if abs(numbers[i] - own) <= CLAIM_SENTENCES and i not in exclude and i != trigger.i
    ]
    return [doc[min(nearby, key=lambda i: abs(i - trigger.i))]] if nearby else []


def _claim_subjects(
    doc: Doc, claim_verbs: frozenset[str], responsibility_nouns: frozenset[str]
) -> Iterator[Token]:
    """Subjects of 'claimed responsibility', 'took credit', 'admitted responsibility'."""
    if len(doc) == 0:
        return
    lemmas = doc.to_array(LEMMA)
    for i in np.flatnonzero(np.isin(lemmas, _ids(responsibility_nouns))).tolist():
        token = doc[i]
        if token.dep_ not in ("dobj", "obj"):
            continue
        verb = token.head
        if verb.lemma_.lower() not in claim_verbs or _is_negated_verb(verb):
            continue
        for subject in (child for child in verb.children if child.dep_ == "nsubj"):
            # "the Taliban, who claimed responsibility": the relative pronoun stands for its noun
            yield verb.head if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else subject


def _is_negated_verb(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _negated(subject: Token, negative_words: frozenset[str]) -> bool:
    """'no group', 'none of the factions'."""
    return any(child.dep_ == "det" and child.lower_ in negative_words for child in subject.children)
