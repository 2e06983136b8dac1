"""Casualty counts: killed and injured figures with quantifiers turned into bounds.

Three steps, all driven by the lexicon in ``data/en/counts/``:

1. a Matcher built once finds *figures*: numbers ("33", "1,200", "thirty-four"), optionally
   with a bounding phrase ("at least 33", "between 10 and 15"), and vague quantities
   ("dozens", "an unspecified number of");
2. each figure is attached to a casualty *trigger* through the dependency parse, not by
   proximity: the victim noun must be the patient of "killed" (object or passive subject),
   the subject of "died", the subject of "dead"/"wounded", the head of "soldiers killed",
   the object of "left ... dead", or the value of a "death toll";
3. victims without a figure still count when the parse names exactly one person
   ("a man was shot dead" = 1) or none ("no one was hurt" = 0).

``article_totals`` then reduces an article's mentions to one killed and one injured figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..langdata import load_json, load_tsv
from ..model import CountKind, CountMention, Span

#: dependency labels of a patient of a transitive trigger ("X were killed", "killed X")
PATIENT_DEPS = frozenset({"nsubjpass", "dobj", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: entity labels whose numbers are never casualty figures (ages, years, times, money)
#: (DATE is not among them: the tagger marks "between 10 and 15" as a DATE; years are caught apart)
NON_COUNT_ENTS = frozenset({"TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
#: where ``find_counts`` leaves the figures it told apart as background (``doc.user_data``)
BACKGROUND_COUNTS_KEY = "khabar.counts.background"
#: those of them set apart only as an accident's ("killed when the plane crashed into a market")
ACCIDENT_COUNTS_KEY = "khabar.counts.accidents"
#: a sentence naming a year more than this before publication tells history (as in assembly)
HISTORY_YEARS = 1


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str  # killed | injured | harm | casualty
    role: str  # transitive | intransitive | state | noun


@dataclass(frozen=True, slots=True)
class Quantifier:
    kind: str  # vague | bound
    low: int | None
    high: int | None
    rule: str


@dataclass(frozen=True, slots=True)
class CountLexicon:
    numbers: dict[str, tuple[int, str]]
    verbal_triggers: dict[str, Trigger]  # verbs and adjectives, by lemma
    nominal_triggers: dict[str, Trigger]  # nouns, by lemma
    quantifiers: dict[str, Quantifier]
    person_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    negators: frozenset[str]
    fatal_modifiers: frozenset[str]
    miss_particles: frozenset[str]
    near_miss_adverbs: frozenset[str]  # "nearly hit", "almost shot": not hit
    result_verbs: frozenset[str]  # "left 5 dead", "was pronounced dead", "found him shot to death"
    fatal_adjectives: frozenset[str]  # "the fatal shooting of X": the harm noun names a death
    harm_nouns: frozenset[str]
    #: "two weeks ago", "last year", "More: (links to other stories)": not the report's incident
    background_cues: tuple[tuple[str, ...], ...]
    #: a figure this large is a war's or a region's statistic, never one location-day's event
    statistic_threshold: int
    sexes: dict[str, str]  # victim word -> "male" | "female": "a man died and a woman was injured"
    copulas: frozenset[str]
    bearer_verbs: frozenset[str]
    projectile_verbs: frozenset[str]
    projectiles: frozenset[str]
    weapons: frozenset[str]  # "struck him with a pistol": an instrument that hurts
    irrealis_heads: frozenset[str]
    measure_words: frozenset[str]  # "3 times", "the 3900 block", "2 miles": the number counts no victims
    non_victims: frozenset[str]  # "hit 3 homes", "shot his two dogs": things and animals are no victims
    distinct_markers: frozenset[str]  # "another man", "the other victim": not the one counted before
    distinct_heads: frozenset[str]  # "another" alone ("the other" alone is as often the shooter)
    checkup_purposes: frozenset[str]  # "taken to a hospital for evaluation": not a victim
    months: frozenset[str]  # "died Feb. 2": a day of the month, not a figure
    death_particles: dict[str, str]  # phrasal verbs of dying: "passed away"
    death_as: dict[str, str]  # "fell as martyrs": a verb of dying with "as" and a noun
    verb_only_triggers: frozenset[str]  # "he was martyred", not "the martyr" nor "Martyr Brigades"
    attempt_words: frozenset[str]  # "attempted murder": no death
    modals: frozenset[str]  # "might kill her": a possibility, not an event
    life_takers: frozenset[str]  # "took the life of X": a death
    body_finders: frozenset[str]  # "the body of X was found": X died
    preventers: frozenset[str]  # "prevented him from killing himself": it did not happen
    aggregate_nouns: frozenset[str]  # "wounded in shootings across the city": several incidents
    pair_nouns: frozenset[str]  # "a married couple was injured": two victims
    survival_cues: tuple[tuple[str, ...], ...]  # "was grazed and survived": alive, not netted
    #: "both were injured in the crash": an accident's figure, unless violence is told with it
    accident_cues: tuple[tuple[str, ...], ...]
    violence_words: frozenset[str]
    condition_states: frozenset[str]  # "in critical condition": a victim alive and hurt
    transport_verbs: frozenset[str]  # "was taken to a hospital": a victim, outcome open
    hospital_words: frozenset[str]
    listed_forms: dict[str, str]  # "3 shot, 1 fatally": "shot" as the headline lists it
    part_openers: frozenset[str]  # "36 killed, including five women": a part of a figure told before
    listed_others: frozenset[str]  # "13 killed 43 others injured": the word between a figure and its outcome
    verb_endings: tuple[str, ...]  # "Kills", "Killed": a title-case verb's inflection, longest first
    whole_victims: frozenset[str]  # "13 people", "13 civilians": a toll of all the victims
    subgroup_victims: frozenset[str]  # "five children", "one of them": some of them, beside such a toll
    toll_links: frozenset[str]  # "the death toll from the bombing": the prepositions naming a toll's event
    number_nouns: frozenset[str]  # "the number of victims is 70": a toll told as a number of people
    toll_victims: frozenset[str]  # "victims", "martyrs": the people a toll of the dead counts
    trigger_words: frozenset[str]  # every trigger lemma, to skip sentences without one
    bounds: dict[str, Quantifier]  # the bounding phrases of ``quantifiers``, read before a number
    bound_length: int  # words in the longest bounding phrase


def _optional_int(text: str) -> int | None:
    return int(text) if text.strip() else None


@cache
def count_lexicon() -> CountLexicon:
    words = load_json("en", "counts", "words.json")
    quantifiers = {
        row["phrase"]: Quantifier(
            row["kind"], _optional_int(row["low"]), _optional_int(row["high"]), row["rule"]
        )
        for row in load_tsv("en", "counts", "quantifiers.tsv")
    }
    bounds = {phrase: quantifier for phrase, quantifier in quantifiers.items() if quantifier.kind == "bound"}
    return CountLexicon(
        numbers={
            row["word"]: (int(row["value"]), row["kind"]) for row in load_tsv("en", "counts", "numbers.tsv")
        },
        verbal_triggers={
            row["lemma"]: Trigger(row["kind"], row["role"])
            for row in load_tsv("en", "counts", "triggers.tsv")
            if row["role"] != "noun"
        },
        nominal_triggers={
            row["lemma"]: Trigger(row["kind"], row["role"])
            for row in load_tsv("en", "counts", "triggers.tsv")
            if row["role"] == "noun"
        },
        quantifiers=quantifiers,
        person_nouns=frozenset(words["person_nouns"]),
        person_pronouns=frozenset(words["person_pronouns"]),
        negators=frozenset(words["negators"]),
        fatal_modifiers=frozenset(words["fatal_modifiers"]),
        miss_particles=frozenset(words["miss_particles"]),
        near_miss_adverbs=frozenset(words["near_miss_adverbs"]),
        result_verbs=frozenset(words["result_verbs"]),
        fatal_adjectives=frozenset(words["fatal_adjectives"]),
        harm_nouns=frozenset(words["harm_nouns"]),
        background_cues=tuple(
            tuple(phrase.split())
            for phrase in [
                *words["background_cues"],
                *words["war_toll_cues"],
                *words["other_story_cues"],
                *words["aggregate_cues"],
            ]
        ),
        statistic_threshold=int(words["statistic_threshold"]),
        sexes={word: "male" for word in words["male_words"]}
        | {word: "female" for word in words["female_words"]},
        copulas=frozenset(words["copulas"]),
        bearer_verbs=frozenset(words["bearer_verbs"]),
        projectile_verbs=frozenset(words["projectile_verbs"]),
        projectiles=frozenset(words["projectiles"]),
        weapons=frozenset(words["weapons"]),
        irrealis_heads=frozenset(words["irrealis_heads"]),
        measure_words=frozenset(words["measure_words"]),
        non_victims=frozenset(words["non_victims"]),
        distinct_markers=frozenset(words["distinct_markers"]),
        distinct_heads=frozenset(words["distinct_heads"]),
        checkup_purposes=frozenset(words["checkup_purposes"]),
        death_particles=dict(words["death_particles"]),
        death_as=dict(words["death_as"]),
        verb_only_triggers=frozenset(words["verb_only_triggers"]),
        attempt_words=frozenset(words["attempt_words"]),
        modals=frozenset(words["modals"]),
        life_takers=frozenset(words["life_takers"]),
        body_finders=frozenset(words["body_finders"]),
        preventers=frozenset(words["preventers"]),
        aggregate_nouns=frozenset(words["aggregate_nouns"]),
        pair_nouns=frozenset(words["pair_nouns"]),
        survival_cues=tuple(tuple(phrase.split()) for phrase in words["survival_cues"]),
        accident_cues=tuple(tuple(phrase.split()) for phrase in words["accident_cues"]),
        violence_words=frozenset(words["violence_words"]),
        condition_states=frozenset(words["condition_states"]),
        transport_verbs=frozenset(words["transport_verbs"]),
        hospital_words=frozenset(words["hospital_words"]),
        listed_forms=dict(words["listed_forms"]),
        part_openers=frozenset(words["part_openers"]),
        listed_others=frozenset(words["listed_others"]),
        verb_endings=tuple(sorted(words["verb_endings"], key=len, reverse=True)),
        whole_victims=frozenset(words["whole_victims"]),
        subgroup_victims=frozenset(words["subgroup_victims"]),
        toll_links=frozenset(words["toll_links"]),
        number_nouns=frozenset(words["number_nouns"]),
        toll_victims=frozenset(words["toll_victims"]),
        months=frozenset(
            row["word"] for row in load_tsv("en", "time", "calendar.tsv") if row["kind"] == "month"
        ),
        trigger_words=frozenset(row["lemma"] for row in load_tsv("en", "counts", "triggers.tsv"))
        | {"condition", *words["hospital_words"], *words["harm_nouns"]},
        bounds=bounds,
        bound_length=max((len(phrase.split()) for phrase in bounds), default=0),
    )


#: a number written in digits: "7", "33", "1,200" (longer runs of digits are codes, not counts)
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d{1,6}$")
#: a decimal: a number part only before a multiplier ("1.9 million"; "2.5" alone counts nobody)
DECIMAL = re.compile(r"^\d{1,3}\.\d{1,3}$")
#: the words between the two numbers of a range: "10 to 15", "10-15", "two or three"
RANGE_LINKS = frozenset({"to", "-", "or"})


class FigureMatcher:
    """Finds the figures of a doc: numbers, ranges of two numbers, and vague quantities.

    Each number token is found once (spaCy's ``LIKE_NUM`` flag, and the lexicon's number words
    through a PhraseMatcher); adjacent parts are joined ("thirty-four", "two hundred") and
    ranges read from the words between two numbers, in code. Bounding phrases ("at least") are
    read from the tokens before a number (``_bound_before``). A Matcher pattern for every
    phrase x number form cost a tenth or more of the parse time; this costs about one pass.
    """

    def __init__(self, vocab: Vocab, lexicon: CountLexicon) -> None:
        self.lexicon = lexicon
        self.number_like = Matcher(vocab)
        self.number_like.add("NUMBER", [[{"LIKE_NUM": True}]])
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.phrases.add("NUMBER", [Doc(vocab, words=[word]) for word in lexicon.numbers])
        vague = [phrase for phrase, quantifier in lexicon.quantifiers.items() if quantifier.kind == "vague"]
        self.phrases.add("VAGUE", [Doc(vocab, words=phrase.split()) for phrase in vague])

    def __call__(self, doc: Doc) -> list[SpacySpan]:
        """The figure spans of ``doc``, labelled NUMBER, RANGE or VAGUE, without overlaps."""
        parts = {start for _, start, _ in self.number_like(doc)}
        vague: list[SpacySpan] = []
        for match_id, start, end in self.phrases(doc):
            if doc.vocab.strings[match_id] == "VAGUE":
                vague.append(SpacySpan(doc, start, end, label="VAGUE"))
            else:
                parts.add(start)
        numbers = _join_parts(doc, sorted(parts), self.lexicon)
        return filter_spans(vague + _with_ranges(doc, numbers))


def build_count_matcher(vocab: Vocab, lexicon: CountLexicon) -> FigureMatcher:
    return FigureMatcher(vocab, lexicon)


def _is_number_part(token: Token, lexicon: CountLexicon) -> bool:
    return bool(DIGITS.match(token.text) or DECIMAL.match(token.text)) or token.lower_ in lexicon.numbers


def _continues(doc: Doc, last: int, index: int, lexicon: CountLexicon) -> bool:
    """True when the number part at ``index`` continues the number ending at ``last``.

    Words follow words ("twenty one", "two hundred", "thirty-four" across its hyphen); after
    digits only a multiplier may follow ("5 million"): "3 4" are two numbers.
    """
    token = doc[index]
    if DIGITS.match(token.text) or DECIMAL.match(token.text):
        return False
    if DIGITS.match(doc[last].text) or DECIMAL.match(doc[last].text):
        return index == last + 1 and lexicon.numbers[token.lower_][1] == "multiplier"
    return index == last + 1 or (index == last + 2 and doc[last + 1].text == "-")


def _join_parts(doc: Doc, indices: list[int], lexicon: CountLexicon) -> list[SpacySpan]:
    numbers: list[SpacySpan] = []
    start = last = -1
    for index in indices:
        if not _is_number_part(doc[index], lexicon):
            continue
        if start >= 0 and _continues(doc, last, index, lexicon):
            last = index
            continue
        if start >= 0:
            numbers.append(SpacySpan(doc, start, last + 1, label="NUMBER"))
        start = last = index
    if start >= 0:
        numbers.append(SpacySpan(doc, start, last + 1, label="NUMBER"))
    return numbers


def _with_ranges(doc: Doc, numbers: list[SpacySpan]) -> list[SpacySpan]:
    """``numbers`` plus a RANGE span over each pair of one-word numbers read as a range."""
    ranges: list[SpacySpan] = []
    for first, second in pairwise(numbers):
        if len(first) != 1 or len(second) != 1 or second.start != first.end + 1:
            continue
        link = doc[first.end].lower_
        if link == "and" and first.start > 0 and doc[first.start - 1].lower_ == "between":
            ranges.append(SpacySpan(doc, first.start - 1, second.end, label="RANGE"))
        elif link in RANGE_LINKS:
            ranges.append(SpacySpan(doc, first.start, second.end, label="RANGE"))
    return numbers + ranges


def _bound_before(doc: Doc, start: int, lexicon: CountLexicon) -> tuple[int, str] | None:
    """(start, phrase) of the bounding phrase that ends right before token ``start``, if any.

    The longest phrase wins ("no fewer than" before "than"); phrases are at most a few words.
    """
    for length in range(min(lexicon.bound_length, start), 0, -1):
        phrase = " ".join(t.lower_ for t in doc[start - length : start])
        if phrase in lexicon.bounds:
            return start - length, phrase
    return None


def parse_number(tokens: Iterable[Token], lexicon: CountLexicon) -> int | None:
    """The value of a number written in digits or words: "1,200", "thirty-four", "two hundred",
    "1.9 million"; None when it is no whole number ("2.5")."""
    total: Fraction | int = 0
    current: Fraction | int = 0
    seen = False
    for token in tokens:
        text = token.lower_.replace(",", "")
        if text == "-":
            continue
        if text.isdigit() or DECIMAL.match(text):
            current += Fraction(text)
            seen = True
            continue
        entry = lexicon.numbers.get(text)
        if entry is None:
            return None
        value, kind = entry
        seen = True
        if kind == "multiplier":
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
    value = total + current
    if not seen or value != int(value):
        return None
    return int(value)


@dataclass(slots=True)
class Figure:
    """A figure found in the text, before it is attached to a trigger."""

    span: SpacySpan
    low: int | None
    high: int | None
    qualifier: str | None
    anchor: Token  # the token whose syntactic role says what is counted


def _figure_of(span: SpacySpan, lexicon: CountLexicon) -> Figure | None:
    label = span.label_
    if label == "VAGUE":
        quantifier = lexicon.quantifiers[span.text.lower()]
        return Figure(span, quantifier.low, quantifier.high, span.text.lower(), _vague_anchor(span))
    if label == "RANGE":
        return _range_figure(span, lexicon)
    number_tokens = list(span)
    value = parse_number(number_tokens, lexicon)
    bound = _bound_before(span.doc, _article_before(span, lexicon), lexicon)
    if bound is not None:
        span = span.doc[bound[0] : span.end]
    if value is None or not _is_count_number(span, number_tokens, lexicon):
        return None
    if bound is not None:
        low, high = _bounds(value, lexicon.bounds[bound[1]].rule)
        return Figure(span, low, high, bound[1], number_tokens[-1])
    if span.start > 0 and span.doc[span.start - 1].lower_ in lexicon.negators:
        value = 0  # "no one was hurt"
        span = span.doc[span.start - 1 : span.end]
    return Figure(span, value, value, None, number_tokens[-1])


def _article_before(span: SpacySpan, lexicon: CountLexicon) -> int:
    """Where a bounding phrase would end: before "a" of "about a dozen", "more than a hundred"."""
    first = span[0]
    article = span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an")
    if article and lexicon.numbers.get(first.lower_, (0, ""))[1] == "multiplier":
        return span.start - 1
    return span.start


def _bounds(value: int, rule: str) -> tuple[int | None, int | None]:
    if rule == "min":
        return value, None
    if rule == "above":
        # "more than 20": ACLED codes the stated number as the conservative figure, as it codes
        # "hundreds" as 100 (the bound stays open above; the figure is still a rounded one)
        return value, None
    if rule == "max":
        return None, value
    if rule == "below":
        return None, max(value - 1, 0)
    return value, value


def _range_figure(span: SpacySpan, lexicon: CountLexicon) -> Figure | None:
    values = [parse_number([t], lexicon) for t in span if t.like_num]
    values = [v for v in values if v is not None]
    if len(values) != 2 or values[0] > values[1] or not _is_count_number(span, list(span), lexicon):
        return None
    return Figure(span, values[0], values[1], "between", _range_anchor(span))


def _range_anchor(span: SpacySpan) -> Token:
    """The number of a range that carries its role in the sentence.

    The parser hangs "12 to 15 people" on the second number (the first is its quantmod) and
    "between 12 and 15 people" on the first: the number whose head lies outside the range.
    """
    numbers = [t for t in span if t.like_num]
    outside = [t for t in numbers if not span.start <= t.head.i < span.end]
    return (outside or numbers)[0]


def _vague_anchor(span: SpacySpan) -> Token:
    # "an unspecified number of soldiers": the head noun of the phrase carries the role
    for token in span:
        if token.pos_ in ("NOUN", "PRON") or token.dep_ in SUBJECT_DEPS | PATIENT_DEPS:
            return token
    return span[0]


def _is_count_number(span: SpacySpan, number_tokens: list[Token], lexicon: CountLexicon) -> bool:
    """False for ages, years, clock times, money, dates, addresses, measures and the like."""
    doc = span.doc
    last = number_tokens[-1] if number_tokens else span[-1]
    if any(t.ent_type_ in NON_COUNT_ENTS for t in number_tokens):
        return False
    if (
        len(number_tokens) == 1
        and last.text.isdigit()
        and len(last.text) == 4
        and last.text[:2] in ("19", "20")
    ):
        return False  # a year
    after = doc[last.i + 1 : last.i + 3]
    if any(t.lower_ in lexicon.measure_words for t in after):
        return False  # "25 years", "7 p.m.", "the 3900 block", "shot 3 times"
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in lexicon.months:
        return False  # "died Feb. 2"
    if after and after[0].is_title and after[0].lower_ in lexicon.months:
        return False  # a date line's "30 September 2016" ("may" in lower case is the verb)
    return not (before is not None and (before.is_currency or before.lower_ in ("aged", "age", "no.", "#")))


def find_counts(
    doc: Doc, *, matcher: FigureMatcher | None = None, lexicon: CountLexicon | None = None
) -> list[CountMention]:
    """Every killed / injured figure of ``doc``, in text order."""
    lexicon = lexicon or count_lexicon()
    matcher = matcher or build_count_matcher(doc.vocab, lexicon)
    spans = matcher(doc)
    mentions: list[CountMention] = []
    counted: set[int] = set()
    for span in sorted(spans, key=lambda item: item.start):
        figure = _figure_of(span, lexicon)
        if figure is None:
            continue
        victim = _victim_noun(figure.anchor)
        listed = _listed_outcome(figure.anchor, lexicon)
        if listed is None and victim.lemma_.lower() in lexicon.non_victims:
            continue  # "bullets hit 3 homes", "several shootings that injured ..."
        conjoined = _conjoined_outcome(figure.span, figure.anchor, lexicon)
        attached = (
            listed
            or _outcome_between_figures(figure.span, lexicon)
            or conjoined
            or _headline_object(figure.span, lexicon)
            or _left_in_state(figure.span, victim, lexicon)
            or _attach(victim, lexicon)
            or _toll_by_position(figure.span, lexicon)
        )
        if attached is None:
            continue
        kind, trigger = attached
        kind = _short_of_death(kind, trigger, lexicon)
        counted.add(victim.i)
        low, high = (0, 0) if _negated(trigger, lexicon) else (figure.low, figure.high)
        if kind == "harm" and _distinct(victim, lexicon):
            kind = "injured"  # "two other people were shot": not among the killed, no netting
        found = _mentions(doc, figure.span, low, high, figure.qualifier, kind, victim, trigger)
        if _told_as_a_part(victim, lexicon):
            found = [replace(mention, part=True) for mention in found]
        mentions.extend(found)
    mentions.extend(_implicit_mentions(doc, counted, lexicon))
    background: dict[int, str] = {}
    told_apart = [m for m in mentions if _in_background(doc, m, lexicon, background)]
    # figures of history, statistics and other stories are still figures someone claimed: the
    # claims stage reads them from here (``claim_figures``); events never see them
    doc.user_data[BACKGROUND_COUNTS_KEY] = told_apart
    # an accident's figures are no attack's, but sources may still dispute them
    doc.user_data[ACCIDENT_COUNTS_KEY] = [
        m
        for m in told_apart
        if _apart_as(doc, m, background) == ACCIDENT and (m.low or 0) < lexicon.statistic_threshold
    ]
    mentions = [m for m in mentions if m not in told_apart]
    mentions = _apart_from_the_dead(mentions, lexicon)
    mentions = _subgroups_as_parts(doc, mentions, lexicon)
    survivors: dict[int, bool] = {}
    mentions = [_alive(doc, m, lexicon, survivors) for m in mentions]
    return sorted(mentions, key=lambda mention: (mention.span.start, mention.kind))


def _told_as_a_part(victim: Token, lexicon: CountLexicon) -> bool:
    """ "35 people including 22 children", "12 civilians among them 5 women": victims told after
    a part opener on a counted noun are some of that noun's victims, a part of its figure."""
    opener = victim.head
    if victim.dep_ != "pobj" or opener.lower_ not in lexicon.part_openers:
        return False
    whole = opener.head
    return whole.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in whole.children)


