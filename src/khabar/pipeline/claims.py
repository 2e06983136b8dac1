"""Claims: who said what about the events, through whom, and how sure.

Each casualty figure, perpetrator, accusation, denial and attributed statement of a report
becomes a ``Claim``. Its speaker is the innermost attribution whose scope holds it
(``claim_attribution.py``), else the speaker of the direct quote around it (``quotes.py``),
else the outlet itself. Its status comes from the cue (an accusation is unverified), the
source (anonymous sources and social media are unverified) and the hedges of its sentence
(``data/en/claims/cues.json``). ``claim_links.py`` then links claims to the events they are
about, ``claim_revisions.py`` finds revisions and ``claim_contradictions.py`` contradictions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..langdata import load_json
from ..model import Actor, Claim, Contradiction, CountMention, Revision
from ..model import Span as TextSpan
from .claim_attribution import (
    Attribution,
    attributions,
    claimed_deed,
    cue_table,
    innermost,
    sentence_of,
    sentences,
)
from .claim_perpetrators import is_attack_noun
from .claim_speakers import Speaker, described_source, outlets_named, source_lexicon
from .counts import BACKGROUND_COUNTS_KEY
from .extensions import doc_text
from .quotes import quote_at, quote_spans

DATA = ("en", "claims")
OUTLET_SPEAKER = "the outlet"
#: speaker kinds that may be a description of a named source ("a monitoring group")
DESCRIBABLE_KINDS = frozenset({"organisation", "outlet", "group"})
#: longest value text kept for a statement, accusation or denial claim
MAX_VALUE_CHARS = 240
#: cue kinds whose claim is about a perpetrator when the attribution names one
BLAME_LEMMAS = frozenset({"blame", "attribute", "hold"})
#: count qualifiers that are words, not numbers: the claim's value is the word ("dozens")
#: claim status -> how a figure stands in an event's range (figures.py counts "asserted" only)
FIGURE_STANDING = {"unverified": "unverified", "denied": "unverified", "superseded": "superseded"}
#: cue kinds that are a claim of their own even when a figure or perpetrator inside is claimed:
#: "accused government forces of shelling the market" accuses, whoever the perpetrator is
OWN_CLAIM_KINDS = frozenset({"accusation", "denial"})
#: an attribution whose figures are claimed still makes a statement when it says this much more
MIN_EXTRA_CHARS = 50
#: ... or this many words outside its figures with a verb among them
MIN_EXTRA_WORDS = 6
#: shorter quotes are scare quotes or phrases ("responding"), not statements
MIN_QUOTE_CHARS = 25
#: claim kinds that say something happened: a hedge of one noun phrase reaches only these
HAPPENING_KINDS = frozenset({"event", "killed", "injured", "perpetrator"})
VAGUE_FIGURES = frozenset({"dozens", "scores", "hundreds", "thousands", "several", "many", "dozen", "some"})


@dataclass(frozen=True, slots=True)
class StatusCues:
    matchers: dict[str, PhraseMatcher]
    negations: frozenset[str]
    revision: PhraseMatcher
    earlier_figure: PhraseMatcher
    openers: tuple[tuple[str, ...], ...]
    #: hedges that do not hedge as a noun's adjective ("the feared IS")
    adjective_hedges: frozenset[str] = frozenset()
    #: hedges that, on one noun phrase, hedge only claims that something happened
    noun_hedges: frozenset[str] = frozenset()


def _docs(vocab, phrases: list[str]) -> list[Doc]:  # type: ignore[no-untyped-def]
    return [Doc(vocab, words=phrase.split()) for phrase in phrases]


@cache
def status_cues(vocab) -> StatusCues:  # type: ignore[no-untyped-def]
    """The status-phrase matchers, built once per vocabulary."""
    data = load_json(*DATA, "cues.json")
    matchers = {}
    for status, phrases in data["status_phrases"].items():
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add(status, _docs(vocab, phrases))
        matchers[status] = matcher
    revision = PhraseMatcher(vocab, attr="LOWER")
    revision.add("revision", _docs(vocab, data["revision"]))
    earlier = PhraseMatcher(vocab, attr="LOWER")
    earlier.add("earlier", _docs(vocab, data["earlier_figure"]))
    openers = tuple(tuple(phrase.split()) for phrase in data["anaphoric_openers"])
    adjectives = frozenset(data["adjective_hedges"])
    nouns = frozenset(data["noun_hedges"])
    return StatusCues(matchers, frozenset(data["negations"]), revision, earlier, openers, adjectives, nouns)


@dataclass(frozen=True, slots=True)
class KindCues:
    """Words that decide what kind of claim an attribution makes (``cues.json``)."""

    responsibility_cues: frozenset[str]
    responsibility_nouns: frozenset[str]
    modals: frozenset[str]
    no_event_predicates: frozenset[str]
    occurrence_complements: frozenset[str]
    judgement_cues: frozenset[str] = frozenset()


@cache
def kind_cues() -> KindCues:
    data = load_json(*DATA, "cues.json")
    return KindCues(
        frozenset(data["responsibility"]["cues"]),
        frozenset(data["responsibility"]["nouns"]),
        frozenset(data["no_event_modals"]),
        frozenset(data["no_event_predicates"]),
        frozenset(data["occurrence_complements"]),
        frozenset(data["judgement_cues"]),
    )


@dataclass(slots=True)
class Draft:
    """A claim being built, with what the linking step needs beside the model's fields."""

    claim: Claim
    sentence: Span
    attribution: Attribution | None = None
    count: CountMention | None = None
    actor: Actor | None = None
    anchor: int = 0  # character offset that places the claim in its event
    extra: dict[str, object] = field(default_factory=dict)


