"""``khabar eval geoparsing PATH``: toponym recognition and resolution on GeoWebNews, LGL, GeoVirus.

PATH is one of ``GWN.xml``, ``lgl.xml``, ``GeoVirus.xml`` (Gritta et al.'s formats), or the
folder holding them (then all three are scored). Metrics:

* ``toponym_recall``: gold toponyms with coordinates overlapped by a predicted place mention
  (nationality adjectives such as "Irish", which GeoWebNews annotates, are left out here
  because ``places`` leaves them to the actor stage; ``toponym_recall_with_adjectives`` keeps them);
* ``precision``: predicted mentions that overlap a gold toponym (LGL and GeoVirus do not
  annotate every toponym, so this is a lower bound there);
* ``acc_161km``: resolved gold toponyms whose predicted place lies within 161 km (100 miles)
  of the gold coordinates, with ``mean_error_km``, ``median_error_km`` and ``auc`` (the mean
  of log(1 + error) / log(20039): 0 is perfect, lower is better, as in Gritta et al. 2019).
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import KhabarError
from ..gazetteer import is_demonym
from ..pipeline.places import _distance_km
from . import Anchor, EvalReport, Progress

#: file name -> the short name of the set
SETS = {"gwn.xml": "GWN", "lgl.xml": "LGL", "geovirus.xml": "GeoVirus"}
ANCHORS = {
    "GWN": {"acc_161km": Anchor(0.941, "Mordecai3 (2023)")},
    "LGL": {"acc_161km": Anchor(0.827, "Mordecai3 (2023)")},
}
GOALS = {"GWN": {"acc_161km": 0.94, "toponym_recall": 0.80}}
#: the largest possible error on Earth, for the AUC normalisation
MAX_ERROR_KM = 20039.0
#: GeoWebNews types that mark a span as not a toponym at all
NON_TOPONYM_TYPES = frozenset({"Non_Toponym", "Non_Lit_Expression", "Literal_Expression"})


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    countable: bool  # a toponym proper (not a non-toponym or an expression)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_articles(path: Path) -> list[GoldArticle]:
    """Articles and gold toponyms of one of the three files (format told by the file name)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise KhabarError("E032", path=path, detail=str(exc)) from exc
    kind = SETS.get(path.name.casefold())
    reader = {"GWN": _gwn_article, "LGL": _lgl_article, "GeoVirus": _geovirus_article}.get(kind or "")
    if reader is None:
        raise KhabarError("E032", path=path, detail="expected GWN.xml, lgl.xml or GeoVirus.xml")
    return [reader(article) for article in root.iter("article")]


