"""Near-duplicates: a wire copy with a new headline and a changed paragraph is linked to its
original and not extracted; another outlet's own report of the same event is not linked.
The store's LSH index makes this work across runs; within one run, copies wait for their original."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from khabar import parallel
from khabar.ingest.near_duplicates import Fingerprint, jaccard
from khabar.model import Article, ArticleLedger
from khabar.parallel import ExtractionResult
from khabar.store import SqlStore
from khabar.store.ingest import ingest
from khabar.store.near_duplicates import near_duplicate_of

PARAGRAPHS = [
    "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four civilians "
    "and wounding eleven others, a local rescue official told reporters by telephone.",
    "The shelling began shortly after dawn and continued for several hours, residents said, forcing "
    "dozens of families to shelter in basements across the eastern part of the town.",
    "Rescue workers from the civil defence searched the rubble of two houses near the main market for "
    "survivors, and ambulances took the wounded to a field hospital on the road to Idlib city.",
    "The Syrian Observatory for Human Rights, a Britain-based monitoring group, said the dead included "
    "a woman and her two children, and that the toll was likely to rise as several people were missing.",
    "There was no immediate comment from the government in Damascus, which says its operations in the "
    "province target militant groups that refuse to lay down their weapons under a truce deal.",
    "The town has changed hands several times during the war and lies close to a strategic motorway "
    "linking the capital with Aleppo, which government forces recaptured earlier this year.",
    "Aid agencies have warned repeatedly that an escalation in the north-west would push hundreds of "
    "thousands more people towards the Turkish border, where camps are already overcrowded.",
    "The United Nations humanitarian office said in a statement that it was alarmed by the reports and "
    "called on all parties to respect their obligations to protect civilians and civilian facilities.",
    "Local council members said schools in Saraqib would stay closed for the rest of the week and that "
    "bakeries had been asked to keep working through the night to supply displaced families with bread.",
    "A spokesman for a coalition of rebel factions said its fighters had responded by targeting "
    "government positions on the outskirts of the town, without giving details of any casualties.",
]
ORIGINAL = "\n\n".join(PARAGRAPHS)
#: the same wire story as another outlet ran it (under a new headline): one paragraph changed,
#: with a later toll and a clause of its own
WIRE_COPY = "\n\n".join(
    [
        *PARAGRAPHS[:3],
        "The Syrian Observatory for Human Rights, a Britain-based monitoring group, later raised the toll "
        "to six and said the dead included a woman and her two children, while rescuers kept digging.",
        *PARAGRAPHS[4:],
    ]
)
#: another outlet's own report of the same event: same facts, its own words
OWN_REPORT = (
    "At least four civilians died in Saraqib on Monday when artillery fire hit residential streets, "
    "according to rescuers in the Idlib countryside. Eleven people were hurt.\n\n"
    "Witnesses described hours of bombardment that began at dawn. Families fled to cellars, and a "
    "woman and two children were among those killed, the Syrian Observatory for Human Rights reported.\n\n"
    "Damascus did not respond to a request for comment. It has said it fights only militants who "
    "rejected the ceasefire. The United Nations said it was alarmed and urged protection of civilians."
)


def article(article_id: str, text: str, title: str) -> Article:
    return Article(text=text, id=article_id, title=title, outlet="Test Wire")


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in extractor (an empty ledger per article) that records what it was asked to extract."""
    seen: list[str] = []

    def fake_extract(articles: Iterable[Article], *, workers: int = 1) -> Iterator[ExtractionResult]:
        for item in articles:
            seen.append(item.id)
            yield ExtractionResult(item.id, ledger=ArticleLedger(article=item))

    monkeypatch.setattr(parallel, "extract_parallel", fake_extract)
    return seen


def outcomes(store: SqlStore, articles: list[Article], **options: object) -> dict[str, str]:
    return {result.article_id: result.outcome for result in ingest(store, articles, **options)}  # type: ignore[arg-type]


def test_the_fixtures_are_what_they_claim() -> None:
    copy = jaccard(Fingerprint.of(ORIGINAL).shingles, Fingerprint.of(WIRE_COPY).shingles)
    own = jaccard(Fingerprint.of(ORIGINAL).shingles, Fingerprint.of(OWN_REPORT).shingles)
    assert 0.8 <= copy < 0.95 and own < 0.1


def test_a_wire_copy_in_a_later_run_is_linked_and_not_extracted(
    store: SqlStore, extracted: list[str]
) -> None:
    assert outcomes(store, [article("original", ORIGINAL, "Shelling kills four in Saraqib")]) == {
        "original": "stored"
    }
    later = [
        article("copy", WIRE_COPY, "Toll rises to six after Saraqib shelling"),
        article("own", OWN_REPORT, "Four civilians killed in Saraqib"),
    ]
    assert outcomes(store, later) == {"copy": "near-duplicate", "own": "stored"}
    assert extracted == ["original", "own"]  # the copy was not coded twice
    original, similarity = near_duplicate_of(store, "copy")  # type: ignore[misc]
    assert original == "original" and 0.8 <= similarity < 0.95
    assert near_duplicate_of(store, "own") is None
    assert store.get_ledger("copy").article.title == "Toll rises to six after Saraqib shelling"
    assert store.get_ledger("copy").article.text == WIRE_COPY  # its own text is kept
    # a second run over the same input changes nothing
    assert outcomes(store, later) == {"copy": "unchanged", "own": "unchanged"}


def test_copies_in_one_run_wait_for_their_original(store: SqlStore, extracted: list[str]) -> None:
    batch = [
        article("original", ORIGINAL, "Shelling kills four in Saraqib"),
        article("copy", WIRE_COPY, "Toll rises to six"),
        article("own", OWN_REPORT, "Four civilians killed"),
    ]
    results = list(ingest(store, batch))
    assert [(r.article_id, r.outcome) for r in results] == [
        ("original", "stored"),
        ("copy", "near-duplicate"),
        ("own", "stored"),
    ]
    assert results[1].duplicate_of == "original"
    assert extracted == ["original", "own"]


def test_the_threshold_decides_and_zero_turns_detection_off(store: SqlStore, extracted: list[str]) -> None:
    outcomes(store, [article("original", ORIGINAL, "t")])
    assert outcomes(store, [article("copy", WIRE_COPY, "t")], near_dup_threshold=0.97) == {"copy": "stored"}
    assert outcomes(store, [article("copy-2", WIRE_COPY + " ", "t")], near_dup_threshold=None) == {
        "copy-2": "stored"
    }


def test_an_older_store_is_indexed_on_the_next_ingest(store: SqlStore, extracted: list[str]) -> None:
    store.put(ArticleLedger(article=article("original", ORIGINAL, "t")))
    store._execute("DELETE FROM article_bands")  # as a store written before the index existed
    assert outcomes(store, [article("copy", WIRE_COPY, "t")]) == {"copy": "near-duplicate"}


def test_an_original_whose_text_changes_is_reindexed(store: SqlStore, extracted: list[str]) -> None:
    outcomes(store, [article("original", ORIGINAL, "t")])
    outcomes(store, [article("original", OWN_REPORT, "t")])  # the same id, now another text
    assert outcomes(store, [article("copy", WIRE_COPY, "t")]) == {"copy": "stored"}
    assert outcomes(store, [article("own-copy", OWN_REPORT + "\n\nMore to follow.", "t")]) == {
        "own-copy": "near-duplicate"
    }
