"""Figures that only the claims stage needs: a toll quoted as a number ("updating an earlier toll
on Sunday evening of 15", "raised the toll to nine", "put the number of dead at 15") that the
count stage, which reads victims and triggers, leaves out, and the figures the count stage told
apart as background ("in the past two weeks more than 200 civilians have been killed"). Such a
figure is a claim, and needed to see a revision; it never enters an event's fatalities.
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..langdata import load_json
from ..model import CountMention, Span
from .claim_attribution import sentence_of
from .counts import BACKGROUND_COUNTS_KEY, count_lexicon, parse_number
from .extensions import doc_text

#: how many tokens after a toll noun its figure may stand ("toll on Sunday evening of 15")
TOLL_REACH = 6
FIGURE_PREPOSITIONS = frozenset({"of", "at", "to"})
TOLL_MATCHES_KEY = "khabar.toll_matches"
#: how many tokens after a figure its previous figure may stand ("45 were killed, up from 30")
PREVIOUS_REACH = 12
#: how far into the sentence after a toll its anaphor may stand ("Later this was updated to")
ANAPHOR_REACH = 4


def toll_figures(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    """'toll ... of|at|to N' figures not already among ``counts``, as killed figures, and the
    count stage's background figures (history, statistics)."""
    background = [m for m in doc.user_data.get(BACKGROUND_COUNTS_KEY, []) if m not in counts]
    quoted = _quoted_tolls(doc, [*counts, *background])
    quoted += _anaphoric_tolls(doc, [*counts, *background, *quoted])
    parts = _parts_of_the_dead(doc, [*counts, *background, *quoted])
    parts += _parts_of_them(doc, counts, [*counts, *background, *quoted, *parts])
    previous = _previous_figures(
        doc, [*counts, *background, *quoted], [*counts, *background, *quoted, *parts]
    )
    inverted = _objects_before_a_cue(doc, [*counts, *background, *quoted, *parts, *previous])
    derived = quoted + parts + previous + inverted
    _set_apart_with_their_sentence(doc, background, derived)
    return background + derived


def _set_apart_with_their_sentence(
    doc: Doc, background: list[CountMention], derived: list[CountMention]
) -> None:
    """A figure read here in a sentence the count stage set apart as history or a statistic
    ("Last month nearly 1200 civilians were killed ... including 192 children") is history too:
    a claim, never an event's figure. It joins the count stage's background list."""
    if not background:
        return
    starts = {_sentence_start(doc, mention) for mention in background}
    apart = [mention for mention in derived if _sentence_start(doc, mention) in starts]
    doc.user_data[BACKGROUND_COUNTS_KEY] = [*doc.user_data.get(BACKGROUND_COUNTS_KEY, []), *apart]


def _sentence_start(doc: Doc, mention: CountMention) -> int:
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return sentence_of(span[0]).start if span is not None and len(span) else -1


def _objects_before_a_cue(doc: Doc, known: list[CountMention]) -> list[CountMention]:
    """'Air strikes killed at least 10 civilians said the Observatory': with no comma before an
    inverted cue (``inverted_cues``) the parser makes the victims the cue's subject, so the count
    stage, which reads victims as the object of a killing verb, leaves the figure out. Victims
    right after a transitive killed / injured verb of the count stage's triggers are its object."""
    taken = _covered(known)
    text = doc_text(doc)
    cues = frozenset(load_json("en", "claims", "cues.json")["inverted_cues"])
    found: list[CountMention] = []
    for victims in doc:
        if victims.dep_ != "nsubj" or victims.head.lemma_ not in cues or victims.head.i < victims.i:
            continue
        number = next((c for c in victims.children if c.dep_ == "nummod" and _is_number(c)), None)
        figure = _number_at(doc, number) if number is not None else None
        if figure is None or figure[0].idx in taken:
            continue
        qualifier, before = _qualifier_before(doc, figure[0].i)
        trigger = count_lexicon().verbal_triggers.get(doc[before].lemma_.lower()) if before >= 0 else None
        if trigger is None or trigger.role != "transitive" or trigger.kind not in ("killed", "injured"):
            continue
        first, last, value = figure
        verb = doc[before]
        found.append(
            CountMention(
                span=Span.of(text, first.idx, last.idx + len(last)),
                kind=trigger.kind,  # type: ignore[arg-type]
                low=value,
                high=None if qualifier in _qualifier_cues()[1] else value,
                qualifier=qualifier,
                victims=Span.of(text, victims.idx, victims.idx + len(victims)),
                trigger=Span.of(text, verb.idx, verb.idx + len(verb)),
            )
        )
    return found


