"""Where an event happened: from the place mentions linked to it to ACLED-style locations.

ACLED codes the most specific place named for an event, one row per location. A country or a
province named only as the parent of a more specific place ("Syria's Idlib province", "the
town of Kafr Nabl in Idlib") is not a location of its own. Nor are places that only say where
an attacker came from ("a jet that took off from Hama airbase"), what an actor is ("the
US-backed forces", "the London-based monitor", a word of a named group's name: "the Islamic
State of Iraq and the Levant") or where another place lies ("Saraqib, east of
Maarat al-Numan"); the cue words are in ``data/en/events/places.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ..langdata import load_json
from ..model import Actor, GeoPrecision, Location, Place, PlaceMention
from .extensions import sentence_numbers
from .linking import (
    clause_head,
    governing_trigger,
    in_speaker_phrase,
    nearest_trigger,
    same_clause,
    trigger_tokens,
)
from .report_country import LOCATIVE_PREPOSITIONS, report_country

#: gazetteer feature -> ACLED geo precision
FEATURE_PRECISION: dict[str, GeoPrecision] = {
    "town": "town",
    "site": "town",
    "admin2": "admin2",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
}
SPECIFICITY: dict[str, int] = {
    "town": 0,
    "near_town": 0,
    "site": 0,
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "country": 4,
}


#: how far up from a place name its noun phrase's head is looked for ("Hama airbase")
PHRASE_HOPS = 3
#: dependency labels that keep a token inside the noun phrase of its head
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj", "flat"})

#: how far under a verb trigger a noun trigger may be and still retell its event ("killed in
#: renewed attacks by the army": attacks is two hops under killed)
RETELLING_HOPS = 3
#: entity labels of the names of groups and people
ACTOR_ENTITY_LABELS = frozenset({"ORG", "NORP", "PERSON"})
#: dependencies of a verb's own subject
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})

PlaceRole = Literal["origin", "descriptor", "landmark", "dateline", "belonging"]
#: ``doc.user_data`` key: the role of each place mention
ROLES_KEY = "khabar.place_roles"


@dataclass(frozen=True, slots=True)
class PlaceCues:
    """Words that make a named place something other than where the event happened."""

    origin_verbs: frozenset[str]
    origin_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    place_kind_nouns: frozenset[str]
    origin_prepositions: frozenset[str]
    descriptor_participles: frozenset[str]
    descriptor_prepositions: frozenset[str]
    directions: frozenset[str]
    distance_units: frozenset[str]
    landmark_prepositions: frozenset[str]
    near_prepositions: frozenset[str]
    near_nouns: frozenset[str]
    city_part_nouns: frozenset[str]
    border_nouns: frozenset[str]
    border_prepositions: frozenset[str]
    other_happening_words: frozenset[str]


@cache
def place_cues() -> PlaceCues:
    data = load_json("en", "events", "places.json")
    return PlaceCues(**{name: frozenset(data[name]) for name in PlaceCues.__slots__})


def places_of_event(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The places linked to an event that may be where it happened.

    Origins and actor descriptors are never the event's place; the place people belong to
    ("residents of Fuaa") is kept only when no other place is told (they may have been
    elsewhere), and a landmark ("east of Aleppo") only when neither is told, since then it is
    the nearest place named; the
    dateline ("BEIRUT (Reuters) -") says where the report was filed, so it is kept only when
    the sentence tells no other place; a region of no one country comes last of all.
    """
    # "al-Nusra Front (Qaeda branch in the Levant) ... 7 km east of Daraa city": a region over
    # several countries yields even to a landmark, as ACLED codes an event in one country; it
    # stays when it is all the text tells ("a patrol in the Horn of Africa")
    in_country = [mention for mention in mentions if mention.place.country is not None]
    roles = [known_role(doc, mention) for mention in in_country]
    for wanted in (None, "belonging", "landmark", "dateline"):
        kept = [mention for mention, role in zip(in_country, roles, strict=True) if role == wanted]
        if kept and wanted is None:
            landmarks = [m for m, role in zip(in_country, roles, strict=True) if role == "landmark"]
            return kept + _near_towns_inside(doc, landmarks, kept)
        if kept:
            return kept
    regions = [mention for mention in mentions if mention.place.country is None]
    return [mention for mention in regions if known_role(doc, mention) is None]


