"""Event mentions: triggers of codable events, typed in ACLED and PLOVER, with non-events filtered.

The trigger lexicon (``data/en/events/triggers.tsv``) is compiled once per vocabulary into one
spaCy ``Matcher`` over lemmas. Per document the finder:

1. matches every trigger pattern, keeps the rows whose required cue groups occur in the sentence
   and whose excluded ones do not (``cues.json``);
2. re-types switchable rows by their agent or target ("recaptured by rebels" is a non-state
   takeover, "gunmen attacked a checkpoint" an armed clash);
3. resolves overlaps: the more specific (higher priority, then longer) pattern wins, and a weak
   generic trigger ("attack", "killed") gives way to a specific one in the same sentence;
4. reads the modality of each trigger from the dependency parse (``modality.json``): negated,
   denied, future, intended/threatened and hypothetical triggers are not events and are dropped
   unless ``keep_non_events`` is set; generic statistics and explicit years are flagged;
5. marks background told to set the scene (``modality == "background"``): a trigger after
   "since" ("the heaviest since a ceasefire"), in the pluperfect outside reported speech, or
   dated well before publication ("agreed in March", "earlier this year").

For the assembler: only mentions with ``modality == "asserted"`` are events. A mention with
``generic`` set summarises many events (lower confidence); one with ``reference_year`` names a
year, which the assembler compares with the publication date to drop historical background.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import StringStore
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from ..errors import KhabarError
from ..langdata import load_json, load_tsv
from ..model import ACLED_SUB_EVENT_TYPES, DateMention, EventMention, Span
from .keyword_lists import in_keyword_list

DATA_DIR = ("en", "events")
#: rows under this priority are generic triggers ("attack", "killed") that a specific one overrides
WEAK_PRIORITY = 36
#: how many of a report's first event-bearing sentences make its lead, where a decisive type
#: (chemical weapon, suicide bomb) is taken as the main event
LEAD_SENTENCES = 3
#: entity labels that name places
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: weak rows from this priority name an act ("attack", "raid"), made specific by a known target;
#: below it they name an outcome ("killed"), which stays weak
ACT_PRIORITY = 30
#: confidence of a mention by what is known about it
CONFIDENCE_WEAK = 0.6
CONFIDENCE_GENERIC = 0.4
CONFIDENCE_DATED = 0.7
#: how far up the dependency tree a modal, a negation or an intention verb is looked for
MAX_CLIMB = 4
#: a trigger dated this many days or more before publication tells history behind the report
BACKGROUND_DAYS = 45
#: ``doc.user_data`` key: (start, end) characters of the sentences that tell background history
BACKGROUND_SENTENCES = "khabar.background_sentences"
#: verbs that realise a noun trigger ("carried out an airstrike"): their modality is the noun's
REALISATION_VERBS = frozenset(
    [
        "carry",
        "launch",
        "conduct",
        "stage",
        "hold",
        "mount",
        "perpetrate",
        "commit",
        "occur",
        "happen",
        "take",
        "be",
        "report",
        "unleash",
        "wage",
        "execute",
        "organize",
        "organise",
        "resume",
        "continue",
        "start",
        "begin",
        "see",
        "witness",
        "face",
        "suffer",
        "hit",
        "kill",
        "leave",
        "cause",
        "claim",
        "sign",
        "reach",
        "conclude",
        "implement",
        "declare",
    ]
)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One row of the trigger lexicon."""

    id: str
    sub_event_type: str
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    priority: int
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    switch: str | None


@dataclass(frozen=True, slots=True)
class TopicRule:
    """One row of the non-event topic lexicon (diplomacy, attribution, disasters, crime)."""

    id: str
    category: str
    priority: int


@dataclass(frozen=True, slots=True)
class Switch:
    """Re-types a mention by the class of its agent or its target."""

    by: str
    classes: tuple[tuple[str, str], ...]
    #: a cue group whose presence in the target (and no territory word) voids the trigger:
    #: "captured a soldier" is not a territorial event
    target_not: str | None = None
    #: a cue group the object must hold (or a place name), when the trigger has an object
    target_requires: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    rule: TriggerRule
    sub_event_type: str
    start: int
    end: int
    #: the switch found who acted or who was hit in the parse: a generic trigger made specific
    resolved: bool = False

    @property
    def strong(self) -> bool:
        return self.rule.priority >= WEAK_PRIORITY or (self.resolved and self.rule.priority >= ACT_PRIORITY)


class EventLexicon:
    """The trigger and topic matchers and the cue tables, built once per vocabulary."""

    def __init__(self, vocab: Vocab) -> None:
        self.rules = {row["id"]: _rule_from_row(row) for row in load_tsv(*DATA_DIR, "triggers.tsv")}
        self.topics = {row["id"]: _topic_from_row(row) for row in load_tsv(*DATA_DIR, "nonevents.tsv")}
        cues = load_json(*DATA_DIR, "cues.json")
        self.groups = {name: frozenset(words) for name, words in cues["groups"].items()}
        self.actor_classes = {name: frozenset(words) for name, words in cues["actor_classes"].items()}
        self.switches = {
            name: Switch(
                by=spec["by"],
                classes=tuple((c, t) for c, t in spec["classes"]),
                target_not=spec.get("target_not"),
                target_requires=spec.get("target_requires"),
            )
            for name, spec in cues["switches"].items()
            if not name.startswith("_")
        }
        self.modality = {
            key: frozenset(value)
            for key, value in load_json(*DATA_DIR, "modality.json").items()
            if not key.startswith("_")
        }
        # whoever says, stresses or insists: the pluperfect under them is reported speech
        reporting = load_json("en", "reporting", "cues.json")["reporting_verbs"]
        self.reporting_verbs = self.modality["clause_barriers"] | frozenset(reporting)
        #: a sentence without any of these words (and without an old date) tells no background
        self.background_words = frozenset(
            self.modality["background_prepositions"]
            | self.modality["background_adverbs"]
            | self.modality["background_heads"]
            | {"had", "'d"}
        )
        self.type_rank = _type_rank()
        self._check()
        self.trigger_matcher = LexiconMatcher(vocab.strings, _phrases(DATA_DIR, "triggers.tsv"))
        self.topic_matcher = LexiconMatcher(vocab.strings, _phrases(DATA_DIR, "nonevents.tsv"))

    def _check(self) -> None:
        """Fail early, naming the row, when the lexicon refers to something that does not exist."""
        for rule in self.rules.values():
            if rule.sub_event_type not in ACLED_SUB_EVENT_TYPES:
                raise KhabarError("E080", rule=rule.id, value=rule.sub_event_type)
            for group in (*rule.requires, *rule.excludes):
                if group not in self.groups:
                    raise KhabarError("E081", rule=rule.id, group=group)
            if rule.switch and rule.switch not in self.switches:
                raise KhabarError("E081", rule=rule.id, group=rule.switch)
        missing = set(ACLED_SUB_EVENT_TYPES) - set(self.type_rank)
        if missing:
            raise KhabarError("E082", missing=", ".join(sorted(missing)))


