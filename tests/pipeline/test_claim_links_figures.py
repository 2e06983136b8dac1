"""Figures at the link level: how many sides a figure dispute has, and a sentence opened as an
earlier one (``claim_contradictions._sides``, ``_one_of_own_toll``, ``_ranges_clash``,
``claim_revisions._opened_as_earlier``). Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def killed_disputes(ledger: ArticleLedger) -> list[set[object]]:
    return [set(c.values) for c in ledger.contradictions if c.field == "killed"]


def test_a_part_of_a_sources_toll_is_no_side_of_its_own(nlp: Language) -> None:
    # 20 (with its part 13), 12 and 7: three sides, not a round-up of four incidents
    text = (
        "A car bomb exploded at a checkpoint in Jableh on Sunday. At least 20 people including 13 "
        "civilians were killed in the blast, the Syrian Observatory for Human Rights said. The "
        "official news agency SANA placed the death toll at 12. Police said at least seven people "
        "were killed in the blast."
    )
    assert any({20, 12} <= values for values in killed_disputes(run(nlp, text)))


def test_one_victim_a_source_names_beside_its_own_toll_is_no_side(nlp: Language) -> None:
    # the Observatory's 25 members and one senior member: one side, so 25, 15 and 41 are three
    text = (
        "A suicide car bomb hit a market in the town of Jisr al-Shughur on Tuesday. The blast "
        "killed at least 25 members of the Ahrar al-Sham movement, the Syrian Observatory for "
        "Human Rights said. The explosion also killed a senior member of the movement, the "
        "Observatory said. The Local Coordination Committees reported 15 deaths in the bombing. "
        "Opposition activists said more than 40 people were killed in the blast."
    )
    assert any({25, 15, 40} <= values for values in killed_disputes(run(nlp, text)))


def test_the_reports_own_later_floor_is_no_rival_of_a_sources_floor(nlp: Language) -> None:
    # "at least five people in a bakery", told by the report after its lead, is another incident
    text = (
        "Air strikes on a market in the town of Saraqib killed at least 30 people on Monday. The "
        "Syrian Observatory for Human Rights said at least 36 people were killed in the strikes "
        "on the market. Rescuers were searching the rubble for survivors. The town has been hit "
        "repeatedly this month. The strikes on the market also killed at least five people in a "
        "bakery."
    )
    assert killed_disputes(run(nlp, text)) == [{30, 36}]


def test_a_sentence_opened_with_earlier_tells_each_of_its_figures_as_earlier(nlp: Language) -> None:
    text = (
        "A source at the police command said that nine civilians were killed and 31 others were "
        "injured in a rocket attack on the Old City of Homs. Earlier six civilians including a "
        "child were killed and 24 others were injured due to the rocket attack on the Old City, "
        "according to a source at the police command."
    )
    revisions = {(r.field, r.before, r.after) for r in run(nlp, text).revisions}
    assert ("injured", 24, 31) in revisions


def test_earlier_this_week_is_an_earlier_happening_not_an_earlier_figure(nlp: Language) -> None:
    text = (
        "A source at the police command said that nine civilians were killed in a rocket attack "
        "on the Old City of Homs on Thursday. Earlier this week a source at the police command "
        "said six civilians were killed in a rocket attack on the Old City of Homs."
    )
    assert [r for r in run(nlp, text).revisions if r.field == "killed"] == []


def test_a_previous_death_toll_is_the_sources_earlier_figure(nlp: Language) -> None:
    # "the previous death toll was 14": the monitor's own earlier figure, revised to 23
    text = (
        "Air strikes on the market of Maarat al-Numan on Sunday killed 23 people, the Syrian "
        "Observatory for Human Rights said. The Observatory said the previous death toll was 14."
    )
    revisions = {(r.field, r.before, r.after) for r in run(nlp, text).revisions}
    assert ("killed", 14, 23) in revisions