def _near_towns_inside(
    doc: Doc, landmarks: list[PlaceMention], kept: list[PlaceMention]
) -> list[PlaceMention]:
    """'airstrikes on ISIL north of Palmyra city ... in the countryside of Homs province': where
    the event's own places are only provinces or countries, a town it is told beside by a bare
    direction (no distance) lies nearer than they do, and ACLED codes that town (near it)."""
    if not landmarks or any(mention.place.feature not in ("admin1", "country") for mention in kept):
        return []
    return [m for m in landmarks if _beside_by_direction(doc, m) and _inside_any(m, kept)]


def _beside_by_direction(doc: Doc, mention: PlaceMention) -> bool:
    """'north of Palmyra', not '73 km east of Homs' (a distance says it is not near)."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = _phrase_head(span.root)
    if head.dep_ != "pobj":
        return False
    governor = head.head.head
    cues = place_cues()
    if governor.lower_ not in cues.directions:
        return False
    return not any(
        child.like_num or child.lower_ in cues.distance_units or child.dep_ == "npadvmod"
        for child in governor.children
    )


def places_for_trigger(doc: Doc, trigger: Span, others: Sequence[Span] = ()) -> list[PlaceMention]:
    """The place mentions that say where the event of ``trigger`` happened, ``others`` being
    the sentence's other triggers, which may claim them (``event_places``). ``khabar eval
    event-location`` asks this; assembly asks ``event_places`` for all of a report's triggers."""
    return event_places(doc, [trigger, *others])[0]


def event_places(doc: Doc, triggers: Sequence[Span]) -> list[list[PlaceMention]]:
    """For each trigger, the place mentions that say where its event happened, by one rule per
    sentence: a place goes to the trigger that governs it in the parse, else to the nearest
    trigger of its clause; a place in a speaker's phrase or used for an actor goes to none; a
    trigger takes the places of the triggers of its own clause, which retell its event
    (``same_happening``); origins and descriptors are dropped (``places_of_event``); a place in
    a locative phrase of the trigger's own clause goes before one linked otherwise; of the rest,
    a country or province that holds another is dropped (``choose_locations``)."""
    trigger_sets = [trigger_tokens(span) for span in triggers]
    linked = _linked_places(doc, list(triggers), trigger_sets)
    # only a trigger of the same sentence may retell an event: the others are never asked
    numbers = sentence_numbers(doc)
    by_sentence: dict[int, list[int]] = {}
    for index, trigger in enumerate(triggers):
        by_sentence.setdefault(numbers[trigger.root.i], []).append(index)
    places = []
    for index, trigger in enumerate(triggers):
        # "killed in renewed attacks in Deir ez-Zor", "shot and killed outside a school in
        # Karachi": a trigger of the verb's own clause retells its event, and its places are the verb's
        retellings = [index] + [
            other
            for other in by_sentence[numbers[trigger.root.i]]
            if other != index and same_happening(trigger, triggers[other])
        ]
        mentions = sorted(
            (mention for other in retellings for mention in linked.get(other, [])),
            key=lambda mention: mention.span.start,
        )
        places.append(_where_of(doc, mentions, [trigger_sets[other] for other in retellings]))
    return places