def _optional(value: str) -> str | None:
    return None if value in ("", "-") else value


def _names(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip() not in ("", "-"))


def _rule_from_row(row: dict[str, str]) -> TriggerRule:
    return TriggerRule(
        id=row["id"],
        sub_event_type=row["sub_event_type"],
        plover_event=_optional(row["plover_event"]),
        plover_mode=_optional(row["plover_mode"]),
        plover_context=_names(row["plover_context"]),
        priority=int(row["priority"]),
        requires=_names(row["requires"]),
        excludes=_names(row["excludes"]),
        switch=_optional(row["switch"]),
    )


def _topic_from_row(row: dict[str, str]) -> TopicRule:
    return TopicRule(id=row["id"], category=row["category"], priority=int(row["priority"]))


def _phrases(data_dir: tuple[str, ...], name: str) -> dict[str, list[str]]:
    return {row["id"]: row["pattern"].split(" ; ") for row in load_tsv(*data_dir, name)}


def _lemma_forms(word: str) -> list[str]:
    """A lemma as the tagger may give it: lower case, or kept as written for proper nouns.

    The lexicon may list an inflected form alone ("grenades", "discovered"); its naive base
    forms are added so that the lemma pattern still meets the tagger's lemma.
    """
    lower = word.lower()
    bases = {lower}
    # no "-ing" stripping: "shelling", "fighting" are nouns of their own ("shell" is not shelling)
    for suffix, replacement in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e")):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            bases.add(lower[: -len(suffix)] + replacement)
    return sorted({word, word.capitalize(), word.upper()} | bases)


@dataclass(frozen=True, slots=True)
class TokenSpec:
    """One pattern token: accepted word hashes (lemma or lower-case form), parts of speech."""

    words: frozenset[int]
    pos: frozenset[int] | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Gap:
    """Up to ``most`` tokens of any kind."""

    most: int


Element = TokenSpec | Gap
GAP = Gap(most=5)


def compile_phrase(phrase: str, strings: StringStore) -> tuple[Element, ...]:
    """One lexicon phrase as a pattern.

    ``a|b`` are alternatives, matched on a token's lemma or its lower-case form; ``/NOUN,VERB``
    restricts the part of speech; a trailing ``?`` makes a token optional; ``...`` stands for
    up to five tokens of any kind.
    """
    elements: list[Element] = []
    for part in phrase.split():
        if part == "...":
            elements.append(GAP)
            continue
        optional = part.endswith("?") and len(part) > 1
        word, _, pos = part.rstrip("?").partition("/")
        forms = {form for alternative in word.split("|") for form in _lemma_forms(alternative)}
        pos_ids = frozenset(POS_IDS[tag] for tag in pos.split(",")) if pos else None
        elements.append(TokenSpec(frozenset(strings.add(form) for form in forms), pos_ids, optional))
    return tuple(elements)


@dataclass(frozen=True, slots=True)
class DocArrays:
    """Per-token lemma and lower-case hashes and POS ids of a doc, read once."""

    lemmas: list[int]
    lowers: list[int]
    pos: list[int]
    #: index of the end of each token's sentence (matches do not cross sentences)
    sentence_end: list[int]

    @classmethod
    def of(cls, doc: Doc, sentences: Iterable[SpacySpan] | None = None) -> DocArrays:
        rows = doc.to_array([LEMMA, LOWER, POS]).tolist() if len(doc) else []
        sentence_end = [0] * len(doc)
        for sent in sentences if sentences is not None else doc.sents:
            sentence_end[sent.start : sent.end] = [sent.end] * (sent.end - sent.start)
        return cls([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], sentence_end)

    def accepts(self, spec: TokenSpec, i: int) -> bool:
        if self.lemmas[i] not in spec.words and self.lowers[i] not in spec.words:
            return False
        return spec.pos is None or self.pos[i] in spec.pos


def _match_ends(
    elements: tuple[Element, ...], k: int, i: int, limit: int, arrays: DocArrays
) -> Iterator[int]:
    """Every token index where ``elements[k:]`` can end when matched from token ``i``."""
    if k == len(elements):
        yield i
        return
    element = elements[k]
    if isinstance(element, Gap):
        for skipped in range(min(element.most, limit - i) + 1):
            yield from _match_ends(elements, k + 1, i + skipped, limit, arrays)
        return
    if element.optional:
        yield from _match_ends(elements, k + 1, i, limit, arrays)
    if i < limit and arrays.accepts(element, i):
        yield from _match_ends(elements, k + 1, i + 1, limit, arrays)


class LexiconMatcher:
    """Rule patterns indexed by the words that can open them.

    Only tokens whose lemma or lower-case form opens some pattern are tried, so the cost grows
    with the number of candidate words in a text, not with the size of the lexicon.
    """

    def __init__(self, strings: StringStore, phrases: dict[str, list[str]]) -> None:
        self.patterns: list[tuple[str, tuple[Element, ...]]] = []
        self.index: dict[int, list[int]] = {}
        for rule_id, rule_phrases in phrases.items():
            for phrase in rule_phrases:
                elements = compile_phrase(phrase, strings)
                if not any(isinstance(element, TokenSpec) for element in elements):
                    raise KhabarError("E083", rule=rule_id)
                self._add(rule_id, elements)

    def _add(self, rule_id: str, elements: tuple[Element, ...]) -> None:
        if isinstance(elements[0], Gap):
            elements = elements[1:]
        number = len(self.patterns)
        self.patterns.append((rule_id, elements))
        openers: set[int] = set()
        for element in elements:
            if isinstance(element, TokenSpec):
                openers |= element.words
                if not element.optional:
                    break
        for word in openers:
            self.index.setdefault(word, []).append(number)

    def __call__(self, doc: Doc, arrays: DocArrays | None = None) -> list[tuple[str, int, int]]:
        """(rule id, start, end) of the longest match of each pattern at each start."""
        arrays = arrays or DocArrays.of(doc)
        matches: list[tuple[str, int, int]] = []
        for i, (lemma, lower) in enumerate(zip(arrays.lemmas, arrays.lowers, strict=True)):
            numbers = (
                self.index.get(lemma, []) + self.index.get(lower, [])
                if lemma != lower
                else self.index.get(lemma, [])
            )
            for number in dict.fromkeys(numbers):
                rule_id, elements = self.patterns[number]
                end = max(_match_ends(elements, 0, i, arrays.sentence_end[i], arrays), default=i)
                if end > i:
                    matches.append((rule_id, i, end))
        return matches


