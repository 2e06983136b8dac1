"""``khabar eval ptc``: propaganda spans on the Propaganda Techniques Corpus (SemEval-2020 task 11).

PATH is the PTC folder: ``train-articles/article<ID>.txt`` and the gold labels
(``train-task-flc-tc.labels``, or one file per article in ``train-labels-task-flc-tc/``:
``ID <tab> technique <tab> start <tab> end``).

**Split.** Only PTC's train part is distributed here, so khabar evaluates on a fixed part of it:
an article is *held out* when ``sha1(id) % 10 < 3`` (about 30%, 119 of 371 articles). The lexicon
was curated and any model trained on the rest only; nothing is tuned on the held-out part.
``evaluate(..., split="train")`` scores the other part, for development.

**Metrics.**

- ``si_precision`` / ``si_recall`` / ``si_f1``: task SI, the official span-identification
  measure with partial-overlap credit (Da San Martino et al. 2020): for predicted spans S and
  gold spans T (spans of one article that share a character merged, as the SemEval scorer
  and the SI gold files do; touching spans stay apart),
  P = Σ_{s,t} |s∩t| / |s| / |S| and R = Σ_{s,t} |s∩t| / |t| / |T|, summed over the corpus.
- ``f1:<technique>``: per-technique F1 in the manner of the FLC scorer: the same partial-overlap
  measure, counting only predicted and gold spans of that technique (so it scores span and
  technique together; a technique khabar never predicts scores 0).
- ``flc_micro_f1``: the same measure over all (span, technique) pairs.
- ``si_*``, ``f1:*`` and ``flc_micro_f1`` score the stage as shipped (``USE_MODEL_DEFAULT``:
  rules, lexicon and the learned span tagger of ``khabar.pipeline.framing_model``);
  ``rules_*`` the same without the tagger (``use_model=False``), to show what each part adds.
- ``per_technique`` (details): precision, recall and counts of the shipped stage, and
  ``model_only_spans``: how many spans come from the tagger alone.

The framing stage runs alone on the base model (named entities and lemmas are not needed), with
the local quote-mark rule for voice: the quotes stage only changes who a span is attributed to,
and PTC does not score voice.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import KhabarError
from ..model import Framing
from ..pipeline import load_base_model
from ..pipeline.framing import LOADED, USE_MODEL_DEFAULT, _local_voice, build_framing_matchers, find_framing
from ..pipeline.framing_lexicon import TECHNIQUES
from . import Anchor, EvalReport, Progress

HELD_OUT_PERCENT = 30
GOAL = 0.52
ANCHOR = Anchor(0.516, "best SemEval-2020 task 11 SI system (Hitachi, test set)")
#: pipeline stages the framing rules need: tags, POS and the parse; the rest is skipped
UNUSED_PIPES = ("ner", "lemmatizer")

Interval = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    technique: str


def split_of(article_id: str) -> str:
    """ "heldout" for the fixed ~30% evaluation part of PTC train, else "train"."""
    digest = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16)
    return "heldout" if digest % 10 < HELD_OUT_PERCENT // 10 else "train"


def load_articles(path: Path) -> dict[str, str]:
    """Article id -> text, from ``train-articles/`` (E121 when the folder is missing)."""
    folder = path / "train-articles"
    if not folder.is_dir():
        raise KhabarError("E121", path=path)
    return {
        file.stem.removeprefix("article"): file.read_text(encoding="utf-8")
        for file in sorted(folder.glob("article*.txt"))
    }


def load_gold(path: Path) -> dict[str, list[GoldSpan]]:
    """Article id -> its gold technique spans."""
    single = path / "train-task-flc-tc.labels"
    files = [single] if single.is_file() else sorted((path / "train-labels-task-flc-tc").glob("*.labels"))
    if not files:
        raise KhabarError("E121", path=path)
    gold: defaultdict[str, list[GoldSpan]] = defaultdict(list)
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) == 4:
                gold[fields[0]].append(GoldSpan(int(fields[2]), int(fields[3]), fields[1]))
    return dict(gold)


# --- the scorer --------------------------------------------------------------------------


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Overlapping intervals of one article, merged (SI is binary).

    As the SemEval scorer merges (spans are sets of character offsets, joined when they share
    one): touching spans, [0, 5) and [5, 9), share none and stay two spans.
    """
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