def _qualifier_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The qualifier right before a figure ("at least" of "killed at least 10") and the index of
    the token before it all."""
    for words, name in _qualifier_cues()[0].items():
        begin = start - len(words)
        if begin >= 0 and tuple(t.lower_ for t in doc[begin:start]) == words:
            return name, begin - 1
    return None, start - 1


def _previous_figures(doc: Doc, figures: list[CountMention], known: list[CountMention]) -> list[CountMention]:
    """'45 people were killed, up from 30 on Sunday': the number after a previous-figure phrase
    (``previous_figure_phrases``) is the same source's earlier figure of the same victims."""
    taken = _covered(known)
    found: list[CountMention] = []
    phrases = [tuple(p.split()) for p in load_json("en", "claims", "cues.json")["previous_figure_phrases"]]
    for count in figures:
        span = doc.char_span(count.span.start, count.span.end, alignment_mode="expand")
        if span is None or count.low is None:
            continue
        sentence = sentence_of(span[0])
        end = min(sentence.end, span.end + PREVIOUS_REACH)
        for i in range(span.end, end):
            words = next((w for w in phrases if tuple(t.lower_ for t in doc[i : i + len(w)]) == w), None)
            if words is None:
                continue
            number = _number_after(doc, i + len(words), sentence.end, taken)
            if number is not None:
                first, last, value = number
                figure = Span.of(doc_text(doc), first.idx, last.idx + len(last))
                found.append(
                    CountMention(
                        span=figure,
                        kind=count.kind,
                        low=value,
                        high=value,
                        victims=count.victims,
                        trigger=count.trigger,
                    )
                )
                taken.update(range(figure.start, figure.end))
            break
    return found


def _number_after(doc: Doc, start: int, end: int, taken: set[int]) -> tuple[Token, Token, int] | None:
    """The whole number that begins at ``start`` ("30", "twenty one"), if it is one."""
    lexicon = count_lexicon()
    parts: list[Token] = []
    for token in doc[start:end]:
        if (
            not _number_part(token, lexicon.numbers)
            or token.idx in taken
            or _joins_digit_groups(parts, token)
        ):
            break
        parts.append(token)
    value = parse_number(parts, lexicon) if parts else None
    return (parts[0], parts[-1], value) if value is not None else None


