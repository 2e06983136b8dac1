"""Light coreference for definite noun phrases that name a doer without naming who it is.

"Boko Haram fighters stormed the village. The militants burned the market": an argument
"the militants" names no one the ledger can resolve, while the name a few words back does.
A definite noun phrase headed by a group noun ("the group", "the movement") or a perpetrator
noun ("the militants", "the gunman") stands for the nearest name of a matching kind before
it, in its sentence or the two before: an organisation or nationality for a group or for
plural perpetrators, a person for a single perpetrator. A phrase that names someone itself
("the Syrian militants", "the group Boko Haram") and an indefinite one ("a gunman": someone
new) stand for no one else. Pronouns are resolved in ``arguments._antecedent``.
"""

from __future__ import annotations

from spacy.tokens import Token

#: how many sentences before the noun's own the name is looked for
NOMINAL_ANTECEDENT_SENTENCES = 2
DEFINITE_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
GROUP_ENTITIES = frozenset({"ORG", "NORP"})
PERSON_ENTITIES = frozenset({"PERSON"})
NAME_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def nominal_antecedent(
    noun: Token, *, group_nouns: frozenset[str], perpetrator_nouns: frozenset[str]
) -> Token | None:
    """The last token of the name a definite group or perpetrator noun stands for, if any."""
    kinds = _antecedent_kinds(noun, group_nouns, perpetrator_nouns)
    if kinds is None or not _is_definite(noun) or _names_itself(noun):
        return None
    doc = noun.doc
    first_sentence = noun.sent.start
    for _ in range(NOMINAL_ANTECEDENT_SENTENCES):
        if first_sentence == 0:
            break
        first_sentence = doc[first_sentence - 1].sent.start
    for candidate in reversed(doc[first_sentence : noun.left_edge.i]):
        if candidate.ent_type_ in kinds and _ends_entity(candidate):
            return candidate
    return None


def _antecedent_kinds(
    noun: Token, group_nouns: frozenset[str], perpetrator_nouns: frozenset[str]
) -> frozenset[str] | None:
    """Which names the noun may stand for: a group or plural perpetrators an organisation or a
    nationality, one perpetrator a person."""
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma in group_nouns or noun.lower_ in group_nouns:
        return GROUP_ENTITIES
    if lemma in perpetrator_nouns or noun.lower_ in perpetrator_nouns:
        return GROUP_ENTITIES if noun.tag_ == "NNS" else PERSON_ENTITIES
    return None


def _is_definite(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS for child in noun.lefts)


def _names_itself(noun: Token) -> bool:
    """'the Syrian militants', 'the group Boko Haram', 'the gunman, Omar': the phrase names them."""
    return noun.ent_type_ in NAME_ENTITIES or any(
        child.ent_type_ in NAME_ENTITIES or child.pos_ == "PROPN"
        for child in noun.children
        if child.dep_ in ("compound", "amod", "nmod", "appos", "poss")
    )


def _ends_entity(token: Token) -> bool:
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return following is None or following.ent_iob_ != "I"