def _subgroups_as_parts(doc: Doc, mentions: list[CountMention], lexicon: CountLexicon) -> list[CountMention]:
    """A figure of a subgroup of the dead ("the bodies of two young boys", "four medical staff
    killed", "the body of one of them") is a part of a larger toll of people or civilians told
    before it ("air raids killed 13 civilians"), as if told with "including": no lower reading
    of that toll. So is one in the report's first sentence, where a headline leads with the subgroup
    before the text gives the toll. A subgroup told in the text before a toll is left alone:
    "two children were killed in Aleppo ... five civilians were also killed in Ghouta" are
    as often two incidents."""
    lead_end = doc[0].sent.end_char if len(doc) else 0
    tolls = [m for m in mentions if m.kind == "killed" and m.low and _victim_word(m) in lexicon.whole_victims]
    return [
        replace(mention, part=True) if _subgroup_of(mention, tolls, lead_end, lexicon) else mention
        for mention in mentions
    ]


def _subgroup_of(
    mention: CountMention, tolls: list[CountMention], lead_end: int, lexicon: CountLexicon
) -> bool:
    if mention.kind != "killed" or mention.part or _victim_word(mention) not in lexicon.subgroup_victims:
        return False
    in_lead = mention.span.start < lead_end
    return any(
        (toll.low or 0) > (mention.low or 0) and (in_lead or toll.span.start < mention.span.start)
        for toll in tolls
    )