@cache
def event_lexicon(vocab: Vocab) -> EventLexicon:
    """The compiled lexicon for a vocabulary, built on first use and kept for the process."""
    return EventLexicon(vocab)


# --- sentence cues -------------------------------------------------------------------------


#: entity labels whose words are never cue words
TEMPORAL_LABELS = frozenset({"DATE", "TIME"})


def sentence_cues(sent: SpacySpan, ents: Iterable[SpacySpan] = ()) -> frozenset[str]:
    """Lower-case lemmas, two-lemma phrases and ``ENT:LABEL`` of a sentence, for cue groups."""
    # words inside dates are no cues: "in March" is no march, "May" no modal
    tokens = [token for token in sent if token.ent_type_ not in TEMPORAL_LABELS]
    return _cue_set([token.lemma_.lower() for token in tokens], [token.lower_ for token in tokens], ents)


def _cue_set(lemmas: list[str], words: list[str], ents: Iterable[SpacySpan]) -> frozenset[str]:
    cues = set(lemmas) | set(words)
    cues.update(f"{a} {b}" for a, b in itertools.pairwise(lemmas))
    cues.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    cues.update(f"ENT:{ent.label_}" for ent in ents)
    return frozenset(cues)


class DocView:
    """What the finder reads of a doc, computed once: token arrays, sentences, entities, cues."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # Doc.text joins every token on each access: read it once
        self.text = doc.text
        self.sentences = list(doc.sents)
        self.sentence_of = [0] * len(doc)
        for number, sent in enumerate(self.sentences):
            self.sentence_of[sent.start : sent.end] = [number] * (sent.end - sent.start)
        self.arrays = DocArrays.of(doc, self.sentences)
        self.ents: list[list[SpacySpan]] = [[] for _ in self.sentences]
        for ent in doc.ents:
            self.ents[self.sentence_of[ent.start]].append(ent)
        self._cues: dict[int, frozenset[str]] = {}
        self._generic: dict[int, bool] = {}
        article = doc._.article if doc.has_extension("article") else None
        self.published: dt.date | None = article.published if article else None
        self._dates: dict[int, list[tuple[Token, bool]]] | None = None

    def dates_in(self, number: int, lexicon: EventLexicon) -> list[tuple[Token, bool]]:
        """Head tokens of the dates of sentence ``number``, each with whether it ends
        ``BACKGROUND_DAYS`` or more before publication (none when that date is not known)."""
        if self._dates is None:
            self._dates = {}
            published = self.published
            mentions = self.doc._.dates if published and self.doc.has_extension("dates") else None
            for mention in mentions or []:
                span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
                if span is not None and len(span):
                    old = is_background_date(mention, published, lexicon)  # type: ignore[arg-type]
                    self._dates.setdefault(self.sentence_of[span.root.i], []).append((span.root, old))
        return self._dates.get(number, [])

    def sentence(self, i: int) -> SpacySpan:
        return self.sentences[self.sentence_of[i]]

    def generic_phrase(self, number: int, lexicon: EventLexicon) -> bool:
        """``has_generic_phrase`` of sentence ``number``, read once per sentence."""
        if number not in self._generic:
            sent, strings, lower_ids = self.sentences[number], self.doc.vocab.strings, self.arrays.lowers
            words = [strings[lower_ids[i]] for i in range(sent.start, sent.end)]
            self._generic[number] = _holds_generic_phrase(words, lexicon)
        return self._generic[number]

    def spread_nationwide(self, number: int, lexicon: EventLexicon) -> bool:
        """Does sentence ``number`` spread what it tells over a country or many fronts ('army
        units continued operations in different areas across the country')? Such a sentence sums
        up a round-up whose paragraphs tell the events place by place."""
        sent, strings, lower_ids = self.sentences[number], self.doc.vocab.strings, self.arrays.lowers
        padded = f" {' '.join(strings[lower_ids[i]] for i in range(sent.start, sent.end))} "
        return any(f" {phrase} " in padded for phrase in lexicon.modality["nationwide_phrases"])

    def cues(self, number: int) -> frozenset[str]:
        """``sentence_cues`` of sentence ``number``, read once from the hashes (no Token objects)."""
        if number not in self._cues:
            sent, ents = self.sentences[number], self.ents[number]
            # words inside dates are no cues (see ``sentence_cues``)
            dated = {i for ent in ents if ent.label_ in TEMPORAL_LABELS for i in range(ent.start, ent.end)}
            kept = [i for i in range(sent.start, sent.end) if i not in dated]
            strings, lemma_ids, lower_ids = self.doc.vocab.strings, self.arrays.lemmas, self.arrays.lowers
            lemmas = [strings[lemma_ids[i]].lower() for i in kept]
            words = [strings[lower_ids[i]] for i in kept]
            self._cues[number] = _cue_set(lemmas, words, ents)
        return self._cues[number]


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """Cues of a trigger's sentence, and of that sentence with the one before it."""

    own: frozenset[str]
    window: frozenset[str]


def _sentence_cues(view: DocView, number: int) -> SentenceCues:
    # a report sets its scene in one sentence ("protesters gathered") and tells the act in the
    # next ("police fired tear gas"): required cues may come from the sentence before
    own = view.cues(number)
    window = own | view.cues(number - 1) if number > 0 else own
    return SentenceCues(own=own, window=window)


def _passes_cues(rule: TriggerRule, cues: SentenceCues, lexicon: EventLexicon) -> bool:
    if any(not (lexicon.groups[group] & cues.window) for group in rule.requires):
        return False
    return not any(lexicon.groups[group] & cues.own for group in rule.excludes)


# --- agents and targets --------------------------------------------------------------------


def _subtree_words(tokens: Iterable[Token]) -> set[str]:
    words: set[str] = set()
    for token in tokens:
        subtree = list(token.subtree)
        words.update(t.lemma_.lower() for t in subtree)
        words.update(t.lower_ for t in subtree)
        words.update(f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in itertools.pairwise(subtree))
    return words


def _governing_verb(token: Token) -> Token:
    """The verb a noun trigger hangs from ("launched an attack" -> launched), or the token itself."""
    node = token
    for _ in range(2):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head.head if node.head.dep_ == "prep" else node.head
    return node if node.pos_ in ("VERB", "AUX") else token


def argument_tokens(anchor: Token, role: str) -> list[Token]:
    """Heads of the agent ("by rebels", the active subject), the target (the object, or the place
    attacked "on"/"at"/"in"), or the bare ``object`` of a trigger."""
    found: list[Token] = []
    nodes = [anchor]
    # a noun trigger's own "on"/"against" names its target; its verb's object may be a victim
    # of the outcome ("a bomb attack killed four soldiers"), so only the agent is read there
    if anchor.pos_ != "VERB" and role == "agent":
        nodes.append(_governing_verb(anchor))
    for node in nodes:
        for child in node.children:
            dep = child.dep_
            if role == "agent":
                if dep == "nsubj" or (dep == "poss" and node is anchor):
                    found.append(child)
                elif dep == "agent" or (dep == "prep" and child.lower_ in ("to", "into")):
                    found.extend(grand for grand in child.children if grand.dep_ == "pobj")
            else:
                # "captured alive": the complement tells that the target is a person
                if dep in ("dobj", "nsubjpass") or (dep in ("acomp", "oprd") and node is anchor):
                    found.append(child)
                elif (
                    role == "target"
                    and dep == "prep"
                    and child.lower_ in ("on", "against", "at", "in", "near")
                ):
                    found.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return found


def _nearest_subject(anchor: Token) -> list[Token]:
    """The subject of the closest clause above the trigger ("units ... achieved victory by controlling")."""
    node = anchor
    for _ in range(MAX_CLIMB):
        subjects = [child for child in node.children if child.dep_ in ("nsubj", "agent")]
        if subjects:
            return subjects
        if node.head is node:
            break
        node = node.head
    return []


def _classes_in(words: set[str] | frozenset[str], switch: Switch, lexicon: EventLexicon) -> list[str]:
    return [sub for actor_class, sub in switch.classes if lexicon.actor_classes[actor_class] & words]


def _argument_classes(arguments: list[Token], switch: Switch, lexicon: EventLexicon) -> list[str]:
    """Classes of the argument heads first ("army and allied fighters" -> army), then subtrees."""
    # the head with its compounds and modifiers: "army forces", "rebel fighters"
    head_tokens = [
        t
        for token in arguments
        for t in (token, *token.children)
        if t is token or t.dep_ in ("compound", "amod")
    ]
    heads = {word for token in head_tokens for word in (token.lemma_.lower(), token.lower_)}
    return _classes_in(heads, switch, lexicon) or _classes_in(_subtree_words(arguments), switch, lexicon)


def _object_voids(anchor: Token, switch: Switch, lexicon: EventLexicon) -> bool:
    """Whether the trigger's object rules it out: a person where a place is needed ("captured a
    soldier"), or an object that is no place at all ("cleared rubble")."""
    objects = argument_tokens(anchor, "object")
    if anchor.dep_ == "relcl" and all(obj.tag_ in ("WDT", "WP") for obj in objects):
        # "a pilot they captured", "the town that was seized": the object is the noun the
        # clause describes, read without the clause itself
        phrase = [t for t in anchor.head.subtree if t.i < anchor.i and t not in anchor.subtree]
    elif objects:
        phrase = [t for obj in objects for t in obj.subtree]
    else:
        return False
    words = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
    words.update(f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in itertools.pairwise(phrase))
    place = any(token.ent_type_ in PLACE_LABELS for token in phrase)
    if switch.target_requires and not (lexicon.groups[switch.target_requires] & words or place):
        return True
    if switch.target_not and lexicon.groups[switch.target_not] & words:
        return not (lexicon.groups["territory"] & words or place)
    return False


#: actor classes of armed sides (cues.json actor_classes)
ARMED_CLASSES = frozenset({"state", "nonstate"})


def _defenders(anchor: Token, switch: Switch, lexicon: EventLexicon) -> list[str]:
    """An attack an armed side fended off or repelled ("regime forces fended off an attack by
    rebels on the Zahra neighbourhood", "the assaults on the town were repelled by the army") was
    fought against that side: it decides the type, not the place the attack was aimed at."""
    verb = _governing_verb(anchor)
    if verb is anchor or verb.lemma_ not in lexicon.groups["defence"]:
        return []
    words = _subtree_words(child for child in verb.children if child.dep_ in ("nsubj", "agent"))
    return [
        sub
        for actor_class, sub in switch.classes
        if actor_class in ARMED_CLASSES and lexicon.actor_classes[actor_class] & words
    ]


def _switched_type(
    rule: TriggerRule, anchor: Token, cues: frozenset[str], lexicon: EventLexicon
) -> tuple[str | None, bool]:
    """The row's type re-read through its switch (None when the target voids the trigger), and
    whether the parse named the deciding argument."""
    if rule.switch is None:
        return rule.sub_event_type, False
    switch = lexicon.switches[rule.switch]
    if _object_voids(anchor, switch, lexicon):
        return None, False
    found = _argument_classes(argument_tokens(anchor, switch.by), switch, lexicon)
    if switch.by == "target":
        found = _defenders(anchor, switch, lexicon) or found
    if found:
        return found[0], True
    if switch.by == "agent":
        found = _argument_classes(_nearest_subject(anchor), switch, lexicon)
    if not found and switch.by == "agent":
        # last resort: the sentence names actors of one class only
        in_sentence = set(_classes_in(cues, switch, lexicon))
        found = list(in_sentence) if len(in_sentence) == 1 else []
    return (found[0] if found else rule.sub_event_type), False


# --- modality -------------------------------------------------------------------------------


def _own_modality(node: Token, cues: dict[str, frozenset[str]], inside: range) -> str | None:
    """What the node's own dependants say: a negation, a future or modal auxiliary, an 'if'.

    Dependants ``inside`` the trigger belong to it ("without resistance" is the event).
    """
    for child in node.children:
        if child.i in inside:
            continue
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and lower in cues["negation_determiners"]):
            return "negated"
        if child.dep_ in ("aux", "auxpass"):
            if lower in cues["future_auxiliaries"]:
                return "future"
            if lower in cues["hypothetical_auxiliaries"]:
                return "hypothetical"
        if child.dep_ == "mark" and lower in cues["conditional_markers"]:
            return "hypothetical"
        if child.dep_ in ("amod", "compound") and lower in cues["future_modifiers"]:
            return "future"
        if child.ent_type_ == "DATE" and _names_future(child, cues):
            return "future"
    return None


