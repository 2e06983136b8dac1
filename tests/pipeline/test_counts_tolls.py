"""An event's toll as a coder reads it: figures of the same killing summed, lives claimed,
families counted as no persons, a war's "hundreds of thousands" set apart, and a headline's
"N others injured" read as injured."""

from __future__ import annotations

import pytest
from spacy.language import Language

from khabar.model import CountMention, Span
from khabar.pipeline.counts import BACKGROUND_COUNTS_KEY, find_counts
from khabar.pipeline.figures import count_of, joined_figures


def figures(nlp: Language, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(m.kind, m.low, m.high) for m in find_counts(nlp(text))]


def fatalities(nlp: Language, text: str) -> int | None:
    reported = [(mention, "asserted") for mention in find_counts(nlp(text))]
    return count_of(reported, "killed").best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian raids claimed 17 lives overnight in the district.", [("killed", 17, 17)]),
        ("The shells landed in the market claiming two lives.", [("killed", 2, 2)]),
        # the parse hangs "others" on "killed" as its object; the word after it is the outcome
        (
            "13 civilians killed 43 others injured due to rocket attacks on the city.",
            [("injured", 43, 43)],
        ),
        ("Four people including a child killed six others injured in attacks.", [("injured", 6, 6)]),
    ],
)
def test_tolls_the_parse_misses(nlp: Language, text: str, expected: list[tuple[str, int, int]]) -> None:
    found = figures(nlp, text)
    assert all(item in found for item in expected)
    assert not any(kind == "killed" and low in (43, 6) for kind, low, _ in found)


def test_families_are_not_persons(nlp: Language) -> None:
    found = figures(nlp, "At least 48 people were killed when troops executed six families in the village.")
    assert ("killed", 48, None) in found
    assert all(low != 6 for _, low, _ in found)


def test_hundreds_of_thousands_is_one_figure_and_a_statistic(nlp: Language) -> None:
    doc = nlp("Since then hundreds of thousands of people have been killed in the fighting.")
    assert find_counts(doc) == []
    apart = doc.user_data[BACKGROUND_COUNTS_KEY]
    assert [(m.kind, m.low, m.span.text) for m in apart] == [("killed", 100000, "hundreds of thousands")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 regime and 39 rebel fighters have been killed in battles around the farms.", 69),
        ("The attack on two villages killed 15 civilians and 27 pro-government fighters.", 42),
        # one figure alone, or figures of two killings, are not summed
        ("At least 9 civilians were killed in the strikes.", 9),
        ("Five soldiers were killed in the north and 7 civilians died in the south.", 5),
    ],
)
def test_figures_of_one_killing_are_summed(nlp: Language, text: str, expected: int) -> None:
    assert fatalities(nlp, text) == expected


def _mention(start: int, value: int, trigger: int, *, harm: bool = False, text: str = "") -> CountMention:
    return CountMention(
        span=Span(start, start + 2, text or str(value)),
        kind="killed",
        low=value,
        high=value,
        trigger=Span(trigger, trigger + 6, "killed"),
        harm=harm,
    )


def test_joined_figures_keep_other_triggers_and_harm_apart() -> None:
    first, second, other = _mention(0, 30, 50), _mention(10, 39, 50), _mention(80, 5, 90)
    joined = joined_figures([first, second, other])
    assert [(m.low, m.high) for m in joined] == [(69, 69), (5, 5)]
    shot = [_mention(0, 2, 50, harm=True), _mention(10, 3, 50, harm=True)]
    assert joined_figures(shot) == shot
    # the same figure read twice (two events' drafts merged) is not added to itself
    assert [(m.low) for m in joined_figures([first, first])] == [30, 30]


def test_persons_told_twice_are_not_summed() -> None:
    # "a 30-year-old man died ... he was pronounced dead": the parse may give one trigger both
    told = [_mention(0, 1, 50, text="A 30-year-old man"), _mention(40, 1, 50, text="he")]
    assert joined_figures(told) == told
    # "Four men were killed, one of them ...": "one" is no figure to add
    part = [_mention(0, 4, 50, text="Four"), _mention(30, 1, 50, text="one")]
    assert joined_figures(part) == part


def test_shot_dead_is_a_killing_wherever_the_parse_hangs_dead(nlp: Language) -> None:
    # the parser makes 'dead' a modifier of the victims, not of 'shot'
    text = "Masked gunmen shot dead four police officers at a checkpoint outside Jalalabad on Tuesday."
    assert ("killed", 4, 4) in figures(nlp, text)
    wounded = "Masked gunmen shot four police officers at a checkpoint on Tuesday."
    assert ("injured", 4, 4) in figures(nlp, wounded)


def test_a_toll_value_right_after_its_preposition_is_the_toll(nlp: Language) -> None:
    # a headline run into the page's credits and a clock time: the parse hangs 40 on "AFP"
    # and gives the toll the time after the noun phrase
    text = (
        "Death Toll in Blast at Market in Idlib Rises to 40 AFP Photo Service Middle East 1410\n"
        "The blast hit the market."
    )
    found = figures(nlp, text)
    assert ("killed", 40, 40) in found
    assert not any(low == 1410 for _, low, _ in found)


