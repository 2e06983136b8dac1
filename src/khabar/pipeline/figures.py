"""An event's killed / injured figures as low / best / high, from its reported figures.

Asserted figures make the range: unverified ones ("unverified reports ... dozens") and superseded
ones (a toll revised from nine to 33) stay in the output as claims but not in the range. When an
event has no asserted figure of a kind, its unverified figures give the range (ACLED codes the
most conservative figure reported, hedged or not: "a man allegedly shot two people" still has
two victims), and the note says they are unverified; superseded figures never do.
low is ACLED's conservative figure (the smallest lower bound reported), high the largest, and
best the figure reported most often (ties: the lower) — the UCDP manner — among the figures
above zero when there are any. A rounded figure ("more than 30", "dozens") is no lower reading
beside a stated number it allows ("32"): it is the same toll told roughly, and yields to it. A
toll told only by its upper bound ("nearly 75") gives that bound when no figure has a lower one:
it is the only number the report gives. Zeros: "no one else was hurt", "no other injuries" speak of people
other than the victims counted, so a zero does not outvote (or tie with and, as the lower,
beat) the one victim reported. The largest figure as best was tried and is worse: articles
that sum up a weekend's shootings attach city-wide totals to the event of one shooting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Count, CountMention
from .counts import count_lexicon

#: the smallest figure a person told beside it is one of ("13 civilians ... he was martyred"):
#: beside a two, a person is as often the victim of a second incident (``persons_among_counted``)
ONE_OF_MANY = 3

#: bounding rules that round a toll up to a number ("more than 30", "over 100"): see ``_rounded``
ROUNDED_RULES = frozenset({"above"})


def count_of(
    reported: list[tuple[CountMention, str]],
    kind: str,
    *,
    article: list[tuple[CountMention, str]] | None = None,
    places: int = 1,
) -> Count:
    """The event's figure of ``kind`` from its ``reported`` figures.

    ``article``: every figure of the report, when given. An event with no killed figure of its
    own nets a figure of people hit ("a man was shot") of the killed figure told with another
    event of the report ("the man died"), as the count stage nets an article's figures; an
    event with its own killed figure nets of that one only.

    ``places``: how many places the event has. In an event of several places a person's figure
    is no part of a larger one: "at least four killed in Aleppo and al-Baath ... a child ... a
    father, a mother and a son" gives each place its own victims, and the four spans them.
    """
    mentions = [(mention, status) for mention, status in reported if mention.kind == kind]
    if kind == "injured":
        own_killed = any(mention.kind == "killed" and mention.low for mention, _ in reported)
        mentions = net_of_killed(mentions, reported if own_killed or article is None else article)
    joined = joined_figures(credible_figures(mentions))
    credible = stated_over_rounded(persons_among_counted(joined) if places <= 1 else joined)
    count = Count(evidence=[mention.span for mention, _ in mentions])
    if mentions and not any(status == "asserted" for mention, status in mentions if _has_value(mention)):
        count.note = "; ".join(sorted({note_of(mention, status) for mention, status in mentions}))
    if not credible:
        return count
    lows = [mention.low for mention in credible if mention.low is not None]
    highs = [mention.high if mention.high is not None else mention.low for mention in credible]
    count.low = min(lows)
    count.high = max(high for high in highs if high is not None)
    count.best = most_reported([low for low in lows if low > 0] or lows)
    return count


def credible_figures(mentions: list[tuple[CountMention, str]]) -> list[CountMention]:
    """The asserted figures with a value; failing those, the unverified ones. A figure of some
    of the victims ("five children were among the dead") only stands in for a toll when no
    toll was given: beside "at least 16 civilians were killed" it is not a lower reading."""
    for wanted in ("asserted", "unverified"):
        found = [mention for mention, status in mentions if status == wanted and _has_value(mention)]
        if not found:
            continue
        chosen = [mention for mention in found if not mention.part] or found
        with_low = [mention for mention in chosen if mention.low is not None]
        # "nearly 75 killed, including 30 foreigners": the toll is the 75, never its part
        return with_low or [replace(mention, low=mention.high) for mention in chosen]
    return []


def persons_among_counted(mentions: list[CountMention]) -> list[CountMention]:
    """A victim told as a person, not by a number ("he was killed", "a child died", a named
    victim), beside a larger counted figure of the same kind is one of those counted, not a
    rival toll: "air raids killed 13 civilians ... He was martyred" is 13 dead, where the 1
    had been taken for the conservative reading. A figure of others killed ("six other
    members also died") counts people besides the one told: "the leader was killed ... six
    other members also died" is 7. Left as readings of their own: a person marked as someone
    else ("another man and a woman were killed"), zeros (left to the zero rule), and a person
    beside a figure below ``ONE_OF_MANY``: "two homicides within hours", "two men fatally shot
    last week, one in the east and the other in the 7th Ward" sum up two incidents each told
    by its one victim (GVA train: seven such articles, one where the two was the toll)."""
    persons = [m for m in mentions if _told_as_persons(m) and (m.low or 0) > 0 and not _names_others(m)]
    counted = [m for m in mentions if m.low is not None and not _told_as_persons(m)]
    if not persons or not counted:
        return mentions
    besides = max(m.low or 0 for m in persons)
    counted = [_with_persons(m, besides) if _others_killed(m) else m for m in counted]
    largest = max(m.low or 0 for m in counted)
    if largest < ONE_OF_MANY:
        return mentions
    kept = [m for m in mentions if not (any(m is p for p in persons) and (m.low or 0) < largest)]
    return [_with_persons(m, besides) if _others_killed(m) and not _told_as_persons(m) else m for m in kept]


def _told_as_persons(mention: CountMention) -> bool:
    """ "he", "a child", "Ahmed", "both": victims named or pointed at, no number or vague word."""
    if mention.qualifier is not None:
        return False
    numbers = count_lexicon().numbers
    words = mention.span.text.lower().replace("-", " ").split()
    return not any(word.replace(",", "").isdigit() or word in numbers for word in words)


def _names_others(mention: CountMention) -> bool:
    """ "six other members", "19 others", "another man": people besides those told before."""
    markers = count_lexicon().distinct_markers | {"others"}
    words = [mention.span.text, mention.victims.text if mention.victims is not None else ""]
    return any(word in markers for text in words for word in text.lower().split())


def _others_killed(mention: CountMention) -> bool:
    """Others killed are others than the dead told by name; others hurt are as often others
    than the dead ("a young man was killed and two others injured"): no sum of those."""
    return mention.kind == "killed" and _names_others(mention)


def _with_persons(mention: CountMention, persons: int) -> CountMention:
    high = mention.high + persons if mention.high is not None else None
    return replace(mention, low=(mention.low or 0) + persons, high=high)


def _has_value(mention: CountMention) -> bool:
    return mention.low is not None or mention.high is not None


def stated_over_rounded(mentions: list[CountMention]) -> list[CountMention]:
    """Rounded figures ("more than 30", "dozens") yield to a stated number they allow: "more
    than 30 rebels killed" in a headline and "the attack killed 32 rebels" in the text are one
    toll, told roughly and then exactly; as two figures the rounded one would be taken for the
    lower reading. A rounded figure that no stated number reaches stays ("more than 30" beside
    "25" is a dispute)."""
    stated = [m.low for m in mentions if m.qualifier is None and m.low is not None and m.low == m.high]
    kept = [m for m in mentions if not (_rounded(m) and any(value >= (m.low or 0) for value in stated))]
    return kept or mentions


def _rounded(mention: CountMention) -> bool:
    """A vague word ("dozens") or a bound above a number ("more than 30", "over 100")."""
    if mention.qualifier is None or mention.low is None:
        return False
    quantifier = count_lexicon().quantifiers.get(mention.qualifier.lower())
    return quantifier is not None and (quantifier.kind == "vague" or quantifier.rule in ROUNDED_RULES)


def joined_figures(mentions: list[CountMention]) -> list[CountMention]:
    """Figures of one outcome word read as one figure, their sum: "30 regime and 39 rebel
    fighters have been killed" is 69 dead, "killed 15 civilians and 27 fighters" 42. Each counts
    other victims of the same killing (a part "among" or "including" others is not read by the
    count stage), so neither alone is a reading of the toll; as two figures the lower would be
    taken for the conservative one. Figures of people hit ("harm") are left as they are: they
    are netted of the killed one by one. Only numbers of two or more are summed: a person told
    by name, noun or pronoun ("a man", "he", "Smith") is often one victim told twice by the
    parse ("the man ... he died"), and "one" is as often "one of them"."""
    groups: dict[tuple[int, int], list[CountMention]] = {}
    for mention in mentions:
        summable = not mention.harm and not mention.part and _states_a_number(mention)
        if mention.trigger is not None and summable:
            groups.setdefault((mention.trigger.start, mention.trigger.end), []).append(mention)
    joined: list[CountMention] = []
    for mention in mentions:
        key = (mention.trigger.start, mention.trigger.end) if mention.trigger is not None else None
        group = groups.get(key, []) if key is not None else []
        distinct = {item.span.start: item for item in group}
        if len(distinct) < 2 or not any(item is mention for item in group):
            joined.append(mention)
        elif mention is group[0]:
            joined.append(_sum_of(list(distinct.values())))
    return joined


def _states_a_number(mention: CountMention) -> bool:
    """ "30", "thirty", "at least 15": a number of two or more, not a person told as one."""
    numbers = count_lexicon().numbers
    words = mention.span.text.lower().replace("-", " ").split()
    stated = any(word.replace(",", "").isdigit() or word in numbers for word in words)
    return stated and (mention.low or 0) >= 2


def _sum_of(mentions: list[CountMention]) -> CountMention:
    lows = [mention.low or 0 for mention in mentions]
    highs = [mention.high for mention in mentions]
    high = sum(value for value in highs if value is not None) if None not in highs else None
    return replace(mentions[0], low=sum(lows), high=high, qualifier=None)


def most_reported(values: list[int]) -> int:
    """The value reported most often; on a tie the lower (the conservative choice)."""
    frequency = Counter(values)
    return min(values, key=lambda value: (-frequency[value], value))


def note_of(mention: CountMention, status: str) -> str:
    if mention.low is None and mention.high is None:
        return "unspecified number reported"
    figure = mention.span.text
    return f"{status}: {figure}"


def net_of_killed(
    injured: list[tuple[CountMention, str]], reported: list[tuple[CountMention, str]]
) -> list[tuple[CountMention, str]]:
    """'Three men were shot, one fatally': a figure of people hit counts the dead too.

    Such a figure (``harm``) stands for the injured only once the largest killed figure is taken
    out; if nothing is left, it is no injured figure at all.
    """
    killed_figures = credible_figures([(m, status) for m, status in reported if m.kind == "killed"])
    killed = max((m.low for m in killed_figures if m.low), default=0)
    netted: list[tuple[CountMention, str]] = []
    for mention, status in injured:
        if not mention.harm or mention.low is None:
            netted.append((mention, status))
            continue
        remaining = mention.low - killed
        if remaining > 0:
            netted.append((replace(mention, low=remaining, high=remaining), status))
    return netted
