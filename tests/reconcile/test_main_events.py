"""Reports are about their main events: those link first, side events cannot bridge two of them,
and vague (country-level) reports join the well-located reports of their happening."""

from __future__ import annotations

import dataclasses

from khabar.model import Location
from khabar.reconcile import ArticleEventRef, cluster_refs
from khabar.reconcile.config import LinkingConfig, load_config

from .conftest import make_ref


def at(ref: ArticleEventRef, lat: float, lon: float, *, main: bool) -> ArticleEventRef:
    """``ref`` moved to a town at (lat, lon), flagged main or side."""
    place = Location(name=f"town {lat},{lon}", country="SYR", lat=lat, lon=lon, precision="town")
    event = dataclasses.replace(ref.event, locations=[place], main=main)
    return dataclasses.replace(ref, event=event)


def main_ref(article: str, **options: object) -> ArticleEventRef:
    ref = make_ref(article, **options)  # type: ignore[arg-type]
    return dataclasses.replace(ref, event=dataclasses.replace(ref.event, main=True))


def groups(refs: list[ArticleEventRef], config: LinkingConfig) -> list[list[str]]:
    return sorted(sorted(refs[i].key for i in group) for group in cluster_refs(refs, config))


def test_a_side_event_between_two_reports_does_not_chain_them() -> None:
    # two lead stories 40 km apart (beyond a town's 25 km), and a third report that mentions in
    # passing an attack half-way between them, within reach of both
    refs = [
        at(make_ref("north"), 35.80, 36.65, main=True),
        at(make_ref("south"), 35.44, 36.65, main=True),
        at(make_ref("aside"), 35.62, 36.65, main=False),
    ]
    anchored = groups(refs, load_config())
    assert not any({"north#e1", "south#e1"} <= set(group) for group in anchored)
    unanchored = groups(refs, dataclasses.replace(load_config(), main_events_anchor=False))
    assert unanchored == [["aside#e1", "north#e1", "south#e1"]]  # what the anchor prevents


def test_country_level_reports_join_the_located_report_of_their_happening() -> None:
    refs = [
        main_ref("located", actor1=None),  # Khan Shaykhun, town precision, perpetrator unnamed
        # two vague reports of the same attack located only to Syria, naming the perpetrator: each
        # scores higher with the other than with the located report
        main_ref("vague1", precision="country"),
        main_ref("vague2", precision="country"),
    ]
    assert groups(refs, load_config()) == [["located#e1", "vague1#e1", "vague2#e1"]]
    old = dataclasses.replace(load_config(), coarse_attach_fine_first=False)
    assert groups(refs, old) == [["located#e1"], ["vague1#e1", "vague2#e1"]]  # the split it fixes


def test_a_city_named_like_its_province_reaches_the_provinces_towns() -> None:
    def in_idlib(ref: ArticleEventRef, name: str, lat: float, lon: float) -> ArticleEventRef:
        place = Location(name=name, country="SYR", lat=lat, lon=lon, precision="town", admin1="Idlib")
        return dataclasses.replace(ref, event=dataclasses.replace(ref.event, locations=[place]))

    refs = [
        in_idlib(main_ref("town"), "Khan Shaykhun", 35.44, 36.65),
        in_idlib(main_ref("province"), "Idlib", 35.93, 36.63),  # the city, 54 km north
    ]
    assert groups(refs, load_config()) == [["province#e1", "town#e1"]]
    strict = dataclasses.replace(load_config(), ambiguous_capital_reach=False)
    assert groups(refs, strict) == [["province#e1"], ["town#e1"]]
    other = [refs[0], in_idlib(main_ref("saraqib"), "Saraqib", 35.86, 36.80)]  # an ordinary town
    assert len(groups(other, load_config())) == 2