def _victim_word(mention: CountMention) -> str:
    words = mention.victims.text.lower().split() if mention.victims is not None else []
    return words[-1] if words else ""


def _apart_from_the_dead(mentions: list[CountMention], lexicon: CountLexicon) -> list[CountMention]:
    """One victim "shot" who cannot be any of those killed is not among the killed.

    A harm figure is netted of the killed ("a man was shot ... he died"); but in "a man died
    and a woman was injured" the woman is someone else, and so is "a 64-year-old man" hurt
    where "a 30-year-old man" died: her (his) figure is a plain injured one.
    """
    killed = [m for m in mentions if m.kind == "killed" and m.low]
    if not killed:
        return mentions
    return [
        replace(m, harm=False) if m.harm and m.low == 1 and _someone_else(m, killed, lexicon) else m
        for m in mentions
    ]


def _someone_else(mention: CountMention, killed: list[CountMention], lexicon: CountLexicon) -> bool:
    age = _age(mention)
    killed_ages = {_age(m) for m in killed} - {None}
    if age is not None and killed_ages and age not in killed_ages:
        return True
    killed_sexes = {_sex(m, lexicon) for m in killed}
    if None in killed_sexes or len(killed_sexes) > 1:
        return False
    return _sex(mention, lexicon) not in (None, *killed_sexes)


#: "a 64-year-old man": the age a victim phrase states
AGE = re.compile(r"\b(\d{1,3})-year-old\b")


def _age(mention: CountMention) -> int | None:
    match = AGE.search(mention.victims.text) if mention.victims is not None else None
    return int(match.group(1)) if match else None


def _alive(doc: Doc, mention: CountMention, lexicon: CountLexicon, seen: dict[int, bool]) -> CountMention:
    """One victim "shot" in a sentence saying the victim lives ("Mora was grazed and survived",
    "a woman was shot and is in stable condition") is not one of the dead: no netting.
    ``seen`` caches the answer per sentence."""
    if not mention.harm or mention.low != 1:
        return mention
    sentence = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand").sent
    if sentence.start not in seen:
        words = _joined_words(sentence)
        seen[sentence.start] = any(_contains(words, cue) for cue in lexicon.survival_cues)
    return replace(mention, harm=False) if seen[sentence.start] else mention


def _sex(mention: CountMention, lexicon: CountLexicon) -> str | None:
    if mention.victims is None or not mention.victims.text:
        return None
    return lexicon.sexes.get(mention.victims.text.split()[-1].lower())


#: why a sentence's figures are set apart: an accident (``_tells_an_accident``), not history
ACCIDENT = "accident"
HISTORY = "history"


def _apart_as(doc: Doc, mention: CountMention, seen: dict[int, str]) -> str:
    sentence = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand").sent
    return seen.get(sentence.start, "")


def _in_background(doc: Doc, mention: CountMention, lexicon: CountLexicon, seen: dict[int, str]) -> bool:
    """True when the mention's sentence tells history or statistics ("two weeks ago", "this year")
    or lists other stories ("More: Two charged in death of ...") or an accident ("hurt in the crash").

    A figure there is not the report's incident: "less than two weeks ago, a man was killed at
    the same complex", "police had investigated 14 homicides last year". ``seen`` caches the
    answer per sentence.
    """
    sentence = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand").sent
    if sentence.start not in seen:
        words = _joined_words(sentence)
        cued = any(_contains(words, cue) for cue in lexicon.background_cues)
        cued = cued or _tells_several_incidents(sentence, lexicon)
        cued = cued or _names_an_earlier_year(sentence, _publication_year(doc))
        seen[sentence.start] = HISTORY if cued else ACCIDENT if _tells_an_accident(words, lexicon) else ""
    if (mention.low or 0) >= lexicon.statistic_threshold:
        return True  # "more than 200000 people have been killed": the war's toll
    return bool(seen[sentence.start])


