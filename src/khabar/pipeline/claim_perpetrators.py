"""Perpetrator disputes: sources naming different sides for one event; a source naming an
armed group as owner or user of an attack's toxic agent blames it (counter-blames); the side an
actor belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Claim, Contradiction
from .claim_attribution import sentences
from .claim_happenings import HAPPENINGS
from .claim_shared import overlaps

if TYPE_CHECKING:
    from .claims import Draft

#: sectors of state actors: the army and the government of one country are one side
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
#: actor categories that name a kind of actor, not one: they never contradict a named one
GENERIC_CATEGORIES = frozenset(
    {
        "rebels",
        "islamists",
        "unidentified",
        "progov_militia",
        "identity_militia",
        "rioters",
        "protesters",
        "civilians",
        "media",
        "asset",
    }
)
#: generic categories of armed groups: a source blaming one disputes another's blaming a state
ARMED_CATEGORIES = frozenset({"rebels", "islamists", "unidentified"})
STATE_PREFIXES = ("Military Forces of", "Government of", "Police Forces of")
#: actor sectors of non-state armed groups (rebels, insurgents)
NON_STATE_ARMED_SECTORS = frozenset({"REB", "INS"})
#: actor categories that carry out no attack of their own: never an attack's named agent
UNARMED_CATEGORIES = frozenset({"civilians", "media", "protesters", "rioters"})
#: how a name hangs on an attack noun ("an Islamic State counteroffensive", "ISIS attack",
#: "Russian airstrikes", "the regime's offensive")
NOUN_AGENT_DEPS = frozenset({"compound", "nmod", "poss", "amod"})
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})
#: what of a subject's phrase still names it: not a clause on it ("rockets fired from an
#: IS-held area hit", where IS is where they came from, not who fired them)
SUBJECT_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "appos", "punct", "cc", "conj"})


@dataclass(frozen=True, slots=True)
class AttackWords:
    """Words whose subject or name is an attack's agent (``attack_agents`` of cues.json)."""

    verbs: frozenset[str]
    light_verbs: frozenset[str]
    nouns: frozenset[str]
    #: objects that make a light verb an attack but name none on their own ("opened fire")
    light_objects: frozenset[str] = frozenset()
    #: words that open a clause whose attack verb the parser hangs on its subject as a participle
    #: ("when terrorists targeted with rocket shells the area", "as ISIS targeted with ...")
    subordinators: frozenset[str] = frozenset()


@cache
def attack_words() -> AttackWords:
    from ..langdata import load_json

    table = load_json("en", "claims", "cues.json")["attack_agents"]
    return AttackWords(
        frozenset(table["verbs"]),
        frozenset(table["light_verbs"]),
        frozenset(table["nouns"]),
        frozenset(table["light_objects"]),
        frozenset(table["subordinators"]),
    )


def is_attack_noun(token: Token) -> bool:
    nouns = attack_words().nouns
    return token.pos_ in {"NOUN", "PROPN"} and (token.lemma_.lower() in nouns or token.lower_ in nouns)


def attack_agent_phrases(doc: Doc) -> list[Span]:
    """Phrases that may name who carried out an attack without a 'by': the subject of an attack
    verb ("the army's air force hit positions"), of a light verb on an attack noun ("regime forces
    have carried out repeated attacks") and a name on an attack noun ("an Islamic State
    counteroffensive"). Whether the phrase names an armed actor is the caller's to check."""
    phrases = []
    for token in doc:
        if token.pos_ == "VERB" and _attack_verb(token):
            phrases.extend(_subject_phrase(doc, c) for c in token.children if c.dep_ == "nsubj")
            subject = _participle_subject(token)
            if subject is not None:
                phrases.append(subject)
        elif is_attack_noun(token):
            names = [c for c in token.children if c.dep_ in NOUN_AGENT_DEPS and c.pos_ in NAME_POS]
            phrases.extend(doc[c.left_edge.i : c.i + 1] for c in names)
    return phrases


