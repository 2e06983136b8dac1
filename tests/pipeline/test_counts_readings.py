"""Which figure is an event's toll when a report gives several: a rounded one yields to a stated
number it allows, a toll told only by its upper bound gives that bound, a subgroup of the dead is
a part of the toll; and figures the comma-less text of some outlets runs together."""

from __future__ import annotations

import pytest
from spacy.language import Language

from khabar.model import CountMention, Span
from khabar.pipeline.counts import find_counts
from khabar.pipeline.figures import count_of


def _figure(
    start: int, low: int | None, high: int | None, qualifier: str | None = None, *, part: bool = False
) -> CountMention:
    return CountMention(
        span=Span(start, start + 2, str(low or high)),
        kind="killed",
        low=low,
        high=high,
        qualifier=qualifier,
        trigger=Span(start + 5, start + 11, "killed"),
        part=part,
    )


def _best(*mentions: CountMention) -> int | None:
    return count_of([(mention, "asserted") for mention in mentions], "killed").best


def test_a_rounded_figure_yields_to_a_stated_number_it_allows() -> None:
    # "more than 30 rebels killed" (the headline) and "the blast killed 32 rebels" (the text)
    assert _best(_figure(0, 31, None, "more than"), _figure(100, 32, 32)) == 32
    assert _best(_figure(0, 12, None, "dozens"), _figure(100, 30, 30)) == 30
    # a stated number the rounded one does not allow is another reading: the lower stays
    assert _best(_figure(0, 31, None, "more than"), _figure(100, 25, 25)) == 25
    # "at least" is a floor someone counted, not a rounding
    assert _best(_figure(0, 9, None, "at least"), _figure(100, 13, 13)) == 9
    assert _best(_figure(0, 31, None, "more than")) == 31


def test_a_toll_told_by_its_upper_bound_is_not_replaced_by_its_part() -> None:
    # "nearly 75 fighters killed, including 30 foreigners"
    assert _best(_figure(0, None, 75, "nearly"), _figure(40, 30, 30, part=True)) == 75
    assert _best(_figure(0, None, 75, "nearly")) == 75
    assert _best(_figure(40, 30, 30, part=True)) == 30


def _killed(nlp: Language, text: str) -> list[tuple[int | None, bool]]:
    return [(m.low, m.part) for m in find_counts(nlp(text)) if m.kind == "killed"]


def test_a_figure_run_into_the_speaker_is_the_verbs_object(nlp: Language) -> None:
    # the outlet strips commas: "people" becomes a compound of the speaker "MSF"
    text = (
        "The clinic was destroyed by air strikes over the weekend that killed 13 people MSF said on Monday."
    )
    assert _killed(nlp, text) == [(13, False)]


def test_a_subgroup_of_the_dead_is_a_part_of_the_toll(nlp: Language) -> None:
    told_after = (
        "Air raids on the old city killed 13 civilians on Monday the monitor said. "
        "A reporter saw the bodies of two young boys carried from the rubble."
    )
    assert _killed(nlp, told_after) == [(13, False), (2, True)]
    headline = (
        "Four nurses killed in strike on clinic in Idlib. "
        "A clinic in Idlib province was hit by air strikes that killed 11 people on Sunday."
    )
    assert (4, True) in _killed(nlp, headline)
    # a subgroup told in the text before a toll may be another incident's: left alone
    two_places = (
        "Mortar shells killed two children in the north of the city on Friday. "
        "In the south five civilians were also killed by shelling."
    )
    assert (2, False) in _killed(nlp, two_places)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parse hangs "injured" on the fighters and both numbers on "kill"
        (
            "Kurdish fighters kill 40 injured 60 jihadist fighters in two days near Afrin.",
            [("killed", 40), ("injured", 60)],
        ),
        (
            "Tue May 3 2016 Rebels kill 20 wounded 45 Syrian soldiers near Aleppo.",
            [("killed", 20), ("injured", 45)],
        ),
    ],
)
def test_an_outcome_word_between_two_figures_is_the_seconds(
    nlp: Language, text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(m.kind, m.low) for m in find_counts(nlp(text))] == expected


def test_a_headlines_victims_before_killed_n_others_injured(nlp: Language) -> None:
    # the parse makes "others" the object of "killed" and the civilians its doers
    text = "30 September 2016 13 civilians killed 43 others injured due to rocket attacks on the city."
    assert [(m.kind, m.low) for m in find_counts(nlp(text))] == [("killed", 13), ("injured", 43)]
