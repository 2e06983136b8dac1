"""What one ledger event holds: claims with source chains, UCDP figures, timeline, contradictions."""

from __future__ import annotations

from khabar.model import Claim, Span
from khabar.reconcile import reconcile
from khabar.reconcile.claims import figure_bounds

from .conftest import figure_claim, make_ref


def _one(refs):  # type: ignore[no-untyped-def]
    events = reconcile(refs)
    assert len(events) == 1
    return events[0]


def test_figures_low_best_high_from_distinct_sources() -> None:
    refs = [
        make_ref("a1", outlet="reuters", claims=(figure_claim("c1", 58, speaker="Observatory"),)),
        make_ref("a2", outlet="trt", claims=(figure_claim("c1", 70, speaker="WHO"),)),
        make_ref("a3", outlet="sana", claims=(figure_claim("c1", 100, speaker="Health Directorate"),)),
    ]
    event = _one(refs)
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (58, 70, 100)
    assert sorted(event.fatalities.claims) == ["a1:c1", "a2:c1", "a3:c1"]
    assert event.fatalities.rule


def test_a_source_counts_once_with_its_latest_figure() -> None:
    refs = [
        make_ref("a1", outlet="reuters", claims=(figure_claim("c1", 58, speaker="Observatory"),)),
        make_ref(
            "a2",
            outlet="ahram",
            day="2017-04-05",
            claims=(figure_claim("c1", 86, speaker="Observatory"),),
        ),
    ]
    event = _one(refs)
    # the Observatory revised 58 -> 86: one source, its latest figure
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (86, 86, 86)
    assert [point.low for point in event.timeline["fatalities"]] == [58, 86]
    assert [point.published.isoformat() for point in event.timeline["fatalities"]] == [
        "2017-04-04",
        "2017-04-05",
    ]  # type: ignore[union-attr]


def test_unverified_and_superseded_figures_stay_out_of_low_best_high() -> None:
    claims = (
        figure_claim("c1", 9, speaker="Governor", status="superseded", start=0),
        figure_claim("c2", 33, speaker="Governor", start=50),
        figure_claim("c3", 300, speaker="social media", status="unverified", start=90),
    )
    event = _one([make_ref("a1", claims=claims)])
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (33, 33, 33)
    assert [point.claim for point in event.timeline["fatalities"]] == ["a1:c1", "a1:c2", "a1:c3"]


def test_lower_bound_qualifier_leaves_high_open() -> None:
    assert figure_bounds(33, "at least") == (33, None)
    assert figure_bounds(40, "up to") == (None, 40)
    assert figure_bounds({"low": 20, "high": 30}, None) == (20, 30)
    assert figure_bounds("dozens", None) == (None, None)


def test_event_figures_without_claims_become_outlet_claims() -> None:
    event = _one([make_ref("a1", outlet="reuters", killed=70), make_ref("a2", outlet="trt", killed=100)])
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (70, 70, 100)
    figure = next(claim for claim in event.claims if claim.id == "a1:e1:fatalities")
    assert figure.synthetic and figure.chain.outlet == "reuters" and figure.chain.speaker is None


def test_cross_outlet_figure_and_perpetrator_contradictions() -> None:
    refs = [
        make_ref("a1", outlet="reuters", killed=70, actor1="Military Forces of Syria"),
        make_ref("a2", outlet="sputnik", killed=100, actor1="Rebel group"),
        make_ref("a3", outlet="trt", killed=70, actor1="Military Forces of Syria"),
    ]
    event = _one(refs)
    assert event.disputed == ["actor1", "fatalities"]
    figures = next(item for item in event.contradictions if item.field == "fatalities")
    assert figures.values == [70, 100]
    assert [side.outlets for side in figures.sides] == [["reuters", "trt"], ["sputnik"]]
    perpetrators = next(item for item in event.contradictions if item.field == "actor1")
    assert perpetrators.to_dict()["outlets"] == ["reuters", "sputnik", "trt"]
    assert event.actor1.name == "Military Forces of Syria" and event.actor1.disputed
    assert event.actor1.alternatives[0]["name"] == "Rebel group"


def test_one_outlet_disagreeing_with_itself_is_not_a_cross_outlet_contradiction() -> None:
    claims = (figure_claim("c1", 33, speaker="Governor"), figure_claim("c2", 34, speaker="Agency", start=40))
    event = _one([make_ref("a1", outlet="agencies", claims=claims)])
    assert event.contradictions == []


def test_claims_keep_their_source_chain() -> None:
    relayed = Claim(
        id="c3",
        speaker="Rahmi Dogan",
        kind="killed",
        status="asserted",
        evidence=[Span(10, 20, "x" * 10)],
        value=33,
        qualifier="at least",
        via=["Anadolu Agency"],
        about="e1",
    )
    event = _one([make_ref("a1", outlet="Agencies", claims=(relayed,))])
    claim = next(claim for claim in event.claims if claim.id == "a1:c3")
    assert claim.chain.to_dict() == {
        "article_id": "a1",
        "outlet": "Agencies",
        "published": "2017-04-04",
        "speaker": "Rahmi Dogan",
        "via": ["Anadolu Agency"],
    }
    assert (claim.low, claim.high) == (33, None)
    data = event.to_dict()
    assert data["outlets"] == ["Agencies"] and data["members"] == ["a1#e1"]
    assert data["fatalities"]["low"] == 33 and data["fatalities"]["high"] == 33


def test_a_war_wide_total_is_an_outlier_not_the_high_figure() -> None:
    refs = [
        make_ref("a1", outlet="reuters", killed=58),
        make_ref("a2", outlet="trt", killed=70),
        make_ref("a3", outlet="ahram", killed=320_000),  # "320,000 killed since 2011" attached by mistake
        make_ref("a4", outlet="sana", killed=86),
    ]
    event = _one(refs)
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (58, 70, 86)
    assert "outlier" in event.fatalities.rule
    assert [point.low for point in event.timeline["fatalities"]] == [58, 70, 320_000, 86]
    figures = next(item for item in event.contradictions if item.field == "fatalities")
    assert 320_000 not in figures.values


def test_an_unknown_perpetrator_is_not_a_side_of_a_dispute() -> None:
    refs = [
        make_ref("a1", outlet="reuters", actor1="Unidentified Armed Group (Syria)"),
        make_ref("a2", outlet="trt", actor1="Military Forces of Syria"),
        make_ref("a3", outlet="sana", actor1="Unidentified Armed Group (Syria)"),
    ]
    event = _one(refs)
    assert "actor1" not in event.disputed
    assert event.actor1.name == "Military Forces of Syria"