# -- building ----------------------------------------------------------------------------------


def find_claims(doc: Doc) -> tuple[list[Claim], list[Revision], list[Contradiction]]:
    """Claims, revisions and contradictions of one report; events' claim lists are filled in."""
    from . import claim_contradictions, claim_links, claim_revisions

    outlet = _outlet_name(doc)
    found = attributions(doc, outlet=outlet)
    drafts: list[Draft] = []
    used: set[int] = set()
    drafts.extend(_figure_claims(doc, found, outlet, used))
    drafts.extend(_perpetrator_claims(doc, found, outlet, used))
    drafts.extend(_agent_claims(doc, found, outlet, used, drafts))
    drafts.extend(_attack_agent_claims(doc, found, outlet, drafts))
    drafts.extend(_attribution_claims(doc, found, used, drafts))
    drafts.extend(_quote_claims(doc, found, drafts))
    drafts.extend(_hedged_outlet_claims(doc, found, outlet, drafts))
    _name_described_sources(doc, drafts)
    drafts.sort(key=lambda draft: (draft.claim.evidence[0].start, draft.claim.kind))
    for number, draft in enumerate(drafts, 1):
        draft.claim.id = f"c{number}"
    for draft in drafts:
        draft.claim.status = claim_status(doc, draft)
    claim_links.apply_sentence_comments(doc, drafts)
    claim_links.apply_confirmations(found, drafts)
    claim_links.apply_denials(doc, drafts)
    claim_links.link_events(doc, drafts)
    revisions = claim_revisions.find_revisions(doc, drafts)
    contradictions = claim_contradictions.find_contradictions(doc, drafts)
    claim_links.fill_event_claims(doc, drafts, contradictions)
    return [draft.claim for draft in drafts], revisions, contradictions


def _name_described_sources(doc: Doc, drafts: list[Draft]) -> None:
    """'a monitoring group said', 'the Britain-based watchdog said': the one monitor the report
    names (often only later, "the Syrian Observatory for Human Rights said"), so that one
    source's figures are compared as one source's (revisions) and not as two (contradictions)."""
    named = outlets_named(doc)
    if not named:
        return
    for draft in drafts:
        speaker = draft.attribution.speaker if draft.attribution is not None else None
        if speaker is None or speaker.kind not in DESCRIBABLE_KINDS or draft.claim.speaker in named:
            continue
        source = described_source(str(draft.claim.speaker), named)
        if source is not None:
            draft.claim.speaker = source


def _outlet_name(doc: Doc) -> str:
    article = doc._.article
    return OUTLET_SPEAKER if article is None or not article.outlet else article.outlet


def _token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return doc[-1]


def _source(doc: Doc, token: Token, found: list[Attribution]) -> tuple[Attribution | None, Speaker | None]:
    """The attribution that claims ``token``, else the speaker of a quote around it."""
    attribution = innermost(found, token)
    if attribution is not None:
        return attribution, attribution.speaker
    quote = quote_at(doc, token.idx, token.idx + len(token))
    if quote is not None and quote.speaker:
        speaker = Speaker(
            quote.speaker, quote.speaker_kind or "person", quote.start, quote.end, role=quote.role
        )
        return None, speaker
    return None, None


def _new_claim(
    doc: Doc,
    kind: str,
    evidence: TextSpan,
    attribution: Attribution | None,
    speaker: Speaker | None,
    outlet: str,
) -> Claim:
    cue_span = _attribution_span(doc, attribution)
    return Claim(
        id="",
        speaker=speaker.name if speaker else outlet,
        role=speaker.role if speaker else None,
        speaker_actor=speaker.actor if speaker else None,
        via=list(attribution.via) if attribution else [],
        cue=attribution.cue_text if attribution else None,
        kind=kind,  # type: ignore[arg-type]
        status="asserted",
        evidence=[evidence, cue_span] if cue_span else [evidence],
    )


