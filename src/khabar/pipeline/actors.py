"""Actors: mentions of armed forces, groups, governments and civilians, normalised.

A mention is a noun chunk or entity that names an actor. It resolves by general rules:

- a named group ("Hayat Tahrir al-Sham", "ISIL") is itself the actor;
- a generic agent ("soldiers", "regime elements", "Takfiri militants") gives a category,
  and a country word inside the mention ("Turkish", "Turkey's", "Syrian") gives the
  country: "Turkish soldiers" -> Military Forces of Turkey;
- with no country word, the report's country is used ("the regime" in a Syria story ->
  Military Forces of Syria; the rule is in ``report_country.py``);
- a capital or a seat of power standing for a state ("Ankara", "the Kremlin") is its
  government, unless it is the object of a place preposition ("hospitals in Ankara").

All the words come from the tables in ``khabar/data/en/actors/``; matching uses one
PhraseMatcher built once per vocabulary.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..langdata import load_json, load_tsv
from ..model import Actor, ActorMention
from ..model import Span as TextSpan
from .report_country import report_country

DATA = ("en", "actors")
#: adjectives and nouns of nationality, shared with the places stage
DEMONYMS = ("geo", "demonyms.tsv")
#: the entity labels that may name an actor on their own
ACTOR_ENTITY_LABELS = frozenset({"ORG", "NORP", "PERSON", "GPE", "FAC"})
#: prepositions after which a capital is a place, not a government
PLACE_PREPOSITIONS = frozenset({"in", "into", "near", "at", "to", "from", "around", "outside", "inside"})
#: agent categories of office holders, which a 'former' takes away ('former regime forces'
#: are forces of a former regime, so the armed categories keep theirs)
OFFICE_CATEGORIES = frozenset({"government"})
#: dependencies of a subject: a country named alone there acts ("Israel said", "Turkey shelled")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: what follows a dateline's place ('MOSCOW (Sputnik)', 'BEIRUT - ', 'ALEPPO, Syria')
DATELINE_FOLLOWERS = frozenset({"(", "-", "—", "–", ","})
#: dependencies of a participle written without a hyphen that still modifies ('Turkish backed rebels')
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
#: prefixes that make a country word a stance, not an owner ('pro-Turkish', 'anti-American')
STANCE_PREFIXES = frozenset({"pro", "anti"})
#: the longest agent phrase, in tokens, that a participle may begin ('armed forces')
AGENT_REACH = 6
#: words that join coordinated country modifiers ('Syrian and Russian', 'US, British and French')
COORDINATORS = frozenset({"and", ",", "&"})
#: a letter and a dot: an abbreviation ('u.s.', 'u.n.'), written in capitals in news
ABBREVIATION = re.compile(r"\b([a-z])\.")
#: the agent category of 'militants', 'terrorists', 'jihadists' (categories.tsv)
GENERIC_INSURGENTS = "islamists"
#: the sector of the named groups such words refer to when a report names only one
INSURGENT_SECTOR = "INS"
USER_DATA_INSURGENTS = "khabar.actors.insurgent_group"
USER_DATA_PARTICIPLES = "khabar.actors.participles"
USER_DATA_MATCHES = "khabar.actors.matches"
USER_DATA_BY_START = "khabar.actors.matches_by_start"
USER_DATA_PLACE_WORDS = "khabar.actors.place_words"


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    template: str
    without_country: str
    inter: int
    sector: str


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    country: str | None
    inter: int
    sector: str


class DictMatch(NamedTuple):
    """One dictionary hit: ``kind`` is country | capital | agent | group | local | metonym."""

    kind: str
    key: str
    start: int  # token offsets
    end: int


class ActorDictionary:
    """The actor tables compiled into one PhraseMatcher over lower-cased tokens."""

    def __init__(self, vocab: Vocab) -> None:
        self.tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.categories = {row["category"]: _category(row) for row in load_tsv(*DATA, "categories.tsv")}
        self.countries: dict[str, Country] = {}
        self.groups: dict[str, Group] = {}
        self.metonyms: dict[str, tuple[str, str]] = {}
        self.payload: dict[int, tuple[str, str]] = {}
        self.excluded = {row["alias"] for row in load_tsv(*DATA, "alias_exclusions.tsv")}
        self.definite = frozenset(row["iso3"] for row in load_tsv(*DATA, "definite_names.tsv"))
        self._add_countries()
        self._add_agents()
        self._add_groups()
        self._add_metonyms()
        self.local: dict[str, dict[str, str]] = {}
        self._add_local_groups()
        self.branches: dict[str, set[str]] = {}
        for row in load_tsv(*DATA, "branches.tsv"):
            self.branches.setdefault(row["group"], set()).add(row["country"])

    def _add(self, kind: str, key: str, phrases: list[str]) -> None:
        label = f"{kind}:{key}"
        kept = [phrase for phrase in dict.fromkeys(phrases) if phrase and phrase not in self.excluded]
        docs = [self.tokenizer(form) for phrase in kept for form in _written_forms(phrase)]
        if docs:
            self.matcher.add(label, docs)
            self.payload[self.matcher.vocab.strings[label]] = (kind, key)

    def _add_countries(self) -> None:
        # the Phoenix aliases lack many adjectives ("Armenian"): the demonym table fills them in
        demonyms: dict[str, list[str]] = {}
        for row in load_tsv(*DEMONYMS):
            if row["iso3"]:
                demonyms.setdefault(row["iso3"], []).append(row["demonym"].lower())
        for row in load_tsv(*DATA, "countries.tsv"):
            iso3 = row["iso3"]
            self.countries[iso3] = Country(iso3, row["name"])
            aliases = [*_split(row["aliases"]), row["name"].lower(), *demonyms.get(iso3, [])]
            self._add("country", iso3, aliases)
            self._add("capital", iso3, _split(row["capitals"]))

    def _add_agents(self) -> None:
        by_category: dict[str, list[str]] = {}
        for row in load_tsv(*DATA, "agents.tsv"):
            by_category.setdefault(row["category"], []).extend(_with_plurals(row["phrase"]))
        for category, phrases in by_category.items():
            self._add("agent", category, phrases)

    def _add_groups(self) -> None:
        # curated rows first: a phrase already claimed by a curated group is not re-added
        claimed: set[str] = set()
        for row in load_tsv(*DATA, "groups.tsv"):
            country = None if row["country"] == "-" else row["country"]
            group = self.groups.setdefault(
                row["name"], Group(row["name"], country, int(row["inter"]), row["sector"])
            )
            aliases = [alias for alias in [*_split(row["aliases"]), *_own_name(row)] if alias not in claimed]
            claimed.update(aliases)
            self._add("group", group.name, aliases)
        for row in load_tsv(*DATA, "groups_phoenix.tsv"):
            if row["name"] in self.groups:
                continue
            country = row["country"] if row["country"] in self.countries else None
            self.groups[row["name"]] = Group(row["name"], country, 2, "REB")
            aliases = [a for a in [*_split(row["aliases"]), row["name"].lower()] if a not in claimed]
            claimed.update(aliases)
            self._add("group", row["name"], aliases)

    def _add_local_groups(self) -> None:
        """'Kurdish forces': one group in one country's war (the YPG in Syria), by phrase."""
        for row in load_tsv(*DATA, "local_groups.tsv"):
            self.local.setdefault(row["phrase"], {})[row["country"]] = row["group"]
        for phrase in self.local:
            self._add("local", phrase, _with_plurals(phrase))

    def _add_metonyms(self) -> None:
        for row in load_tsv(*DATA, "metonyms.tsv"):
            self.metonyms[row["phrase"]] = (row["country"], row["category"])
            self._add("metonym", row["phrase"], [row["phrase"]])

    def match(self, doc: Doc) -> list[DictMatch]:
        found = []
        for match_id, start, end in self.matcher(doc):
            kind, key = self.payload[match_id]
            if kind in ("group", "capital", "metonym") and not _looks_like_name(doc[start:end]):
                continue
            found.append(DictMatch(kind, key, start, end))
        return found

    def actor(self, category: str, country: str | None) -> Actor:
        entry = self.categories[category]
        known = self.countries.get(country) if country else None
        name = _with_country(entry.template, known, self.definite) if known else entry.without_country
        return Actor(name=name, country=known.iso3 if known else None, inter=entry.inter, sector=entry.sector)

    def group_actor(self, name: str, where: str | None = None) -> Actor:
        """The group's actor; a name with '{country}' is named by ``where`` it acts if it has a
        branch there (``branches.tsv``), else by its home."""
        group = self.groups[name]
        if "{country}" not in group.name:
            return Actor(name=group.name, country=group.country, inter=group.inter, sector=group.sector)
        branches = self.branches.get(name)
        if branches is not None and where not in branches:
            where = None  # no branch of its own there: its home branch acts abroad
        country = self.countries.get(where or "") or self.countries.get(group.country or "")
        if country is None:
            return Actor(name=group.name.replace(" ({country})", ""), inter=group.inter, sector=group.sector)
        label = group.name.format(country=country.name.removeprefix("The "))
        return Actor(name=label, country=country.iso3, inter=group.inter, sector=group.sector)


