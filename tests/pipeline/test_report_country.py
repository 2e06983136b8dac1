"""The report's country: one rule for actors, unnamed perpetrators and unplaced events."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.report_country import REPORT_COUNTRY_KEY, report_country


def test_a_speaking_or_acting_country_gives_no_vote(nlp: Language) -> None:
    doc = nlp("Russia said Russia had struck militants in Idlib. Russia denied hitting a hospital.")
    assert report_country(doc) == "SYR"


def test_a_nationality_is_no_place(nlp: Language) -> None:
    doc = nlp(
        "U.S. drones struck a convoy near Raqqa on Monday, US officials said. "
        "A US citizen and two US contractors were among the U.S. staff briefed."
    )
    assert report_country(doc) == "SYR"


def test_where_something_happens_outweighs_a_place_named_in_passing(nlp: Language) -> None:
    doc = nlp("Officials met on Monday. The Geneva talks stalled. Shelling killed four people in Aleppo.")
    assert report_country(doc) == "SYR"


def test_the_headline_counts_more_than_the_body(nlp: Language) -> None:
    doc = nlp(
        "Car bomb kills nine in Mosul, Iraq.\n"
        "Fighting raged in Syria. Jets bombed towns in Syria. Fighters fled to Syria."
    )
    assert report_country(doc) == "IRQ"


def test_without_places_country_words_vote_but_not_a_speaker_or_a_backer(base_nlp: Language) -> None:
    doc = base_nlp("Ankara said Turkish-backed rebels shelled positions in Aleppo.")
    assert report_country(doc) == "SYR"


def test_no_country_named_is_no_country(base_nlp: Language) -> None:
    assert report_country(base_nlp("Gunmen opened fire on a checkpoint.")) is None


def test_the_answer_is_kept_on_the_doc(base_nlp: Language) -> None:
    doc = base_nlp("Soldiers were wounded in Aleppo.")
    doc.user_data[REPORT_COUNTRY_KEY] = "TUR"
    assert report_country(doc) == "TUR"