def _attribution_span(doc: Doc, attribution: Attribution | None) -> TextSpan | None:
    """Evidence of who said it: the speaker phrase and the cue."""
    if attribution is None:
        return None
    start = min(attribution.speaker.start, attribution.cue.idx)
    end = max(attribution.speaker.end, attribution.cue.idx + len(attribution.cue))
    if end - start > 200:  # a speaker resolved from far back: the cue alone
        start, end = attribution.cue.idx, attribution.cue.idx + len(attribution.cue)
    return TextSpan.of(doc_text(doc), start, end)


def _figure_claims(doc: Doc, found: list[Attribution], outlet: str, used: set[int]) -> list[Draft]:
    from .claim_figures import toll_figures

    drafts: list[Draft] = []
    counts = list(doc._.counts or [])
    extra = toll_figures(doc, counts)
    background = {id(m) for m in doc.user_data.get(BACKGROUND_COUNTS_KEY, [])}
    quoted = {id(m) for m in extra if id(m) not in background}
    for count in sorted([*counts, *extra], key=lambda c: c.span.start):
        token = _token_at(doc, count.span.start)
        attribution, speaker = _source(doc, token, found)
        if attribution is not None:
            used.add(id(attribution))
        parts = [count.span] + [part for part in (count.victims, count.trigger) if part is not None]
        evidence = TextSpan.of(doc_text(doc), min(p.start for p in parts), max(p.end for p in parts))
        claim = _new_claim(doc, count.kind, evidence, attribution, speaker, outlet)
        claim.value = figure_value(count)
        claim.qualifier = count.qualifier
        claim.part = count.part
        draft = Draft(claim, sentence_of(token), attribution, count=count, anchor=count.span.start)
        draft.extra["quoted_toll"] = id(count) in quoted
        draft.extra["background"] = id(count) in background
        drafts.append(draft)
    return drafts


def figure_value(count: CountMention) -> int | str | None:
    """A number when the report gives one ("33", "at least 33"), else the word ("dozens")."""
    words = count.span.text.lower().split()
    stated = any(word.replace(",", "").isdigit() for word in words)  # "some 80" is 80
    if count.qualifier and not stated and any(word in VAGUE_FIGURES for word in words):
        return count.qualifier if count.qualifier.lower() in VAGUE_FIGURES else count.span.text
    return count.low if count.low is not None else count.high


