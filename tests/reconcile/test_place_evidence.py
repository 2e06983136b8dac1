"""How much a shared place, a toll and an article's other events say about two reports.

A provincial capital ("Aleppo") hosts several attacks a day in a war: sharing it is weak
evidence, so two reports there link only when more agrees (type, perpetrator, toll). A report
whose main event the extractor placed only in a country borrows the town its own other events
agree on."""

from __future__ import annotations

import dataclasses

from khabar.model import Location
from khabar.reconcile import ArticleEventRef, cluster_refs
from khabar.reconcile.config import LinkingConfig, load_config
from khabar.reconcile.scoring import _figure_score

from .conftest import make_ref


def in_aleppo(article: str, **options: object) -> ArticleEventRef:
    """A main event in the city of Aleppo, which has its province's name."""
    ref = make_ref(article, **options)  # type: ignore[arg-type]
    city = Location(name="Aleppo", country="SYR", lat=36.20, lon=37.16, precision="town", admin1="Aleppo")
    return dataclasses.replace(ref, event=dataclasses.replace(ref.event, locations=[city], main=True))


def groups(refs: list[ArticleEventRef], config: LinkingConfig) -> list[list[str]]:
    return sorted(sorted(refs[i].key for i in group) for group in cluster_refs(refs, config))


def test_two_attacks_in_a_provincial_capital_on_one_day_stay_apart() -> None:
    rockets = in_aleppo("rockets", sub_event_type="Shelling/artillery/missile attack",
                        actor1="Islamist militant groups (Syria)", actor2=None, killed=3)  # fmt: skip
    raids = in_aleppo("raids", sub_event_type="Air/drone strike", actor1="Military Forces of Syria",
                      actor2=None, killed=50)  # fmt: skip
    assert groups([rockets, raids], load_config()) == [["raids#e1"], ["rockets#e1"]]
    # what the place's weakness changes: scored as a village, the city's name alone linked them
    config = load_config()
    as_village = dataclasses.replace(
        config, place_specificity={}, weights={**config.weights, "figures": 0.0}, link_threshold=0.62
    )
    assert groups([rockets, raids], as_village) == [["raids#e1", "rockets#e1"]]


def test_a_toll_update_of_one_attack_in_the_city_still_links() -> None:
    first = in_aleppo("first", sub_event_type="Remote explosive/landmine/IED", actor1=None, killed=43)
    # the same day's later report, the toll nearly tripled: neither perpetrator is named
    update = in_aleppo("update", sub_event_type="Remote explosive/landmine/IED", actor1=None, killed=112)
    assert groups([first, update], load_config()) == [["first#e1", "update#e1"]]


def test_tolls_far_apart_count_against_a_link_and_agreeing_ones_for_it() -> None:
    config = load_config()
    assert _figure_score(58, 72, config) == 1.0
    assert _figure_score(43, 126, config) == 0.5  # a rising toll is not evidence against
    assert _figure_score(3, 50, config) == 0.0
    assert _figure_score(None, 50, config) == 0.5


def test_a_country_level_main_event_borrows_the_town_its_article_names() -> None:
    def with_side_event(ref: ArticleEventRef) -> list[ArticleEventRef]:
        """The report's main event placed only in Syria, and a side event of it in the town."""
        syria = Location(name="Syria", country="SYR", lat=None, lon=None, precision="country")
        vague = dataclasses.replace(ref.event, locations=[syria])
        side = dataclasses.replace(ref.event, id="e2", main=False)
        return [dataclasses.replace(ref, event=vague), dataclasses.replace(ref, event=side)]

    located = dataclasses.replace(make_ref("located", actor1=None, actor2=None), outlet="b")
    located = dataclasses.replace(located, event=dataclasses.replace(located.event, main=True))
    vague_report = make_ref("vague", actor1=None, actor2=None)  # nothing beyond type and date agrees
    vague_report = dataclasses.replace(vague_report, event=dataclasses.replace(vague_report.event, main=True))
    refs = [located, *with_side_event(vague_report)]
    grouped = groups(refs, load_config())
    assert any({"located#e1", "vague#e1"} <= set(group) for group in grouped)
    no_context = dataclasses.replace(
        load_config(), geo_radius_km={**load_config().geo_radius_km, "article_context": None}
    )
    assert not any({"located#e1", "vague#e1"} <= set(group) for group in groups(refs, no_context))


def test_a_country_level_report_alone_in_its_article_takes_the_place_the_article_names_most() -> None:
    from khabar.reconcile.model import article_place

    named = article_place(
        [
            {"name": "Syria", "lat": 35.0, "lon": 38.0, "country": "SYR", "admin1": None},
            {"name": "Khan Shaykhun", "lat": 35.44, "lon": 36.65, "country": "SYR", "admin1": "Idlib"},
            {"name": "Idlib", "lat": 35.93, "lon": 36.63, "country": "SYR", "admin1": "Idlib"},
            {"name": "Khan Shaykhun", "lat": 35.44, "lon": 36.65, "country": "SYR", "admin1": "Idlib"},
        ]
    )
    assert named is not None and named.name == "Khan Shaykhun"
    located = make_ref("located", actor1=None, actor2=None)
    located = dataclasses.replace(located, event=dataclasses.replace(located.event, main=True))
    syria = Location(name="Syria", country="SYR", lat=None, lon=None, precision="country")
    vague = make_ref("vague", actor1=None, actor2=None)
    vague = dataclasses.replace(
        vague, event=dataclasses.replace(vague.event, locations=[syria], main=True), article_place=named
    )
    assert groups([located, vague], load_config()) == [["located#e1", "vague#e1"]]
    off = dataclasses.replace(load_config(), article_place_from_mentions=False)
    assert groups([located, vague], off) == [["located#e1"], ["vague#e1"]]
