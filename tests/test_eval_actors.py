"""The actor-resolution scorer: what counts as right, the fixed split, the context's country."""

from __future__ import annotations

from spacy.language import Language

from khabar.evaluate.actors import half_of, resolve_case, score_case
from khabar.model import Actor


def test_an_empty_expected_country_wants_no_country() -> None:
    case = {"actor": "a crowd", "correct_country": "", "correct_code_1": ""}
    assert score_case(case, None) == {"country": True, "sector": None}
    case_with = {"actor": "x", "correct_country": "SYR", "correct_code_1": "MIL", "correct_code_2": "GOV"}
    actor = Actor(name="Government of Syria", country="SYR", inter=1, sector="GOV")
    assert score_case(case_with, actor) == {"country": True, "sector": True}
    assert score_case(case_with, None) == {"country": False, "sector": False}


def test_the_split_is_fixed_by_the_case_name() -> None:
    halves = {half_of({"test": f"case_{number}"}) for number in range(20)}
    assert halves == {"tune", "held"}
    assert half_of({"test": "case_1"}) == half_of({"test": "case_1"})


def test_the_context_gives_the_country_of_a_bare_agent(base_nlp: Language) -> None:
    actor = resolve_case(base_nlp, {"actor": "the soldiers", "context": "Turkish"})
    assert actor is not None and (actor.country, actor.sector) == ("TUR", "MIL")