def _tells_an_accident(words: str, lexicon: CountLexicon) -> bool:
    """ "Both passengers were injured in the crash": an accident's victims, no attack's, unless
    the sentence tells violence too ("shot the driver, who crashed into a pole")."""
    if not any(_contains(words, cue) for cue in lexicon.accident_cues):
        return False
    return lexicon.violence_words.isdisjoint(words.split(WORD_SEPARATOR))


def _tells_several_incidents(sentence: SpacySpan, lexicon: CountLexicon) -> bool:
    """ "at least eight people were wounded in shootings across Chicago", "three were hurt in two
    separate shootings": a figure summed over several incidents is no one event's figure. "The
    shootings of four people" counts victims of one incident (the plural is the victims')."""
    nouns = (t for t in sentence if t.lower_ in lexicon.aggregate_nouns and t.tag_ == "NNS")
    return any(not any(c.lower_ == "of" for c in noun.children) for noun in nouns)


def _publication_year(doc: Doc) -> int | None:
    article = doc._.article if Doc.has_extension("article") else None
    published = getattr(article, "published", None)
    return published.year if published else None


def _names_an_earlier_year(sentence: SpacySpan, published: int | None) -> bool:
    """ "served 13 years for strangling his girlfriend in 2000": a year well before the report
    (more than ``HISTORY_YEARS``, as the assembler's history rule) dates a past incident."""
    if published is None:
        return False
    years = [int(t.text) for t in sentence if t.shape_ == "dddd" and t.ent_type_ == "DATE"]
    return any(1900 <= year < published - HISTORY_YEARS for year in years)


#: joins a sentence's words for a phrase look-up done as one substring test (no token holds it)
WORD_SEPARATOR = "\x00"


def _joined_words(sentence: SpacySpan) -> str:
    return WORD_SEPARATOR + WORD_SEPARATOR.join(token.lower_ for token in sentence) + WORD_SEPARATOR


def _contains(words: str, phrase: tuple[str, ...]) -> bool:
    """True when ``words`` (``_joined_words``) holds ``phrase`` as whole words, in order."""
    return WORD_SEPARATOR + WORD_SEPARATOR.join(phrase) + WORD_SEPARATOR in words


def _victim_noun(anchor: Token) -> Token:
    """The token whose role tells what is counted: "33 [soldiers]", "[dozens] of troops".

    A number after its noun counts nothing of it: "Middle East 1735" (a clock time run into a
    headline), "Resolution 2254", "Room 12" are labels; English counts stand before the noun."""
    if anchor.head.i < anchor.i and anchor.dep_ in ("nummod", "compound"):
        return anchor
    if anchor.dep_ in ("nummod", "quantmod", "amod", "compound") and anchor.head.pos_ in (
        "NOUN",
        "PROPN",
        "PRON",
    ):
        return anchor.head
    return anchor


def _mentions(
    doc: Doc,
    figure: SpacySpan,
    low: int | None,
    high: int | None,
    qualifier: str | None,
    kind: str,
    victim: Token,
    trigger: Token,
) -> list[CountMention]:
    harm = kind == "harm"
    kinds: list[CountKind] = ["killed", "injured"] if kind == "casualty" else ["injured"] if harm else [kind]  # type: ignore[list-item]
    victims = _victims_span(doc, victim)
    trigger_span = _evidence(doc[trigger.i : trigger.i + 1])
    return [
        CountMention(
            span=_evidence(figure),
            kind=one,
            low=low,
            high=high,
            qualifier=qualifier,
            victims=victims,
            trigger=trigger_span,
            harm=harm,
        )
        for one in kinds
    ]


def _victims_span(doc: Doc, victim: Token) -> Span | None:
    noun = victim
    if victim.pos_ not in ("NOUN", "PROPN", "PRON") or victim.like_num:
        of_objects = [c for p in victim.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        if not of_objects:
            return None
        noun = of_objects[0]
    modifiers = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and not t.like_num]
    start = min([noun.i] + [t.left_edge.i for t in modifiers])
    return _evidence(doc[start : noun.i + 1])


def _evidence(span: SpacySpan) -> Span:
    # span.text reads only its own tokens; doc.text would rebuild the whole article each time
    return Span(start=span.start_char, end=span.end_char, text=span.text)


# --- attaching a figure to a trigger ---------------------------------------------------


def _trigger(token: Token, lexicon: CountLexicon) -> Trigger | None:
    """The casualty trigger ``token`` is, if any; the tagger's noun/verb choice picks the table."""
    lemma = token.lemma_.lower()
    particle = lexicon.death_particles.get(lemma)
    if particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
        return Trigger("killed", "intransitive")  # "a man who was shot passed away Tuesday"
    noun = lexicon.death_as.get(lemma)
    if noun is not None and token.pos_ == "VERB" and _as_noun(token) == noun:
        return Trigger("killed", "intransitive")  # "25 people fell as martyrs"
    if token.pos_ in ("NOUN", "PROPN"):
        if token.lower_ in lexicon.verb_only_triggers:
            return None  # "the martyr", "the Martyr Abdullah Azzam Brigades": no killing
        # "the dead", "the wounded" are nouns in form but states in meaning
        return lexicon.nominal_triggers.get(lemma) or lexicon.verbal_triggers.get(token.lower_)
    return lexicon.verbal_triggers.get(lemma) or lexicon.verbal_triggers.get(token.lower_)


def _as_noun(verb: Token) -> str | None:
    """The lemma of the noun after the verb's "as" ("fell as martyrs" -> "martyr"), if any."""
    for preposition in verb.children:
        if preposition.dep_ == "prep" and preposition.lower_ == "as":
            for noun in preposition.children:
                if noun.dep_ == "pobj":
                    return noun.lemma_.lower()
    return None


def _headline_object(figure: SpacySpan, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, verb) of a figure right after a title-case headline's verb the tagger took for a
    name: "Army Kills 10 Terrorists in ...", "Police Kill 3 Robbers". The parse of such a verb
    is unreliable (it hangs the object as an apposition of the date or the doer), while the
    order is plain: a counted noun right after a transitive verb is its object."""
    if figure.start == 0:
        return None
    verb = figure.doc[figure.start - 1]
    if verb.pos_ != "PROPN" or not verb.is_title:
        return None  # a verb tagged as one is left to the parse
    entry = _title_case_verb(verb, lexicon)
    if entry is None or entry.kind not in ("killed", "injured", "harm"):
        return None
    return entry.kind, verb


def _title_case_verb(token: Token, lexicon: CountLexicon) -> Trigger | None:
    """A name is not lemmatised, so the inflection of a title-case verb tagged as one is taken
    off here ("kills" -> "kill") to find its transitive trigger."""
    form = token.lower_
    for ending in lexicon.verb_endings:
        if ending and not form.endswith(ending):
            continue
        if form[: len(form) - len(ending)] in lexicon.verb_only_triggers:
            return None  # "Claims 6 Lebanese Martyrs 22 Injured": the capitalised noun
        entry = lexicon.verbal_triggers.get(form[: len(form) - len(ending)])
        if entry is not None and entry.role == "transitive":
            return entry
    return None


def _attach(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, trigger) when ``victim`` is the victim of a casualty trigger, else None."""
    for candidate in (
        _as_fatal_part,
        _death_of,  # before "who was shot" (a harm): "the death of X, who was shot"
        _as_argument,
        _as_modified,
        _as_result,
        _as_toll,
        _as_noun_trigger,
        _as_wound_bearer,
        _in_condition,
        _taken_to_hospital,
        _run_into_speaker,
    ):
        found = candidate(victim, lexicon)
        if found is not None:
            kind, trigger = found
            if _irrealis(trigger, lexicon):
                return None  # "threatened to shoot him": nobody was shot
            if any(c.dep_ == "aux" and c.lower_ in lexicon.modals for c in trigger.children):
                return None  # "the robber might kill her", "so he could kill her": not an event
            if _under_denial(trigger, lexicon):
                return None  # "police did not believe the victim had been shot"
            if kind == "harm":
                return _harm_outcome(trigger, lexicon)
            if kind == "injured" and _said_fatal(trigger, lexicon):
                return "killed", trigger  # "two men found mortally wounded", "fatally injured"
            return kind, trigger
    if victim.dep_ == "conj" and victim.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return _attach(victim.head, lexicon)
    if _listed_before(victim):
        return _attach(victim.head, lexicon)  # "kill 10 children 5 women": one list, one verb
    return None


def _listed_before(victim: Token) -> bool:
    """A counted noun the parse made a modifier of the next counted noun, in a list that lost
    its commas ("air strikes kill 10 children 5 women"): an item of that list, not a modifier."""
    head = victim.head
    if victim.dep_ not in ("nmod", "compound") or head.i <= victim.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    counted = any(c.dep_ == "nummod" for c in victim.children)
    return counted and any(c.dep_ == "nummod" for c in head.children)


#: parts of speech that may follow a headline's "2 dead" ("2 dead, 3 hurt in shooting"): not a
#: noun the outcome word would modify ("3 wounded soldiers died")
LIST_FOLLOWERS = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ", "SPACE"})


