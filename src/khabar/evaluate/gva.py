"""``khabar eval gva``: killed and injured counts on gun-violence news (Gun Violence Archive labels).

The folder holds ``X_*.json`` (articles: ``text``, ``publish_date``, maybe ``title``) and
``y_*.json`` (``n_killed``, ``n_injured``, ``shooting_date``), aligned by position. Each
article runs through the whole pipeline once; it is scored twice:

- stage level (``killed_exact``...): ``find_counts`` + ``article_totals``, the count stage alone;
- pipeline level (``pipeline_killed_exact``...): the largest best figure over assembled events.

The default folder is the dev split; error analysis belongs on the train split, which the same
command scores when given its folder (``khabar eval gva ../shared/data/casualties-gva/train``,
with ``--limit N`` for its first N articles as a quicker sample), so the dev figures stay a
measurement.

A missing figure counts as 0, as GVA records an incident with no victims as 0. The shooting
date is scored twice: ``date_exact``, a baseline that takes the latest day-precision date on or
before publication, else the publication date itself; and ``pipeline_date_exact``, the date of
the assembled event with the most victims (an article with no event counts as wrong).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import KhabarError
from ..model import Article, DateMention, Event
from ..pipeline import factories, load_base_model, load_pipeline
from ..pipeline.counts import article_totals
from ..pipeline.dates import parse_published
from . import EvalReport, Progress

GOAL = 0.85
#: the factories module registers khabar's components; importing it is what makes them known
COMPONENTS = factories.KHABAR_COMPONENTS


def load_items(path: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(article, label) pairs of a GVA folder (dev ``X_val``/``y_val`` or train ``X_train``/...)."""
    articles = sorted(path.glob("X_*.json"))
    labels = sorted(path.glob("y_*.json"))
    if not articles or not labels:
        raise KhabarError("E041", path=path / "X_*.json")
    with articles[0].open(encoding="utf-8") as handle:
        xs = json.load(handle)
    with labels[0].open(encoding="utf-8") as handle:
        ys = json.load(handle)
    return list(zip(xs, ys, strict=True))


def _article(item: dict[str, Any], number: int) -> Article:
    title = item.get("title")
    text = f"{title}\n\n{item['text']}" if title else item["text"]
    try:
        published = parse_published(str(item.get("publish_date") or ""), name=f"gva #{number}")
    except KhabarError:
        published = None
    return Article(text=text, id=f"gva-{number}", published=published, title=title)


def stage_pipeline() -> Language:
    """The English model with only the date and count stages: the stage-level instrument."""
    nlp = load_base_model()
    nlp.add_pipe("khabar_dates")
    nlp.add_pipe("khabar_counts")
    return nlp


def _pipeline(notes: list[str]) -> Language:
    # the whole pipeline when it loads; the count stage alone when a later stage cannot
    # (a missing gazetteer index must not hide the count figures)
    try:
        return load_pipeline()
    except KhabarError as exc:
        notes.append(f"full pipeline unavailable, stage level only: {exc}")
        return stage_pipeline()


def _docs(items: list[tuple[dict[str, Any], dict[str, Any]]], nlp: Language) -> Iterator[Doc]:

    def make() -> Iterator[Doc]:
        for number, (item, _label) in enumerate(items):
            doc = nlp.make_doc(_article(item, number).text)
            doc._.article = _article(item, number)
            yield doc

    yield from nlp.pipe(make(), batch_size=16)


def _event_totals(events: list[Event] | None) -> tuple[int, int]:
    killed = [e.fatalities.best for e in events or [] if e.fatalities.best is not None]
    injured = [e.injured.best for e in events or [] if e.injured.best is not None]
    return max(killed, default=0), max(injured, default=0)


def main_event_date(events: list[Event] | None) -> str | None:
    """The ISO date of the event with the most victims (killed, then injured), if any."""
    if not events:
        return None
    main = max(events, key=lambda event: (event.fatalities.best or 0, event.injured.best or 0))
    return main.date.value.isoformat() if main.date.value else None


def shooting_date(dates: list[DateMention] | None, published: dt.date | None) -> dt.date | None:
    days = [
        d.value for d in dates or [] if d.precision == "day" and (published is None or d.value <= published)
    ]
    return max(days) if days else published