@cache
def toll_matcher(vocab: Vocab) -> PhraseMatcher:
    """The toll nouns of ``cues.json`` ("toll", "number of dead"), matched on lower-case words."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    phrases = load_json("en", "claims", "cues.json")["toll_nouns"]
    matcher.add("toll", [Doc(vocab, words=phrase.split()) for phrase in phrases])
    return matcher


def _quoted_tolls(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    taken = _covered(counts)
    text = doc_text(doc)
    found: list[CountMention] = []
    seen: set[int] = set()
    for _, start, end in _toll_matches(doc):
        if start in seen:
            continue  # "death toll" and "toll": one toll
        seen.update(range(start, end))
        if _compound_modifier(doc, end):
            continue  # "toll-free", "toll-road": no death toll
        window = doc[end : min(sentence_of(doc[start]).end, end + TOLL_REACH)]
        number = _figure_in(window, taken)
        if number is None:
            continue
        trigger = Span.of(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        old = _old_figure_before(doc, number[0], taken)
        if old is not None:  # "raised the toll from 12 to 20": 12 is a figure too, the old one
            found.append(_toll_mention(text, old, trigger))
        found.append(_toll_mention(text, number, trigger))
    return found


def _old_figure_before(doc: Doc, first: Token, taken: set[int]) -> tuple[Token, Token, int] | None:
    """The 12 of 'from 12 to 20', given the 20: the number between an ``old_figure_prepositions``
    word and the 'to' before the new figure."""
    if first.i < 3 or doc[first.i - 1].lower_ != "to":
        return None
    last = doc[first.i - 2]
    if not _is_number(last) or last.idx in taken:
        return None
    number = _number_at(doc, last)
    if number is None or number[0].i == 0 or doc[number[0].i - 1].lower_ not in old_figure_prepositions():
        return None
    return number


@cache
def old_figure_prepositions() -> frozenset[str]:
    return frozenset(load_json("en", "claims", "cues.json")["old_figure_prepositions"])


@cache
def anaphor_cues() -> tuple[frozenset[str], frozenset[str]]:
    """(toll anaphors, single-word revision verbs) of ``cues.json``."""
    data = load_json("en", "claims", "cues.json")
    verbs = frozenset(phrase for phrase in data["revision"] if " " not in phrase)
    return frozenset(data["toll_anaphors"]), verbs


def _anaphoric_tolls(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    """'... with an initial death toll of 47. This was later updated to 82': a pronoun subject of
    a revision verb, opening the sentence after a toll, stands for that toll; its new figure is
    one."""
    anaphors, verbs = anaphor_cues()
    following = {sentence_of(doc[start]).end for _, start, _end in _toll_matches(doc)}
    taken = _covered(counts)
    text = doc_text(doc)
    found: list[CountMention] = []
    for start in sorted(following):
        if start >= len(doc):
            continue
        sentence = sentence_of(doc[start])
        for token in doc[start : min(sentence.end, start + ANAPHOR_REACH)]:
            verb = token.head
            if (
                token.lower_ not in anaphors
                or token.dep_ not in {"nsubj", "nsubjpass"}
                or verb.lower_ not in verbs
            ):
                continue
            number = _figure_in(doc[verb.i + 1 : min(sentence.end, verb.i + 1 + TOLL_REACH)], taken)
            if number is None:
                continue
            trigger = Span.of(text, token.idx, token.idx + len(token))
            found.append(_toll_mention(text, number, trigger))
    return found


def _toll_matches(doc: Doc) -> list[tuple[int, int, int]]:
    """The toll-noun matches of ``doc``, found once per Doc."""
    cached = doc.user_data.get(TOLL_MATCHES_KEY)
    if cached is None:
        cached = doc.user_data[TOLL_MATCHES_KEY] = list(toll_matcher(doc.vocab)(doc))
    return cached


@cache
def _dead_part_matcher(vocab: Vocab) -> PhraseMatcher:
    """'of the dead', 'among the victims', ...: each part link before each dead noun."""
    data = load_json("en", "claims", "cues.json")
    matcher = PhraseMatcher(vocab, attr="LOWER")
    phrases = [f"{link} {noun}".split() for link in data["part_links"] for noun in data["dead_nouns"]]
    matcher.add("part", [Doc(vocab, words=words) for words in phrases])
    return matcher


def _parts_of_the_dead(doc: Doc, counts: list[CountMention]) -> list[CountMention]:
    """'Fifteen of the dead', 'at least 10 of the dead were rebels', 'Twelve children and 11
    fighters were among the dead': figures of some of the dead; their victims are their own
    noun ("children"), else the dead."""
    taken = _covered(counts)
    text = doc_text(doc)
    found: list[CountMention] = []
    for _, first, end in _dead_part_matcher(doc.vocab)(doc):
        token = doc[end - 1]
        if doc[first].lower_ == "of":
            numbers = [doc[first - 1]] if first > 0 and _is_number(doc[first - 1]) else []
        else:  # "among the dead": the figures of its clause's subject
            head = doc[first].head
            subject = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < first]
            numbers = [t for s in subject for t in s.subtree if _is_number(t)]
        dead = Span.of(text, token.idx, token.idx + len(token))
        for number in numbers:
            figure = _number_at(doc, number)
            if figure is None or figure[0].idx in taken:
                continue
            start, last, value = figure
            span = Span.of(text, start.idx, last.idx + len(last))
            noun = last.head if last.head.pos_ in {"NOUN", "PROPN"} and last.head.i > last.i else None
            # "Twelve children ... among the dead": the children; "Fifteen of the dead": the dead
            victims = Span.of(text, noun.idx, noun.idx + len(noun)) if noun is not None else dead
            found.append(
                CountMention(span=span, kind="killed", low=value, high=value, victims=victims, part=True)
            )
            taken.add(start.idx)
    return found


@cache
def _part_pronoun_matcher(vocab: Vocab) -> PhraseMatcher:
    """'seven of them' (a number before: label "before"), 'among them 10 children' ("after")."""
    data = load_json("en", "claims", "cues.json")
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("before", [Doc(vocab, words=phrase.split()) for phrase in data["part_pronouns"]])
    matcher.add("after", [Doc(vocab, words=phrase.split()) for phrase in data["part_openers"]])
    return matcher


def _parts_of_them(doc: Doc, counts: list[CountMention], known: list[CountMention]) -> list[CountMention]:
    """'air strikes killed at least 22 people ... seven of them children': a number before 'of
    them' is a part of the figure before it in its sentence, of that figure's kind; its victims
    are the noun after ("children"), else the pronoun."""
    taken = _covered(known)
    text = doc_text(doc)
    found: list[CountMention] = []
    for label, first, end in _part_pronoun_matcher(doc.vocab)(doc):
        before = doc.vocab.strings[label] == "before"
        sentence = sentence_of(doc[first])
        number = _part_number(doc, first, end, before, sentence)
        figure = _number_at(doc, number) if number is not None else None
        whole = [c for c in known if sentence.start_char <= c.span.start < doc[first].idx]
        if figure is None or figure[0].idx in taken or not whole:
            continue
        start, last, value = figure
        after = last.i + 1 if not before else end
        noun = doc[after] if after < sentence.end and doc[after].pos_ in {"NOUN", "PROPN"} else doc[end - 1]
        victims = Span.of(text, noun.idx, noun.idx + len(noun))
        span = Span.of(text, start.idx, last.idx + len(last))
        found.append(
            CountMention(span=span, kind=whole[-1].kind, low=value, high=value, victims=victims, part=True)
        )
    return found


def _part_number(doc: Doc, first: int, end: int, before: bool, sentence) -> Token | None:  # type: ignore[no-untyped-def]
    """The last token of the number of 'seven of them' (before) or 'among them 10 children'."""
    if before:
        return doc[first - 1] if first > sentence.start and _is_number(doc[first - 1]) else None
    last = None
    for token in doc[end : min(sentence.end, end + 4)]:
        if not _is_number(token):
            break
        last = token
    return last


def _covered(counts: list[CountMention]) -> set[int]:
    """The character offsets inside the figures already read ('more than 50' holds the 50)."""
    return {offset for count in counts for offset in range(count.span.start, count.span.end)}


def _is_number(token: Token) -> bool:
    return (token.like_num and token.lower_ not in {"one"}) or token.text.replace(",", "").isdigit()


def _number_at(doc: Doc, token: Token) -> tuple[Token, Token, int] | None:
    """The whole number that ends at ``token`` ("twenty one", "1,200"), with its value."""
    lexicon = count_lexicon()
    start = token.i
    while start > 0 and _number_part(doc[start - 1], lexicon.numbers):
        start -= 1
    parts = list(doc[start : token.i + 1])
    value = parse_number(parts, lexicon)
    return (parts[0], parts[-1], value) if value is not None else None


@cache
def _qualifier_cues() -> tuple[dict[tuple[str, ...], str], frozenset[str]]:
    data = load_json("en", "claims", "cues.json")
    phrases = {tuple(words.split()): name for words, name in data["figure_qualifiers"].items()}
    return phrases, frozenset(data["open_qualifiers"])


def figure_qualifier(token: Token) -> str | None:
    """The qualifier between a toll's preposition and its figure ('of more than 50' -> 'more
    than'), '' when the preposition stands right before it, None when neither does."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].lower_ in FIGURE_PREPOSITIONS:
        return ""
    for words, name in _qualifier_cues()[0].items():
        start = token.i - len(words)
        if start < 1 or doc[start - 1].lower_ not in FIGURE_PREPOSITIONS:
            continue
        if tuple(t.lower_ for t in doc[start : token.i]) == words:
            return name
    return None