def _written_forms(phrase: str) -> list[str]:
    """The phrase, and for one with abbreviations the form written with capitals ('U.S.',
    'U.S.-led'): the tokenizer keeps 'U.S.' whole but splits 'u.s.' into 'u.s' and '.', so the
    lower-case pattern alone never matches the text."""
    if not ABBREVIATION.search(phrase):
        return [phrase]
    return [phrase, ABBREVIATION.sub(lambda letter: letter.group(1).upper() + ".", phrase)]


def _with_country(template: str, country: Country, definite: frozenset[str]) -> str:
    """The template with the country's name: 'of the United States', '(United States)'."""
    name = country.name.removeprefix("The ")
    if "of {country}" in template and country.iso3 in definite:
        return template.format(country=f"the {name}")
    return template.format(country=name)


def _category(row: dict[str, str]) -> Category:
    return Category(
        row["category"], row["template"], row["without_country"], int(row["inter"]), row["sector"]
    )


def _own_name(row: dict[str, str]) -> list[str]:
    """The group's name as an alias of itself, unless it is a template ('Islamic State ({country})')."""
    return [] if "{" in row["name"] else [row["name"].lower()]


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split("|") if item.strip()]


def _with_plurals(phrase: str) -> list[str]:
    """The phrase and the regular plural of its last word (the tables list singulars)."""
    last = phrase.rsplit(" ", 1)[-1]
    stem = phrase[: len(phrase) - len(last)]
    if last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return [phrase, stem + plural]