def _perpetrator_claims(doc: Doc, found: list[Attribution], outlet: str, used: set[int]) -> list[Draft]:
    """Each perpetrator the assembler found for an event, with who named it ("targeted by the
    regime elements in an airstrike"): actor1 and its disputed alternatives, by their evidence."""
    drafts: list[Draft] = []
    seen: set[tuple[int, int]] = set()
    for event in doc._.events or []:
        for actor, span in _perpetrator_mentions(event.actor1):
            if (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            token = _token_at(doc, span.start)
            attribution, speaker = _source(doc, token, found)
            if attribution is not None:
                used.add(id(attribution))
            claim = _new_claim(doc, "perpetrator", span, attribution, speaker, outlet)
            claim.value = actor.name
            claim.about = event.id
            drafts.append(Draft(claim, sentence_of(token), attribution, actor=actor, anchor=span.start))
    return drafts


def _agent_claims(
    doc: Doc, found: list[Attribution], outlet: str, used: set[int], earlier: list[Draft]
) -> list[Draft]:
    """A named actor as the agent of an attack ("a car bomb attack carried out by Isis", "the
    shelling by government forces"): a perpetrator claim, though the assembler may have coded
    the event without it."""
    triggers = _trigger_tokens(doc)
    taken = [d.claim.evidence[0] for d in earlier if d.claim.kind == "perpetrator"]
    drafts: list[Draft] = []
    for mention in doc._.actors or []:
        tokens = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if not mention.actor.name or tokens is None or not _agent_of_event(tokens.root, triggers):
            continue
        if any(s.start < mention.span.end and mention.span.start < s.end for s in taken):
            continue
        attribution, speaker = _source(doc, tokens[0], found)
        if attribution is not None:
            used.add(id(attribution))
        claim = _new_claim(doc, "perpetrator", mention.span, attribution, speaker, outlet)
        claim.value = mention.actor.name
        drafts.append(
            Draft(claim, sentence_of(tokens[0]), attribution, actor=mention.actor, anchor=mention.span.start)
        )
    return drafts


def _attack_agent_claims(
    doc: Doc, found: list[Attribution], outlet: str, earlier: list[Draft]
) -> list[Draft]:
    """An armed actor named as the doer of an attack without a 'by' ("The army's air force hit
    positions of ISIL terrorists", "An Islamic State counteroffensive", "regime forces have
    carried out repeated attacks"): a perpetrator claim of whoever tells it, though the event
    stage may have read no event there (army bulletins' strikes rarely have a toll). Its
    attribution is not marked used: what the source says beside it stays a claim of its own."""
    from .claim_perpetrators import attack_agent_phrases, can_attack

    taken = [d.claim.evidence[0] for d in earlier if d.claim.kind == "perpetrator"]
    drafts: list[Draft] = []
    for phrase in attack_agent_phrases(doc):
        evidence = TextSpan.of(doc_text(doc), phrase.start_char, phrase.end_char)
        if any(s.start < evidence.end and evidence.start < s.end for s in taken):
            continue
        actor = _actor_at(doc, evidence)
        if not can_attack(actor):
            continue
        attribution, speaker = _source(doc, phrase[0], found)
        claim = _new_claim(doc, "perpetrator", evidence, attribution, speaker, outlet)
        claim.value = actor.name
        drafts.append(Draft(claim, sentence_of(phrase[0]), attribution, actor=actor, anchor=evidence.start))
        taken.append(evidence)
    return drafts


def _trigger_tokens(doc: Doc) -> set[int]:
    found: set[int] = set()
    for mention in doc._.event_mentions or []:
        span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        if span is not None:
            found.update(token.i for token in span)
    return found


def _agent_of_event(token: Token, triggers: set[int]) -> bool:
    """Is the token the 'by' object of an attack: of the trigger itself, of a verb the trigger is
    the subject or object of, or of a clause on the trigger's noun ("attack carried out by")?"""
    if token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    head = token.head.head
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if is_attack_noun(head) or any(is_attack_noun(o) for o in objects):
        # "strikes by the army's air force", "are receiving more strikes by the army's air force":
        # whether or not the event stage read an event there
        return True
    candidates = [head, head.head, *(c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})]
    for candidate in candidates:
        compounds = [c for c in candidate.children if c.dep_ == "compound"]
        if candidate.i in triggers or any(c.i in triggers for c in compounds):
            return True
    return False


def _perpetrator_mentions(actor: Actor) -> list[tuple[Actor, TextSpan]]:
    """(actor, evidence span) of an event's actor1 and of each alternative the assembler kept."""
    found = [(actor, span) for span in actor.evidence] if actor.name else []
    for alternative in actor.alternatives:
        evidence = alternative.get("evidence")
        spans = [evidence] if isinstance(evidence, dict) else list(evidence or [])
        other = Actor.from_dict({key: value for key, value in alternative.items() if key != "evidence"})
        found.extend((other, TextSpan.from_dict(item)) for item in spans)
    return found


def _actor_at(doc: Doc, span: TextSpan) -> Actor | None:
    """The actor stage's reading of a span, else the actor resolver's."""
    for mention in doc._.actors or []:
        if mention.span.start <= span.start < mention.span.end or span.start <= mention.span.start < span.end:
            return mention.actor if mention.actor.name else None
    try:
        from .actors import resolve_actor
    except ImportError:
        return None
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    actor = resolve_actor(tokens, doc) if tokens is not None else None
    return actor if actor is not None and actor.name else None


def _attribution_claims(
    doc: Doc, found: list[Attribution], used: set[int], earlier: list[Draft]
) -> list[Draft]:
    """What an attribution says beyond its figures and perpetrators: an accusation, denial, event
    or statement."""
    drafts: list[Draft] = []
    triggers = [m.trigger for m in doc._.event_mentions or []]
    for attribution in found:
        if len(attribution.scope) < 3 or attribution.negated:
            continue  # "Ankara has not confirmed", "No group has claimed": comments, not claims
        content = _content_span(doc, attribution)
        if content is None:
            continue
        said_all = id(attribution) in used and not _says_more(doc, content, attribution, earlier)
        judges = attribution.cue.lemma_.lower() in kind_cues().judgement_cues
        if said_all and attribution.kind not in OWN_CLAIM_KINDS and not judges:
            continue  # its figures and perpetrators say it all
        if _claims_responsibility(attribution):
            drafts.append(_responsibility_claim(doc, attribution, content))
            continue
        reciprocal = _reciprocal_blame(doc, attribution, content)
        if reciprocal:
            drafts.extend(reciprocal)
            continue
        blamed = _blamed_actor(doc, attribution)
        if blamed is not None:
            claim = _new_claim(doc, "perpetrator", content, attribution, attribution.speaker, OUTLET_SPEAKER)
            claim.value = blamed.name
            objects = [c.lemma_ for c in attribution.cue.children if c.dep_ in {"dobj", "nsubjpass"}]
            extra: dict[str, object] = {"blamed": True}
            if objects:
                extra["object"] = objects[0]
            drafts.append(
                Draft(
                    claim, attribution.sentence, attribution, actor=blamed, anchor=content.start, extra=extra
                )
            )
            continue
        kind = _attribution_kind(attribution, content, triggers)
        claim = _new_claim(doc, kind, content, attribution, attribution.speaker, OUTLET_SPEAKER)
        claim.value = content.text[:MAX_VALUE_CHARS]
        drafts.append(Draft(claim, attribution.sentence, attribution, anchor=content.start))
    return drafts