def _listed_outcome(number: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, word) of a figure a headline lists with its outcome right after it: "2 dead, 3
    wounded in shooting", "3 shot, 1 fatally, at party", "4 injured after gunfire".

    The parse of such telegraphic lists is unreliable (it has read "3 wounded" as killed, and
    "3 shot" as nothing), while the order is plain: the word after the number says its outcome.
    A fatal adverb after a number ("1 fatally") kills those of a harm told before it.
    """
    doc = number.doc
    word = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if word is None or not (number.like_num or number.lower_ in lexicon.numbers):
        return None  # a vague figure's anchor is its noun ("several guns")
    if word.lower_ in lexicon.listed_others and word.i + 1 < len(doc):
        # "13 civilians killed 43 others injured": the parse makes "others" the object of
        # "killed"; the outcome word right after "others" is the figure's own
        word = doc[word.i + 1]
        if word.pos_ not in ("VERB", "ADJ") or word.tag_ not in ("VBN", "VBD", "JJ"):
            return None
    if word.lower_ in lexicon.fatal_modifiers and word.pos_ == "ADV":
        # "3 shot, 1 fatally"; a clause's "seven people were shot, two fatally" is left to the parse
        return ("killed", word) if _follows_a_listed_figure(number) else None
    lemma = word.lemma_.lower()
    if word.pos_ in ("NOUN", "PROPN") and word.lower_ not in lexicon.listed_forms:
        return None  # "five guns", "two wounds": things counted, no outcome
    if word.lower_ in lexicon.listed_forms:
        if not _opens_a_list_item(number):
            return None  # "he fired 1 shot": the noun, not the outcome
        lemma = lexicon.listed_forms[word.lower_]
    entry = lexicon.verbal_triggers.get(lemma)
    if entry is None or entry.kind not in ("killed", "injured", "harm"):
        return None
    last = word
    kind = entry.kind
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if kind == "harm" and after is not None and after.lower_ in lexicon.fatal_modifiers:
        kind, last = "killed", after  # "2 shot dead in ..."
        after = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if after is not None and after.pos_ not in LIST_FOLLOWERS:
        return None
    return kind, last if kind != "killed" else word


def _outcome_between_figures(figure: SpacySpan, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, word) of a figure whose outcome word stands between it and the figure before it:
    "Kurds kill 83 Injured 100 ISIS Terrorists", "killed 5 wounded 12". Such a comma-less
    headline list hangs both numbers on the one noun and the first verb ("kill"); the word
    right before each number is that number's outcome."""
    if figure.start < 2:
        return None
    doc = figure.doc
    word, before = doc[figure.start - 1], doc[figure.start - 2]
    if word.pos_ not in ("VERB", "ADJ") or not (before.like_num or before.lower_ in lexicon.numbers):
        return None
    entry = _trigger(word, lexicon)
    if entry is None or entry.kind not in ("killed", "injured") or entry.role == "noun":
        return None
    return entry.kind, word