def _looks_like_name(span: Span) -> bool:
    """Names and acronyms are capitalised: 'IS', 'Ankara'; 'is' and 'hashd' in lower case are not."""
    return any(token.text[:1].isupper() for token in span) or (len(span.text) > 5 and len(span) > 1)


_DICTIONARIES: dict[int, ActorDictionary] = {}


def actor_dictionary(vocab: Vocab) -> ActorDictionary:
    """The compiled dictionary for this vocabulary, built once per process."""
    dictionary = _DICTIONARIES.get(id(vocab))
    if dictionary is None or dictionary.matcher.vocab is not vocab:
        dictionary = _DICTIONARIES[id(vocab)] = ActorDictionary(vocab)
    return dictionary


def dictionary_matches(doc: Doc) -> list[DictMatch]:
    """The dictionary hits of ``doc``, computed once and kept in ``doc.user_data``."""
    cached = doc.user_data.get(USER_DATA_MATCHES)
    if cached is None:
        cached = actor_dictionary(doc.vocab).match(doc)
        doc.user_data[USER_DATA_MATCHES] = cached
    return cached


def matches_within(doc: Doc, start: int, end: int) -> list[DictMatch]:
    """The dictionary hits inside tokens [start, end), in the order ``dictionary_matches`` lists them.

    Every mention span asks this; a binary search over the hits sorted by start answers it
    without scanning all the report's hits each time.
    """
    matches = dictionary_matches(doc)
    order, starts = _matches_by_start(doc, matches)
    picked = sorted(order[bisect_left(starts, start) : bisect_left(starts, end)])
    return [matches[index] for index in picked if matches[index].end <= end]


