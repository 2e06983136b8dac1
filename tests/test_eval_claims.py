"""``khabar eval claims`` scoring: speakers, kinds, revisions and contradictions against gold."""

from __future__ import annotations

from khabar.evaluate.claims import Score, speaker_matches
from khabar.model import Article, ArticleLedger, Claim, Contradiction, Revision, Span

TEXT = "At least seven people were killed, a monitor said. State media said four were killed."


def _claim(claim_id: str, phrase: str, speaker: str, kind: str = "killed") -> Claim:
    start = TEXT.index(phrase)
    return Claim(claim_id, speaker, kind, "asserted", [Span(start, start + len(phrase), phrase)])  # type: ignore[arg-type]


def test_speaker_matches_by_shared_word_or_whole_name() -> None:
    gold = {"speaker": "a monitoring group", "speaker_also": ["Syrian Observatory for Human Rights"]}
    assert speaker_matches(gold, "Syrian Observatory for Human Rights")
    assert not speaker_matches(gold, "Syrian Arab News Agency")  # "syrian" says nothing
    assert speaker_matches({"speaker": "Syrian state media"}, "Syrian state media")  # only stopwords
    assert speaker_matches({"speaker": "the outlet"}, None)


def test_score_counts_found_claims_kinds_revisions_and_contradictions() -> None:
    ledger = ArticleLedger(
        article=Article(text=TEXT, id="t"),
        claims=[
            _claim("c1", "seven people were killed", "monitor"),
            _claim("c2", "four were killed", "state media", "event"),
        ],
        revisions=[Revision(None, "killed", 9, 7, ["c0", "c1"])],
        contradictions=[Contradiction("e1", "killed", [7, 4], ["c1", "c2"])],
    )
    annotation = {
        "row": 1,
        "claims": [
            {
                "id": "g1",
                "speaker": "a monitor",
                "kind": "killed",
                "status": "asserted",
                "snippet": "At least seven",
            },
            {
                "id": "g2",
                "speaker": "State media",
                "kind": "killed",
                "status": "asserted",
                "snippet": "four were",
            },
            {
                "id": "g3",
                "speaker": "the army",
                "kind": "statement",
                "status": "asserted",
                "snippet": "nowhere",
            },
        ],
        "revisions": [{"field": "killed", "from": 9, "to": 7}, {"field": "injured", "from": 1, "to": 2}],
        "contradictions": [{"field": "killed", "values": [7, 4]}],
    }
    score = Score()
    score.add(annotation, TEXT, ledger)
    metrics = score.metrics()
    assert metrics["claim_recall"] == round(2 / 3, 3)
    assert metrics["kind_accuracy"] == 0.5 and score.wrong_kind == [
        "row 1 g2: event not killed at 'four were'"
    ]
    assert metrics["revision_recall"] == 0.5 and score.missed_revisions == ["row 1: injured 1 -> 2"]
    assert metrics["contradiction_recall"] == 1.0


def test_a_bound_value_matches_the_stated_number_of_the_annotation() -> None:
    from khabar.evaluate.claims import told, told_any

    stated = {"c1": (201, 200), "c2": (15, 15)}  # "more than 200" keeps its bound 201
    assert 200 in told(201, ["c1", "c2"], stated)
    assert told(15, ["c2"], stated) == [15, 15]
    assert 200 not in told(201, ["c2"], stated)
    assert {200, 15} <= set(told_any([201, 15], ["c1", "c2"], stated))


def test_a_perpetrator_dispute_is_matched_by_the_evidence_of_its_sides() -> None:
    text = "The opposition blamed government forces. The army blamed terrorist groups for the attack."

    def said(claim_id: str, phrase: str, value: str) -> Claim:
        start = text.index(phrase)
        claim = Claim(claim_id, "x", "perpetrator", "unverified", [Span(start, start + len(phrase), phrase)])
        claim.value = value
        return claim

    claims = [
        said("c1", "government forces", "Military Forces of Syria"),
        said("c2", "terrorist groups", "Unidentified Armed Group (Syria)"),
    ]

    def scored(contradiction: Contradiction) -> float:
        annotation = {
            "row": 2,
            "claims": [
                {
                    "id": "g1",
                    "speaker": "The opposition",
                    "kind": "perpetrator",
                    "status": "unverified",
                    "value": "Syrian government forces",
                    "snippet": "blamed government forces",
                },
                {
                    "id": "g2",
                    "speaker": "The army",
                    "kind": "perpetrator",
                    "status": "unverified",
                    "value": "terrorists",
                    "snippet": "blamed terrorist groups",
                },
            ],
            "contradictions": [
                {"field": "perpetrator", "values": ["Syrian government forces", "terrorists"]}
            ],
        }
        ledger = ArticleLedger(
            article=Article(text=text, id="t"), claims=claims, contradictions=[contradiction]
        )
        score = Score()
        score.add(annotation, text, ledger)
        return score.metrics()["contradiction_recall"]

    values = ["Military Forces of Syria", "Unidentified Armed Group (Syria)"]
    assert scored(Contradiction("e1", "perpetrator", values, ["c1", "c2"])) == 1.0
    # one side alone, or both gold sides on one predicted value, is no match
    assert scored(Contradiction("e1", "perpetrator", values, ["c1"])) == 0.0
    claims[1].value = "Military Forces of Syria"
    assert scored(Contradiction("e1", "perpetrator", values[:1], ["c1", "c2"])) == 0.0