def _float(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


def _gwn_article(article: ET.Element) -> GoldArticle:
    toponyms = []
    for node in article.iter("toponym"):
        kind = node.findtext("type") or ""
        toponyms.append(
            GoldToponym(
                start=int(node.findtext("start") or 0),
                end=int(node.findtext("end") or 0),
                text=node.findtext("extractedName") or "",
                lat=_float(node.findtext("latitude")),
                lon=_float(node.findtext("longitude")),
                countable=kind not in NON_TOPONYM_TYPES and node.findtext("nonLocational") != "Yes",
            )
        )
    return GoldArticle(article.findtext("text") or "", tuple(toponyms))


def _lgl_article(article: ET.Element) -> GoldArticle:
    toponyms = []
    for node in article.iter("toponym"):
        gaztag = node.find("gaztag")
        toponyms.append(
            GoldToponym(
                start=int(node.findtext("start") or 0),
                end=int(node.findtext("end") or 0),
                text=node.findtext("phrase") or "",
                lat=_float(gaztag.findtext("lat")) if gaztag is not None else None,
                lon=_float(gaztag.findtext("lon")) if gaztag is not None else None,
                countable=True,
            )
        )
    return GoldArticle(article.findtext("text") or "", tuple(toponyms))


def _geovirus_article(article: ET.Element) -> GoldArticle:
    # GeoVirus counts offsets from 1: shift them to Python's 0-based offsets
    toponyms = [
        GoldToponym(
            start=int(node.findtext("start") or 1) - 1,
            end=int(node.findtext("end") or 1) - 1,
            text=node.findtext("name") or "",
            lat=_float(node.findtext("lat")),
            lon=_float(node.findtext("lon")),
            countable=True,
        )
        for node in article.iter("location")
    ]
    return GoldArticle(article.findtext("text") or "", tuple(toponyms))


@dataclass(slots=True)
class Tally:
    gold: int = 0
    gold_found: int = 0
    gold_with_adjectives: int = 0
    found_with_adjectives: int = 0
    predicted: int = 0
    predicted_correct: int = 0
    errors_km: list[float] | None = None
    seconds: float = 0.0
    articles: int = 0
    words: int = 0


def evaluate(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> EvalReport:
    """Score the places stage on one file, or on all three files of a folder."""
    files = sorted(p for p in path.iterdir() if p.name.casefold() in SETS) if path.is_dir() else [path]
    if not files:
        raise KhabarError("E032", path=path, detail="no GWN.xml, lgl.xml or GeoVirus.xml in the folder")
    nlp = _places_pipeline()
    metrics: dict[str, float] = {}
    anchors: dict[str, Anchor] = {}
    goals: dict[str, float] = {}
    details: dict[str, object] = {}
    n_items = 0
    for file in files:
        name = SETS[file.name.casefold()]
        articles = read_articles(file)[:limit]
        tally = _score(nlp, articles, progress)
        prefix = "" if len(files) == 1 else f"{name}."
        for key, value in _metrics(tally).items():
            metrics[prefix + key] = value
        anchors.update({prefix + key: anchor for key, anchor in ANCHORS.get(name, {}).items()})
        goals.update({prefix + key: goal for key, goal in GOALS.get(name, {}).items()})
        details[name] = {
            "articles": tally.articles,
            "gold_toponyms": tally.gold,
            "predicted": tally.predicted,
        }
        n_items += len(articles)
    return EvalReport(
        name="geoparsing",
        dataset=str(path),
        n_items=n_items,
        metrics=metrics,
        anchors=anchors,
        goals=goals,
        details=details,
        notes=[
            "recall counts gold toponyms with coordinates; toponym_recall leaves out nationality adjectives",
            "precision is a lower bound on LGL and GeoVirus, which do not annotate every toponym",
        ],
    )


def _places_pipeline():
    """The English model with only the places stage: what the geoparsing sets measure."""
    from ..pipeline import (
        factories,  # noqa: F401 - registers the factories
        load_base_model,
    )
    from ..pipeline.extensions import register_extensions

    register_extensions()
    nlp = load_base_model()
    nlp.add_pipe("khabar_places")
    return nlp


def _score(nlp, articles: list[GoldArticle], progress: Progress | None) -> Tally:
    tally = Tally(errors_km=[])
    started = time.perf_counter()
    texts = (article.text for article in articles)
    for done, (article, doc) in enumerate(zip(articles, nlp.pipe(texts, batch_size=8), strict=True), start=1):
        _score_article(article, doc._.places, tally)
        tally.words += len(doc)
        if progress:
            progress(done, len(articles))
    tally.seconds = time.perf_counter() - started
    tally.articles = len(articles)
    return tally


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def _score_article(article: GoldArticle, mentions: list, tally: Tally) -> None:
    assert tally.errors_km is not None
    gold_spans = [t for t in article.toponyms if t.countable or t.lat is not None]
    for mention in mentions:
        tally.predicted += 1
        if any(_overlaps(mention.span.start, mention.span.end, t.start, t.end) for t in gold_spans):
            tally.predicted_correct += 1
    for toponym in article.toponyms:
        if toponym.lat is None or toponym.lon is None:
            continue
        adjective = is_demonym(toponym.text)
        match = next(
            (m for m in mentions if _overlaps(m.span.start, m.span.end, toponym.start, toponym.end)), None
        )
        tally.gold_with_adjectives += 1
        tally.found_with_adjectives += match is not None
        if adjective:
            continue
        tally.gold += 1
        if match is None:
            continue
        tally.gold_found += 1
        tally.errors_km.append(_distance_km(match.place.lat, match.place.lon, toponym.lat, toponym.lon))


def _metrics(tally: Tally) -> dict[str, float]:
    errors = tally.errors_km or []
    within = sum(error <= 161 for error in errors)
    return {
        "toponym_recall": _ratio(tally.gold_found, tally.gold),
        "toponym_recall_with_adjectives": _ratio(tally.found_with_adjectives, tally.gold_with_adjectives),
        "precision": _ratio(tally.predicted_correct, tally.predicted),
        "acc_161km": _ratio(within, len(errors)),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
        "auc": round(statistics.fmean(math.log1p(e) / math.log(MAX_ERROR_KM) for e in errors), 4)
        if errors
        else 0.0,
        "ms_per_article": round(1000 * tally.seconds / max(tally.articles, 1), 1),
        "words_per_second": round(tally.words / tally.seconds) if tally.seconds else 0.0,
    }


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0
