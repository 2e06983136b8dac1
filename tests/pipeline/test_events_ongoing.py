"""What goes on, what is aimed at and what an accord stops are no happenings of a day."""

from __future__ import annotations

from spacy.language import Language


def _asserted(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [m.sub_event_type for m in doc._.event_mentions if not m.generic and m.modality == "asserted"]


def test_a_campaign_told_in_the_present_is_no_event_of_a_day(nlp: Language) -> None:
    text = "The US-led coalition is conducting airstrikes against the militants in Syria and Iraq."
    assert "Air/drone strike" not in _asserted(nlp, text)
    text = "The coalition conducts airstrikes near the city to support the Kurdish fighters."
    assert "Air/drone strike" not in _asserted(nlp, text)


def test_the_same_campaign_told_in_the_past_with_a_day_stays_an_event(nlp: Language) -> None:
    text = "The US-led coalition conducted airstrikes against the militants near Raqqa on Monday."
    assert "Air/drone strike" in _asserted(nlp, text)


def test_fighting_in_the_present_progressive_is_what_goes_on(nlp: Language) -> None:
    text = "The regime is fighting to push rebels out of five neighbourhoods of the capital."
    assert "Armed clash" not in _asserted(nlp, text)


def test_ongoing_attacks_are_many_happenings(nlp: Language) -> None:
    text = "Aid workers have not been spared the ongoing attacks on hospitals and aid convoys."
    assert not _asserted(nlp, text)
    text = "Hundreds were killed and injured in the ongoing bombing campaign on the city."
    assert "Remote explosive/landmine/IED" not in _asserted(nlp, text)


def test_the_name_of_an_accord_is_no_clash(nlp: Language) -> None:
    text = "Militants breached the cessation of hostilities agreement near the town, the agency said."
    assert "Armed clash" not in _asserted(nlp, text)


def test_what_a_statement_asks_to_stop_is_no_event(nlp: Language) -> None:
    text = "The charity released a statement demanding that the government stop its bombing campaigns."
    assert not _asserted(nlp, text)


def test_an_infinitive_of_purpose_tells_an_aim(nlp: Language) -> None:
    text = "Rebels launched an offensive on Thursday to capture the town of Marea."
    types = _asserted(nlp, text)
    assert "Non-state actor overtakes territory" not in types
    assert "Armed clash" in types  # the offensive itself happened


def test_fighters_located_somewhere_are_no_weapons_found(nlp: Language) -> None:
    text = "Terrorists located in the Douma area fired rocket shells at the neighborhood, injuring seven."
    assert "Disrupted weapons use" not in _asserted(nlp, text)
    assert "Shelling/artillery/missile attack" in _asserted(nlp, text)