def _matches_by_start(doc: Doc, matches: list[DictMatch]) -> tuple[list[int], list[int]]:
    """Indices of ``matches`` sorted by start, and their starts (once per Doc)."""
    cached = doc.user_data.get(USER_DATA_BY_START)
    if cached is None:
        order = sorted(range(len(matches)), key=lambda index: matches[index].start)
        cached = doc.user_data[USER_DATA_BY_START] = (order, [matches[index].start for index in order])
    return cached


def resolve_actor(
    span: Span,
    doc: Doc,
    *,
    bare_country: str | None = "military",
    inside: list[DictMatch] | None = None,
    home: str | None = None,
    holder: bool = False,
) -> Actor | None:
    """The actor a span of ``doc`` names, using the whole report as context.

    ``bare_country`` is the category given to a span that is only a country ("Turkey
    launched strikes" -> Military Forces of Turkey); None leaves such spans unresolved.
    ``inside`` are the span's dictionary hits when the caller has them already. ``home`` is
    the country of an agent the span gives none ("two people"); the report's by default.
    ``holder`` resolves the holder of a place ("government" of "government-held"), which is
    otherwise no actor of the mention.
    """
    if inside is None:
        inside = matches_within(doc, span.start, span.end)
    if not inside:
        return None  # every resolution starts from a dictionary word
    dictionary = actor_dictionary(doc.vocab)
    # "the al-Qaeda-linked Nusra Front": a group behind another is not the actor
    # "government-held villages", "IS-held areas": who holds a place is not the actor of the mention
    if not holder:
        inside = [m for m in inside if not is_controller(doc, m)]
    group = _longest(m for m in inside if m.kind == "group" and not is_backer(doc, m))
    if group:
        return _with_evidence(dictionary.group_actor(group.key, _report_country_of(doc, group)), span)
    local = _longest(m for m in inside if m.kind == "local" and (holder or not is_controller(doc, m)))
    if local:
        return _with_evidence(_local_group(dictionary, local, doc), span)
    countries = [m for m in inside if m.kind in ("country", "capital") and _names_the_country(doc, m)]
    agent = _pick_agent([m for m in inside if m.kind == "agent"], span)
    metonym = _longest(m for m in inside if m.kind == "metonym")
    if metonym and (not agent or (metonym.start <= agent.start and agent.end <= metonym.end)):
        # a name that holds its own agent word is the name ("People's Liberation Army")
        country, category = dictionary.metonyms[metonym.key]
        return _with_evidence(dictionary.actor(category, country), span)
    if metonym and agent:
        # a leader or seat of power modifying an agent gives its country ("Assad regime")
        metonym_country = dictionary.metonyms[metonym.key][0]
        countries.append(DictMatch("country", metonym_country, metonym.start, metonym.end))
    country = _country_of(countries, agent, doc) or _place_country_inside(span, doc)
    if agent:
        if agent.key == "asset" and country is None:
            return None
        named_country = country
        country = country or home or report_country(doc)
        category = "civilians" if _is_former_official(agent, span) else agent.key
        group_key = the_one_insurgent_group(doc) if category == GENERIC_INSURGENTS else None
        if group_key is not None and named_country in (None, report_country(doc)):
            return _with_evidence(dictionary.group_actor(group_key, country), span)
        return _with_evidence(dictionary.actor(category, country), span)
    if country and _is_capital_metonym(countries, span):
        return _with_evidence(dictionary.actor("government", country), span)
    if country and bare_country and _is_only_country(countries, span) and not _is_town(span, doc):
        return _with_evidence(dictionary.actor(bare_country, country), span)
    return None


