"""Factories of khabar's spaCy components: names, default configs, what each assigns and requires.

A name carries a version (``khabar_places`` is built by ``khabar.places.v1``); a change of
behaviour gets a new version so that saved configs keep resolving.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from .extensions import register_extensions

register_extensions()


@Language.factory("khabar_token_norms", assigns=["token.norm"])
def make_token_norms(nlp: Language, name: str) -> Any:
    from .token_norms import TokenNorms

    return TokenNorms(nlp, name)


@Language.factory("khabar_keyword_lists", assigns=["token.is_sent_start"])
def make_keyword_lists(nlp: Language, name: str) -> Any:
    from .keyword_lists import KeywordLists

    return KeywordLists(nlp, name)


@Language.factory(
    "khabar_places",
    assigns=["doc._.places"],
    requires=["doc.ents", "token.tag"],
    default_config={"gazetteer": None},
)
def make_places(nlp: Language, name: str, gazetteer: str | None) -> Any:
    from .places import PlaceResolver

    return PlaceResolver(nlp, name, gazetteer=gazetteer)


@Language.factory("khabar_dates", assigns=["doc._.dates"], requires=["token.tag"])
def make_dates(nlp: Language, name: str) -> Any:
    from .dates import DateResolver

    return DateResolver(nlp, name)


@Language.factory("khabar_counts", assigns=["doc._.counts"], requires=["token.dep", "token.lemma"])
def make_counts(nlp: Language, name: str) -> Any:
    from .counts import CountFinder

    return CountFinder(nlp, name)


@Language.factory("khabar_actors", assigns=["doc._.actors"], requires=["doc.ents", "token.dep"])
def make_actors(nlp: Language, name: str) -> Any:
    from .actors import ActorFinder

    return ActorFinder(nlp, name)


@Language.factory(
    "khabar_event_mentions", assigns=["doc._.event_mentions"], requires=["token.lemma", "token.dep"]
)
def make_event_mentions(nlp: Language, name: str) -> Any:
    from .events import EventMentionFinder

    return EventMentionFinder(nlp, name)


@Language.factory(
    "khabar_assemble",
    assigns=["doc._.events"],
    requires=[
        "doc._.places",
        "doc._.dates",
        "doc._.counts",
        "doc._.actors",
        "doc._.event_mentions",
    ],
)
def make_assembler(nlp: Language, name: str) -> Any:
    from .assemble import EventAssembler

    return EventAssembler(nlp, name)


@Language.factory(
    "khabar_framing",
    assigns=["doc._.framing"],
    requires=["token.tag", "token.dep"],
    default_config={"use_model": True},
)
def make_framing(nlp: Language, name: str, use_model: bool) -> Any:
    from .framing import FramingFinder

    return FramingFinder(nlp, name, use_model=use_model)


@Language.factory(
    "khabar_claims",
    assigns=["doc._.claims", "doc._.revisions", "doc._.contradictions"],
    requires=["doc._.counts", "doc._.actors", "doc._.event_mentions", "doc._.events"],
)
def make_claims(nlp: Language, name: str) -> Any:
    from .claims import ClaimFinder

    return ClaimFinder(nlp, name)


#: the khabar stages, in pipeline order
KHABAR_COMPONENTS: tuple[str, ...] = (
    "khabar_places",
    "khabar_dates",
    "khabar_counts",
    "khabar_actors",
    "khabar_event_mentions",
    "khabar_assemble",
    "khabar_claims",
    "khabar_framing",
)
