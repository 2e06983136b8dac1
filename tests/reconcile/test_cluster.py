"""Which article-level events end up in the same ledger event."""

from __future__ import annotations

import dataclasses

from khabar.reconcile import cluster_refs, reconcile
from khabar.reconcile.config import load_config
from khabar.reconcile.features import haversine_km

from .conftest import make_ref


def _groups(refs):  # type: ignore[no-untyped-def]
    return sorted(sorted(refs[i].article_id for i in group) for group in cluster_refs(refs))


def test_same_event_from_three_outlets_is_one_ledger_event() -> None:
    refs = [
        make_ref("a1", outlet="reuters"),
        make_ref("a2", outlet="sana", day="2017-04-05", published="2017-04-05"),  # "yesterday"
        make_ref("a3", outlet="trt", sub_event_type="Air/drone strike"),  # compatible type
    ]
    assert _groups(refs) == [["a1", "a2", "a3"]]


def test_far_apart_places_days_or_countries_stay_apart() -> None:
    refs = [
        make_ref("a1"),
        make_ref("a2", place="Douma"),  # 210 km away
        make_ref("a3", day="2017-04-09"),  # five days later at day precision
        make_ref("a4", place="Mosul"),
    ]
    assert _groups(refs) == [["a1"], ["a2"], ["a3"], ["a4"]]


def test_incompatible_types_stay_apart() -> None:
    refs = [make_ref("a1"), make_ref("a2", sub_event_type="Peaceful protest")]
    assert len(cluster_refs(refs)) == 2


def test_week_precision_widens_the_date_window() -> None:
    refs = [make_ref("a1"), make_ref("a2", day="2017-04-07", date_precision="week")]
    assert _groups(refs) == [["a1", "a2"]]
    refs = [make_ref("a1"), make_ref("a2", day="2017-04-07")]
    assert len(cluster_refs(refs)) == 2


def test_town_radius_links_a_neighbouring_report_only_when_close() -> None:
    assert haversine_km(35.44, 36.65, 35.86, 36.80) > load_config().radius("town")  # type: ignore[operator]
    refs = [make_ref("a1"), make_ref("a2", place="Saraqib")]
    assert len(cluster_refs(refs)) == 2
    refs = [make_ref("a1"), make_ref("a2", place="Saraqib", precision="admin2")]
    assert len(cluster_refs(refs)) == 1


def test_country_level_report_needs_other_evidence() -> None:
    vague_same_actor = make_ref("a2", precision="country")
    vague_other_actor = make_ref("a3", precision="country", actor1=None, actor2=None)
    assert _groups([make_ref("a1"), vague_same_actor]) == [["a1", "a2"]]
    assert len(cluster_refs([make_ref("a1"), vague_other_actor])) == 2
    # agreeing figures are evidence too
    with_figures = [
        make_ref("a1", killed=70),
        make_ref("a3", precision="country", actor1=None, actor2=None, killed=72),
    ]
    assert len(cluster_refs(with_figures)) == 1


def test_country_level_report_does_not_bridge_two_events() -> None:
    refs = [
        make_ref("a1", place="Khan Shaykhun"),
        make_ref("a2", place="Douma"),
        make_ref("a3", precision="country"),
    ]
    groups = _groups(refs)
    assert len(groups) == 2
    assert ["a2"] in groups or ["a1"] in groups


def test_two_events_of_one_article_merge_only_when_allowed() -> None:
    refs = [make_ref("a1", event_id="e1"), make_ref("a1", event_id="e2"), make_ref("a2")]
    apart = dataclasses.replace(load_config(), keep_article_events_apart=True)
    groups = cluster_refs(refs, apart)
    assert len(groups) == 2
    assert all(len({refs[i].article_id for i in group}) == len(group) for group in groups)
    together = dataclasses.replace(load_config(), keep_article_events_apart=False)
    assert len(cluster_refs(refs, together)) == 1


def test_daily_reports_do_not_chain_into_one_long_event() -> None:
    refs = [make_ref(f"a{day}", day=f"2017-04-{day:02d}", date_precision="week") for day in range(1, 29)]
    for group in cluster_refs(refs):
        days = [refs[i].event.date.value.toordinal() for i in group]  # type: ignore[union-attr]
        assert max(days) - min(days) <= load_config().max_group_span_days


def test_result_does_not_depend_on_input_order() -> None:
    refs = [
        make_ref("a1"),
        make_ref("a2", day="2017-04-05"),
        make_ref("a3", place="Douma"),
        make_ref("a4", precision="country"),
        make_ref("a5", place="Saraqib", precision="district"),
    ]
    forward = {event.id for event in reconcile(refs)}
    backward = {event.id for event in reconcile(list(reversed(refs)))}
    assert forward == backward


def test_a_town_named_like_its_province_may_mean_either_also_when_told_as_near() -> None:
    from khabar.model import Location
    from khabar.reconcile.features import is_named_like_its_province

    def idlib(precision: str) -> Location:
        return Location(
            name="Idlib", country="SYR", lat=35.93, lon=36.63, precision=precision, admin1="Idlib"
        )  # type: ignore[arg-type]

    assert is_named_like_its_province(idlib("town"))
    assert is_named_like_its_province(idlib("near_town"))
    assert not is_named_like_its_province(idlib("admin1"))