def _is_town(span: Span, doc: Doc) -> bool:
    """A place the places stage resolved below a country ('raids on Raqqa'): the country tables
    list major cities among a country's words, but a city struck is no state acting."""
    for mention in doc._.places or []:
        if mention.span.start == span.start_char and mention.span.end == span.end_char:
            return mention.place.feature not in ("country", None)
    return False


def country_word_kind(token: Token) -> str | None:
    """What a country word of the actor tables names: "state" or "place", None for a token
    that is no country word. The tables list a state's major cities and regions among its
    words ('Aleppo', 'Homs', 'Manchester'), and the tagger often reads them as a nationality or
    an organisation ('the Aleppo bus convoy bomb attack', 'the Homs car bomb'): a word the
    gazetteer knows only below a country says where, not who. A word it knows as a country
    ('Britain', 'America') or a nationality ('Syrian') names the state."""
    match = place_words_by_token(token.doc).get(("country", token.i))
    if match is None:
        return None
    return _kind_of_country_word(token.doc[match.start : match.end].text.lower())


def place_words_by_token(doc: Doc) -> dict[tuple[str, int], DictMatch]:
    """(kind, token index) -> the country or capital hit of that kind covering the token, built
    once per Doc (the argument rules ask of many tokens whether they are a place)."""
    index = doc.user_data.get(USER_DATA_PLACE_WORDS)
    if index is None:
        index = doc.user_data[USER_DATA_PLACE_WORDS] = {}
        for match in dictionary_matches(doc):
            if match.kind in ("country", "capital"):
                for position in range(match.start, match.end):
                    index.setdefault((match.kind, position), match)
    return index


@lru_cache(maxsize=4096)
def _kind_of_country_word(text: str) -> str:
    from ..gazetteer import is_demonym, open_gazetteer

    if is_demonym(text):
        return "state"
    candidates = open_gazetteer().candidates(text)
    if candidates and all(c.place.feature not in ("country", "region") for c in candidates):
        return "place"
    return "state"


def _local_group(dictionary: ActorDictionary, match: DictMatch, doc: Doc) -> Actor:
    """The group a local phrase stands for in the report's country; else an unidentified one."""
    country = report_country(doc)
    group = dictionary.local[match.key].get(country or "")
    if group is None:
        return dictionary.actor("unidentified", country)
    return dictionary.group_actor(group, country)


def the_one_insurgent_group(doc: Doc) -> str | None:
    """The insurgent group a report names, when it names exactly one (kept per Doc).

    A report that names the Islamic State and no other insurgent group means it by its
    'militants', 'jihadists' and 'terrorists', and a coder codes them so; with two groups named
    (or none) the words stay an unidentified armed group.
    """
    if USER_DATA_INSURGENTS not in doc.user_data:
        dictionary = actor_dictionary(doc.vocab)
        keys = {
            match.key
            for match in dictionary_matches(doc)
            if match.kind == "group"
            and dictionary.groups[match.key].sector == INSURGENT_SECTOR
            and not (is_backer(doc, match) or is_controller(doc, match))
        }
        doc.user_data[USER_DATA_INSURGENTS] = next(iter(keys)) if len(keys) == 1 else None
    return doc.user_data[USER_DATA_INSURGENTS]


def _is_former_official(agent: DictMatch, span: Span) -> bool:
    """'former President X', 'an ex-minister': out of office, a person is a civilian."""
    if agent.key not in OFFICE_CATEGORIES:
        return False
    before = span.doc[span.start : agent.start]
    return any(token.lower_.rstrip("-") in _former_modifiers() for token in before)


@cache
def _former_modifiers() -> frozenset[str]:
    return frozenset(load_json(*DATA, "roles.json")["former_modifiers"])


def is_backer(doc: Doc, match: DictMatch) -> bool:
    """'Turkish-backed rebels': the country behind a group is not the group's country."""
    return _participle_after(doc, match) in _backer_participles()


def is_controller(doc: Doc, match: DictMatch) -> bool:
    """'government-held', 'rebel-controlled': the holder of a place, named to say where, not who acted."""
    return _participle_after(doc, match) in _control_participles()


