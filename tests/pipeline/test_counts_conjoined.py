"""Count-stage readings the parser gets wrong on comma-less wire text and title-case headlines:
a second figure joined by "and" with its own outcome, a result clause "leaving N dead", and a
title-case verb tagged as a name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from khabar.pipeline.counts import article_totals, find_counts


def figures(nlp: Language, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(m.kind, m.low, m.high) for m in find_counts(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser makes the second figure a conjunct of the toll's value
        (
            "The death toll rose to 32 and more than 115 were injured.",
            [("killed", 32, 32), ("injured", 115, None)],
        ),
        (
            "The death toll from the twin blasts in the northern city rose to 32 and more than 115 "
            "wounded persons most of them women.",
            [("killed", 32, 32), ("injured", 115, None)],
        ),
        (
            "The blast killed 12 people and more than 40 were injured.",
            [("killed", 12, 12), ("injured", 40, None)],
        ),
        ("The raid killed 4 and 3 people were wounded.", [("killed", 4, 4), ("injured", 3, 3)]),
    ],
)
def test_a_conjoined_figure_takes_its_own_outcome(
    nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert figures(nlp, text) == expected


def test_a_conjoined_figure_of_doers_is_no_victim_count(nlp: Language) -> None:
    # "3 gunmen killed two guards": the verb after the figure has its own object
    assert ("killed", 3, 3) not in figures(nlp, "Two soldiers died and 3 gunmen killed two guards.")


def test_a_conjoined_part_of_a_figure_is_not_counted_apart(nlp: Language) -> None:
    text = "At least 30 people including 8 children and four women were killed in the raid."
    assert figures(nlp, text) == [("killed", 30, None)]


def test_a_conjunct_without_an_outcome_of_its_own_shares_the_first(nlp: Language) -> None:
    text = "The shelling killed two soldiers and three civilians."
    assert figures(nlp, text) == [("killed", 2, 2), ("killed", 3, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A helicopter came down over the village on Tuesday leaving at least 27 people dead "
            "a monitor said.",
            (27, None),
        ),
        ("The strike hit the market, leaving at least 27 people dead and 40 others wounded.", (27, 40)),
        ("The bomb killed five people, leaving 12 others wounded.", (5, 12)),
        # the parser makes "people" the subject of "wounded"
        (
            "A rocket fell on the market on Friday leaving at least 12 people dead and 30 others "
            "wounded an activist said.",
            (12, 30),
        ),
        ("Police found 2 men dead in the car.", (2, None)),
        ("The attack left 14 dead.", (14, None)),
        ("The shelling left 9 people dead and 20 injured.", (9, 20)),
    ],
)
def test_a_result_clause_names_its_victims(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert article_totals(find_counts(nlp(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tagger reads these verbs as names and hangs the object as an apposition
        (
            "Fri May 6 2016 Kurdish Militia Kills 8 Jihadists in Missile Strike South of Hasakah Province.",
            (8, None),
        ),
        ("Police Kill 3 Robbers in Shootout Near Central Market", (3, None)),
        ("Syrian Army Wounds 12 Terrorists in Artillery Attack", (None, 12)),
        ("Rebels Executed 5 Hostages in Eastern Village", (5, None)),
    ],
)
def test_a_title_case_headline_verb_counts_its_object(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert article_totals(find_counts(nlp(text))) == expected


def test_a_title_case_name_before_a_number_is_no_verb(nlp: Language) -> None:
    # a title-case word before a number that is no casualty verb makes no figure
    assert find_counts(nlp("Team Wins 3 Games in Row at Home")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shelling caused three deaths and 22 injuries.", [("killed", 3, 3), ("injured", 22, 22)]),
        ("The strike caused 12 injuries and two deaths.", [("injured", 12, 12), ("killed", 2, 2)]),
    ],
)
def test_injuries_beside_deaths_count_the_injured(
    nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert figures(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # copy without commas runs the next clause on; the parse hangs its subject on "killed"
        (
            "At least 9 people were killed 31 were wounded in the shelling of the market on Sunday.",
            [("killed", 9, None), ("injured", 31, 31)],
        ),
        ("Six soldiers were killed 14 were injured in the ambush.", [("killed", 6, 6), ("injured", 14, 14)]),
    ],
)
def test_a_run_on_clause_figure_takes_its_own_outcome(
    nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert figures(nlp, text) == expected


def test_a_comma_less_list_of_counted_nouns_shares_its_verb(nlp: Language) -> None:
    # the parse makes "children" a modifier of "women"
    text = "Regime air strikes kill 12 children 4 women in Idlib activists say."
    assert sorted(figures(nlp, text)) == [("killed", 4, 4), ("killed", 12, 12)]


def test_a_name_after_a_counted_phrase_is_no_victim_of_its_own(nlp: Language) -> None:
    # a quote's close lost: "women" runs into the speaker's name
    text = (
        '"Regime forces shelled the funeral leading to the deaths of at least three women" '
        "media activist Abdul Karim told the agency."
    )
    assert ("killed", 1, 1) not in figures(nlp, text)


def test_falling_as_martyrs_is_a_death(nlp: Language) -> None:
    assert figures(nlp, "Eleven people fell as martyrs in the shelling of the town.") == [("killed", 11, 11)]
    assert figures(nlp, "The town fell as rebels advanced on Monday.") == []


def test_a_figure_after_a_part_with_an_outcome_of_another_kind_is_no_part(nlp: Language) -> None:
    text = (
        "Seventeen people fell as martyrs including women and children and more than 60 others "
        "were wounded after the blast."
    )
    assert figures(nlp, text) == [("killed", 17, 17), ("injured", 60, None)]