def _reciprocal_blame(doc: Doc, attribution: Attribution, content: TextSpan) -> list[Draft]:
    """'The regime and the rebels have blamed each other for the attack': each side names the
    other the perpetrator, two claims of two speakers (so the two sides can contradict)."""
    cue = attribution.cue
    if cue.lemma_.lower() not in BLAME_LEMMAS | {"accuse"} or not _each_other(cue):
        return []
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    sides = [subject, *subject.conjuncts] if subject is not None else []
    spans = [_conjunct_span(doc, side) for side in sides]
    actors = [actor for actor in (_actor_at(doc, span) for span in spans) if actor is not None]
    if len(sides) != 2 or len(actors) != 2:
        return []
    drafts = []
    for index, span in enumerate(spans):
        other = actors[1 - index]
        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        speaker = Speaker(name, "organisation", span.start, span.end, actor=actors[index].name)
        claim = _new_claim(doc, "perpetrator", content, attribution, speaker, OUTLET_SPEAKER)
        claim.value = other.name
        extra: dict[str, object] = {"blamed": True}
        anchor = content.start
        draft = Draft(claim, attribution.sentence, attribution, actor=other, anchor=anchor, extra=extra)
        drafts.append(draft)
    return drafts


def _each_other(cue: Token) -> bool:
    """'blamed each other', 'accused one another'."""
    for child in cue.children:
        if child.dep_ == "dobj" and child.lower_ in {"other", "another"}:
            before = child.doc[child.i - 1].lower_ if child.i > 0 else ""
            return before in {"each", "one"}
    return False