#: how a trigger hangs from an intention verb when the verb governs it
INTENDED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "advcl", "nsubjpass"})


def _names_future(date: Token, cues: dict[str, frozenset[str]]) -> bool:
    """A date modifier pointing ahead: "next week", "tomorrow", "in the coming days"."""
    words = cues["future_date_words"]
    return date.lower_ in words or any(child.lower_ in words for child in date.children)


def trigger_modality(anchor: Token, lexicon: EventLexicon, inside: range = range(0)) -> str:
    """``asserted`` unless the parse marks the trigger as negated, denied, future or not real.

    A verb trigger carries its own auxiliaries and negation; a noun trigger takes those of the
    verb that realises it ("did not carry out airstrikes"). Climbing stops at reporting verbs,
    whose own modality is about the report, not the event ("will say the attack ...").
    """
    cues = lexicon.modality
    node = anchor
    for _ in range(MAX_CLIMB):
        own = _own_modality(node, cues, inside)
        if own:
            return own
        if is_purpose(node):
            return "intended"
        head = node.head
        if head is node:
            break
        lemma = head.lemma_.lower()
        if lemma in cues["denial_verbs"]:
            return "denied"
        if lemma in cues["clause_barriers"]:
            break
        if _informed_of(node, head, cues):
            break
        # "threatened to attack", "an attack is expected", "warned of airstrikes"
        if lemma in cues["intention_verbs"] and node.dep_ in INTENDED_DEPS:
            return "intended"
        if (lemma in cues["intention_nouns"] or head.lower_ in cues["intention_nouns"]) and node.dep_ in (
            "prep",
            "pobj",
            "acl",
            "compound",
        ):
            return "intended"
        # "a freeze on fighting", "an end to the shelling", "scaled down air raids": what
        # stopped is not an event
        if lemma in cues["stop_nouns"] and node.dep_ == "prep" and node.lower_ in ("on", "to", "of", "in"):
            return "negated"
        if lemma in cues["stop_verbs"] and node.dep_ in ("dobj", "xcomp"):
            return "negated"
        if not _inherits_modality(node, head):
            break
        node = head
    return "asserted"