def _conjoined_outcome(figure: SpacySpan, number: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, word) of a figure joined by "and" to an earlier one that tells its own outcome:
    "the toll rose to 32 and more than 115 wounded people", "killed 12 and 40 others were hurt",
    "leaving 27 people dead and 40 others wounded".

    The parser makes the second figure a conjunct of the first (or hangs it anywhere), so by the
    parse it would share the first one's trigger (the toll, "killed"); the outcome word after it
    governs it instead. Between them may stand the counted noun ("others") and auxiliaries ("were").
    """
    if not (number.like_num or number.lower_ in lexicon.numbers):
        return None
    doc = number.doc
    after_and = figure.start > 0 and doc[figure.start - 1].pos_ == "CCONJ"
    conjunct = number.dep_ == "conj" and number.head.pos_ in ("NUM", "NOUN", "PROPN")
    run_on = _after_a_clause(figure)
    if not (after_and or conjunct or run_on):
        return None
    opener = next((a for a in number.ancestors if a.lower_ in lexicon.part_openers), None)
    index, nouns, auxiliaries = number.i + 1, 0, 0
    while index < len(doc):
        word = doc[index]
        entry = _trigger(word, lexicon)
        if entry is not None and entry.kind in ("killed", "injured") and entry.role != "noun":
            if any(c.dep_ == "dobj" for c in word.children):
                return None  # "and 3 gunmen killed two guards": the figure is the doers
            if run_on and not (after_and or conjunct) and not auxiliaries:
                return None  # "killed 25 wounded ..." is a headline list, read elsewhere
            if opener is not None and _whole_kind(opener, lexicon) in (None, entry.kind):
                return None  # "36 civilians including 11 children and five women were killed": a part
            return _conjoined_kind(entry.kind, word, lexicon), word
        if word.pos_ == "AUX" or (word.pos_ in ("NOUN", "PRON") and nouns == 0):
            nouns += word.pos_ != "AUX"
            auxiliaries += word.pos_ == "AUX"
            index += 1
            continue
        return None
    return None


def _whole_kind(opener: Token, lexicon: CountLexicon) -> str | None:
    """The outcome of the figure a part opener hangs on ("25 people fell as martyrs including
    women and children and more than 107 others were wounded": killed). A figure after the part
    with an outcome of another kind is no part of it (the 107 wounded)."""
    for ancestor in opener.ancestors:
        entry = _trigger(ancestor, lexicon)
        if entry is not None and entry.kind in ("killed", "injured") and entry.role != "noun":
            return entry.kind
    return None


def _after_a_clause(figure: SpacySpan) -> bool:
    """A figure right after a clause's verb ("At least 14 people were killed 25 were wounded"):
    copy stripped of its commas runs the next clause on, and the parser hangs its subject on the
    verb before it (as that verb's object); with its own auxiliary and outcome word after it the
    figure is that clause's subject."""
    if figure.start == 0:
        return False
    before = figure.doc[figure.start - 1]
    return before.pos_ in ("VERB", "ADJ") and before.tag_ in ("VBN", "VBD", "JJ")


def _conjoined_kind(kind: str, word: Token, lexicon: CountLexicon) -> str:
    # "and three others fatally wounded": the adverb kills as it does elsewhere
    return "killed" if kind == "injured" and _said_fatal(word, lexicon) else kind


def _follows_a_listed_figure(number: Token) -> bool:
    """The item before ``number`` is a bare figure and its outcome: "3 shot, " of "3 shot, 1 fatally"."""
    if number.i < 3:
        return False
    before = number.doc[number.i - 3 : number.i]
    return before[0].like_num and before[2].pos_ == "PUNCT"


def _opens_a_list_item(number: Token) -> bool:
    """The number starts its sentence or follows a comma, a colon or "and"."""
    before = number.doc[number.i - 1] if number.i > 0 else None
    return before is None or number.is_sent_start or before.pos_ in ("PUNCT", "CCONJ", "SPACE")


def _irrealis(trigger: Token, lexicon: CountLexicon) -> bool:
    """ "threatened to shoot him", "threatened to harm his family and kill himself", "was going to
    kill himself": the trigger (or the first of its conjuncts) is what someone meant or said to do."""
    clause = trigger
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "pcomp" and clause.head.lower_ == "from":
        # "prevented him from killing himself", "kept them from shooting": it did not happen
        return clause.head.head.lemma_.lower() in lexicon.preventers
    return clause.dep_ == "xcomp" and clause.head.lemma_.lower() in lexicon.irrealis_heads


def _said_fatal(trigger: Token, lexicon: CountLexicon) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in lexicon.fatal_modifiers for c in trigger.children)


def _as_fatal_part(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "Two men were shot, one fatally": the part said to be fatal is killed
    if not any(c.dep_ == "advmod" and c.lower_ in lexicon.fatal_modifiers for c in victim.children):
        return None
    for ancestor in victim.ancestors:
        entry = _trigger(ancestor, lexicon)
        if entry is not None and entry.kind in ("harm", "killed"):
            return "killed", ancestor
    return None


def _as_argument(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    head = victim.head
    if head is victim:
        return None
    entry = _trigger(head, lexicon)
    if entry is not None and entry.role == "state" and victim.dep_ == "nummod":
        return entry.kind, head  # "5 dead", "12 wounded"
    if entry is not None and entry.role != "noun":
        if entry.kind == "harm" and (_missed(head, lexicon) or not _projectile_hit(head, lexicon)):
            return None
        if _is_patient(victim, head, entry):
            return entry.kind, head
    if head.lemma_ in lexicon.copulas and victim.dep_ in SUBJECT_DEPS:
        # "one person is dead (after being shot)": the state is said of the subject itself
        for child in head.children:
            state = _trigger(child, lexicon)
            if child.dep_ in ("acomp", "attr", "oprd") and state is not None:
                return state.kind, child
    return _shared_subject(victim, lexicon)


def _run_into_speaker(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, verb) of a counted noun the parse ran into the speaker after it, in text whose
    commas were stripped: "airstrikes that killed 13 people MSF said" makes "people" a compound
    of "MSF", the subject of "said". A transitive trigger right before the figure has it as its
    object, as it would with the comma."""
    speaker = victim.head
    if victim.dep_ != "compound" or speaker.dep_ not in SUBJECT_DEPS or speaker.head.i < speaker.i:
        return None
    start = victim.left_edge.i
    verb = victim.doc[start - 1] if start > 0 else None
    if verb is None or verb.pos_ != "VERB":
        return None
    entry = _trigger(verb, lexicon)
    if entry is None or entry.role != "transitive":
        return None
    return entry.kind, verb


def _projectile_hit(verb: Token, lexicon: CountLexicon) -> bool:
    """True unless ``verb`` is "hit"/"struck" by something that is not a bullet ("struck by a car")."""
    if verb.lemma_.lower() not in lexicon.projectile_verbs:
        return True
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    agents += [c for c in verb.children if c.dep_ == "nsubj"]
    if any(a.lemma_.lower() in lexicon.projectiles for a in agents):
        return True
    # "struck one teen in the eye with a gun", "hit in the head with pistols"
    instruments = [g for c in verb.children if c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    # "pistol-whipped him", "pistol whipped the resident": the weapon is written before the verb
    # (the parser attaches it in many ways, so it is read from the words)
    before = [verb.doc[i] for i in (verb.i - 1, verb.i - 2) if i >= 0 and verb.doc[i].text != "-"][:1]
    return any(i.lemma_.lower() in lexicon.weapons for i in instruments + before)


def _as_wound_bearer(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "a man suffered a gunshot wound", "a teen with a gunshot wound", "was taken to the
    # hospital with life-threatening injuries", "was found suffering from a gunshot wound"
    # "a boy suffering from a gunshot wound walked in": a participle clause on the victim
    for holder in [victim, *(c for c in victim.children if c.dep_ == "acl")]:
        own = _wound_in(holder, lexicon)
        if own is not None:
            return "injured", own
    if victim.dep_ == "poss" and _is_wound(victim.head, lexicon):
        return "injured", victim.head  # "the victim's injuries are not life-threatening"
    if victim.dep_ not in SUBJECT_DEPS:
        return None
    verb = victim.head
    found = _wound_in(verb, lexicon)
    # "four people arrived after suffering injuries": a subjectless clause shares the subject
    clauses = [c for c in verb.children if c.dep_ == "xcomp"] + list(_clauses_of(verb))
    for clause in clauses:
        if found is None and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            found = _wound_in(clause, lexicon)
    # "arrived at a hospital with a gunshot wound": the parser hangs the wound on the place
    for place in _prepositional_objects(verb) if found is None else ():
        found = found or _wound_in(place, lexicon)
    return ("injured", found) if found is not None else None


def _prepositional_objects(verb: Token) -> Iterable[Token]:
    for prep in verb.children:
        if prep.dep_ == "prep":
            yield from (noun for noun in prep.children if noun.dep_ == "pobj")


def _wound_in(token: Token, lexicon: CountLexicon) -> Token | None:
    """The wound noun ``token`` bears: its object after a bearer verb, or "with"/"from" a wound."""
    for child in token.children:
        if (
            child.dep_ == "dobj"
            and token.lemma_.lower() in lexicon.bearer_verbs
            and _is_wound(child, lexicon)
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in ("with", "from"):
            for noun in child.children:
                if noun.dep_ == "pobj" and _is_wound(noun, lexicon):
                    return noun
    return None


def _is_wound(token: Token, lexicon: CountLexicon) -> bool:
    entry = lexicon.nominal_triggers.get(token.lemma_.lower())
    return entry is not None and entry.kind == "injured" and not _zero_determiner(token, lexicon)


def _shared_subject(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "The victim is 34 and was shot in the arm", "two boys are recovering after being shot":
    # a conjoined or adverbial passive trigger without a subject of its own shares the subject
    if victim.dep_ not in SUBJECT_DEPS:
        return None
    for verb in _clauses_of(victim.head):
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        if verb.lemma_ in lexicon.result_verbs and any(c.dep_ == "auxpass" for c in verb.children):
            state = _result_state(verb, lexicon)  # "the victim staggered off and was found dead"
            if state is not None:
                return state
        entry = _trigger(verb, lexicon)
        if entry is None or entry.role == "noun":
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if passive or entry.role in ("intransitive", "state"):
            if entry.kind == "harm" and _missed(verb, lexicon):
                continue
            return entry.kind, verb
    return None


def _clauses_of(verb: Token) -> Iterable[Token]:
    """The clauses hanging on ``verb``: conjoined, adverbial, or under a preposition ("after being shot")."""
    for child in verb.children:
        if child.dep_ in ("conj", "advcl"):
            yield child
        elif child.dep_ == "prep":
            yield from (g for g in child.children if g.dep_ == "pcomp")


def _in_condition(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "she was in stable condition", "a man is listed in critical condition", "Man in critical condition"
    holders = [victim, victim.head] if victim.dep_ in SUBJECT_DEPS else [victim]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.lemma_.lower() == "condition" and any(
                    c.lower_ in lexicon.condition_states for c in noun.subtree
                ):
                    return "injured", noun
    return None


def _taken_to_hospital(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "was taken to a hospital", "medics rushed a man to Einstein Medical Center": hurt, or dead
    # later, so a harm (netted of the killed)
    verb = victim.head
    if verb.lemma_.lower() not in lexicon.transport_verbs:
        return None
    # "one man was killed and another taken to a hospital": a gapped passive reads as a subject
    gapped = victim.dep_ == "nsubj" and verb.tag_ == "VBN" and not _has_aux(verb)
    if victim.dep_ not in ("dobj", "nsubjpass") and not gapped:
        return None
    if any(t.lower_ in lexicon.checkup_purposes for t in victim.sent):
        return None  # "for evaluation", "a psychiatric evaluation": taken in, not hurt
    return ("harm", verb) if _to_hospital(verb, lexicon) else None


def _to_hospital(verb: Token, lexicon: CountLexicon) -> bool:
    """ "taken to a hospital", "rushed to Einstein Medical Center": a transport to care."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            places = [t for noun in prep.children if noun.dep_ == "pobj" for t in noun.subtree]
            if any(t.lower_ in lexicon.hospital_words for t in places):
                return True
    return False


def _death_of(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "charged in the death of Juan Berrios", "the killing of two men": the victim of a death noun
    if (
        victim.lemma_.lower() == "life"
        and victim.dep_ == "dobj"
        and victim.head.lemma_.lower() in lexicon.life_takers
    ):
        return "killed", victim  # "Russian raids claimed 17 lives": the lives counted are the dead
    if victim.dep_ == "poss" and _found_body(victim.head, lexicon):
        return "killed", victim.head  # "Thomas Hobson's body was found"
    preposition = victim.head
    if victim.dep_ != "pobj" or preposition.lower_ != "of":
        return None
    noun = preposition.head
    taker = noun.head.lemma_.lower()
    if noun.lemma_.lower() == "life" and noun.dep_ == "dobj" and taker in lexicon.life_takers:
        return "killed", noun  # "the shooting took the life of X", "claimed the lives of 12 people"
    if noun.lemma_.lower() == "body" and not _part_of_the_body(noun):
        return "killed", noun  # "the body of a man was found": not "shot in the body"
    entry = _trigger(noun, lexicon) if noun.pos_ == "NOUN" else None
    if entry is None and _fatal_harm_noun(noun, lexicon):
        return "killed", noun  # "charged in the fatal shooting of a man"
    if entry is None and noun.pos_ == "NOUN" and noun.lemma_.lower() in lexicon.harm_nouns:
        return "harm", noun  # "investigating the shooting of a 16-year-old boy": hit, outcome open
    if entry is None or entry.kind != "killed" or noun.lemma_.lower() in ("toll", "body"):
        return None
    if any(c.lower_ in lexicon.attempt_words for c in noun.lefts):
        return None  # "attempted murder of two people": nobody died
    return "killed", noun


def _found_body(noun: Token, lexicon: CountLexicon) -> bool:
    """ "X's body was found", "recovered her body": a body found is a death, "his upper body" is not."""
    finder = noun.head
    if noun.lemma_.lower() != "body" or noun.dep_ not in ("nsubjpass", "dobj"):
        return False
    # "a place where her body might not be found": no body was found
    unreal = any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lexicon.modals) for c in finder.children)
    return finder.lemma_.lower() in lexicon.body_finders and not unreal


def _part_of_the_body(noun: Token) -> bool:
    """ "shot in the body", "wounds to the body of the victim": where a wound is, not a corpse."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "to", "into", "on", "across", "throughout")


def _fatal_harm_noun(noun: Token, lexicon: CountLexicon) -> bool:
    """ "the fatal shooting", "a deadly stabbing": a harm told as a noun and said to have killed."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.harm_nouns:
        return False
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in lexicon.fatal_adjectives for c in noun.children)


def _short_of_death(kind: str, trigger: Token, lexicon: CountLexicon) -> str:
    """ "He was nearly killed": hurt and alive, so an injured figure, not a killed one."""
    nearly = any(c.dep_ == "advmod" and c.lower_ in lexicon.near_miss_adverbs for c in trigger.children)
    return "injured" if kind == "killed" and nearly else kind


def _missed(verb: Token, lexicon: CountLexicon) -> bool:
    """ "X shot at a car", "shot up the house", "was shot at", "nearly hit him": aimed at, not hit.

    Only a particle right after the verb counts: in "was shot at a home" the "at" is a place.
    """
    if any(child.dep_ == "advmod" and child.lower_ in lexicon.near_miss_adverbs for child in verb.children):
        return True  # "gunfire nearly hit a man", "was narrowly missed"
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for child in verb.children:
        if child.i != verb.i + 1 or child.lower_ not in lexicon.miss_particles:
            continue
        has_object = any(g.dep_ == "pobj" for g in child.children)
        if not passive or not has_object:
            return True
    return False


def _is_patient(victim: Token, verb: Token, entry: Trigger) -> bool:
    dep = victim.dep_
    if entry.role in ("intransitive", "state"):
        return dep in SUBJECT_DEPS or dep == "npadvmod"
    if dep in PATIENT_DEPS:
        return True
    # "9 killed and 20 injured": a subject of a bare participle with no object is its patient;
    # "13 civilians killed 43 others injured": "others" with its own outcome is no object
    has_object = any(c.dep_ == "dobj" and not _listed_other(c) for c in verb.children)
    if dep != "nsubj" or has_object or _has_aux(verb):
        return False
    # "they found X shot to death": the parser reads the participle as a finite verb with X
    # as its subject; a clause told as what was found has no doer of its own
    found_clause = verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in count_lexicon().result_verbs
    return verb.tag_ == "VBN" or found_clause or _headline_subject(victim)


def _listed_other(noun: Token) -> bool:
    """ "others" followed by its own outcome word ("43 others injured"): a headline's next figure,
    which the parse hangs on the verb before it as its object."""
    lexicon = count_lexicon()
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if noun.lower_ not in lexicon.listed_others or after is None or after.tag_ not in ("VBN", "VBD", "JJ"):
        return False
    entry = _trigger(after, lexicon)
    return entry is not None and entry.kind in ("killed", "injured", "harm")


def _headline_subject(victim: Token) -> bool:
    """A bare noun opening a headline before a past form with no object ("Teen shot dead in
    Eastville", "Police: Man shot in leg"): a headline drops the "was", so it is the patient."""
    if victim.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in ("det", "poss") for c in victim.children):
        return False
    start = victim.left_edge
    before = victim.doc[start.i - 1] if start.i > 0 else None
    return before is None or start.is_sent_start or before.text in (":", "--", "—", "|")


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _as_modified(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "soldiers killed in the strike", "wounded soldiers", "1,200 dead", "men who were killed"
    for child in victim.children:
        if child.dep_ not in ("acl", "amod", "relcl", "appos"):
            continue
        entry = _trigger(child, lexicon)
        found = _found_in_state(child, lexicon) if entry is None else None
        if found is not None:
            return found
        if entry is None or entry.role == "noun":
            continue
        if child.dep_ == "relcl" and not _relative_is_victim(child, entry):
            continue
        if child.dep_ == "amod" and child.tag_ == "VBG":
            continue  # "a shooting suspect", "the killing spree": the doer, not a victim
        if child.dep_ == "acl" and child.tag_ == "VBG" and entry.role == "transitive":
            continue  # "a man shooting a gun at the house": the doer ("a man dying" is a victim)
        return entry.kind, child
    return None


def _found_in_state(clause: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """ "a man found dead in his car", "the man who was found dead": a result verb on the victim."""
    if clause.dep_ not in ("acl", "relcl") or clause.lemma_ not in lexicon.result_verbs:
        return None
    if clause.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in clause.children):
        return None  # "the man who found him dead" found, he was not found
    return _result_state(clause, lexicon)


def _under_denial(trigger: Token, lexicon: CountLexicon) -> bool:
    """True when the trigger's clause is what a negated head denies or finds no sign of.

    "Police did not believe that the victim had been shot", "there are no reports that either
    person was hurt": the clause is not asserted, so it yields no figure (not even a zero).
    """
    clause = trigger
    while clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ not in ("ccomp", "acl"):
        return False
    head = clause.head
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in lexicon.negators) for c in head.children)