def _linked_places(
    doc: Doc, triggers: list[Span], trigger_sets: list[set[int]]
) -> dict[int, list[PlaceMention]]:
    """Trigger index -> the place mentions linked to it (governing trigger, else the nearest of
    the place's clause); places in a speaker's phrase or claimed by the actor stage go to none."""
    from . import reporting  # reporting's cues load the vocab; imported where needed

    verbs = reporting.load_cues(doc.vocab).reporting_verbs
    actor_spans = {(actor.span.start, actor.span.end) for actor in doc._.actors or []}
    linked: dict[int, list[PlaceMention]] = {}
    for mention in doc._.places or []:
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        if in_speaker_phrase(token, verbs) or (mention.span.start, mention.span.end) in actor_spans:
            continue
        index = governing_trigger(token, trigger_sets)
        if index is None:
            index = nearest_trigger(token, triggers)
            if index is not None and not same_clause(token, triggers[index], trigger_sets[index]):
                index = None
        if index is not None:
            linked.setdefault(index, []).append(mention)
    return linked


def _where_of(doc: Doc, linked: list[PlaceMention], trigger_sets: list[set[int]]) -> list[PlaceMention]:
    """Of the places linked to one event's triggers, those that say where it happened."""
    kept = places_of_event(doc, linked)
    # "bombed ... inside Sudan, ... reached by telephone from Libreville": a place in a locative
    # phrase under the event's own trigger says where it happened before one linked otherwise
    direct = [mention for mention in kept if _told_where(doc, mention, trigger_sets)]
    # "in the village of Tokhar part of the city of Manbij in the governorate of Aleppo": a
    # place inside the one told in the locative phrase refines it
    candidates = [mention for mention in kept if mention in direct or _inside_any(mention, direct)] or kept
    candidates = [mention for mention in candidates if not _names_a_container(doc, mention, candidates)]
    chosen = choose_locations(candidates)
    spans = {(evidence.start, evidence.end) for location in chosen for evidence in location.evidence}
    return [mention for mention in candidates if (mention.span.start, mention.span.end) in spans]


def _names_a_container(doc: Doc, mention: PlaceMention, others: list[PlaceMention]) -> bool:
    """'the south Baghdad neighbourhood of Al-Bayaa', 'the Jobar neighbourhood of Damascus': of
    two places told as 'A place-noun of B', the one that holds the other says where the other
    lies, not where the event happened: A, unless B is the wider kind or the more populous."""
    token = _root_of(doc, mention)
    if token is None:
        return False
    for other in others:
        if other is mention:
            continue
        root = _root_of(doc, other)
        if root is None:
            continue
        # the name before the noun holds the other unless the other is plainly the wider
        if _part_and_holder(token, root) and not _wider(other.place, mention.place):
            return True
        if _part_and_holder(root, token) and _wider(mention.place, other.place):
            return True
    return False


def _part_and_holder(compound: Token, of_object: Token) -> bool:
    """Are the two tokens A and B of 'the A neighbourhood of B'?"""
    if compound.dep_ not in ("compound", "amod", "poss") or not _is_place_noun(compound.head):
        return False
    preposition = of_object.head
    return of_object.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head == compound.head


def _wider(place: Place, other: Place) -> bool:
    """Does ``place`` rank above ``other``: a wider kind, or as a town the more populous?"""
    if SPECIFICITY[place.feature] != SPECIFICITY[other.feature]:
        return SPECIFICITY[place.feature] > SPECIFICITY[other.feature]
    return place.population > other.population


def _root_of(doc: Doc, mention: PlaceMention) -> Token | None:
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _inside_any(mention: PlaceMention, outers: list[PlaceMention]) -> bool:
    """Does the place lie in the province or country of one of ``outers``?"""
    place = mention.place
    for outer in (other.place for other in outers):
        if outer.country != place.country or SPECIFICITY[place.feature] >= SPECIFICITY[outer.feature]:
            continue
        if outer.feature == "country" or (outer.feature == "admin1" and place.admin1 == outer.admin1):
            return True
    return False


def _told_where(doc: Doc, mention: PlaceMention, trigger_sets: list[set[int]]) -> bool:
    """Is the place in a locative phrase ('in X', 'at X') that one of the triggers governs?"""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    return _in_locative_phrase(token) and governing_trigger(token, trigger_sets) is not None