@dataclass(slots=True)
class OverlapScore:
    """Running sums of the SemEval SI measure over a corpus."""

    precision_sum: float = 0.0
    recall_sum: float = 0.0
    n_predicted: int = 0
    n_gold: int = 0

    def add(self, predicted: list[Interval], gold: list[Interval]) -> None:
        self.n_predicted += len(predicted)
        self.n_gold += len(gold)
        for p_start, p_end in predicted:
            for g_start, g_end in gold:
                overlap = min(p_end, g_end) - max(p_start, g_start)
                if overlap > 0:
                    self.precision_sum += overlap / (p_end - p_start)
                    self.recall_sum += overlap / (g_end - g_start)

    @property
    def precision(self) -> float:
        return self.precision_sum / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.recall_sum / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    predictions: dict[str, list[Framing]], gold: dict[str, list[GoldSpan]]
) -> tuple[OverlapScore, dict[str, OverlapScore], OverlapScore]:
    """SI score, per-technique scores and the FLC micro score over the articles of ``predictions``."""
    si = OverlapScore()
    flc = OverlapScore()
    by_technique = {technique: OverlapScore() for technique in TECHNIQUES}
    for article_id, framing in predictions.items():
        gold_spans = gold.get(article_id, [])
        si.add(
            merge_intervals((f.span.start, f.span.end) for f in framing),
            merge_intervals((g.start, g.end) for g in gold_spans),
        )
        for technique, scorer in by_technique.items():
            predicted = merge_intervals(
                (f.span.start, f.span.end) for f in framing if f.technique == technique
            )
            expected = merge_intervals((g.start, g.end) for g in gold_spans if g.technique == technique)
            scorer.add(predicted, expected)
            flc.add(predicted, expected)
    return si, by_technique, flc


# --- the run -----------------------------------------------------------------------------


def predict(
    texts: dict[str, str], *, progress: Progress | None = None
) -> Iterator[tuple[str, list[Framing], list[Framing]]]:
    """The framing stage alone over ``texts`` (id -> text), on the base model.

    Yields (id, spans of the stage as shipped, spans of the rules and lexicon alone).
    """
    nlp = load_base_model()
    disabled = [name for name in UNUSED_PIPES if name in nlp.pipe_names]
    matchers = build_framing_matchers(nlp.vocab)
    ids = list(texts)
    with nlp.select_pipes(disable=disabled):
        docs = nlp.pipe(texts[i] for i in ids)
        for number, (article_id, doc) in enumerate(zip(ids, docs, strict=True), start=1):
            voice_at = _local_voice(texts[article_id])
            shipped = find_framing(doc, matchers=matchers, voice_at=voice_at, use_model=USE_MODEL_DEFAULT)
            rules = find_framing(doc, matchers=matchers, voice_at=voice_at, use_model=False)
            yield article_id, shipped, rules
            if progress is not None:
                progress(number, len(ids))


def evaluate(
    path: Path, *, limit: int | None = None, progress: Progress | None = None, split: str = "heldout"
) -> EvalReport:
    articles = load_articles(path)
    gold = load_gold(path)
    texts = {key: text for key, text in sorted(articles.items()) if split_of(key) == split}
    if limit is not None:
        texts = dict(list(texts.items())[:limit])
    started = time.perf_counter()
    predictions, rules_only = {}, {}
    for article_id, shipped, rules in predict(texts, progress=progress):
        predictions[article_id], rules_only[article_id] = shipped, rules
    seconds = time.perf_counter() - started
    si, by_technique, flc = score(predictions, gold)
    rules_si, _, rules_flc = score(rules_only, gold)
    metrics = {
        "si_precision": round(si.precision, 4),
        "si_recall": round(si.recall, 4),
        "si_f1": round(si.f1, 4),
        "flc_micro_f1": round(flc.f1, 4),
        "rules_si_precision": round(rules_si.precision, 4),
        "rules_si_recall": round(rules_si.recall, 4),
        "rules_si_f1": round(rules_si.f1, 4),
        "rules_flc_micro_f1": round(rules_flc.f1, 4),
    }
    metrics |= {f"f1:{technique}": round(s.f1, 4) for technique, s in by_technique.items()}
    return EvalReport(
        name="ptc",
        dataset=f"PTC train, {split} split (sha1(id) % 10 < 3 is held out)",
        n_items=len(texts),
        metrics=metrics,
        anchors={"si_f1": ANCHOR},
        goals={"si_f1": GOAL},
        details={
            "predicted_spans": si.n_predicted,
            "rules_predicted_spans": rules_si.n_predicted,
            "model_only_spans": _model_only(predictions, rules_only),
            "gold_spans_merged": si.n_gold,
            "seconds": round(seconds, 1),
            "chars_per_second": round(sum(map(len, texts.values())) / seconds) if seconds else None,
            "per_technique": {
                technique: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "predicted": s.n_predicted,
                    "gold": s.n_gold,
                }
                for technique, s in by_technique.items()
            },
        },
        notes=[
            "SI: SemEval-2020 task 11 partial-overlap precision/recall, overlapping spans merged.",
            "f1:<technique>: the same measure restricted to one technique (FLC-style).",
            "The framing stage runs alone on the base model (no NER, no lemmatizer); voice by quote marks.",
            f"si_*: the stage as shipped (use_model={USE_MODEL_DEFAULT}); rules_si_*: rules and "
            "lexicon alone (use_model=False); the tagger is trained on the train split only.",
        ],
    )


def _model_only(shipped: dict[str, list[Framing]], rules: dict[str, list[Framing]]) -> int:
    """How many shipped spans the rules did not find (the tagger's Loaded_Language spans)."""
    count = 0
    for article_id, framing in shipped.items():
        known = {(f.span.start, f.span.end, f.technique) for f in rules.get(article_id, [])}
        count += sum(
            1
            for f in framing
            if f.technique == LOADED and (f.span.start, f.span.end, f.technique) not in known
        )
    return count