#: how an infinitive of purpose hangs from the act or the noun it is the aim of
PURPOSE_DEPS = frozenset({"advcl", "acl"})


def is_purpose(node: Token) -> bool:
    """An infinitive of purpose tells an aim, not what happened: "mounted an attack to recapture
    the road", "an offensive by regime forces to capture rebel-held parts", "its objectives to
    retake the city"."""
    if node.dep_ not in PURPOSE_DEPS or node.tag_ != "VB":
        return False
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in node.children)


def _informed_of(node: Token, head: Token, cues: dict[str, frozenset[str]]) -> bool:
    """Whether the head tells who was sent to or told of the trigger, not an intention.

    "Officers were called to a shooting", "were advised that a man was shot": in the passive
    these verbs report an event that happened, as "said" does ("were called to attack" keeps
    its intention: the trigger is the verb's complement there, not its object of news).
    """
    if head.lemma_.lower() not in cues["informed_when_passive"] or node.dep_ not in ("prep", "ccomp"):
        return False
    return any(child.dep_ == "auxpass" for child in head.children)


def _inherits_modality(node: Token, head: Token) -> bool:
    """Whether the head's modality is the node's: coordinated verbs, realising verbs, xcomp, and
    the noun a trigger modifies ("stop their bombing campaigns", "the cessation of hostilities
    agreement": what is stopped is the campaign, what ceased the hostilities)."""
    if node.dep_ in ("conj", "xcomp", "prep", "pobj"):
        return True
    if node.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
        return True
    if node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        return head.lemma_.lower() in REALISATION_VERBS
    return False


def has_generic_phrase(sent: SpacySpan, lexicon: EventLexicon) -> bool:
    """Whether the sentence holds 'since', 'so far', 'over the past' ..."""
    return _holds_generic_phrase([token.lower_ for token in sent], lexicon)


def _holds_generic_phrase(words: list[str], lexicon: EventLexicon) -> bool:
    padded = f" {' '.join(words)} "
    return any(f" {phrase} " in padded for phrase in lexicon.modality["generic_phrases"])


def is_generic(
    anchor: Token,
    sent: SpacySpan,
    cues_of_sentence: frozenset[str],
    lexicon: EventLexicon,
    phrase_found: bool | None = None,
) -> bool:
    """A summary statistic: a plural or perfect trigger in a sentence with 'since', 'so far', ...

    ``phrase_found`` is ``has_generic_phrase`` of the sentence, when the caller has it already.
    """
    cues = lexicon.modality
    # "such an assault", "such attacks": a kind of event, not one that happened
    if any(child.lower_ in cues["generic_determiners"] for child in anchor.children):
        return True
    if is_habitual(anchor, cues["habitual_words"]):
        return True
    if lasts_for_long(anchor, cues["campaign_durations"]):
        return True
    if not (has_generic_phrase(sent, lexicon) if phrase_found is None else phrase_found):
        return False
    plural = anchor.tag_ in ("NNS", "NNPS")
    perfect = any(child.lower_ in ("have", "has", "'ve") for child in _governing_verb(anchor).children)
    statistic = bool(cues["generic_statistic_words"] & cues_of_sentence)
    # "the fiercest fighting in recent months": a comparison with a period, not the event
    superlative = any(child.tag_ == "JJS" for child in anchor.children)
    return superlative or ((plural or perfect) and (statistic or perfect))


def lasts_for_long(anchor: Token, durations: frozenset[str]) -> bool:
    """A trigger told as lasting days or months ("a month-long offensive", "weeks-long
    clashes") is a campaign, no event of one day."""
    return any(
        child.dep_ == "amod"
        and child.lower_ == "long"
        and any(grandchild.lemma_.lower() in durations for grandchild in child.children)
        for child in anchor.children
    )


def is_result_state(span: SpacySpan, sub_event_type: str, lexicon: EventLexicon) -> bool:
    """A participle before its noun ("trapped under the debris of their destroyed homes") tells
    the state another event left, not an act of its own, for the types listed in the lexicon."""
    if sub_event_type not in lexicon.modality["result_state_types"]:
        return False
    return any(token.dep_ == "amod" and token.tag_ == "VBN" for token in span)


#: how a bare participle hangs from the noun it describes ("the force fighting them"); the
#: parser often attaches it as a clause ("help tribesmen fighting them")
DESCRIBING_DEPS = frozenset({"acl", "ccomp"})


def describes_a_side(anchor: Token, lexicon: EventLexicon) -> bool:
    """A bare -ing participle of fighting after a noun tells who a side is, not a happening:
    "the main force fighting the militants", "helping tribesmen fighting against them" (the
    parser's small clause, whose subject is the side described). Without an auxiliary it asserts
    no clash on any day."""
    if anchor.tag_ != "VBG" or anchor.dep_ not in DESCRIBING_DEPS:
        return False
    if anchor.lemma_.lower() not in lexicon.modality["description_participles"]:
        return False
    return not any(child.dep_ in ("aux", "auxpass") for child in anchor.children)