def _toll_mention(text: str, number: tuple[Token, Token, int], trigger: Span) -> CountMention:
    """A toll figure with its qualifier: 'more than 50' has no upper bound, 'nearly 50' one."""
    first, last, value = number
    qualifier = figure_qualifier(first) or None
    high = None if qualifier in _qualifier_cues()[1] else value
    span = Span.of(text, first.idx, last.idx + len(last))
    return CountMention(span=span, kind="killed", low=value, high=high, qualifier=qualifier, trigger=trigger)


def _figure_in(window, taken: set[int]) -> tuple[Token, Token, int] | None:  # type: ignore[no-untyped-def]
    """The first number after 'of', 'at' or 'to' (and a qualifier: 'of more than') in ``window``,
    in digits or words ('to nine', 'of 1,200', 'at twenty one'), through the count stage's number
    reader."""
    lexicon = count_lexicon()
    for token in window:
        if token.idx in taken or token.i == 0 or figure_qualifier(token) is None:
            continue
        parts: list[Token] = []
        for part in token.doc[token.i : window.end]:
            if not _number_part(part, lexicon.numbers) or _joins_digit_groups(parts, part):
                break
            parts.append(part)
        while parts and parts[-1].text == "-":
            parts.pop()
        value = parse_number(parts, lexicon) if parts else None
        if value is not None:
            return parts[0], parts[-1], value
    return None


def _number_part(token: Token, words: dict[str, tuple[int, str]]) -> bool:
    return token.text.replace(",", "").isdigit() or token.lower_ in words or token.text == "-"


def _compound_modifier(doc: Doc, end: int) -> bool:
    """True when the toll noun is the first half of a hyphenated word ("toll-free")."""
    return end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_


def _joins_digit_groups(parts: list[Token], part: Token) -> bool:
    """True for the digits after "1-" in "1-877-...": a phone number or code, not one figure
    (a hyphen only joins number words, as in "twenty-one")."""
    if len(parts) < 2 or parts[-1].text != "-":
        return False
    return parts[-2].text[:1].isdigit() and part.text[:1].isdigit()