def place_holders(doc: Doc, start: int, end: int) -> list[Actor]:
    """Who holds the places told in tokens [start, end): 'government' of 'government-held
    districts', 'IS' of 'IS-controlled villages', in the order told."""
    holders = []
    for match in matches_within(doc, start, end):
        if not is_controller(doc, match):
            continue
        actor = resolve_actor(doc[match.start : match.end], doc, holder=True)
        if actor is not None and actor.name:
            holders.append(actor)
    return holders


def _participle_after(doc: Doc, match: DictMatch) -> str | None:
    """The word hyphened or written after a match ('backed' in 'Turkish-backed'), lower case;
    not a word that begins an agent's name ('armed' in 'Turkish Armed Forces'). Every mention
    asks this of each of its hits, so the answers are kept per Doc by the hit's end."""
    known: dict[int, str | None] = doc.user_data.setdefault(USER_DATA_PARTICIPLES, {})
    if match.end not in known:
        known[match.end] = _word_after(doc, match.end)
    return known[match.end]


def _word_after(doc: Doc, end: int) -> str | None:
    if end >= len(doc):
        return None
    word = doc[end]
    hyphened = word.text == "-"
    if hyphened:
        if end + 1 >= len(doc):
            return None
        word = doc[end + 1]
    if hyphened or word.lower_ not in _participles():
        return word.lower_
    if _starts_agent(doc, word.i) or word.dep_ not in MODIFIER_DEPS:
        return None  # 'Turkish Armed Forces'; 'rebels held the town' (the verb of the clause)
    return word.lower_


@cache
def _participles() -> frozenset[str]:
    return _backer_participles() | _control_participles()


def _starts_agent(doc: Doc, index: int) -> bool:
    """An agent phrase of several words begins at ``index`` ('armed forces')."""
    nearby = matches_within(doc, index, min(len(doc), index + AGENT_REACH))
    return any(m.kind == "agent" and m.start == index and m.end - m.start > 1 for m in nearby)


def _report_country_of(doc: Doc, group: DictMatch) -> str | None:
    """The report's country, asked only for a group named by where it acts (it costs a pass)."""
    name = group.key
    return report_country(doc) if "{country}" in name else None


@cache
def aircraft_words() -> frozenset[str]:
    """Nouns of military aircraft ('warplanes', 'jets'): their owner is an air strike's striker."""
    return frozenset(load_json(*DATA, "roles.json")["aircraft_nouns"])


@cache
def _control_participles() -> frozenset[str]:
    return frozenset(load_json(*DATA, "roles.json")["control_participles"])


@cache
def _backer_participles() -> frozenset[str]:
    return frozenset(load_json(*DATA, "roles.json")["backer_participles"])


def _longest(matches: object) -> DictMatch | None:
    best: DictMatch | None = None
    for match in matches:  # type: ignore[attr-defined]
        if best is None or match.end - match.start > best.end - best.start:
            best = match
    return best


def _pick_agent(agents: list[DictMatch], span: Span) -> DictMatch | None:
    """The agent that covers the head of the span, else the last and longest one.

    'asset' nouns ("targets", "positions") give way to a real agent modifying them
    ("militant positions" -> militants).
    """
    if not agents:
        return None
    root = span.root.i
    heads = [m for m in agents if m.start <= root < m.end and m.key != "asset"]
    if heads:
        return _longest(heads)
    real = [m for m in agents if m.key != "asset"]
    pool = real or agents
    return max(pool, key=lambda m: (m.end - m.start, m.end))


def _country_of(countries: list[DictMatch], agent: DictMatch | None, doc: Doc) -> str | None:
    """The country word that modifies the agent: the nearest one before it, else any.

    Of coordinated countries ('Syrian and Russian warplanes') the first named is the actor, as
    an ACLED coder takes it; the others are its partners.
    """
    outside = [m for m in countries if agent is None or m.end <= agent.start or m.start >= agent.end]
    if not outside:
        return None
    if agent is not None:
        before = [m for m in outside if m.end <= agent.start]
        if before:
            return _first_coordinated(before, doc).key
    return outside[0].key


