"""Who did it to whom: the perpetrator (actor1) and target (actor2) of one trigger.

The argument finder reads the roles off the parse (``arguments.py``); the actor resolver turns
each argument span into a canonical actor. Each role keeps the status of the sentence it came
from, so that an unverified perpetrator can become a disputed alternative rather than the coded
one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..model import Actor, ActorMention
from ..model import Span as Evidence


@dataclass(slots=True)
class Role:
    actor: Actor
    span: Evidence
    status: str = "asserted"


def event_roles(doc: Doc, trigger: Span, status: str) -> tuple[list[Role], list[Role]]:
    """Attackers and targets of ``trigger`` as resolved actors."""
    try:
        from . import arguments
        from .actors import resolve_actor
    except ImportError:  # the argument finder is optional: fall back on the actor mentions
        return roles_from_mentions(doc, trigger, status)
    found = arguments.find_arguments(doc, (trigger.start_char, trigger.end_char))
    attackers = roles_of(doc, found.attackers, status, resolve_actor)
    targets = roles_of(doc, found.targets, status, resolve_actor)
    return attackers, targets


def roles_from_mentions(doc: Doc, trigger: Span, status: str) -> tuple[list[Role], list[Role]]:
    """Actor mentions of the trigger's sentence: before the trigger act, after it suffer."""
    attackers: list[Role] = []
    targets: list[Role] = []
    for mention in actor_mentions_in(doc, trigger.sent):
        role = Role(actor=mention.actor, span=mention.span, status=status)
        (attackers if mention.span.end <= trigger.start_char else targets).append(role)
    return attackers, targets


def roles_of(doc: Doc, spans: list[Evidence], status: str, resolve) -> list[Role]:  # type: ignore[no-untyped-def]
    roles: list[Role] = []
    for span in spans:
        token_span = doc.char_span(span.start, span.end, alignment_mode="expand")
        actor = resolve(token_span, doc) if token_span is not None else None
        if actor is not None and actor.name:
            roles.append(Role(actor=actor, span=span, status=status))
    return roles


def actor_mentions_in(doc: Doc, span: Span) -> list[ActorMention]:
    return [m for m in doc._.actors or [] if span.start_char <= m.span.start < span.end_char]