def _in_locative_phrase(token: Token) -> bool:
    """'in X', 'at X', and through a place noun 'in the southern city of X', 'in the X
    neighbourhood of Y' (``report_country.is_locative`` stops at the 'of'); or the object of a
    verb ('shelled the town of X')."""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ == "pobj":
            preposition = ancestor.head
            if preposition.lower_ == "of" and _is_place_noun(preposition.head):
                continue
            return preposition.lower_ in LOCATIVE_PREPOSITIONS
        # what the event struck or took: "shelled the town of X", "Kabul was captured"
        if ancestor.dep_ in ("dobj", "nsubjpass") and ancestor.head.pos_ in ("VERB", "AUX"):
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def same_happening(trigger: Span, other: Span) -> bool:
    """Does ``other`` tell the event of ``trigger`` again, in its clause: a few hops under it
    in the parse, or under the same verb ("killed in attacks", "shot and killed")? Not when
    the way up crosses another verb ("fighting continues" under "shot down") or a word of
    another happening ("in response to an airstrike", "after clashes")."""
    root, other_root = trigger.root, other.root
    numbers = sentence_numbers(root.doc)
    if numbers[root.i] != numbers[other_root.i]:
        return False
    if _under(root, other_root) or _under(other_root, root):
        return True
    head = clause_head(root)
    return head.i == clause_head(other_root).i and not (_apart(root, head) or _apart(other_root, head))


def _under(upper: Token, lower: Token) -> bool:
    """Is ``upper`` a few hops above ``lower`` in one clause (no verb with a subject of its own
    between), with no word of another happening between?"""
    current = lower
    for _ in range(RETELLING_HOPS):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.i == upper.i:
            return True
        if _own_clause(current) or _word_in(current, place_cues().other_happening_words):
            return False
    return False


def _own_clause(token: Token) -> bool:
    """A verb with a subject of its own heads a clause of its own ("as fighting continues");
    one sharing its subject ("shot, killed and blew up", "while carrying out") does not."""
    return token.pos_ in ("VERB", "AUX") and any(child.dep_ in SUBJECT_DEPS for child in token.children)


def _apart(token: Token, head: Token) -> bool:
    """Is there a word of another happening on the way up from ``token`` to its clause's verb?"""
    words = place_cues().other_happening_words
    current = token
    while current.i != head.i and current.head.i != current.i:
        current = current.head
        if _word_in(current, words):
            return True
    return False


def known_role(doc: Doc, mention: PlaceMention) -> PlaceRole | None:
    """``place_role``, read once per place mention of a doc."""
    roles = doc.user_data.setdefault(ROLES_KEY, {})
    key = (mention.span.start, mention.span.end)
    if key not in roles:
        roles[key] = place_role(doc, mention)
    return roles[key]