def _first_coordinated(before: list[DictMatch], doc: Doc) -> DictMatch:
    """The first of the country words joined by 'and' or commas that end at the last one."""
    first = before[-1]
    for match in reversed(before[:-1]):
        between = doc[match.end : first.start]
        if not between or not all(token.lower_ in COORDINATORS for token in between):
            break
        first = match
    return first


def _place_country_inside(span: Span, doc: Doc) -> str | None:
    """The country of a resolved place inside the span ('Hatay province Governor')."""
    for mention in doc._.places or []:
        inside = span.start_char <= mention.span.start and mention.span.end <= span.end_char
        if inside and mention.place.country:
            return mention.place.country
    return None


def _is_capital_metonym(countries: list[DictMatch], span: Span) -> bool:
    capitals = [m for m in countries if m.kind == "capital"]
    if not capitals or len(capitals) != len(countries):
        return False
    head = span.root
    if not any(m.start <= head.i < m.end for m in capitals):
        return False  # 'the outskirts of Damascus', 'the Damascus Opera House': a place
    return not (head.dep_ == "pobj" and (head.head.lower_ in PLACE_PREPOSITIONS or _holds_a_place(head.head)))


def _holds_a_place(preposition: Token) -> bool:
    """'the Barzeh neighbourhood of Damascus', 'the outskirts of Damascus': the capital after
    'of' and a word of a part of a city is the city that holds that part, not its government
    ('the province of Damascus' is left alone: the name there may be the province's)."""
    from .places_for_events import place_cues  # places_for_events reads this module's stage

    governor = preposition.head
    if preposition.lower_ != "of" or governor is preposition:
        return False
    words = place_cues().city_part_nouns
    return governor.lower_ in words or governor.lemma_.lower() in words


def _is_only_country(countries: list[DictMatch], span: Span) -> bool:
    """The span is a country name and nothing else but determiners, punctuation or a leading
    participle ('Saudi-led': the country leads the deed)."""
    covered = {i for m in countries for i in range(m.start, m.end)}
    return all(
        t.i in covered or t.is_punct or t.pos_ in ("DET", "PART") or t.lower_ in _leader_participles()
        for t in span
    )


@cache
def _leader_participles() -> frozenset[str]:
    return frozenset(load_json("en", "arguments", "cues.json")["leader_participles"])


def _with_evidence(actor: Actor, span: Span) -> Actor:
    actor.evidence = [TextSpan(start=span.start_char, end=span.end_char, text=span.text)]
    return actor


def mention_spans(doc: Doc) -> list[Span]:
    """Candidate actor mentions: noun chunks, actor entities and dictionary hits outside them."""
    spans: dict[tuple[int, int], Span] = {}
    names = _group_name_tokens(doc)
    for chunk in doc.noun_chunks:
        chunk = _widened_to_names(chunk, names)
        spans[(chunk.start, chunk.end)] = chunk
    covered = {i for span in spans.values() for i in range(span.start, span.end)}
    for ent in doc.ents:
        if ent.label_ in ACTOR_ENTITY_LABELS and not covered.intersection(range(ent.start, ent.end)):
            spans[(ent.start, ent.end)] = ent
    covered = {i for span in spans.values() for i in range(span.start, span.end)}
    for match in dictionary_matches(doc):
        if match.kind in ("group", "local", "agent", "metonym") and not covered.intersection(
            range(match.start, match.end)
        ):
            spans[(match.start, match.end)] = doc[match.start : match.end]
    return [spans[key] for key in sorted(spans)]


def _group_name_tokens(doc: Doc) -> dict[int, DictMatch]:
    """Token index -> the longest group name covering it."""
    covering: dict[int, DictMatch] = {}
    for match in dictionary_matches(doc):
        if match.kind != "group":
            continue
        for index in range(match.start, match.end):
            known = covering.get(index)
            if known is None or match.end - match.start > known.end - known.start:
                covering[index] = match
    return covering


