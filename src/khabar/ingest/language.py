"""Is an input English? A cheap stop-word test first, a statistical detector when in doubt.

English news text is about 40% function words from a short list, other languages a few
percent, so most inputs are settled without ``langdetect`` (which takes about a second to
load its profiles). ``langdetect`` is seeded, so the same text always gets the same answer.
"""

from __future__ import annotations

import re
from functools import cache

from ..langdata import data_path

#: below this many words no test is reliable; short inputs pass as English
MIN_WORDS_TO_JUDGE = 12
#: share of stop words above which a sample is English without asking the detector
ENGLISH_STOP_WORD_SHARE = 0.2
#: how much of the text the tests look at: enough to judge, cheap on long inputs
SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def english_stop_words() -> frozenset[str]:
    path = data_path("en", "language", "stop_words.txt")
    with path.open(encoding="utf-8") as handle:
        lines = (line.strip() for line in handle)
        return frozenset(line for line in lines if line and not line.startswith("#"))


def stop_word_share(words: list[str]) -> float:
    stop_words = english_stop_words()
    return sum(1 for word in words if word.lower() in stop_words) / len(words) if words else 0.0


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language; None when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS_TO_JUDGE:
        return None
    if stop_word_share(words) >= ENGLISH_STOP_WORD_SHARE:
        return "en"
    return _statistical_language(sample)


def _statistical_language(sample: str) -> str | None:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        language: str = detect(sample)
    except LangDetectException:
        return None
    return language