def place_role(doc: Doc, mention: PlaceMention, *, parse_only: bool = False) -> PlaceRole | None:
    """What a place name says besides where something happened, read from the parse.

    ``parse_only`` leaves out the one rule that needs the event mentions (a nationality on a
    trigger), for stages that run before them.
    """
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cues = place_cues()
    if _opens_dateline(doc, span):
        return "dateline"
    token = span.root
    # "the Islamic State of Iraq and the Levant", "Kurdistan Workers Party": a word of a named
    # group's name says what the group is, not where anything happened
    if _inside_group_name(doc, span.start, span.end):
        return "descriptor"
    # "US-backed forces", "a UK-based monitor": the place is part of an actor's description
    if token.dep_ in ("npadvmod", "compound") and _word_in(token.head, cues.descriptor_participles):
        return "descriptor"
    # "U.S. drones", "US officials", "a US citizen": a country modifying a noun is a nationality
    # ("the Turkey border", "Syria's Idlib province": a place noun keeps it a place)
    if _is_nationality(mention, token):
        return "descriptor"
    # "Russian air strikes", "Turkish shelling": a nationality on the trigger names who acted
    # (a province or town there is where: "the Helmand battle")
    nationality = mention.place.feature == "country" and token.dep_ in ("amod", "compound")
    if not parse_only and nationality and _in_trigger(doc, token.head):
        return "descriptor"
    # "Mexico's army", "Caracas' Diario newspaper": a place owning an actor says whose it is
    if token.dep_ == "poss" and _names_an_actor(doc, token.head):
        return "descriptor"
    head = _phrase_head(token)
    # "evacuees from the towns of Foua and Kefraya": where people came from, not where it happened
    if _told_as_origin(_through_place_kind(head, cues), cues):
        return "origin"
    # "residents of Fuaa ... lost their lives", "Aleppo residents": where the people live or
    # come from, not where it happened to them (they may have been elsewhere)
    if _told_as_belonging(span, _through_place_kind(head, cues), cues):
        return "belonging"
    # "Hosts Canada captured the silver", "the United States and Britain weighed up plans": a
    # country as a verb's subject acts there; it is not where the event happened
    if not parse_only and mention.place.feature == "country" and head.dep_ == "nsubj":
        return "descriptor"
    if head.dep_ != "pobj" or head.head is head:
        return None
    preposition = head.head
    governor = preposition.head
    word = preposition.lower_
    # "a truce brokered by Qatar", "shelled by Turkey": the place names who acted
    if preposition.dep_ == "agent":
        return "descriptor"
    if word in cues.origin_prepositions and _is_origin_verb(governor, cues):
        return "origin"
    # "based in London", "banned in Russia" (a participle: "a police station in Inkhil" is a place)
    participle = governor.tag_ == "VBN" and _word_in(governor, cues.descriptor_participles)
    if word in cues.descriptor_prepositions and participle:
        return "descriptor"
    if word in cues.landmark_prepositions and _measures_from(governor, cues):
        return "landmark"
    # "the border with Turkey" (the parse may hang "with" on the verb: read the word before it)
    before = preposition.nbor(-1) if preposition.i > 0 else preposition
    if word in cues.border_prepositions and cues.border_nouns & {governor.lower_, before.lower_}:
        return "landmark"
    return None


#: the dash that ends a dateline ("BEIRUT (Reuters) -", "DAMASCUS, Syria (AP) —")
DATELINE_DASHES = frozenset({"-", "--", "—", "–"})


def _opens_dateline(doc: Doc, span: Span) -> bool:
    """A place opening the report or a paragraph, followed by a comma or a bracket and a dash
    on the same line within a few words: "BEIRUT (Reuters) -", "Aleppo, Syria, March 3 (AP) —"."""
    if span.start > 0 and "\n" not in doc[span.start - 1].text_with_ws:
        return False
    after = doc[span.end : span.end + 10]
    if not len(after) or after[0].text not in (",", "(", *DATELINE_DASHES):
        return False
    for token in after:
        if token.text in DATELINE_DASHES:
            return True
        if "\n" in token.text_with_ws:
            return False
    return False


def _inside_group_name(doc: Doc, start: int, end: int) -> bool:
    """Is the token span ``start:end`` a part of a longer name of the actor dictionary's groups?"""
    return any(
        group_start <= start and end <= group_end and group_end - group_start > end - start
        for group_start, group_end in _group_names(doc)
    )


#: where ``_group_names`` keeps a Doc's answer
GROUP_NAMES_KEY = ("khabar", "group_names")


def _group_names(doc: Doc) -> list[tuple[int, int]]:
    """The token spans of the actor dictionary's group names in ``doc`` (read once per Doc:
    every place mention asks, and the dictionary's hits are mostly of other kinds)."""
    from .actors import dictionary_matches  # actors reads report_country, which reads this module

    spans = doc.user_data.get(GROUP_NAMES_KEY)
    if spans is None:
        matches = dictionary_matches(doc)
        spans = doc.user_data[GROUP_NAMES_KEY] = [(m.start, m.end) for m in matches if m.kind == "group"]
    return spans


