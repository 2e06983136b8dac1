"""The country a report is about: one rule, computed once per Doc and kept in ``doc.user_data``.

Three stages read it: a generic actor without a country word takes it ("the regime",
"militants", "civilians" in a Syria story are Syria's), an unnamed perpetrator is an
unidentified armed group of the event's country or of this one, and an event with no place
named is put in it. The rule, by votes per country:

1. Every resolved place mention votes for its country: 2 where something happens (inside a
   place phrase: "in Idlib", "near Homs", "in Syria's Idlib province"), 1 elsewhere.
2. A place that only says who someone is or who acts gives no vote: a country used as a
   nationality ("U.S. drones", "US officials", "a US citizen"; but "the Turkey border" is a
   place), an actor's description ("the US-backed forces", "a UK-based monitor"), where an
   attacker came from ("launched from Turkey"), and a country or capital that is the subject
   of a verb ("Washington said", "Russia bombed the city"): a speaker's or a foreign actor's
   country is never the report's on its own account.
3. Only when no place votes (the places stage did not run, or every place is of the kind in
   2) do the actor dictionary's country words and capitals vote, by the same weights: 2 in a
   place phrase, 1 as a modifier ("Turkish soldiers"), none as a verb's subject or as the
   backer of a group ("Turkish-backed rebels").
4. The most votes win; a tie goes to the country named first. No vote, no country.

The rule reads the parse, the places and the actor dictionary only (no event mentions), so
it gives the same answer whichever stage asks first.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from ..model import PlaceMention

#: ``doc.user_data`` key of the cached answer (tests and ``eval actors`` may set it directly)
REPORT_COUNTRY_KEY = "khabar.report_country"
#: place prepositions that mark where something happens
LOCATIVE_PREPOSITIONS = frozenset({"in", "into", "near", "at", "across", "throughout", "inside", "outside"})
#: dependencies of a verb's subject: a country or capital there speaks or acts
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: votes of a place where something happens, and of any other counted mention
LOCATIVE_VOTES = 2
OTHER_VOTES = 1
#: the first sentence (a headline, a lead) says what the report is about: its votes count this much more
LEAD_FACTOR = 2


def report_country(doc: Doc) -> str | None:
    """The ISO3 code of the country ``doc`` is about (see the module's rule), cached on the doc."""
    if REPORT_COUNTRY_KEY not in doc.user_data:
        votes = place_votes(doc) or dictionary_votes(doc)
        doc.user_data[REPORT_COUNTRY_KEY] = votes.most_common(1)[0][0] if votes else None
    return doc.user_data[REPORT_COUNTRY_KEY]


def place_votes(doc: Doc) -> Counter[str]:
    """Rules 1 and 2: the votes of the resolved place mentions."""
    from .places_for_events import place_role  # places_for_events reads this module

    votes: Counter[str] = Counter()
    for mention in sorted(doc._.places or [], key=lambda m: m.span.start):
        token = _root_of(doc, mention) if mention.place.country else None
        if token is None:
            continue
        if place_role(doc, mention, parse_only=True) in ("descriptor", "origin"):
            continue
        if _names_an_actor(doc, mention, token):
            continue
        votes[mention.place.country] += _votes(token)
    return +votes


def dictionary_votes(doc: Doc) -> Counter[str]:
    """Rule 3: the votes of the actor dictionary's country words and capitals."""
    from .actors import dictionary_matches, is_backer  # actors reads this module

    votes: Counter[str] = Counter()
    for match in dictionary_matches(doc):
        if match.kind not in ("country", "capital") or is_backer(doc, match):
            continue
        token = doc[match.start : match.end].root
        if is_acting(token):
            continue
        votes[match.key] += _votes(token)
    return votes


def _votes(token: Token) -> int:
    """Rule 1's weights, doubled in the report's first sentence (its headline or lead)."""
    votes = LOCATIVE_VOTES if is_locative(token) else OTHER_VOTES
    return votes * LEAD_FACTOR if token.sent.start == 0 else votes


def _root_of(doc: Doc, mention: PlaceMention) -> Token | None:
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _names_an_actor(doc: Doc, mention: PlaceMention, token: Token) -> bool:
    """A country or a capital that speaks or acts ("Washington said", "Russia bombed")."""
    if not is_acting(token):
        return False
    if mention.place.feature == "country":
        return True
    from .actors import matches_within

    return any(match.kind == "capital" for match in matches_within(doc, token.i, token.i + 1))


def is_acting(token: Token) -> bool:
    """Is the token a verb's subject, or the agent of a passive ('attacked by Israel')?"""
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    return token.dep_ in SUBJECT_DEPS and token.head.pos_ in ("VERB", "AUX")


def is_locative(token: Token) -> bool:
    """Is the token inside a place phrase ('in Syria', 'in Syria's Idlib province')?"""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ == "pobj":
            return ancestor.head.lower_ in LOCATIVE_PREPOSITIONS
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False