class Tally:
    """Exact matches, absolute errors and the confusion of errors for one pair of predictions."""

    def __init__(self) -> None:
        self.n = 0
        self.killed = 0
        self.injured = 0
        self.both = 0
        self.killed_error = 0
        self.injured_error = 0
        self.confusion: Counter[str] = Counter()

    def add(self, gold: tuple[int, int], predicted: tuple[int, int]) -> None:
        self.n += 1
        killed_ok = gold[0] == predicted[0]
        injured_ok = gold[1] == predicted[1]
        self.killed += killed_ok
        self.injured += injured_ok
        self.both += killed_ok and injured_ok
        self.killed_error += abs(gold[0] - predicted[0])
        self.injured_error += abs(gold[1] - predicted[1])
        if not killed_ok:
            self.confusion[f"killed gold {gold[0]} -> {predicted[0]}"] += 1
        if not injured_ok:
            self.confusion[f"injured gold {gold[1]} -> {predicted[1]}"] += 1

    def metrics(self, prefix: str = "") -> dict[str, float]:
        n = max(self.n, 1)
        return {
            f"{prefix}killed_exact": self.killed / n,
            f"{prefix}injured_exact": self.injured / n,
            f"{prefix}both_exact": self.both / n,
            f"{prefix}killed_mae": self.killed_error / n,
            f"{prefix}injured_mae": self.injured_error / n,
        }


def pipeline_error_category(
    gold: int, stage: int, pipeline: int, *, has_events: bool, has_figures: bool
) -> str | None:
    """Where a wrong pipeline figure comes from, so each error is sent to the stage that owns it.

    - ``no event coded``: the count stage was right (or found figures) but no event was assembled,
      so the figures had no event to attach to (event mentions / assembly);
    - ``count stage wrong``: the article's own figures are already wrong (counts);
    - ``event figure differs``: the count stage was right and events exist, but the figure on
      the events is not the article's (figure attachment across events, or the event policy);
    - ``over`` / ``under`` says which way.
    """
    if gold == pipeline:
        return None
    way = "over" if pipeline > gold else "under"
    if not has_events and (stage == gold or has_figures):
        return f"no event coded ({way})"
    if stage != gold:
        return f"count stage wrong ({way})"
    return f"event figure differs ({way})"


def evaluate(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> EvalReport:
    items = load_items(path)[:limit] if limit else load_items(path)
    notes = [
        "stage level: find_counts + article_totals; pipeline level: assembled events",
        "a missing figure counts as 0",
    ]
    nlp = _pipeline(notes)
    stage, pipeline = Tally(), Tally()
    categories: Counter[str] = Counter()
    dates_right = dates_known = event_dates_right = 0
    errors: list[dict[str, Any]] = []
    for number, doc in enumerate(_docs(items, nlp)):
        label = items[number][1]
        gold = (int(label["n_killed"]), int(label["n_injured"]))
        killed, injured = article_totals(doc._.counts or [])
        predicted = (killed or 0, injured or 0)
        stage.add(gold, predicted)
        events = _event_totals(doc._.events)
        pipeline.add(gold, events)
        for kind, index in (("killed", 0), ("injured", 1)):
            category = pipeline_error_category(
                gold[index],
                predicted[index],
                events[index],
                has_events=bool(doc._.events),
                has_figures=bool(doc._.counts),
            )
            if category is not None:
                categories[f"{kind}: {category}"] += 1
        if gold != predicted and len(errors) < 25:
            errors.append({"item": number, "gold": gold, "predicted": predicted})
        if label.get("shooting_date"):
            dates_known += 1
            guess = shooting_date(doc._.dates, doc._.article.published)
            dates_right += guess is not None and guess.isoformat() == label["shooting_date"]
            event_dates_right += main_event_date(doc._.events) == label["shooting_date"]
        if progress:
            progress(number + 1, len(items))
    metrics = stage.metrics() | pipeline.metrics("pipeline_")
    metrics["date_exact"] = dates_right / max(dates_known, 1)
    metrics["pipeline_date_exact"] = event_dates_right / max(dates_known, 1)
    return EvalReport(
        name="gva",
        dataset=str(path),
        n_items=len(items),
        metrics=metrics,
        goals={"killed_exact": GOAL, "injured_exact": GOAL},
        details={
            "stage_errors": dict(stage.confusion.most_common(12)),
            "pipeline_errors": dict(pipeline.confusion.most_common(12)),
            "pipeline_error_categories": dict(sorted(categories.items())),
            "first_errors": errors,
        },
        notes=notes,
    )