def _attack_verb(verb: Token) -> bool:
    """'hit', 'attacked'; 'carried out attacks', 'organized 11 airstrike operations'."""
    words = attack_words()
    lemma = verb.lemma_.lower()
    if lemma in words.verbs:
        return True
    if lemma not in words.light_verbs:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    nouns = [n for o in objects for n in (o, *(c for c in o.children if c.dep_ == "compound"))]
    return any(is_attack_noun(noun) or noun.lower_ in words.light_objects for noun in nouns)


def _participle_subject(verb: Token) -> Span | None:
    """'16 civilians were killed when Nusra terrorists targeted with rocket shells the area': in
    copy without commas the parser reads the attack verb of a 'when' / 'as' clause as a participle
    on its subject ("terrorists [who were] targeted"). With no 'by' agent and the clause's opener
    right before the noun phrase, the noun is the verb's subject: its words before the verb."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ not in {"NOUN", "PROPN"} or noun.i >= verb.i:
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    openers = attack_words().subordinators
    left = noun.left_edge
    opener = left if left.lower_ in openers or not left.i else verb.doc[left.i - 1]
    if opener.lower_ not in openers:
        return None
    skipped = {t.i for c in noun.children if c.dep_ in SUBJECT_CLAUSE_DEPS for t in c.subtree}
    kept = [t.i for t in noun.subtree if t.i not in skipped and opener.i < t.i < verb.i]
    return verb.doc[min(kept, default=noun.i) : max(kept, default=noun.i) + 1]


def _subject_phrase(doc: Doc, subject: Token) -> Span:
    """The subject's words before its verb, without a clause on it."""
    skipped = {t.i for c in subject.children if c.dep_ in SUBJECT_CLAUSE_DEPS for t in c.subtree}
    kept = [t.i for t in subject.subtree if t.i not in skipped and t.i < subject.head.i]
    return doc[min(kept, default=subject.i) : max(kept, default=subject.i) + 1]


def can_attack(actor: Actor | None) -> bool:
    """An actor that may be an attack's agent: named, and not civilians, media or protesters."""
    if actor is None or not actor.name:
        return False
    return not actor.name.startswith(_category_prefixes(UNARMED_CATEGORIES))


def perpetrator_contradictions(drafts: list[Draft]) -> list[Contradiction]:
    """Perpetrators of one event that are not the same side, from different claims; then two
    sources' blames of one happening the event stage told as two events (``_across_events``)."""
    found: list[Contradiction] = []
    groups: dict[str | None, list[Draft]] = {}
    for draft in drafts:
        if draft.claim.kind == "perpetrator" and draft.actor is not None and _comparable(draft):
            groups.setdefault(draft.claim.about, []).append(draft)
    for about, members in groups.items():
        if about is None:
            continue
        dispute = _dispute(about, members)
        if dispute is not None:
            found.append(dispute)
    _across_events([d for about, members in groups.items() if about for d in members], found)
    return found


def _dispute(about: str, members: list[Draft]) -> Contradiction | None:
    """The sides of ``members`` that clash, when two sources name them."""
    sides: dict[tuple[str | None, str | None], list[Draft]] = {}
    for draft in members:
        sides.setdefault(side_of(draft.actor), []).append(draft)
    sided = list(sides.values())
    clashing = [group for group in sided if any(_sides_clash(group, other) for other in sided)]
    speakers = {draft.claim.speaker for group in clashing for draft in group}
    if len(clashing) < 2 or len(speakers) < 2:
        return None  # one source naming two suspects ("Syrian or Russian planes") is unsure
    values = [_side_name(group) for group in clashing]
    claims = [draft.claim.id for group in clashing for draft in group]
    return Contradiction(about, "perpetrator", values, claims)