#: auxiliaries of the present progressive ("is fighting", "are carrying out")
PRESENT_AUXILIARIES = frozenset({"is", "are", "am", "'re", "'s"})
#: auxiliaries of the present perfect ("has been fighting")
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve"})
#: "had been battling": what had gone on up to the report's day, no event of one day
PAST_PERFECT_AUXILIARIES = frozenset({"had", "'d"})
#: how a noun trigger hangs from a verb that tells it as a campaign ("conducting airstrikes")
CAMPAIGN_DEPS = frozenset({"dobj", "xcomp"})


def tells_what_goes_on(anchor: Token, dated: bool, lexicon: EventLexicon) -> bool:
    """The state of the war, not a happening of one day: a trigger told as going on ("the ongoing
    bombing campaign", "ongoing attacks"), or, in a sentence with no date, told in the present by a
    verb of campaigns ("the coalition is conducting airstrikes", "conducts strikes", "warplanes
    continue to target hospitals") or as a verb in the present progressive ("the regime is fighting
    to push rebels out", "has been fighting"). A report tells the day's events in the past tense."""
    cues = lexicon.modality
    if _told_as_ongoing(anchor, cues["ongoing_words"]):
        return True
    if dated:
        return False
    if anchor.lemma_.lower() in cues["campaign_verbs"] and _in_present(anchor, simple=True):
        return True
    head = anchor.head
    if anchor.dep_ in CAMPAIGN_DEPS and head.lemma_.lower() in cues["campaign_verbs"]:
        return _in_present(head, simple=True)
    if anchor.pos_ != "VERB" or not _armed_subject(anchor, lexicon):
        return False
    # "is fighting to push rebels out": the aim of what goes on goes on too
    return _in_present(anchor, simple=False) or (anchor.dep_ == "xcomp" and _in_present(head, simple=False))


#: how a verb shares the subject of the verb above it ("have entered ... and are advancing")
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp"})


def _armed_subject(verb: Token, lexicon: EventLexicon) -> bool:
    """The verb's subject is an armed side ("the regime is fighting", "the troops are advancing"),
    not a person ("a man is fighting for his life after being shot" tells a wound)."""
    node = verb
    for _ in range(2):
        subjects = [child for child in node.children if child.dep_ == "nsubj"]
        if subjects:
            words = _subtree_words(subjects)
            return any(lexicon.actor_classes[name] & words for name in ARMED_CLASSES)
        if node.dep_ not in SHARED_SUBJECT_DEPS:
            break
        node = node.head
    return False


def _told_as_ongoing(anchor: Token, words: frozenset[str]) -> bool:
    """'Ongoing' before plural triggers or a campaign ("ongoing attacks on hospitals", "the ongoing
    bombing campaign"): many happenings over time. One told as ongoing ("during the ongoing fierce
    fighting") may be the day's own."""
    if anchor.dep_ == "compound":
        noun = anchor.head
    elif anchor.tag_ in ("NNS", "NNPS"):
        noun = anchor
    else:
        return False
    return any(child.dep_ == "amod" and child.lower_ in words for child in noun.children)


def _dates_a_day(ent: SpacySpan, lexicon: EventLexicon) -> bool:
    """A date or time that places a happening, not the start of a period ("since September 2015")."""
    if ent.label_ not in TEMPORAL_LABELS:
        return False
    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
    return before not in lexicon.modality["background_prepositions"]


#: clauses that tell what the report asserts: a clause beside another ("as the SDF continue
#: their advance", an adverbial clause) tells the setting of the day's event, which goes on
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp"})


def _in_present(verb: Token, *, simple: bool) -> bool:
    """A verb of a main clause in the present progressive or a perfect progressive ("is
    conducting", "has been fighting", "had been battling since June 25"), or, if ``simple``, in
    the present simple ("conducts")."""
    if verb.dep_ not in MAIN_CLAUSE_DEPS:
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return simple
    if verb.tag_ != "VBG":
        return False
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    return bool(auxiliaries & PRESENT_AUXILIARIES) or (
        "been" in auxiliaries and bool(auxiliaries & (PERFECT_AUXILIARIES | PAST_PERFECT_AUXILIARIES))
    )


def is_habitual(anchor: Token, words: list[str]) -> bool:
    """How often, not once: "daily shelling", "the shelling is daily", "targeted regularly by air
    strikes" (a frequency word on the trigger or on the verb it hangs from)."""
    return any(child.lower_ in words for node in {anchor, _governing_verb(anchor)} for child in node.children)


def reference_year(anchor: Token, ents: Iterable[SpacySpan]) -> int | None:
    """The explicit year named in the trigger's sentence (``ents``) nearest to it, if any."""
    years: list[tuple[int, int]] = []
    for ent in ents:
        if ent.label_ != "DATE":
            continue
        for token in ent:
            if token.shape_ == "dddd" and token.text[:2] in ("19", "20"):
                years.append((abs(token.i - anchor.i), int(token.text)))
    return min(years)[1] if years else None


# --- background -----------------------------------------------------------------------------


def _clause_nodes(anchor: Token) -> list[Token]:
    """The trigger and the verb that realises a noun trigger ("an airstrike hit", "carried out
    an attack"): the tokens whose dependants date the event or mark its tense."""
    head = anchor.head
    realised = head.lemma_.lower() in REALISATION_VERBS or head.pos_ == "VERB"
    if head is not anchor and anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and realised:
        return [anchor, head]
    return [anchor]


def is_background(
    anchor: Token, view: DocView, lexicon: EventLexicon, triggers: set[int], own: range = range(0)
) -> bool:
    """History told to set the scene, not an event of this report.

    "the heaviest since a ceasefire", "since the army retook the town", "had captured the town"
    (the pluperfect outside reported speech, where it is only the tense moved back), and a
    trigger dated ``BACKGROUND_DAYS`` or more before publication ("agreed in March"). ``triggers``
    are the tokens of all triggers (``own`` those of this one): another trigger owns the dates
    under it.
    """
    number = view.sentence_of[anchor.i]
    dates = view.dates_in(number, lexicon)
    # most sentences hold no background word and no old date: decided without the parse
    if not (any(old for _, old in dates) or lexicon.background_words & view.cues(number)):
        return False
    cues = lexicon.modality
    nodes = _clause_nodes(anchor)
    for node in [*nodes, *_of_heads(anchor)]:
        if node.dep_ == "pobj" and node.head.lower_ in cues["background_prepositions"]:
            return True
    for node in nodes:
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in cues["background_prepositions"]:
                return True
            if child.dep_ == "advmod" and child.lower_ in cues["background_adverbs"]:
                return True
    if any(_told_as_past(node, cues) for node in nodes):
        return True
    clause = {node.i for node in nodes}
    others = triggers.difference(own) if dates else triggers
    governed = [old for token, old in dates if _governed_by(token, clause, others)]
    if any(governed):
        return True
    # "had been recaptured by Friday": a recent date of its own keeps the pluperfect current
    pluperfect = any(_pluperfect(node) for node in nodes) and governed == []
    return pluperfect and not _reported(anchor, nodes, lexicon.reporting_verbs)