def _is_nationality(mention: PlaceMention, token: Token) -> bool:
    """A country name as a common noun's modifier ('U.S. drones'), unless the noun is a place word."""
    if mention.place.feature != "country" or token.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = token.head
    # a proper-noun head is a name the country is part of ("the Syria Monitor"), not a thing it owns
    return head.pos_ == "NOUN" and not _is_place_noun(head)


def _is_place_noun(token: Token) -> bool:
    return _word_in(token, _place_nouns())


@cache
def _place_nouns() -> frozenset[str]:
    """Type words of places ('province', 'countryside'), border nouns and directions."""
    from .places import Cues

    cues = place_cues()
    return frozenset(Cues.load().after) | cues.border_nouns | cues.directions


def _measures_from(governor: Token, cues: PlaceCues) -> bool:
    """'east of Aleppo', '60 km from Damascus' (the distance may hang beside the preposition)."""
    if governor.lower_ in cues.directions or governor.lower_ in cues.distance_units:
        return True
    return any(
        child.dep_ in ("npadvmod", "advmod") and child.lower_ in cues.distance_units | cues.directions
        for child in governor.children
    )


def _names_an_actor(doc: Doc, token: Token) -> bool:
    """Is the token a name of a group or person, or inside an actor the actor stage found?"""
    if token.ent_type_ in ACTOR_ENTITY_LABELS:
        return True
    char = token.idx
    return any(actor.span.start <= char < actor.span.end for actor in doc._.actors or [])


