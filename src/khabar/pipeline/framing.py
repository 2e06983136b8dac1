"""Framing: loaded language and propaganda techniques as spans, with the voice that uses them.

Three sources of spans; the first two are built once per component:

- the **lexicon** (``data/en/framing/lexicon.tsv``) through a PhraseMatcher on lower-case
  text: loaded words and labels, each with its SemEval-2020 task 11 technique and a neutral
  alternative. A label used as a modifier grows over the noun it modifies ("Takfiri
  militants", "regime elements"); an intensifier grows over the word it strengthens
  ("utterly reckless"); adjacent loaded words merge ("illegitimate regime").
- **rules** for what a word list cannot see (``rules.json``): Flag-Waving ("our" + a word of
  nation, army or sacrifice, spanning its clause), Reductio ad Hitlerum (Hitler and Nazis, or
  atrocity names after a comparator: "what happened in Rwanda and Bosnia"), Doubt
  ("so-called X"), Whataboutism ("What about ..."), Slogans (hashtags) and Repetition (a
  loaded term used again and again).
- the learned **span tagger** (``framing_model``, on by default: ``use_model``) for the loaded
  phrases and clauses no list holds, each given a technique by ``framing_techniques``; it
  marks at most one span per sentence (from its first to its last likely token), and its
  spans must rest on a word PTC's annotators marked, so plain wire copy stays unflagged.

Rule span extents follow the PTC annotators: the loaded phrase, not the sentence; a clause for
Flag-Waving. Some words (``scope`` "quoted": "genocide", "massacre", "rebels") are framing
only in a party's mouth, because in an outlet's narration they are usually the accepted name
of an event or group. Voice is decided by ``voice_resolver`` (see there).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from ..model import Framing, Span
from .extensions import doc_text
from .framing_features import doc_features
from .framing_lexicon import FramingLexicon, LexiconEntry, framing_lexicon
from .framing_model import SpanModel, sentence_views, span_model
from .framing_techniques import WordCounts, span_features, technique_model

OUTLET = "outlet"
QUOTED = "quoted"
#: the quotes stage's voice of a quote it found no speaker for: still a party's words, not the
#: outlet's, so terms of scope "quoted" count there too
UNATTRIBUTED = "unattributed"
#: whether the learned span tagger runs when the caller does not say (the component's config
#: ``use_model``): on PTC's held-out part it more than doubles span F1 over the rules alone, at
#: a few percent of extraction time (see the README of ``data/en/framing``)
USE_MODEL_DEFAULT = True
VoiceAt = Callable[[int, int], str]

LOADED = "Loaded_Language"
NAME_CALLING = "Name_Calling,Labeling"
FLAG_WAVING = "Flag-Waving"
REDUCTIO = "Bandwagon,Reductio_ad_hitlerum"
DOUBT = "Doubt"
WHATABOUTISM = "Whataboutism,Straw_Men,Red_Herring"
SLOGANS = "Slogans"
REPETITION = "Repetition"

#: dependency labels of a clause head: Flag-Waving spans the clause of its trigger
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj"})
_EDGE_TRIM = frozenset("\"'“”‘’«».,;:!?()[]—–-")
_HASHTAG = re.compile(r"(?<![\w#])#[A-Za-z]\w{2,}")
_QUOTE_PAIRS = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»]{1,2000}»")


@dataclass(frozen=True, slots=True)
class FramingMatchers:
    """Every matcher the stage needs, built once per vocabulary."""

    lexicon: PhraseMatcher
    flag_waving: Matcher
    reductio: PhraseMatcher
    doubt: PhraseMatcher
    comparators: tuple[tuple[str, ...], ...]
    #: the words a Flag-Waving match must hold ("our"), to skip sentences without them
    possessives: re.Pattern[str]
    #: sentence openers of Whataboutism, as a regular expression
    openers: re.Pattern[str]


@dataclass(slots=True)
class _Hit:
    """A candidate span in token offsets, before voice and scope are decided."""

    start: int
    end: int
    technique: str
    neutral: str | None = None
    scope: str = "any"
    from_lexicon: bool = False


def build_framing_matchers(vocab: Vocab, lexicon: FramingLexicon | None = None) -> FramingMatchers:
    """The PhraseMatchers of lexicon terms and rule triggers (lower-case text)."""
    lexicon = lexicon or framing_lexicon()
    rules = lexicon.rules
    tokenizer = _tokenizer(vocab)
    reductio = rules["reductio"]
    return FramingMatchers(
        lexicon=_phrase_matcher(vocab, tokenizer, {term: [term] for term in lexicon.entries}),
        flag_waving=_flag_waving_matcher(vocab, tokenizer, rules["flag_waving"]),
        reductio=_phrase_matcher(
            vocab, tokenizer, {"always": reductio["always"], "compared": reductio["compared"]}
        ),
        doubt=_phrase_matcher(vocab, tokenizer, {"doubt": rules["doubt"]["markers"]}),
        comparators=tuple(
            tuple(token.lower_ for token in tokenizer(phrase)) for phrase in reductio["comparators"]
        ),
        possessives=_words_pattern(rules["flag_waving"]["possessives"]),
        openers=_words_pattern(rules["whataboutism"]["openers"]),
    )


def _words_pattern(phrases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _flag_waving_matcher(
    vocab: Vocab, tokenizer: Callable[[str], Doc], rule: dict[str, list[str]]
) -> Matcher:
    """'our (ADJ)* flag', 'our heroic (ADJ)* soldiers', 'the blood of our (ADJ)* soldiers'."""

    def alternatives(phrases: list[str]) -> list[list[dict[str, object]]]:
        # one IN-pattern per phrase length keeps the Matcher small (and fast): patterns
        # with an optional ADJ run are costly, so there must be few of them
        by_length: defaultdict[int, list[list[str]]] = defaultdict(list)
        for phrase in phrases:
            words = [token.lower_ for token in tokenizer(phrase)]
            by_length[len(words)].append(words)
        return [
            [{"LOWER": {"IN": sorted({words[i] for words in group})}} for i in range(length)]
            for length, group in by_length.items()
        ]

    ours = {"LOWER": {"IN": rule["possessives"]}}
    adjectives = {"POS": "ADJ", "OP": "*"}
    praise = {"LOWER": {"IN": rule["praise"]}}
    matcher = Matcher(vocab)
    for symbol in alternatives(rule["symbols"]):
        matcher.add("symbol", [[ours, adjectives, *symbol]])
    for people in alternatives(rule["people"]):
        matcher.add("praise", [[ours, praise, adjectives, *people]])
        for frame in alternatives(rule["sacrifice"]):
            matcher.add("sacrifice", [[*frame, ours, adjectives, *people]])
    return matcher


def _tokenizer(vocab: Vocab) -> Callable[[str], Doc]:
    from spacy.lang.en import English

    # a blank English tokenizer on the same vocab tokenises patterns as the model does
    return English(vocab=vocab).tokenizer


def _phrase_matcher(
    vocab: Vocab, tokenizer: Callable[[str], Doc], groups: dict[str, list[str]]
) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for key, phrases in groups.items():
        matcher.add(key, [tokenizer(phrase) for phrase in phrases])
    return matcher


_MATCHERS: dict[int, FramingMatchers] = {}


def _matchers_for(vocab: Vocab) -> FramingMatchers:
    # keyed by identity: a Vocab is shared by every Doc of one pipeline
    if id(vocab) not in _MATCHERS:
        _MATCHERS[id(vocab)] = build_framing_matchers(vocab)
    return _MATCHERS[id(vocab)]


# --- voice -------------------------------------------------------------------------------


def voice_resolver(doc: Doc) -> VoiceAt:
    """Who speaks at a character range: the quotes stage's ``voice_at`` when it exists.

    Until ``khabar.pipeline.quotes`` provides ``voice_at(doc, start, end)``, a local rule
    answers: inside quotation marks is "quoted", outside is "outlet".
    """
    try:
        from . import quotes  # type: ignore[attr-defined]
    except ImportError:
        quotes = None
    voice_at = getattr(quotes, "voice_at", None)
    if voice_at is not None:
        return lambda start, end: str(voice_at(doc, start, end) or OUTLET)
    return _local_voice(doc.text)


def _local_voice(text: str) -> VoiceAt:
    regions = [(match.start(), match.end()) for match in _QUOTE_PAIRS.finditer(text)]

    def voice_at(start: int, end: int) -> str:
        inside = any(q_start <= start and end <= q_end for q_start, q_end in regions)
        return QUOTED if inside else OUTLET

    return voice_at


# --- the stage ---------------------------------------------------------------------------


def find_framing(
    doc: Doc,
    *,
    matchers: FramingMatchers | None = None,
    voice_at: VoiceAt | None = None,
    use_model: bool = USE_MODEL_DEFAULT,
) -> list[Framing]:
    """Spans of loaded language and propaganda techniques in ``doc``, in text order.

    With ``use_model`` (and the shipped span model present), spans the learned tagger finds
    beyond the rules are added as Loaded_Language (see ``framing_model``). Its spans must rest
    on a word the PTC annotators marked (the model's support check), which keeps it from
    flagging plain words of wire copy on the tone of their sentence alone.
    """
    matchers = matchers or _matchers_for(doc.vocab)
    lexicon = framing_lexicon()
    voice_at = voice_at or voice_resolver(doc)
    lexical = _merge_adjacent(_grow(doc, _lexicon_hits(doc, matchers, lexicon)))
    hits = [
        *lexical,
        *_repetitions(doc, lexical, lexicon.rules["repetition"]["min_uses"]),
        *_flag_waving(doc, matchers, lexicon.rules["flag_waving"]["max_clause_tokens"]),
        *_reductio(doc, matchers),
        *_doubt(doc, matchers, lexicon.rules["doubt"]["max_tokens"]),
        *_whataboutism(doc, matchers.openers),
    ]
    model = span_model() if use_model else None
    if model is not None:
        hits += _model_hits(doc, model, hits)
    text = doc.text  # Doc.text joins every token: read it once
    framing = [_framing(doc, text, hit, voice_at) for hit in hits]
    framing += _hashtags(text, voice_at) if lexicon.rules["slogans"]["hashtags"] else []
    return _dedupe(item for item in framing if item is not None)


def _lexicon_hits(doc: Doc, matchers: FramingMatchers, lexicon: FramingLexicon) -> list[_Hit]:
    spans = [SpacySpan(doc, start, end, label=key) for key, start, end in matchers.lexicon(doc)]
    # the longest match wins: "illegitimate regime" over "regime"
    hits = []
    for span in _longest(spans):
        entry = lexicon.entries[span.label_]
        hits.append(_hit_of(span.start, span.end, entry))
    return hits


def _hit_of(start: int, end: int, entry: LexiconEntry) -> _Hit:
    return _Hit(start, end, entry.technique, entry.neutral, entry.scope, from_lexicon=True)


def _longest(spans: list[SpacySpan]) -> list[SpacySpan]:
    chosen: list[SpacySpan] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def _grow(doc: Doc, hits: list[_Hit]) -> list[_Hit]:
    """Modifiers grow over their noun, intensifiers over the word they strengthen."""
    lexicon = framing_lexicon()
    for hit in hits:
        entry = lexicon.entries.get(doc[hit.start : hit.end].text.lower())
        if entry is None:
            continue
        if entry.kind == "modifier":
            hit.end = _noun_run_end(doc, hit.end)
        elif entry.kind == "intensifier":
            hit.end = _strengthened_end(doc, hit.end)
        if hit.end > hit.start + 1 and hit.neutral is not None and entry.kind == "modifier":
            rest = doc[hit.start + len(entry.term.split()) : hit.end].text
            hit.neutral = " ".join(part for part in (hit.neutral, rest) if part) or None
    return hits


def _noun_run_end(doc: Doc, end: int, *, limit: int = 3) -> int:
    # "regime elements", "Takfiri militants": consecutive nouns right after the modifier
    stop = end
    while stop < len(doc) and stop - end < limit and doc[stop].tag_ in ("NN", "NNS", "NNP", "NNPS"):
        stop += 1
    return stop


def _strengthened_end(doc: Doc, end: int) -> int:
    # "extremely careless", "absolutely not": run over adverbs to the first adjective or verb
    stop = end
    while stop < len(doc) and stop - end < 3:
        tag = doc[stop].tag_
        stop += 1
        if not tag.startswith("RB"):
            return stop if tag.startswith(("JJ", "VB")) or doc[stop - 1].lower_ == "not" else end
        if doc[stop - 1].lower_ == "not":
            return stop
    return end


def _merge_adjacent(hits: list[_Hit]) -> list[_Hit]:
    """Adjacent lexicon hits form one span: "foreign-sponsored" + "terrorists"."""
    merged: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        last = merged[-1] if merged else None
        if last is not None and hit.start == last.end and hit.scope == last.scope == "any":
            last.end = hit.end
            if hit.technique == NAME_CALLING:  # a label with loaded modifiers is still a label
                last.technique = NAME_CALLING
            last.neutral = _joined_neutral(last.neutral, hit.neutral)
            continue
        merged.append(hit)
    return merged


def _joined_neutral(left: str | None, right: str | None) -> str | None:
    if left is None or right is None:
        return None
    return " ".join(part for part in (left, right) if part) or None


def _repetitions(doc: Doc, hits: list[_Hit], min_uses: int) -> list[_Hit]:
    """Later uses of a loaded term that an article uses again and again."""
    by_text: defaultdict[str, list[_Hit]] = defaultdict(list)
    for hit in hits:
        by_text[doc[hit.start : hit.end].text.lower()].append(hit)
    return [
        _Hit(hit.start, hit.end, REPETITION, hit.neutral, hit.scope)
        for uses in by_text.values()
        if len(uses) >= min_uses
        for hit in uses[1:]
    ]


def _flag_waving(doc: Doc, matchers: FramingMatchers, max_tokens: int) -> list[_Hit]:
    hits = []
    for sentence in _sentences_with(doc, matchers.possessives):
        for _key, start, end in matchers.flag_waving(sentence):
            start, end = sentence.start + start, sentence.start + end
            clause = _clause_of(doc[end - 1])
            if clause is not None and clause.end - clause.start <= max_tokens:
                hits.append(_Hit(clause.start, clause.end, FLAG_WAVING))
            else:
                hits.append(_Hit(start, end, FLAG_WAVING))
    return hits


def _sentences_with(doc: Doc, pattern: re.Pattern[str]) -> list[SpacySpan]:
    """The sentences that hold a match of ``pattern``: rule Matchers run on these alone."""
    sentences: list[SpacySpan] = []
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if not sentences or sentences[-1].start != sentence.start:
            sentences.append(sentence)
    return sentences


def _clause_of(token: Token) -> SpacySpan | None:
    """The clause that holds ``token``: the subtree of its nearest clause head, edges trimmed."""
    head = token
    while head.dep_ not in _CLAUSE_DEPS or head.pos_ not in ("VERB", "AUX"):
        if head.head is head:
            return None
        head = head.head
    left, right = head.left_edge.i, head.right_edge.i + 1
    # a clause of its own to the right of the trigger ("..., Altun said") is not part of it
    for child in head.rights:
        if child.dep_ in _CLAUSE_DEPS and child.i > token.i and not _holds(child, token):
            right = min(right, child.left_edge.i)
    return _trimmed(token.doc, left, right)


def _holds(head: Token, token: Token) -> bool:
    return head.left_edge.i <= token.i <= head.right_edge.i


def _trimmed(doc: Doc, start: int, end: int) -> SpacySpan | None:
    while start < end and (doc[start].text in _EDGE_TRIM or doc[start].lower_ in ("and", "but")):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_TRIM or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _reductio(doc: Doc, matchers: FramingMatchers) -> list[_Hit]:
    hits = []
    for key, start, end in matchers.reductio(doc):
        kind = doc.vocab.strings[key]
        begin = _comparator_start(doc, start, matchers.comparators)
        if begin is None and kind == "always":
            begin = start
        if begin is not None:
            hits.append(_Hit(begin, end, REDUCTIO))
    return _merge_overlapping(hits)


def _comparator_start(doc: Doc, start: int, comparators: tuple[tuple[str, ...], ...]) -> int | None:
    """Where a comparator ends at most three tokens before a name ("like the Nazis")."""
    sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    for gap in range(0, 4):
        for comparator in comparators:
            begin = start - gap - len(comparator)
            if begin < sent_start:
                continue
            words = tuple(token.lower_ for token in doc[begin : start - gap])
            between = doc[start - gap : start]
            if words == comparator and not any(t.is_punct or t.pos_ == "VERB" for t in between):
                return begin
    return None


def _merge_overlapping(hits: list[_Hit]) -> list[_Hit]:
    # "what happened in Rwanda" and "... Rwanda and Bosnia" are one comparison
    merged: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if merged and hit.start <= merged[-1].end + 2 and hit.technique == merged[-1].technique:
            merged[-1].end = max(merged[-1].end, hit.end)
        else:
            merged.append(hit)
    return merged


def _doubt(doc: Doc, matchers: FramingMatchers, max_tokens: int) -> list[_Hit]:
    hits = []
    for _key, start, end in matchers.doubt(doc):
        stop, last_noun = end, None
        # run to the end of the name that follows: "so-called “moderate” rebels"
        while stop < len(doc) and stop - end < max_tokens:
            token = doc[stop]
            if token.tag_.startswith("NN"):
                last_noun = stop + 1
            elif last_noun is not None or (token.is_punct and token.text not in ("“", '"', "-")):
                break
            stop += 1
        if last_noun is not None:
            hits.append(_Hit(start, last_noun, DOUBT))
    return hits


def _whataboutism(doc: Doc, openers: re.Pattern[str]) -> list[_Hit]:
    hits = []
    for sentence in _sentences_with(doc, openers):
        trimmed = _trimmed(doc, sentence.start, sentence.end)
        if trimmed is not None and openers.match(trimmed.text):
            hits.append(_Hit(trimmed.start, trimmed.end, WHATABOUTISM))
    return hits


def _model_hits(doc: Doc, model: SpanModel, known: list[_Hit]) -> list[_Hit]:
    """Spans of the learned tagger that no rule span already holds, with their technique."""
    features = doc_features(doc)
    found = model.spans(features)
    if not found:
        return []
    techniques = technique_model()
    counts = WordCounts.of(features.words)
    rows = features.token_index
    sentence = features.sentence
    starts = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
    ends = np.r_[starts[1:], len(sentence)]
    hits = []
    for first, last in found:
        start, end = int(rows[first]), int(rows[last - 1]) + 1
        if any(h.start <= start and end <= h.end for h in known):
            continue
        technique = LOADED
        if techniques is not None:
            # the technique model reads the span's sentence: views are built for these only
            begin, stop = starts[sentence[first]], ends[sentence[first]]
            views = sentence_views([doc[int(i)] for i in rows[begin:stop]])
            raw = doc[int(rows[begin]) : int(rows[stop - 1]) + 1].text
            features_of_span = span_features(views, first - begin, last - begin, counts, raw)
            technique = techniques.technique(features_of_span)
        hits.append(_Hit(start, end, technique))
    return hits


def _hashtags(text: str, voice_at: VoiceAt) -> list[Framing]:
    return [
        Framing(Span.of(text, m.start(), m.end()), SLOGANS, voice_at(m.start(), m.end()))
        for m in _HASHTAG.finditer(text)
    ]


def _framing(doc: Doc, text: str, hit: _Hit, voice_at: VoiceAt) -> Framing | None:
    span = doc[hit.start : hit.end]
    start, end = span.start_char, span.end_char
    voice = voice_at(start, end)
    # "quoted" terms count in any voice but the outlet's: a named speaker, QUOTED (local rule)
    # or UNATTRIBUTED (a quote the quotes stage found no speaker for)
    if hit.scope == "quoted" and voice == OUTLET:
        return None
    return Framing(Span.of(text, start, end), hit.technique, voice, hit.neutral)


def _dedupe(framing: Iterable[Framing]) -> list[Framing]:
    seen: dict[tuple[int, int, str], Framing] = {}
    for item in framing:
        seen.setdefault((item.span.start, item.span.end, item.technique), item)
    return sorted(seen.values(), key=lambda f: (f.span.start, f.span.end, f.technique))


def technique_counts(framing: Iterable[Framing]) -> Counter[str]:
    """How often each technique occurs among ``framing``."""
    return Counter(item.technique for item in framing)


class FramingFinder:
    """spaCy component: sets ``doc._.framing``."""

    def __init__(self, nlp: Language, name: str, *, use_model: bool = USE_MODEL_DEFAULT) -> None:
        self.name = name
        self.use_model = use_model
        self.matchers = build_framing_matchers(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.framing = find_framing(doc, matchers=self.matchers, use_model=self.use_model)
        return doc