def _conjunct_span(doc: Doc, side: Token) -> TextSpan:
    """The words of one conjunct alone ('the regime' of 'the regime and the rebels')."""
    skipped = {t.i for c in side.children if c.dep_ in {"conj", "cc", "punct"} for t in c.subtree}
    tokens = [t for t in side.subtree if t.i not in skipped]
    return TextSpan.of(doc_text(doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _claims_responsibility(attribution: Attribution) -> bool:
    """'IS claimed responsibility for the bombing', 'the group admitted responsibility'."""
    cues = kind_cues()
    if attribution.cue.lemma_.lower() not in cues.responsibility_cues:
        return False
    if claimed_deed(attribution.cue):
        return True  # "the attack was claimed by IS"
    return any(
        child.dep_ == "dobj" and child.lemma_.lower() in cues.responsibility_nouns
        for child in attribution.cue.children
    )


def _responsibility_claim(doc: Doc, attribution: Attribution, content: TextSpan) -> Draft:
    """Who claims an attack names itself its perpetrator."""
    speaker = attribution.speaker
    claim = _new_claim(doc, "perpetrator", content, attribution, speaker, OUTLET_SPEAKER)
    named = TextSpan.of(doc_text(doc), speaker.start, speaker.end) if speaker.end > speaker.start else None
    actor = _actor_at(doc, named) if named is not None else None
    claim.value = actor.name if actor is not None else speaker.name
    return Draft(claim, attribution.sentence, attribution, actor=actor, anchor=content.start)


def _blamed_actor(doc: Doc, attribution: Attribution) -> Actor | None:
    """'attributed the strike to the Syrian military', 'blamed X for', 'held X responsible'."""
    cue = attribution.cue
    if cue.lemma_.lower() not in BLAME_LEMMAS:
        return _responsible_subject(doc, attribution)
    objects = [g for c in cue.children if c.lower_ in {"to", "on"} for g in c.children if g.dep_ == "pobj"]
    objects += [c for c in cue.children if c.dep_ == "dobj"]
    return _first_actor_under(doc, objects)


def _first_actor_under(doc: Doc, heads: list[Token]) -> Actor | None:
    """The actor the phrase of the first of ``heads`` that names one names."""
    for token in heads:
        subtree = list(token.subtree)
        span = TextSpan.of(doc_text(doc), subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
        actor = _actor_at(doc, span)
        if actor is not None:
            return actor
    return None


def _responsible_subject(doc: Doc, attribution: Attribution) -> Actor | None:
    """'... arguing that opposition fighters themselves were responsible for that attack', 'said
    the regime was behind it': the subject of a responsibility predicate the source states
    (``responsible_predicates``) is whom it blames."""
    for token in (doc[i] for i in sorted(attribution.scope)):
        if token.lower_ not in responsible_predicates() or token.head.lemma_ != "be":
            continue
        if token.dep_ not in {"acomp", "prep", "advmod", "attr"}:
            continue
        subjects = [c for c in token.head.children if c.dep_ == "nsubj" and c.i in attribution.scope]
        actor = _first_actor_under(doc, subjects)
        if actor is not None:
            return actor
    return None


@cache
def responsible_predicates() -> frozenset[str]:
    return frozenset(load_json("en", "claims", "cues.json")["responsible_predicates"])


def _says_more(doc: Doc, content: TextSpan, attribution: Attribution, earlier: list[Draft]) -> bool:
    """Does the content reach well beyond the figures already claimed from this attribution: many
    characters, or a clause of its own ("the death toll was expected to rise because ...")?"""
    covered = 0
    spans = [d.claim.evidence[0] for d in earlier if d.attribution is attribution]
    for evidence in spans:
        covered += max(0, min(evidence.end, content.end) - max(evidence.start, content.start))
    if (content.end - content.start) - covered > MIN_EXTRA_CHARS:
        return True
    window = doc.char_span(content.start, content.end, alignment_mode="expand")
    rest = [t for t in window or [] if not any(e.start <= t.idx < e.end for e in spans)]
    return len(rest) >= MIN_EXTRA_WORDS and any(t.pos_ == "VERB" and t.dep_ != "amod" for t in rest)


def _quote_claims(doc: Doc, found: list[Attribution], earlier: list[Draft]) -> list[Draft]:
    """An attributed direct quote that no claim covers yet is a statement of its speaker."""
    drafts: list[Draft] = []
    taken = [d.claim.evidence[0] for d in earlier]
    for quote in quote_spans(doc):
        if not quote.speaker or quote.inner_end - quote.inner_start < MIN_QUOTE_CHARS:
            continue
        if _quote_covered(quote.inner_start, quote.inner_end, taken):
            continue
        source = next((a for a in found if a.speaker.name == quote.speaker), None)
        speaker = source.speaker if source else Speaker(quote.speaker, quote.speaker_kind or "person", 0, 0)
        evidence = TextSpan.of(doc_text(doc), quote.inner_start, quote.inner_end)
        claim = _new_claim(doc, "statement", evidence, None, speaker, OUTLET_SPEAKER)
        claim.via, claim.cue = list(quote.via), quote.cue
        claim.value = evidence.text[:MAX_VALUE_CHARS]
        token = _token_at(doc, quote.inner_start)
        drafts.append(Draft(claim, sentence_of(token), source, anchor=quote.inner_start))
    return drafts


def _quote_covered(start: int, end: int, taken: list[TextSpan]) -> bool:
    """Do earlier claims say what the quote says? A one-word perpetrator claim inside a long quote
    ('"Al-Nusra has many enemies. It also has many hostages ..."') leaves the rest unclaimed, so a
    quote counts as covered only when at most ``MIN_EXTRA_CHARS`` of it lie outside those claims."""
    touching = [span for span in taken if span.start < end and start < span.end]
    inside = [(max(span.start, start), min(span.end, end)) for span in touching]
    if not inside:
        return False
    covered, reach = 0, start
    for left, right in sorted(inside):  # merged, so that nested evidence is counted once
        left = max(left, reach)
        if right > left:
            covered += right - left
            reach = right
    return (end - start) - covered <= MIN_EXTRA_CHARS


def _hedged_outlet_claims(
    doc: Doc, found: list[Attribution], outlet: str, earlier: list[Draft]
) -> list[Draft]:
    """The outlet's own hedged sentence ("Most were reportedly executed") is an unverified claim."""
    drafts: list[Draft] = []
    busy = {d.sentence.start for d in earlier} | {a.sentence.start for a in found}
    cues = status_cues(doc.vocab)
    triggers = [m.trigger for m in doc._.event_mentions or []]
    for sentence in sentences(doc):
        if sentence.start in busy or opens_with_comment(sentence, cues):
            continue
        if sentence_status(doc, sentence) != "unverified":
            continue
        evidence = TextSpan.of(doc_text(doc), sentence.start_char, sentence.end_char)
        kind = "event" if any(evidence.start <= t.start < evidence.end for t in triggers) else "statement"
        claim = _new_claim(doc, kind, evidence, None, None, outlet)
        claim.value = evidence.text[:MAX_VALUE_CHARS]
        drafts.append(Draft(claim, sentence, None, anchor=sentence.start_char))
    return drafts


def _attribution_kind(attribution: Attribution, content: TextSpan, triggers: list[TextSpan]) -> str:
    if attribution.kind == "denial":
        return "denial"
    if attribution.kind in {"accusation"} and attribution.cue.lemma_.lower() not in BLAME_LEMMAS:
        return "accusation"
    judges = attribution.cue.lemma_.lower() in kind_cues().judgement_cues  # "condemned the massacre"
    told = any(content.start <= t.start < content.end for t in triggers)
    if told and not judges and not _no_occurrence(attribution):
        return "event"
    return "accusation" if attribution.kind == "accusation" else "statement"


def _no_occurrence(attribution: Attribution) -> bool:
    """Is what the source says about an event not that it happened? A copula ("a child was among
    the dead", "it was not clear what caused the blast"), a modal ("the toll could rise"), an
    intention or attempt ("are trying to take", "threatened to target"), a present progressive
    ("are targeting"), or a negation."""
    predicate = _content_predicate(attribution)
    if predicate is None or (predicate.text.isupper() and len(predicate) > 1):
        return False  # "Heavy air strikes hit IS group-held areas": the group IS read as "is"
    cues = kind_cues()
    if _tells_occurrence(predicate, cues):
        return False
    auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
    if predicate.lemma_.lower() in cues.no_event_predicates and not any(
        c.dep_ == "auxpass" for c in predicate.children
    ):
        return True
    if any(c.lower_ in cues.modals for c in auxiliaries) or any(c.dep_ == "neg" for c in predicate.children):
        return True
    present = any(c.lemma_ == "be" and c.tag_ in {"VBP", "VBZ"} for c in auxiliaries)
    # "are targeting", and its passive "a deal is being negotiated": under way, not happened
    being = any(c.dep_ == "auxpass" and c.lower_ == "being" for c in auxiliaries)
    return present and (predicate.tag_ == "VBG" or being)


def _tells_occurrence(predicate: Token, cues: KindCues) -> bool:
    """A copula that says an event took place: "there were 29 raids", "clashes were underway"."""
    if predicate.lemma_.lower() != "be":
        return False
    children = list(predicate.children)
    if any(c.dep_ == "expl" for c in children):
        return True
    return any(c.dep_ in {"acomp", "advmod"} and c.lower_ in cues.occurrence_complements for c in children)


def _content_predicate(attribution: Attribution) -> Token | None:
    """The verb of what is said: the cue's clausal complement ("said [the blast hit]"), or for
    "according to" the verb it hangs on."""
    cue = attribution.cue
    if cue.lower_ == "according":
        return cue.head if cue.head.pos_ in {"VERB", "AUX"} else None
    clauses = [c for c in cue.children if c.dep_ in {"ccomp", "xcomp"}]
    if clauses:
        return clauses[0]
    if cue.dep_ in {"ccomp", "parataxis"} and cue.head.pos_ in {"VERB", "AUX"}:
        return cue.head  # "The strike hit X, the monitor said": the parser may hang the cue on it
    return None


def _content_span(doc: Doc, attribution: Attribution) -> TextSpan | None:
    """What the attribution says: its scope's characters without the cue and edge punctuation."""
    sentence = attribution.sentence
    indices = sorted(
        i for i in attribution.scope if sentence.start <= i < sentence.end and i != attribution.cue.i
    )
    tokens = [doc[i] for i in indices if not doc[i].is_punct and not doc[i].is_space]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return TextSpan.of(doc_text(doc), start, end)


# -- figures for the assembler -------------------------------------------------------------------


def figure_statuses(doc: Doc, counts: list[CountMention]) -> list[str]:
    """How each figure stands for an event's range: ``asserted`` (in the range), ``unverified``
    or ``superseded`` (kept out), read exactly as the claims stage reads its figure claims."""
    from . import claim_links, claim_revisions

    found = attributions(doc, outlet=_outlet_name(doc))
    drafts: list[Draft] = []
    for number, count in enumerate(counts):
        token = _token_at(doc, count.span.start)
        attribution, speaker = _source(doc, token, found)
        claim = _new_claim(doc, count.kind, count.span, attribution, speaker, OUTLET_SPEAKER)
        claim.id, claim.value = f"f{number}", figure_value(count)
        drafts.append(Draft(claim, sentence_of(token), attribution, count=count, anchor=count.span.start))
    for draft in drafts:
        draft.claim.status = claim_status(doc, draft)
    claim_links.apply_sentence_comments(doc, drafts)
    claim_revisions.find_revisions(doc, sorted(drafts, key=lambda d: d.anchor), implied=False)
    return [FIGURE_STANDING.get(draft.claim.status, "asserted") for draft in drafts]


# -- status ------------------------------------------------------------------------------------


def claim_status(doc: Doc, draft: Draft) -> str:
    """asserted / unverified / confirmed / disputed, from cue, source and hedges."""
    attribution = draft.attribution
    table = cue_table()
    status = table.status_by_kind.get(attribution.kind, "asserted") if attribution else "asserted"
    if attribution is not None and attribution.kind == "confirmation" and attribution.negated:
        status = "unverified"
    speaker_kind = attribution.speaker.kind if attribution else _quoted_speaker_kind(doc, draft.claim)
    if speaker_kind in {"anonymous", "unverified"} or draft.claim.speaker in {"social media", "rumours"}:
        status = "unverified"
    hedge = sentence_status(doc, draft.sentence, draft)
    if hedge == "unverified" and status in {"asserted", "confirmed"}:
        status = "unverified"
    elif hedge == "disputed" and status == "asserted":
        status = "disputed"
    return status


def _quoted_speaker_kind(doc: Doc, claim: Claim) -> str | None:
    """The kind of the speaker of a quote that holds the claim ('"... executed at least 70 ..."
    the sources said': anonymous sources, so unverified, as the cue's own claims are)."""
    evidence = claim.evidence[0]
    quote = quote_at(doc, evidence.start, evidence.end)
    return quote.speaker_kind if quote is not None and quote.speaker == claim.speaker else None


def sentence_status(doc: Doc, sentence: Span, draft: Draft | None = None) -> str | None:
    """The status a sentence's hedges give: unverified, disputed, or None. With ``draft``, a
    hedge of one noun phrase ("the alleged chemical attack", "areas reportedly affected") hedges
    only a claim that something happened whose evidence holds that phrase."""
    cues = status_cues(doc.vocab)
    hedges = [(start, end) for _id, start, end in cues.matchers["unverified"](sentence)]
    if any(_hedges(doc, start, end, cues) and _hedges_claim(doc, start, end, draft) for start, end in hedges):
        return "unverified"
    if _negated_confirmation(sentence, cues):
        return "unverified"
    if cues.matchers["disputed"](sentence):
        return "disputed"
    return None


def _hedges(doc: Doc, start: int, end: int, cues: StatusCues) -> bool:
    """Is a hedge phrase a hedge here: not 'feared' as a noun's adjective ('the feared IS')?"""
    token = doc[start]
    return not (end - start == 1 and token.lower_ in cues.adjective_hedges and token.dep_ == "amod")


def _hedges_claim(doc: Doc, start: int, end: int, draft: Draft | None) -> bool:
    """Does a hedge reach the claim: always, unless it hedges one noun phrase only ("the
    alleged chemical attack", "areas reportedly affected by"); then only a claim that something
    happened (an event, a figure, a perpetrator), not a statement, accusation or denial about
    it ("we demand an investigation of the alleged attack", "denied the alleged attack")."""
    if draft is None or draft.claim.kind in HAPPENING_KINDS or end - start != 1:
        return True
    token = doc[start]
    return token.lower_ not in status_cues(doc.vocab).noun_hedges or not _hedges_noun_only(token)


def _hedges_noun_only(token: Token) -> bool:
    """A one-word hedge of a noun: its adjective, or the adverb of a participle after it."""
    if token.dep_ == "amod" and token.head.pos_ in {"NOUN", "PROPN"}:
        return True
    participle = token.head
    after_noun = participle.dep_ in {"acl", "amod"} and participle.head.pos_ in {"NOUN", "PROPN"}
    return token.dep_ == "advmod" and after_noun


def _negated_confirmation(sentence: Span, cues: StatusCues) -> bool:
    for _match_id, start, _end in cues.matchers["confirmed"](sentence):
        token = sentence.doc[start]
        window = sentence.doc[max(sentence.start, start - 6) : start]
        if any(t.lower_ in cues.negations for t in window) or any(c.dep_ == "neg" for c in token.children):
            return True
    return False


def opens_with_comment(sentence: Span, cues: StatusCues) -> bool:
    """Does the sentence comment on the previous one ("None of this has been confirmed")?"""
    words = tuple(token.lower_ for token in sentence[:4])
    return any(words[: len(opener)] == opener for opener in cues.openers)


# -- component ---------------------------------------------------------------------------------


class ClaimFinder:
    """The ``khabar_claims`` component: claims, revisions and contradictions of each report."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        source_lexicon(nlp.vocab)
        status_cues(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        claims, revisions, contradictions = find_claims(doc)
        doc._.claims = claims
        doc._.revisions = revisions
        doc._.contradictions = contradictions
        return doc