def _in_trigger(doc: Doc, token: Token) -> bool:
    char = token.idx
    return any(m.trigger.start <= char < m.trigger.end for m in doc._.event_mentions or [])


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase a place name sits in ("Hama" -> "airbase")."""
    node = token
    for _ in range(PHRASE_HOPS):
        if node.dep_ not in PHRASE_DEPS or node.head is node:
            break
        node = node.head
    return node


def _word_in(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def _through_place_kind(head: Token, cues: PlaceCues) -> Token:
    """'the towns of Foua and Kefraya': the phrase a name fills is that of its kind noun."""
    preposition = head.head
    if head.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head is not preposition:
        kind = preposition.head
        if _word_in(kind, cues.place_kind_nouns):
            return kind
    return head


def _told_as_origin(head: Token, cues: PlaceCues) -> bool:
    """The phrase is the object of 'from' after a noun of people or a verb of coming or carrying
    ('evacuees from X', 'buses carrying residents from the towns of X')."""
    preposition = head.head
    if head.dep_ != "pobj" or preposition is head or preposition.lower_ not in cues.origin_prepositions:
        return False
    governor = preposition.head
    if governor is preposition:
        return False
    return _is_origin_noun(governor, cues) or _is_origin_verb(governor, cues)


def _told_as_belonging(span: Span, head: Token, cues: PlaceCues) -> bool:
    """The phrase says whose people they are: the object of 'of' after a noun of people
    ('residents of Fuaa', 'the people of the town of X'), or such a noun right after the name
    ('Aleppo residents', 'Madaya's residents'; not 'in Raqqa Ten Syrian civilians', a headline
    run into the text)."""
    if _is_people_noun(head, cues):
        after = span.doc[span.end : head.i]
        return head.i >= span.end and all(token.tag_ == "POS" for token in after)
    preposition = head.head
    if head.dep_ != "pobj" or preposition is head or preposition.lower_ != "of":
        return False
    return preposition.head is not preposition and _is_people_noun(preposition.head, cues)


def _is_people_noun(noun: Token, cues: PlaceCues) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") and _word_in(noun, cues.origin_nouns)


def _is_origin_noun(noun: Token, cues: PlaceCues) -> bool:
    """'evacuees from X', 'thousands of evacuees from X' (the parse may hang 'from' on the
    quantity): people told as coming from a place."""
    if noun.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if _word_in(noun, cues.origin_nouns):
        return True
    if not _word_in(noun, cues.quantity_nouns):
        return False
    of_objects = [grand for child in noun.children if child.lower_ == "of" for grand in child.children]
    return any(_word_in(obj, cues.origin_nouns) for obj in of_objects if obj.dep_ == "pobj")


def _is_origin_verb(verb: Token, cues: PlaceCues) -> bool:
    """'launched from', 'fired from', 'took off from' (a phrasal verb needs its particle)."""
    lemma = verb.lemma_.lower()
    if lemma in cues.origin_verbs:
        return True
    particles = [child.lower_ for child in verb.children if child.dep_ == "prt"]
    return any(f"{lemma} {particle}" in cues.origin_verbs for particle in particles)


def location_from_mention(mention: PlaceMention, doc: Doc | None = None) -> Location:
    precision = FEATURE_PRECISION.get(mention.place.feature, "town")
    if precision == "town" and doc is not None and told_as_near(doc, mention):
        precision = "near_town"
    return Location.from_place(mention.place, precision, [mention.span])


def told_as_near(doc: Doc, mention: PlaceMention) -> bool:
    """ACLED's "near town" precision: the place is told as a landmark ("73 km east of Homs") or
    with a word of nearness ("near Saraqib", "on the outskirts of Douma")."""
    if known_role(doc, mention) == "landmark":
        return True
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = _phrase_head(span.root)
    if head.dep_ != "pobj" or head.head is head:
        return False
    cues = place_cues()
    preposition = head.head
    if _word_in(preposition, cues.near_prepositions):
        return True
    return preposition.lower_ == "of" and _word_in(preposition.head, cues.near_nouns)


def choose_locations(mentions: list[PlaceMention], doc: Doc | None = None) -> list[Location]:
    """The distinct most-specific places among ``mentions``, in order of first mention (with
    ``doc``, a town told as a landmark or with a word of nearness is ACLED's "near town")."""
    distinct: dict[tuple[str, str | None], Location] = {}
    for mention in mentions:
        key = (mention.place.name, mention.place.country)
        if key in distinct:
            distinct[key].evidence.append(mention.span)
        else:
            distinct[key] = location_from_mention(mention, doc)
    kept = [place for place in distinct.values() if not contains_another(place, distinct.values())]
    return kept


def contains_another(place: Location, others: object) -> bool:
    """Is ``place`` a country or province that another, more specific place lies in?"""
    for other in others:  # type: ignore[attr-defined]
        if other is place:
            continue
        # "Srebrenica ... the worst atrocity in Europe": a world region holds any named place
        if place.precision == "region" and place.country is None and other.country is not None:
            return True
        if SPECIFICITY[other.precision] >= SPECIFICITY[place.precision]:
            continue
        if place.precision == "country" and other.country == place.country:
            return True
        if place.precision == "admin1" and other.admin1 == place.admin1 and other.country == place.country:
            return True
    return False


def country_location(doc: Doc, target: Actor, perpetrator: Actor) -> Location | None:
    """No place named: the target's country, else the report's country, else the perpetrator's.

    Perpetrators often act abroad (Turkish forces in Syria); targets and the report's focus
    say more about where it happened.
    """
    from .assemble import country_name

    country = target.country or report_country(doc) or perpetrator.country
    if country is None:
        return None
    place = country_place(country)
    if place is None:
        return Location(name=country_name(country), country=country, lat=None, lon=None, precision="country")
    return Location.from_place(place, "country")


def country_place(iso3: str | None) -> Place | None:
    """The gazetteer's entry for a country: its English name and a central point."""
    if not iso3:
        return None
    from ..gazetteer import open_gazetteer

    return open_gazetteer().country(iso3)