def _of_heads(anchor: Token) -> list[Token]:
    """The nouns a trigger hangs on by 'of' ("despite an extension of the truce": extension)."""
    heads = []
    node = anchor
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
        node = node.head.head
        heads.append(node)
    return heads


def _pluperfect(verb: Token) -> bool:
    """'had captured', 'had been killed' (not 'has', not 'had' as a main verb)."""
    if verb.tag_ != "VBN":
        return False
    return any(child.dep_ == "aux" and child.lower_ in ("had", "'d") for child in verb.children)


def _told_as_past(node: Token, cues: dict[str, frozenset[str]]) -> bool:
    """The trigger is what broke down, was violated or is remembered: "the ceasefire collapsed",
    "a violation of the truce", "rebels broke the truce" (but "clashes broke out")."""
    head = node.head
    if node.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif node.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    if head is node:
        return False
    lemma = head.lemma_.lower()
    heads = cues["background_heads"]
    if lemma in heads or head.lower_ in heads:
        return True
    if node.dep_ == "dobj" and lemma in cues["background_object_heads"]:
        return True
    return any(f"{lemma} {child.lower_}" in heads for child in head.children if child.dep_ == "prt")


def _reported(anchor: Token, nodes: list[Token], reporting_verbs: frozenset[str]) -> bool:
    """Said by someone: a reporting verb in the sentence (above the trigger, or trailing it where
    the parse may not join them: "... had killed 14 civilians the Observatory said") or
    "according to" beside it."""
    if any(child.lower_ == "according" for node in nodes for child in node.children):
        return True
    return any(
        token.lemma_.lower() in reporting_verbs and token.pos_ in ("VERB", "AUX") for token in anchor.sent
    )


def _governed_by(token: Token, clause: set[int], others: set[int]) -> bool:
    node = token
    for _ in range(MAX_CLIMB):
        # another trigger owns the dates under it, but a participle describes its noun:
        # "the truce agreed in February" dates the truce
        if node.head is node or (node.head.i in others and node.head.dep_ != "acl"):
            return False
        node = node.head
        if node.i in clause:
            return True
    return False


def is_background_date(date: DateMention, published: dt.date, lexicon: EventLexicon) -> bool:
    """Whether a date ends ``BACKGROUND_DAYS`` or more before publication."""
    return (published - _latest_day(date, lexicon.modality)).days >= BACKGROUND_DAYS


def _latest_day(date: DateMention, cues: dict[str, frozenset[str]]) -> dt.date:
    """The last day the date may mean: the end of "March", but the start of "earlier this year"."""
    words = set(date.span.text.lower().split())
    value = date.value
    if words & cues["background_date_words"] or date.precision == "day":
        return value
    if date.precision == "week":
        return value + dt.timedelta(days=6)
    if date.precision == "month":
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    return value.replace(month=12, day=31)


# --- the finder -----------------------------------------------------------------------------


def _candidates(view: DocView, lexicon: EventLexicon) -> list[Candidate]:
    doc = view.doc
    cue_cache: dict[int, SentenceCues] = {}
    best: dict[tuple[str, int], tuple[int, int]] = {}
    for rule_id, start, end in lexicon.trigger_matcher(doc, view.arrays):
        key = (rule_id, start)
        # the longest reading of a rule at a start: "suicide car bomb", not "suicide car"
        if key not in best or end > best[key][1]:
            best[key] = (start, end)
    candidates: list[Candidate] = []
    for (rule_id, _), (start, end) in best.items():
        rule = lexicon.rules[rule_id]
        number = view.sentence_of[start]
        if number not in cue_cache:
            cue_cache[number] = _sentence_cues(view, number)
        if not _passes_cues(rule, cue_cache[number], lexicon):
            continue
        sub_event_type, resolved = _switched_type(rule, doc[start:end].root, cue_cache[number].own, lexicon)
        if sub_event_type is not None:
            candidates.append(Candidate(rule, sub_event_type, start, end, resolved))
    return candidates


