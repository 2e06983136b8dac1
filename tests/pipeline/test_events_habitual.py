"""A trigger told with how often it happens ('the shelling is daily') is a kind of event, not one."""

from __future__ import annotations

from spacy.language import Language


def _generic(nlp: Language, text: str) -> list[bool]:
    return [mention.generic for mention in nlp(text)._.event_mentions]


def test_a_frequency_word_on_the_trigger_or_its_verb_makes_it_generic(nlp: Language) -> None:
    assert _generic(nlp, "The shelling is daily and intense, an activist said.") == [True]
    assert all(_generic(nlp, "The district is targeted regularly by air strikes and artillery."))


def test_a_strike_on_one_day_stays_an_event(nlp: Language) -> None:
    assert _generic(nlp, "Air strikes hit the district on Monday, killing four people.") == [False]


def test_destroyed_homes_told_as_a_state_is_no_property_destruction(nlp: Language) -> None:
    doc = nlp("Several civilians remain trapped under the debris of their destroyed homes.")
    destruction = [m for m in doc._.event_mentions if m.sub_event_type == "Looting/property destruction"]
    assert all(mention.generic for mention in destruction)
    doc = nlp("Militants destroyed homes in the village on Monday.")
    destruction = [m for m in doc._.event_mentions if m.sub_event_type == "Looting/property destruction"]
    assert destruction and not any(mention.generic for mention in destruction)


def test_trying_to_retake_a_base_is_no_territory_taken(nlp: Language) -> None:
    doc = nlp("Syrian troops have been trying to retake the base with no luck so far.")
    assert not [m for m in doc._.event_mentions if m.sub_event_type == "Government regains territory"]


def test_an_attack_an_armed_side_fended_off_is_a_clash(nlp: Language) -> None:
    doc = nlp("Regime forces fended off an attack by rebel fighters on the Zahra neighbourhood of Aleppo.")
    assert [m.sub_event_type for m in doc._.event_mentions] == ["Armed clash"]


def test_headlines_of_linked_stories_are_no_events(nlp: Language) -> None:
    text = (
        "Air strikes killed ten civilians in Manbij on Tuesday, a local source said. "
        "Related Syrian Army Recaptures Palmyra From Daesh - Rebels Seize Town Near Hama"
    )
    doc = nlp.make_doc(text)
    from khabar.model import Article

    doc._.article = Article(text=text, id="t")
    events = nlp(doc)._.events
    assert [event.sub_event_type for event in events] == ["Air/drone strike"]
    assert all("Related" not in span.text for event in events for span in event.evidence)