def _across_events(comparable: list[Draft], found: list[Contradiction]) -> None:
    """'Syria says the attack was actually carried out by the foreign-backed militants' on one
    event, the militants' claim that the army was responsible on another event of the same
    happening: two sources' blames (``is_blame``) are read as one dispute across the events of a
    happening (``same_happenings``), added to the dispute either already has. Only blames: other
    perpetrators told on two events may be joint attackers ("Russian and regime warplanes")."""
    if not comparable:
        return
    happenings = comparable[0].sentence.doc.user_data.get(HAPPENINGS, {})
    groups: dict[str, list[Draft]] = {}
    for draft in comparable:
        if is_blame(draft) and draft.claim.about in happenings:
            groups.setdefault(happenings[draft.claim.about], []).append(draft)
    for members in groups.values():
        if len({draft.claim.about for draft in members}) < 2:
            continue  # one event's blames were weighed with its other perpetrators
        about = members[0].claim.about
        assert about is not None
        dispute = _dispute(about, members)
        if dispute is None:
            continue
        held = [c for c in found if c.field == "perpetrator" and set(c.claims) & set(dispute.claims)]
        if not held:
            found.append(dispute)
            continue
        merged = held[0]
        merged.claims = list(dict.fromkeys([*merged.claims, *dispute.claims]))
        merged.values = list(dict.fromkeys([*merged.values, *dispute.values]))


def is_blame(draft: Draft) -> bool:
    """A perpetrator a source blames ("blamed X", "accused X of", "X was responsible", "carried
    out by X" in its words, a counter-blame), not one an account of the attack names."""
    return bool(draft.extra.get("blamed")) or _subject_of_responsibility(draft)


def mark_blames(drafts: list[Draft]) -> None:
    """A perpetrator named by blame words is a blame, whatever actor it resolves to
    (``blame_marks``): the object of "blaming" inside a denial ("denied any involvement, issuing
    a statement blaming terrorist groups"), the agent of "carried out by" in a named source's
    words ("Syria says the attack was actually carried out by the foreign-backed militants")."""
    marks = _blame_marks()
    for draft in drafts:
        if draft.claim.kind != "perpetrator" or draft.actor is None or draft.extra.get("blamed"):
            continue
        if _blame_word_on(draft, marks):
            draft.extra["blamed"] = True


def _blame_word_on(draft: Draft, marks: dict[str, frozenset[str]]) -> bool:
    doc = draft.sentence.doc
    evidence = draft.claim.evidence[0]
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ == "dobj":
        return head.lemma_.lower() in marks["verbs"]
    if root.dep_ != "pobj":
        return False
    if head.lower_ in marks["prepositions"]:
        return head.head.lemma_.lower() in marks["verbs"]  # "blaming the attack on rebel forces"
    agent = head.lower_ == "by" and head.head.lemma_.lower() in marks["agent_verbs"]
    return agent and _named_source(draft)


@cache
def _blame_marks() -> dict[str, frozenset[str]]:
    from ..langdata import load_json

    table = load_json("en", "claims", "cues.json")["blame_marks"]
    return {key: frozenset(words) for key, words in table.items()}


def _side_name(group: list[Draft]) -> str | None:
    """The name a side of a perpetrator dispute goes by. A state blamed for an attack is blamed
    for what its forces did: ACLED codes a state's violence as its military forces', so "the
    Syrian government" a source blames and "Syrian warplanes" another names are one side,
    "Military Forces of Syria"."""
    names = [draft.actor.name for draft in group if draft.actor is not None and draft.actor.name]
    if not names or side_of(group[0].actor)[1] != "state":
        return names[0] if names else None
    forces = [name for name in names if name.startswith(STATE_PREFIXES[0])]
    if forces:
        return forces[0]
    government = STATE_PREFIXES[1]
    if names[0].startswith(government):
        return STATE_PREFIXES[0] + names[0][len(government) :]
    return names[0]