def resolve_overlaps(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep the most specific of overlapping triggers, then drop weak ones beside specific ones."""
    ranked = sorted(candidates, key=lambda c: (-c.rule.priority, -(c.end - c.start), c.start))
    taken: set[int] = set()
    kept: list[Candidate] = []
    for candidate in ranked:
        tokens = set(range(candidate.start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _drop_weak(view: DocView, kept: list[Candidate]) -> list[Candidate]:
    strong_sentences = {view.sentence_of[c.start] for c in kept if c.strong}
    return [c for c in kept if c.strong or view.sentence_of[c.start] not in strong_sentences]


def _mention(view: DocView, candidate: Candidate, lexicon: EventLexicon, others: set[int]) -> EventMention:
    doc = view.doc
    span = doc[candidate.start : candidate.end]
    anchor = span.root
    span_range = range(span.start, span.end)
    modality = trigger_modality(anchor, lexicon, span_range)
    if modality == "asserted" and is_background(anchor, view, lexicon, others, span_range):
        modality = "background"
    number = view.sentence_of[anchor.i]
    sent = view.sentences[number]
    generic = is_generic(anchor, sent, view.cues(number), lexicon, view.generic_phrase(number, lexicon))
    generic = generic or is_result_state(span, candidate.sub_event_type, lexicon)
    generic = generic or describes_a_side(anchor, lexicon)
    dated = any(_dates_a_day(ent, lexicon) for ent in view.ents[number])
    # the state of a war: "continues to detain protesters" stays an arrest
    if ACLED_SUB_EVENT_TYPES[candidate.sub_event_type] in lexicon.modality["war_event_types"]:
        generic = generic or tells_what_goes_on(anchor, dated, lexicon)
        generic = generic or view.spread_nationwide(number, lexicon)
    year = reference_year(anchor, view.ents[number])
    confidence = 1.0
    if not candidate.strong:
        confidence = CONFIDENCE_WEAK
    if year is not None:
        confidence = min(confidence, CONFIDENCE_DATED)
    if generic:
        confidence = CONFIDENCE_GENERIC
    return EventMention(
        trigger=Span.of(view.text, span.start_char, span.end_char),
        sub_event_type=candidate.sub_event_type,
        sentence=Span.of(view.text, sent.start_char, sent.end_char),
        plover_event=candidate.rule.plover_event,
        plover_mode=candidate.rule.plover_mode,
        plover_context=list(candidate.rule.plover_context),
        confidence=confidence,
        modality=modality,
        generic=generic,
        reference_year=year,
        rule=candidate.rule.id,
    )


#: dependencies of a noun that suffered a verb's act ("killed 25 gunmen", "gunmen were killed")
SUFFERED_DEPS = frozenset({"dobj", "nsubjpass"})
#: dependencies of a noun listed beside another ("troops and gunmen", "the attackers, two men")
LISTED_DEPS = frozenset({"conj", "appos"})


def _side_of_another_event(
    doc: Doc, candidate: Candidate, kept: list[Candidate], lexicon: EventLexicon
) -> bool:
    """A doer noun ('gunmen') listed beside another side, suffering an act, or the subject of
    another trigger's verb ("troops and gunmen repelled an offensive") names a side of that
    event, not an event of its own."""
    root = doc[candidate.start : candidate.end].root
    if (
        root.lower_ not in lexicon.modality["doer_nouns"]
        and root.lemma_.lower() not in lexicon.modality["doer_nouns"]
    ):
        return False
    if root.dep_ in LISTED_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        return True
    if root.dep_ in SUFFERED_DEPS:
        return True
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    others = {i for other in kept if other is not candidate for i in range(other.start, other.end)}
    return verb.i in others or any(
        child.i in others for child in verb.children if child.dep_ in SUFFERED_DEPS
    )


def find_event_mentions(doc: Doc, *, keep_non_events: bool = False) -> list[EventMention]:
    """Typed event triggers of a parsed document, in text order.

    Negated, denied, future, intended and hypothetical triggers are dropped unless
    ``keep_non_events`` is set (then their ``modality`` says why they are not events).
    """
    lexicon = event_lexicon(doc.vocab)
    view = DocView(doc)
    kept = _drop_weak(view, resolve_overlaps(_candidates(view, lexicon)))
    # a page's tag line ("Tags Syria truce airstrikes") names topics, not happenings
    kept = [candidate for candidate in kept if not in_keyword_list(doc, candidate.start)]
    kept = [candidate for candidate in kept if not _side_of_another_event(doc, candidate, kept, lexicon)]
    trigger_tokens = {i for candidate in kept for i in range(candidate.start, candidate.end)}
    mentions = [_mention(view, candidate, lexicon, trigger_tokens) for candidate in kept]
    # the assembler reads which old dates belong to background rather than to an event
    doc.user_data[BACKGROUND_SENTENCES] = frozenset(
        (m.sentence.start, m.sentence.end) for m in mentions if m.modality == "background"
    )
    if keep_non_events:
        return mentions
    return [mention for mention in mentions if mention.modality == "asserted"]


def find_non_event_topics(doc: Doc) -> list[tuple[str, Span]]:
    """Spans that show a report is about diplomacy, attribution, a disaster or organised crime."""
    lexicon = event_lexicon(doc.vocab)
    spans = [(lexicon.topics[rule_id], s, e) for rule_id, s, e in lexicon.topic_matcher(doc)]
    spans.sort(key=lambda item: (item[1], -item[0].priority))
    text = doc.text
    return [(topic.category, Span.of(text, doc[s:e].start_char, doc[s:e].end_char)) for topic, s, e in spans]


def primary_mention(mentions: Sequence[EventMention]) -> EventMention | None:
    """The report's main event mention.

    Rule: among asserted, non-generic mentions of the highest confidence present (so weak generic
    triggers and dated, possibly historical ones only count when nothing better is there), take
    the earliest sentence; within it, the sub-event type earliest in ``types.json`` wins, then the
    earlier trigger. A ``decisive`` type of ``types.json`` (chemical weapon, suicide bomb) asserted
    in the lead (the first three sentences with events) is the main event: reports often name
    the weapon a sentence or two after the first line.
    """
    candidates = [m for m in mentions if m.modality == "asserted" and not m.generic]
    if not candidates:
        return None
    rank = _type_rank()
    lead = sorted({m.sentence.start for m in candidates})[:LEAD_SENTENCES]
    decisive = [
        m
        for m in candidates
        if m.sub_event_type in _decisive_types() and m.confidence == 1.0 and m.sentence.start in lead
    ]
    if decisive:
        return min(decisive, key=lambda m: (rank.get(m.sub_event_type, len(rank)), m.trigger.start))
    best_confidence = max(m.confidence for m in candidates)
    confident = [m for m in candidates if m.confidence == best_confidence]
    first_sentence = min(m.sentence.start for m in confident)
    in_sentence = [m for m in confident if m.sentence.start == first_sentence]
    main = min(in_sentence, key=lambda m: (rank.get(m.sub_event_type, len(rank)), m.trigger.start))
    return _as_non_violent_transfer(main, candidates)


def _as_non_violent_transfer(main: EventMention, mentions: Sequence[EventMention]) -> EventMention:
    """A territorial change told with a withdrawal and no fighting is a non-violent transfer."""
    rule = load_json(*DATA_DIR, "types.json")["non_violent_transfer"]
    if main.sub_event_type not in rule["territorial"]:
        return main
    withdrawals = [m for m in mentions if m.sub_event_type == rule["withdrawal"]]
    fighting = [
        m
        for m in mentions
        if m.event_type in rule["fighting_event_types"] and m.sub_event_type not in rule["fighting_exempt"]
    ]
    return withdrawals[0] if withdrawals and not fighting else main


def primary_sub_event_type(mentions: Sequence[EventMention]) -> str | None:
    """The ACLED sub-event type of the report's main event (see ``primary_mention``)."""
    mention = primary_mention(mentions)
    return mention.sub_event_type if mention else None


@cache
def _type_rank() -> dict[str, int]:
    """Rank of each sub-event type; an inner list in ``types.json`` ranks its types equal."""
    order = load_json(*DATA_DIR, "types.json")["primary_priority"]
    rank: dict[str, int] = {}
    for position, entry in enumerate(order):
        for sub_event_type in [entry] if isinstance(entry, str) else entry:
            rank[sub_event_type] = position
    return rank


@cache
def _decisive_types() -> frozenset[str]:
    return frozenset(load_json(*DATA_DIR, "types.json").get("decisive", []))


class EventMentionFinder:
    """The spaCy component: sets ``doc._.event_mentions``; the lexicon is compiled at construction."""

    def __init__(self, nlp: Language, name: str, *, keep_non_events: bool = False) -> None:
        self.name = name
        self.keep_non_events = keep_non_events
        event_lexicon(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.event_mentions = find_event_mentions(doc, keep_non_events=self.keep_non_events)
        return doc