def _widened_to_names(chunk: Span, names: dict[int, DictMatch]) -> Span:
    """A noun chunk that cuts a group's name ('Fateh al-Sham fighters' of 'Jabhat Fateh al-Sham
    fighters': the parser took 'Jabhat' for a verb) widened to the whole name."""
    start, end = chunk.start, chunk.end
    first, last = names.get(start), names.get(end - 1)
    if first is not None and first.start < start:
        start = first.start
    if last is not None and last.end > end:
        end = last.end
    return chunk if (start, end) == (chunk.start, chunk.end) else chunk.doc[start:end]


def _trim(span: Span) -> Span:
    """The mention without a leading determiner ('the regime') or a date a dateline glued to
    it ('12 Jul 2016 Opposition forces')."""
    start = span.start
    while start < span.end - 1 and _is_leading_filler(span.doc[start]):
        start += 1
    return span.doc[start : span.end]


def _is_leading_filler(token: Token) -> bool:
    return token.pos_ in ("DET", "PUNCT") or token.ent_type_ in ("DATE", "TIME")


def find_actors(doc: Doc) -> list[ActorMention]:
    """Every span of ``doc`` that names an actor, resolved to its canonical actor."""
    mentions = []
    for span in mention_spans(doc):
        span = _trim(span)
        inside = matches_within(doc, span.start, span.end)
        if not inside:
            continue  # the common case, answered without resolving
        bare = _bare_country_category(span) if any(m.kind != "agent" for m in inside) else None
        actor = resolve_actor(span, doc, bare_country=bare, inside=inside)
        if actor is None:
            continue
        evidence = TextSpan(start=span.start_char, end=span.end_char, text=span.text)
        mentions.append(ActorMention(span=evidence, actor=actor, head=span.root.idx))
    return mentions


def _names_the_country(doc: Doc, match: DictMatch) -> bool:
    """A country word that says whose the actor is: not a backer's, not a dateline's, not one
    the actor is for or against ('pro-Turkish rebels', 'anti-American militants')."""
    return not (is_backer(doc, match) or _is_dateline(doc, match) or _is_stance(doc, match))


def _is_stance(doc: Doc, match: DictMatch) -> bool:
    if match.start < 2 or doc[match.start - 1].text != "-":
        return False
    return doc[match.start - 2].lower_ in STANCE_PREFIXES


def _is_dateline(doc: Doc, match: DictMatch) -> bool:
    """'MOSCOW (Sputnik)', 'BEIRUT -': a place in capitals before the agency or a dash says where
    the report was filed; it names no actor."""
    words = [token for token in doc[match.start : match.end] if token.is_alpha]
    following = doc[match.end] if match.end < len(doc) else None
    return (
        bool(words)
        and all(token.is_upper and len(token) > 1 for token in words)
        and following is not None
        and following.text in DATELINE_FOLLOWERS
    )


def _bare_country_category(span: Span) -> str | None:
    """What a country named alone stands for here: only a verb's subject acts.

    Speaking makes it the government ("Israel said ..."), any other act its military
    ("Turkey shelled ..."); elsewhere ("hospitals in Syria") it is no actor.
    """
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "agent":  # "attacked by Israel"
        root = root.head
    if root.dep_ not in SUBJECT_DEPS | {"agent"} or root.head.pos_ not in ("VERB", "AUX"):
        return None
    return "government" if root.head.lemma_.lower() in _report_verbs() else "military"


@cache
def _report_verbs() -> frozenset[str]:
    return frozenset(load_json(*DATA, "roles.json")["report_verbs"])


def inter_for(actor: Actor, event_country: str | None) -> int | None:
    """ACLED's inter code of ``actor`` in an event in ``event_country``.

    State forces (inter 1) acting outside their own country are external forces (8):
    the Turkish military in Syria is coded 8.
    """
    if actor.inter == 1 and actor.country and event_country and actor.country != event_country:
        return 8
    return actor.inter


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, lower first ('18'); a lone actor is 'X0'."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


class ActorFinder:
    """The ``khabar_actors`` component: sets ``doc._.actors``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        # build the matcher now, not on the first document
        actor_dictionary(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc)
        return doc