def add_counter_blames(doc: Doc, drafts: list[Draft]) -> None:
    """A source naming an armed group as the owner, maker or user of an attack's toxic agent
    blames that group ("Russia said the gas leaked from a rebel depot", "denied any
    responsibility saying its air strikes hit a rebel depot containing chemical materials",
    "rebels may have released gas"; ``counter_blame`` of cues.json). A perpetrator claim that
    names the group is marked a blame; else the source gets a new one. The new claim is about
    the report's one toxic happening, where the source's own claim is about another event."""
    words = _counter_blame_words()
    for sentence in sentences(doc):
        sources = [d for d in drafts if d.sentence == sentence and _named_source(d)]
        if not sources:
            continue
        toxic = any(token.lower_ in words["toxic_words"] for token in sentence)
        for mention in _mentions_in(doc, sentence):
            if not _armed_group(mention.actor) or not _blamed_for_agent(doc, mention.span, words, toxic):
                continue
            naming = [
                d
                for d in drafts
                if d.claim.kind == "perpetrator" and overlaps(d.claim.evidence[0], mention.span)
            ]
            for draft in naming:
                draft.extra["blamed"] = True
            if not naming:
                source = next((d for d in sources if overlaps(d.claim.evidence[0], mention.span)), sources[0])
                drafts.append(_counter_blame(doc, source, mention, len(drafts) + 1))


def _named_source(draft: Draft) -> bool:
    from .claims import OUTLET_SPEAKER

    return draft.attribution is not None and draft.claim.speaker not in {None, OUTLET_SPEAKER}


def _mentions_in(doc: Doc, sentence: Span) -> list:  # type: ignore[type-arg]
    return [m for m in doc._.actors or [] if sentence.start_char <= m.span.start < sentence.end_char]


def _armed_group(actor: Actor) -> bool:
    """A rebel, Islamist or unnamed armed group, or a named non-state armed one."""
    if side_of(actor)[1] == "state" or not actor.name:
        return False
    return actor.sector in NON_STATE_ARMED_SECTORS or actor.name.startswith(_armed_prefixes())