def test_a_number_after_its_noun_counts_nothing(nlp: Language) -> None:
    assert figures(nlp, "The council passed Resolution 2139 after the death toll rose to 18.") == [
        ("killed", 18, 18)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of victims in the bombing is at least 45.", [("killed", 45, None)]),
        ("The number of dead rose to 16 on Tuesday.", [("killed", 16, 16)]),
        ("The number of injured was put at 33.", [("injured", 33, 33)]),
        ("A large number of people attended the funeral of 3 relatives.", []),
    ],
)
def test_a_number_of_victims_is_a_toll(
    nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert figures(nlp, text) == expected


def test_a_result_clause_reads_its_state_past_a_part(nlp: Language) -> None:
    # "left 31 people including 14 children dead": the toll is the 31, the 14 a part of it
    text = "Air strikes on a school in the village left 31 people including 14 children dead."
    found = [(m.kind, m.low, m.part) for m in find_counts(nlp(text))]
    assert found == [("killed", 31, False), ("killed", 14, True)]
    assert fatalities(nlp, text) == 31


def test_a_toll_since_last_month_is_history(nlp: Language) -> None:
    text = (
        "Air strikes killed four people in the town of Binnish on Monday. The air force has hit the "
        "province almost daily since last December killing several hundred people."
    )
    doc = nlp(text)
    assert [(m.kind, m.low) for m in find_counts(doc)] == [("killed", 4)]
    assert [m.low for m in doc.user_data[BACKGROUND_COUNTS_KEY]] == [100]


@pytest.mark.parametrize("start", ["late October", "early 2015", "mid-March"])
def test_a_campaign_told_since_part_of_a_month_or_year_is_history(nlp: Language, start: str) -> None:
    # "has pounded the district since late October, killing hundreds": the campaign's toll, not
    # the day's, so it must not outbid the day's "at least five"
    text = (
        "At least five people were killed in a rocket attack on a market in the town on Tuesday. "
        f"The army has pounded the district since {start} killing hundreds of civilians."
    )
    doc = nlp(text)
    assert [(m.kind, m.low) for m in find_counts(doc)] == [("killed", 5)]
    assert [m.low for m in doc.user_data[BACKGROUND_COUNTS_KEY]] == [100]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person's death told beside a larger figure is one of the dead, not a rival toll
        ("Air raids killed 13 civilians in the town. He was killed, his brother said.", 13),
        ("Shelling killed at least 20 people in the market. A child died in hospital.", 20),
        # others killed are others than the person told: the leader and six more
        ("The leader was killed in the bombing. The monitor said six other members also died.", 7),
        # someone else ("another man") stays a reading of its own
        (
            "Air raids killed 13 civilians in the town. Another man and a woman were killed in"
            " rocket fire in a nearby village.",
            2,
        ),
        # beside a two, a person is as often a second incident's one victim
        ("Two people were fatally shot Sunday night. A man was shot in the head and died at a hospital.", 1),
    ],
)
def test_a_person_beside_a_larger_toll_is_one_of_its_dead(nlp: Language, text: str, expected: int) -> None:
    assert fatalities(nlp, text) == expected


def test_a_person_is_no_part_of_a_toll_over_several_places(nlp: Language) -> None:
    text = "Air raids killed 13 civilians in the town. He was killed, his brother said."
    reported = [(mention, "asserted") for mention in find_counts(nlp(text))]
    assert count_of(reported, "killed").best == 13
    assert count_of(reported, "killed", places=2).best == 1


def test_others_hurt_are_not_summed_with_the_dead(nlp: Language) -> None:
    text = "A young man was killed and two others injured in a shooting. Adams was taken to a hospital."
    reported = [(mention, "asserted") for mention in find_counts(nlp(text))]
    assert count_of(reported, "killed").best == 1
    assert count_of(reported, "injured", article=reported).best == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three citizens were martyred in the shelling of the town.", [("killed", 3, 3)]),
        ("Regime raids martyred 12 civilians in the town.", [("killed", 12, 12)]),
        ("He was martyred.", [("killed", 1, 1)]),
        # the noun names the dead of one side, a unit or a place: no killing
        ("The Martyrs Brigade fought near Martyrs' Square.", []),
        ("The martyr was buried on Friday.", []),
        ("Bomb Claims 6 Lebanese Martyrs 22 Injured.", []),
    ],
)
def test_martyred_is_a_death(nlp: Language, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [item for item in figures(nlp, text) if item[0] == "killed"] == expected


def test_a_martyr_told_beside_the_toll_is_one_of_its_dead(nlp: Language) -> None:
    text = "Air raids killed 13 civilians in the town. He was martyred, his brother said."
    assert fatalities(nlp, text) == 13