def _relative_is_victim(clause: Token, entry: Trigger) -> bool:
    """ "men who were killed", "a man who died"; not "suspects who shot at a man" (the shooters)."""
    deps = {"nsubjpass"} if entry.role == "transitive" else {"nsubj", "nsubjpass"}
    return any(c.dep_ in deps for c in clause.children)


def _distinct(victim: Token, lexicon: CountLexicon) -> bool:
    """ "another man", "the other victim", "two others": someone other than those counted before."""
    if victim.lower_ in lexicon.distinct_heads or victim.lower_ == "others":
        return True
    if victim.dep_ == "dobj" and any(c.dep_ == "advmod" and c.lower_ == "also" for c in victim.head.children):
        return True  # "the shooting also injured a man": the object is one more victim
    return any(c.dep_ in ("det", "amod") and c.lower_ in lexicon.distinct_markers for c in victim.children)


def _as_result(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "left 5 dead and 12 wounded", "he was pronounced dead", "was found shot": the state is a
    # sibling of the object (or of the passive subject)
    head = victim.head
    if victim.dep_ not in ("dobj", "nsubjpass") or head.lemma_ not in lexicon.result_verbs:
        return None
    return _result_state(head, lexicon) or _state_after(victim, lexicon)


def _left_in_state(figure: SpacySpan, victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, state) of "leaving at least 12 people dead and 30 others wounded": a figure right
    after a result verb, whose victim the state word follows. The parser has made "people" the
    subject of the later "wounded" here, which would count the dead as wounded."""
    if figure.start == 0 or victim.i < figure.end - 1:
        return None
    verb = figure.doc[figure.start - 1]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.result_verbs:
        return None
    return _state_after(victim, lexicon, object_only=False)


def _state_after(
    victim: Token, lexicon: CountLexicon, *, object_only: bool = True
) -> tuple[str, Token] | None:
    """ "leaving at least 27 people dead a monitor said": without its commas the parser may hang
    the state word anywhere, while the order is plain: the state right after the object is its."""
    doc = victim.doc
    word = doc[victim.i + 1] if victim.i + 1 < len(doc) else None
    if word is not None and word.lower_ in lexicon.part_openers:
        word = _after_a_part(word, lexicon)  # "left 35 people including 22 children dead"
    if (object_only and victim.dep_ != "dobj") or word is None:
        return None
    # the form, not the lemma: "leaving 12 others wounded" is the state "wounded", not "wound"
    entry = lexicon.verbal_triggers.get(word.lower_)
    if entry is None or entry.role != "state" or (word.dep_ == "amod" and word.head.i > word.i):
        return None  # "left 5 people wounded soldiers": a modifier of a later noun is no result
    return entry.kind, word


#: how many words a part told between a victim and its state may span ("including 22 children")
PART_REACH = 8
#: the words a part's noun phrase is made of ("22 children and six women")
PART_WORDS = frozenset({"NUM", "NOUN", "PROPN", "PRON", "DET", "ADJ", "CCONJ"})


def _after_a_part(opener: Token, lexicon: CountLexicon) -> Token | None:
    """The word after the part a part opener tells ("including 22 children [dead]")."""
    doc = opener.doc
    for word in doc[opener.i + 1 : min(len(doc), opener.i + 1 + PART_REACH)]:
        entry = lexicon.verbal_triggers.get(word.lower_)
        if entry is not None and entry.role == "state":
            return word
        if word.pos_ not in PART_WORDS:
            return None
    return None


def _result_state(verb: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """The casualty state a result verb tells of its victim: "left ... dead", "found ... shot"."""
    for child in verb.children:
        entry = _trigger(child, lexicon)
        if child.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl") and entry is not None:
            return entry.kind, child
    return None


def _as_toll(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "the death toll rose to 12", "the toll was revised to 33", "a death toll of 12"
    head = victim.head
    if victim.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        verb = head.head
        if verb.pos_ in ("NOUN", "PROPN") and _toll_kind(verb, lexicon):
            return _toll_kind(verb, lexicon)
    elif victim.dep_ in ("attr", "dobj", "npadvmod"):
        verb = head
    else:
        return None
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            found = _toll_kind(child, lexicon)
            if found is not None:
                return found
    return None


#: the prepositions that give a toll its value: "the toll rose to 70", "a toll of 12", "put at 15"
TOLL_VALUE_PREPOSITIONS = frozenset({"to", "of", "at"})


def _toll_by_position(figure: SpacySpan, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, toll) of a figure right after the preposition that gives a toll its value, where
    the parse made the figure a modifier of the words after it: "Death Toll in Blast ... Rises
    to 70 REUTERS Social Media Website" hangs 70 on "REUTERS" (a headline run into the page's
    credits). The order is plain: the number right after "to" of the toll is its value."""
    if figure.start == 0:
        return None
    preposition = figure.doc[figure.start - 1]
    if preposition.lower_ not in TOLL_VALUE_PREPOSITIONS or preposition.dep_ != "prep":
        return None
    holder = preposition.head
    found = _toll_kind(holder, lexicon)
    for subject in (c for c in holder.children if c.dep_ in SUBJECT_DEPS):
        found = found or _toll_kind(subject, lexicon)
    return found


def _toll_kind(noun: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    if noun.lemma_.lower() in lexicon.number_nouns:
        return _number_of_victims(noun, lexicon)
    if noun.lemma_.lower() != "toll":
        return None
    for child in noun.children:
        entry = _trigger(child, lexicon) or lexicon.nominal_triggers.get(child.lemma_.lower())
        if child.dep_ in ("compound", "amod") and entry is not None and entry.kind != "killed":
            return entry.kind, child
    return "killed", noun


def _number_of_victims(noun: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    """(kind, noun) of "the number of victims", "the number of dead", "the number of injured",
    "the number of people killed": a toll told as a number of people hit."""
    counted = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for person in (g for g in counted if g.dep_ == "pobj"):
        if person.lemma_.lower() in lexicon.toll_victims:
            return "killed", person
        for word in (person, *(c for c in person.children if c.dep_ in ("acl", "amod"))):
            entry = _trigger(word, lexicon)
            if entry is not None and entry.kind in ("killed", "injured"):
                return entry.kind, word
    return None


def _as_noun_trigger(victim: Token, lexicon: CountLexicon) -> tuple[str, Token] | None:
    # "12 deaths", "three fatalities", "no casualties"
    entry = _trigger(victim, lexicon)
    if entry is None or entry.role != "noun" or victim.lemma_.lower() in ("toll", "body"):
        return None
    if entry.kind == "injured" and not (_zero_determiner(victim, lexicon) or _beside_deaths(victim, lexicon)):
        return None  # "multiple gunshot wounds" counts wounds, not victims
    return entry.kind, victim


def _beside_deaths(noun: Token, lexicon: CountLexicon) -> bool:
    """An injury noun joined to a count of deaths counts the injured ("three deaths and 22
    injuries"), as its partner counts the dead."""
    partners = [noun.head] if noun.dep_ == "conj" else []
    partners += [child for child in noun.children if child.dep_ == "conj"]
    for partner in partners:
        entry = _trigger(partner, lexicon)
        if entry is not None and entry.kind == "killed" and entry.role == "noun":
            return True
    return False


def _zero_determiner(token: Token, lexicon: CountLexicon) -> bool:
    return any(c.dep_ in ("det", "preconj") and c.lower_ in lexicon.negators for c in token.children)


def _harm_outcome(trigger: Token, lexicon: CountLexicon) -> tuple[str, Token]:
    """A "shot" is a killing when it says so ("shot dead", "fatally shot", "shot and killed")."""
    after = trigger.doc[trigger.i + 1] if trigger.i + 1 < len(trigger.doc) else None
    if after is not None and after.lower_ in lexicon.fatal_modifiers and after.pos_ in ("ADJ", "ADV"):
        # "gunmen shot dead four police officers": the parser may hang 'dead' on the victims
        return "killed", trigger
    for child in trigger.children:
        if child.lower_ in lexicon.fatal_modifiers and child.dep_ in (
            "oprd",
            "advmod",
            "acomp",
            "npadvmod",
            "xcomp",
            "pobj",
            "prep",
        ):
            return "killed", trigger
        if child.dep_ == "conj":
            entry = _trigger(child, lexicon)
            if entry is not None and entry.kind == "killed":
                return "killed", child
        if child.dep_ in ("dobj", "nsubjpass") and _dies_later(child, lexicon):
            return "killed", trigger
        to_death = child.dep_ == "prep" and child.lower_ == "to"
        if to_death and any(g.lemma_ == "death" for g in child.children):
            return "killed", trigger  # "shot to death"
    return "harm", trigger


def _dies_later(victim: Token, lexicon: CountLexicon) -> bool:
    # "shot the suspect, who was later pronounced dead", "a man who died"
    for clause in victim.children:
        if clause.dep_ not in ("relcl", "acl"):  # "a man found dead in his car had been shot"
            continue
        if (entry := _trigger(clause, lexicon)) is not None and entry.kind == "killed":
            return True
        if any(c.lower_ in lexicon.fatal_modifiers for c in clause.children):
            return True
    return False


# --- victims without a figure ------------------------------------------------------------


def _implicit_mentions(doc: Doc, counted: set[int], lexicon: CountLexicon) -> list[CountMention]:
    """One named or singular victim counts 1; a negated victim or trigger counts 0."""
    mentions: list[CountMention] = []
    names = _person_names(doc)
    for token in _tokens_near_triggers(doc, lexicon):
        gapped = _another_with_state(token, lexicon, names)
        if gapped is not None and token.i not in counted:
            figure = _figure_span(doc, token)
            mentions.extend(_mentions(doc, figure, 1, 1, None, "injured", token, gapped))
            continue
        if token.i in counted or not _may_name_victim(token, lexicon):
            continue
        if token.dep_ == "conj" and _implicit_value(token.head, lexicon, names) is not None:
            continue  # counted with the first conjunct: "he and his sister"
        if _counts_a_modifier(token):
            continue  # "the deaths of at least three women media activist Abdul Wahab": the three
        value = _implicit_value(token, lexicon, names)
        if value is None:
            continue
        attached = _attach(token, lexicon)
        if attached is None:
            continue
        kind, trigger = attached
        kind = _short_of_death(kind, trigger, lexicon)
        if value and _negated(trigger, lexicon):
            value = 0
        elif value == 1:
            value += sum(_implicit_value(c, lexicon, names) == 1 for c in token.conjuncts)
        figure = _figure_span(doc, token)
        if _distinct(token, lexicon):
            kind = "injured" if kind == "harm" else kind  # "another man was also shot"
        elif kind == "injured" and value > 0:
            # one unnamed victim "wounded" may be the one who later died: net it out like "shot"
            kind = "harm"
        mentions.extend(_mentions(doc, figure, value, value, None, kind, token, trigger))
    return mentions


def _counts_a_modifier(token: Token) -> bool:
    """A name or noun whose modifier is counted ("three women [media activist] Wahab", a phrase
    run together where a quote closed): the figure counts that phrase's victims, not one person."""
    return any(
        c.dep_ in ("compound", "nmod") and any(g.dep_ == "nummod" and g.like_num for g in c.children)
        for c in token.lefts
    )


def _another_with_state(token: Token, lexicon: CountLexicon, names: frozenset[str]) -> Token | None:
    """ "One man was killed and another wounded", "one is dead and another hospitalized": the
    trigger right after a gapped "another" that the parser did not make its subject.

    Only where "another" heads no victim noun of its own ("another wounded man" is that man's).
    """
    if token.lower_ not in lexicon.distinct_heads or token.dep_ not in ("det", "appos", "amod"):
        return None
    if token.head.i != token.i and _implicit_value(token.head, lexicon, names) is not None:
        return None
    follower = token.nbor() if token.i + 1 < len(token.doc) else None
    if follower is None or follower.tag_ not in ("VBN", "JJ"):
        return None
    entry = _trigger(follower, lexicon)
    if entry is not None and entry.kind in ("injured", "harm"):
        return follower
    if follower.lemma_.lower() in lexicon.transport_verbs and _to_hospital(follower, lexicon):
        return follower
    return None


def _may_name_victim(token: Token, lexicon: CountLexicon) -> bool:
    # "one killed and another wounded": "another" heads its own noun phrase
    heads_phrase = token.dep_ not in ("det", "amod", "predet")
    return (
        token.pos_ in ("NOUN", "PROPN", "PRON")
        or (heads_phrase and token.lower_ == "both")
        or (heads_phrase and token.lower_ in lexicon.distinct_heads)
        or _age_nominal(token)
    )


def _age_nominal(token: Token) -> bool:
    """ "a 17-year-old was taken to a hospital": an age used as a noun names one person."""
    if token.lower_ != "old" or token.dep_ not in SUBJECT_DEPS | PATIENT_DEPS:
        return False
    return any(c.lower_ == "year" for c in token.children) and any(c.dep_ == "det" for c in token.children)


def _tokens_near_triggers(doc: Doc, lexicon: CountLexicon) -> Iterable[Token]:
    """Tokens of the sentences that hold a trigger word: most sentences hold none, skip them."""
    words = lexicon.trigger_words
    for sentence in doc.sents:
        if any(token.lemma_ in words or token.lower_ in words for token in sentence):
            yield from sentence


def _person_names(doc: Doc) -> frozenset[str]:
    """The words of the doc's PERSON entities: a name is a person's wherever the tagger saw one."""
    return frozenset(token.text for entity in doc.ents if entity.label_ == "PERSON" for token in entity)


def _implicit_value(token: Token, lexicon: CountLexicon, names: frozenset[str] = frozenset()) -> int | None:
    lower = token.lower_
    if lower in ("nobody", "none") or (lower == "one" and any(c.lower_ == "no" for c in token.children)):
        return 0
    if any(c.dep_ in ("det", "preconj") and c.lower_ in lexicon.negators for c in token.children):
        return 0
    if _names_two(token, lexicon):
        return 2
    if token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in token.children):
        return None
    if lower in lexicon.distinct_heads or _age_nominal(token):
        return 1  # "one killed and another wounded", "a 17-year-old was shot"
    if token.pos_ == "PRON":
        return 1 if lower in lexicon.person_pronouns else None
    if token.ent_type_ == "PERSON" or token.lemma_.lower() in lexicon.person_nouns:
        return 1
    if token.pos_ == "PROPN" and token.text in names:
        # the tagger labels one mention of a surname a person and another an organisation or a
        # work ("Gilman was pronounced dead"): the name is that person's all through the report
        return 1
    if (
        token.tag_ == "NNP"
        and not token.ent_type_
        and not token.is_upper
        and not _is_trigger_word(token, lexicon)
    ):
        # a name the entity tagger left unlabelled ("Roberson died"): a victim's role says a
        # person; a word in capitals is a dateline ("FLINT, MI -- A man was shot"), and a
        # capitalised state is a headline's ("16 Civilians Dead in Strikes"), no name
        return 1
    return None


def _is_trigger_word(token: Token, lexicon: CountLexicon) -> bool:
    return token.lower_ in lexicon.trigger_words or token.lemma_.lower() in lexicon.trigger_words


def _names_two(token: Token, lexicon: CountLexicon) -> bool:
    """ "Both were shot", "both men", "they were both taken to a hospital", "a couple was hurt"."""
    if token.lower_ == "both":
        return token.dep_ in SUBJECT_DEPS | PATIENT_DEPS
    if token.tag_ == "NN" and token.lemma_.lower() in lexicon.pair_nouns:
        return True
    if token.tag_ not in ("NNS", "NNPS") and token.lower_ not in ("they", "them"):
        return False
    # "both" on the noun ("both men") or, for a subject, on its verb ("they were both taken")
    holders = [token, token.head] if token.dep_ in SUBJECT_DEPS else [token]
    return any(
        c.lower_ == "both" and c.dep_ in ("det", "predet", "dep", "advmod", "appos")
        for h in holders
        for c in h.children
    )


def _negated(trigger: Token, lexicon: CountLexicon) -> bool:
    # a wound noun is negated through its verb: "did not suffer any injuries"; but someone's
    # wound exists whatever is denied of it: "her wounds are not life-threatening"
    owned = any(c.dep_ == "poss" for c in trigger.children)
    heads = [trigger, trigger.head] if trigger.pos_ == "NOUN" and not owned else [trigger]
    return any(c.dep_ == "neg" or c.lower_ == "never" for head in heads for c in head.children)


def _figure_span(doc: Doc, token: Token) -> SpacySpan:
    dets = [c for c in token.lefts if c.dep_ in ("det", "preconj")]
    start = dets[0].i if dets else token.i
    return doc[start : token.i + 1]


# --- the article's figures ---------------------------------------------------------------


def article_totals(counts: Iterable[CountMention]) -> tuple[int | None, int | None]:
    """The article's main (killed, injured) figures; None where no figure was reported.

    Policy: per kind, the largest best figure (ACLED's conservative lower bound of each
    mention) among the mentions. Taking the largest, not the sum, avoids counting twice the
    same victims reported again ("A man was shot ... the victim died"), and it keeps a
    revised toll ("nine, then 33") at its latest, larger value. Harm mentions ("two people
    were shot") count victims whatever the outcome: the injured figure is then the harm
    figure less those killed, unless an explicit injured figure is larger.
    """
    killed: list[int] = []
    injured: list[int] = []
    harmed: list[int] = []
    for mention in counts:
        best = mention.best
        if best is None:
            continue
        if mention.kind == "killed":
            killed.append(best)
        elif mention.harm:
            harmed.append(best)
        else:
            injured.append(best)
    killed_total = max(killed) if killed else None
    injured_total = max(injured) if injured else None
    if harmed:
        rest = max(max(harmed) - (killed_total or 0), 0)
        injured_total = max(rest, injured_total or 0)
    return killed_total, injured_total


class CountFinder:
    """spaCy component: sets ``doc._.counts``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = count_lexicon()
        self.matcher = build_count_matcher(nlp.vocab, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.counts = find_counts(doc, matcher=self.matcher, lexicon=self.lexicon)
        return doc