def _blamed_for_agent(doc: Doc, span, words: dict[str, frozenset[str]], toxic: bool) -> bool:  # type: ignore[no-untyped-def]
    """Is the group the owner of a store ("a rebel depot", "the rebels' stockpile"), the subject of
    using, keeping or releasing ("where terrorists stored", "rebels may have released gas"), the
    one the agent belongs to ("belonged to rebels"), or the maker of a provocation ("a rebel
    provocation")? Not the place it was used on ("the use of poison gas on rebel areas")."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    root = tokens.root
    lemmas = {token.lemma_.lower() for token in tokens}
    if root.dep_ in {"compound", "amod", "poss", "nsubj"}:
        lemmas.add(root.head.lemma_.lower())  # "rebel chemical weapons depot", "rebels released"
    elif root.dep_ == "pobj" and root.head.lower_ == "to":
        lemmas.add(root.head.head.lemma_.lower())  # "belonged to rebels"
    if lemmas & words["false_flag_heads"]:
        return True
    return toxic and bool(lemmas & words["agent_heads"])


def _counter_blame(doc: Doc, source: Draft, mention, number: int) -> Draft:  # type: ignore[no-untyped-def]
    from .claims import Draft

    claim = Claim(
        id=f"c{number}",
        speaker=source.claim.speaker,
        kind="perpetrator",
        status="unverified",  # a blame is an accusation (``status_by_kind``)
        evidence=[mention.span],
        value=mention.actor.name,
        role=source.claim.role,
        speaker_actor=source.claim.speaker_actor,
        via=list(source.claim.via),
        cue=source.claim.cue,
        about=_agent_event(doc, source.claim.about),
    )
    extra: dict[str, object] = {"blamed": True, "counter_blame": True}
    return Draft(
        claim,
        source.sentence,
        source.attribution,
        actor=mention.actor,
        anchor=mention.span.start,
        extra=extra,
    )


def _agent_event(doc: Doc, about: str | None) -> str | None:
    """The event a counter-blame is about: the attack of an agent (``agent_event_types``) that is
    the source's own event or one happening with it (the event stage may tell "its air strikes
    hit a depot" as a strike of its own), else the report's one such happening, else the
    source's event. (Grouping every perpetrator by happening set joint attackers told on two
    events against each other on unannotated reports.)"""
    happenings = doc.user_data.get(HAPPENINGS, {})
    toxic = [e.id for e in doc._.events or [] if e.sub_event_type in _agent_event_types()]
    if about is not None:
        own = happenings.get(about, about)
        joined = [event_id for event_id in toxic if happenings.get(event_id, event_id) == own]
        if about in toxic or joined:
            return about if about in toxic else joined[0]
    told = {happenings.get(event_id, event_id) for event_id in toxic}
    return toxic[0] if len(told) == 1 else about


@cache
def _counter_blame_words() -> dict[str, frozenset[str]]:
    from ..langdata import load_json

    table = load_json("en", "claims", "cues.json")["counter_blame"]
    return {key: frozenset(words) for key, words in table.items()}


@cache
def _agent_event_types() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "settings.json")["agent_event_types"])


def _comparable(draft: Draft) -> bool:
    """A named perpetrator, or a kind of armed group a source blames ("the government blamed
    Syrian rebels"): a blame is a claim about who did it even when it names no group."""
    assert draft.actor is not None
    if is_specific(draft.actor):
        return True
    blamed = bool(draft.extra.get("blamed")) or _subject_of_responsibility(draft)
    return blamed and (draft.actor.name or "").startswith(_armed_prefixes())


def _subject_of_responsibility(draft: Draft) -> bool:
    """'opposition fighters themselves were responsible for that attack': the perpetrator is the
    subject of a responsibility predicate (``responsible_predicates``), a blame."""
    from .claims import responsible_predicates

    doc = draft.sentence.doc
    evidence = draft.claim.evidence[0]
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_ != "be":
        return False
    return any(child.lower_ in responsible_predicates() for child in span.root.head.children)


def _sides_clash(first: list[Draft], second: list[Draft]) -> bool:
    """Two sides disagree when both are named, or one is a state's forces: "rebels" may be the
    named group another source blames, but never the army that a third source blames."""
    a, b = first[0].actor, second[0].actor
    if first is second or a is None or b is None:
        return False
    if is_specific(a) and is_specific(b):
        return True
    return "state" in (side_of(a)[1], side_of(b)[1])


def _armed_prefixes() -> tuple[str, ...]:
    """Names of the armed kinds of actor (rebels, militants, unidentified gunmen)."""
    return _category_prefixes(ARMED_CATEGORIES)


@cache
def _category_prefixes(categories: frozenset[str]) -> tuple[str, ...]:
    """The names of the actor categories ``categories`` take, before their country."""
    from ..langdata import load_tsv

    prefixes = []
    for row in load_tsv("en", "actors", "categories.tsv"):
        if row["category"] in categories:
            prefixes.extend([row["template"].split("{country}")[0].rstrip(" ("), row["without_country"]])
    return tuple(prefix for prefix in prefixes if prefix and prefix != "-")


def is_specific(actor: Actor) -> bool:
    """A named perpetrator: a state's forces or a named group, not a generic category
    ('Unidentified Armed Group (Syria)', 'Islamist militant groups (Syria)', 'Civilians (Syria)')."""
    if side_of(actor)[1] == "state":
        return True
    return not (actor.name or "").startswith(_generic_prefixes())


def _generic_prefixes() -> tuple[str, ...]:
    return _category_prefixes(GENERIC_CATEGORIES)


def side_of(actor: Actor | None) -> tuple[str | None, str | None]:
    """A comparable side: a country's state forces are one side, other actors are themselves."""
    if actor is None:
        return (None, None)
    state_name = (actor.name or "").startswith(STATE_PREFIXES)
    if (actor.sector in STATE_SECTORS or state_name) and actor.country:
        return (actor.country, "state")
    return (actor.country, actor.name)
