"""Framing: lexicon spans, rule spans, their extents, techniques, neutral forms and voice."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.strings import get_string_id

from khabar.model import Framing
from khabar.pipeline.framing import OUTLET, QUOTED, _local_voice, find_framing
from khabar.pipeline.framing_features import (
    DENSE_PARTS,
    FEATURE_SPACE,
    N_TEMPLATES,
    TEMPLATES,
    WORD_TEMPLATE,
    DocFeatures,
    doc_features,
    word_slots,
)
from khabar.pipeline.framing_lexicon import TECHNIQUES, framing_lexicon
from khabar.pipeline.framing_model import SpanModel
from khabar.pipeline.framing_techniques import WordCounts


def framing_of(nlp: Language, text: str, *, local_voice: bool = True) -> list[Framing]:
    doc = nlp(text)
    return find_framing(doc, voice_at=_local_voice(text) if local_voice else None)


def found(framing: list[Framing]) -> set[tuple[str, str]]:
    return {(item.span.text, item.technique) for item in framing}


def test_every_lexicon_technique_is_a_semeval_name() -> None:
    lexicon = framing_lexicon()
    assert lexicon.entries
    assert {entry.technique for entry in lexicon.entries.values()} <= set(TECHNIQUES)


def test_labels_grow_over_their_nouns_and_merge_with_loaded_modifiers(base_nlp: Language) -> None:
    text = (
        "Government troops pushed back foreign-funded terrorists near the river. "
        "Takfiri gunmen shelled a school, while regime forces held the bridge. "
        "The minister denounced the illegitimate regime in the capital."
    )
    result = found(framing_of(base_nlp, text))
    assert ("foreign-funded terrorists", "Name_Calling,Labeling") in result
    assert ("Takfiri gunmen", "Name_Calling,Labeling") in result
    assert ("regime forces", "Name_Calling,Labeling") in result
    assert ("illegitimate regime", "Name_Calling,Labeling") in result


def test_neutral_alternatives(base_nlp: Language) -> None:
    text = "Takfiri gunmen and terrorists attacked; the martyrs were buried after the town was liberated."
    neutral = {item.span.text: item.neutral for item in framing_of(base_nlp, text)}
    assert neutral["Takfiri gunmen"] == "gunmen"  # no neutral word for "Takfiri": it goes
    assert neutral["terrorists"] == "armed opposition groups"
    assert neutral["martyrs"] == "killed people"
    assert neutral["liberated"] == "captured"


def test_offsets_are_character_offsets_into_the_text(base_nlp: Language) -> None:
    text = "Officials said the barbaric assault on the so-called “safe zone” was planned."
    for item in framing_of(base_nlp, text):
        assert text[item.span.start : item.span.end] == item.span.text


def test_quoted_only_terms_are_framing_in_a_speakers_mouth_not_in_narration(base_nlp: Language) -> None:
    narration = framing_of(base_nlp, "Survivors of the 1995 massacre gathered at the memorial on Monday.")
    assert not [item for item in narration if item.span.text == "massacre"]
    quoted = framing_of(base_nlp, 'The minister said: "This is a massacre and a genocide."')
    assert ("genocide", "Exaggeration,Minimisation") in found(quoted)
    assert {item.voice for item in quoted} == {QUOTED}


def test_flag_waving_spans_the_clause(base_nlp: Language) -> None:
    text = 'The general said: "We will never forget the sacrifice of our brave soldiers."'
    flag = [item for item in framing_of(base_nlp, text) if item.technique == "Flag-Waving"]
    assert flag, "no Flag-Waving span"
    assert "sacrifice of our brave soldiers" in flag[0].span.text
    assert not flag[0].span.text.endswith((".", '"'))


def test_a_plain_our_soldiers_is_not_flag_waving(base_nlp: Language) -> None:
    text = "The governor said our soldiers were moved to the border on Tuesday."
    assert not [item for item in framing_of(base_nlp, text) if item.technique == "Flag-Waving"]


def test_reductio_needs_a_comparator_for_atrocity_names(base_nlp: Language) -> None:
    plain = framing_of(base_nlp, "The court in Bosnia heard three witnesses on Monday.")
    assert not [item for item in plain if item.technique == "Bandwagon,Reductio_ad_hitlerum"]
    compared = framing_of(base_nlp, "He warned that the city would become another Srebrenica.")
    assert ("another Srebrenica", "Bandwagon,Reductio_ad_hitlerum") in found(compared)
    hitler = framing_of(base_nlp, "Protesters called the governor a new Hitler.")
    assert ("a new Hitler", "Bandwagon,Reductio_ad_hitlerum") in found(hitler)


def test_doubt_and_slogans(base_nlp: Language) -> None:
    text = "The so-called peace council met again. Supporters posted #StandWithTheArmy all night."
    result = found(framing_of(base_nlp, text))
    assert ("so-called peace council", "Doubt") in result
    assert ("#StandWithTheArmy", "Slogans") in result


def test_repetition_marks_later_uses_of_a_loaded_term(base_nlp: Language) -> None:
    text = "It was a disgrace. The vote was a disgrace. The whole affair is a disgrace."
    repeated = [item for item in framing_of(base_nlp, text) if item.technique == "Repetition"]
    assert len(repeated) == 2
    assert all(item.span.text == "disgrace" for item in repeated)


def test_local_voice_rule() -> None:
    text = 'The outlet wrote this. "And this," he said.'
    voice_at = _local_voice(text)
    assert voice_at(0, 10) == OUTLET
    assert voice_at(text.index("And"), text.index("And") + 3) == QUOTED


def test_pipeline_sets_doc_framing_and_the_ledger_carries_it(nlp: Language) -> None:
    from khabar.extract import ledger_of
    from khabar.model import Article

    text = "Terrorists shelled the town of Kafr Rumah on Tuesday, killing three civilians."
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text)
    doc = nlp(doc)
    assert [item.span.text for item in doc._.framing] == ["Terrorists"]
    ledger = ledger_of(doc)
    assert ledger.to_dict()["framing"][0]["technique"] == "Name_Calling,Labeling"


MUST = [
    ("foreign-sponsored terrorists", "Name_Calling,Labeling", "outlet"),
    ("Takfiri militants", "Name_Calling,Labeling", "outlet"),
    ("illegitimate regime", "Name_Calling,Labeling", "Fahrettin Altun"),
    ("genocide", "Exaggeration,Minimisation", "Fahrettin Altun"),
    (
        "The blood of our heroic soldiers will not be left on the ground",
        "Flag-Waving",
        "Fahrettin Altun",
    ),
]


def test_seed_must_spans(base_nlp: Language, shared_data: Path) -> None:
    text = (shared_data / "seed" / "idlib-2020-02-27.txt").read_text(encoding="utf-8")
    framing = find_framing(base_nlp(text))
    by_span = {(item.span.text, item.technique): item for item in framing}
    for span_text, technique, voice in MUST:
        item = by_span.get((span_text, technique))
        assert item is not None, f"missing {technique} span {span_text!r}"
        assert text[item.span.start : item.span.end] == span_text
        if voice == "outlet":
            assert item.voice == OUTLET
        else:
            try:
                from khabar.pipeline.quotes import voice_at  # noqa: F401
            except ImportError:
                assert item.voice == QUOTED
            else:
                assert voice in item.voice


@pytest.mark.parametrize("technique", ["Flag-Waving", "Bandwagon,Reductio_ad_hitlerum"])
def test_seed_should_spans_by_rule(base_nlp: Language, shared_data: Path, technique: str) -> None:
    text = (shared_data / "seed" / "idlib-2020-02-27.txt").read_text(encoding="utf-8")
    spans = {item.span.text for item in find_framing(base_nlp(text)) if item.technique == technique}
    expected = {
        "Flag-Waving": "until the hands reaching for our flag are broken",
        "Bandwagon,Reductio_ad_hitlerum": "what happened in Rwanda and Bosnia",
    }[technique]
    assert expected in spans


def _features(sentence: list[int], light: list[bool], content: list[bool], words: list[str]) -> DocFeatures:
    """Hand-made features of a short document (only the word column is filled)."""
    sparse = np.full((len(words), N_TEMPLATES), FEATURE_SPACE, dtype=np.int64)
    sparse[:, WORD_TEMPLATE] = word_slots(words)
    return DocFeatures(
        sparse=sparse,
        dense=np.zeros((len(words), 0), dtype=np.float32),
        words=np.array([get_string_id(word) for word in words], dtype=np.uint64),
        sentence=np.array(sentence),
        light=np.array(light),
        content=np.array(content),
        token_index=np.arange(len(words)),
    )


def test_a_gated_sentence_spans_its_first_to_last_likely_token() -> None:
    words = ["the", "shameless", "liar", "said", "it", ".", "rain", "fell", "."]
    features = _features(
        sentence=[0, 0, 0, 0, 0, 0, 1, 1, 1],
        light=[True, False, False, False, True, True, False, False, True],
        content=[False, True, True, True, False, False, True, True, False],
        words=words,
    )
    model = SpanModel(np.zeros(FEATURE_SPACE + 1, np.float32), np.zeros(0, np.float32), 0.6, 0.3)
    probabilities = np.array([0.4, 0.9, 0.2, 0.35, 0.5, 0.1, 0.5, 0.4, 0.1])
    # sentence 0 passes the gate (0.9); its likely tokens run from "the" to "it", trimmed of the
    # stop words at the edges; sentence 1 never passes 0.6, so its likely tokens are no span
    assert model.decode(features, probabilities) == [(1, 4)]
    looser = SpanModel(model.weights, model.dense, 0.45, 0.3)
    assert looser.decode(features, probabilities) == [(1, 4), (6, 8)]


def test_a_span_near_its_sentences_end_runs_to_that_end() -> None:
    words = ["they", "are", "vile", "cowards", "today", "."]
    features = _features(
        [0] * 6, [True, True, False, False, False, True], [False, False, True, True, True, False], words
    )
    probabilities = np.array([0.1, 0.2, 0.9, 0.2, 0.1, 0.05])
    weights, dense = np.zeros(FEATURE_SPACE + 1, np.float32), np.zeros(0, np.float32)
    assert SpanModel(weights, dense, 0.5, 0.3).decode(features, probabilities) == [(2, 3)]
    # "vile" is 3 tokens before the sentence's end: within 3 the span runs on, less the final mark
    assert SpanModel(weights, dense, 0.5, 0.3, snap_end=3).decode(features, probabilities) == [(2, 5)]
    assert SpanModel(weights, dense, 0.5, 0.3, snap_end=2).decode(features, probabilities) == [(2, 3)]


def test_a_learned_span_needs_a_word_the_model_supports() -> None:
    words = ["shameless", "town", ".", "the", "town", "."]
    features = _features([0, 0, 0, 1, 1, 1], [False, False, True, True, False, True], [True] * 6, words)
    weights = np.zeros(FEATURE_SPACE + 1, dtype=np.float32)
    weights[word_slots(["shameless"])[0]] = 2.0
    probabilities = np.array([0.9, 0.9, 0.1, 0.9, 0.9, 0.1])
    loose = SpanModel(weights, np.zeros(0, np.float32), 0.5, 0.5)
    strict = SpanModel(weights, np.zeros(0, np.float32), 0.5, 0.5, support=0.5)
    assert loose.decode(features, probabilities) == [(0, 2), (4, 5)]
    # only the first sentence's span holds a word the weights support
    assert strict.decode(features, probabilities) == [(0, 2)]


def test_doc_features_are_built_per_sentence_from_the_parse_and_the_tensor(base_nlp: Language) -> None:
    doc = base_nlp('He said "awful" things. Rain fell.')
    features = doc_features(doc)
    assert features.sparse.shape == (len(doc), N_TEMPLATES)
    assert features.sentence.tolist() == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]
    assert features.dense.shape == (len(doc), DENSE_PARTS * doc.tensor.shape[1])
    # the neighbour after the last token of a sentence is the sentence end, not the next word
    after = TEMPLATES.index("w+1")
    assert features.sparse[6, after] == features.sparse[9, after]
    assert features.sparse[6, after] != features.sparse[7, after] or doc[7].lower_ == doc[8].lower_
    # "awful" is between quote marks, "said" is not
    quoted = TEMPLATES.index("quoted")
    assert features.sparse[3, quoted] != features.sparse[1, quoted]
    # the word column is what the support check reads
    assert features.sparse[3, WORD_TEMPLATE] == word_slots(["awful"])[0]
    # word counts of the article, from the string ids, read like a Counter of words
    counts = WordCounts.of(features.words)
    assert counts["awful"] == 1 and counts["."] == 2 and counts["absent"] == 0
    # a document without a tensor (no token-to-vector layer) has no dense part
    assert doc_features(base_nlp.make_doc("Rain fell.")).dense.shape == (3, 0)


def test_unattributed_quotes_are_a_partys_words(base_nlp: Language) -> None:
    text = 'Residents called it "a massacre" on Monday.'
    inner = text.index("a massacre")
    framing = find_framing(
        base_nlp(text),
        voice_at=lambda start, end: "unattributed" if inner <= start and end <= inner + 10 else OUTLET,
        use_model=False,
    )
    assert ("massacre", "unattributed") in {(item.span.text, item.voice) for item in framing}


def test_learned_tagger_adds_to_the_rules_when_switched_on(base_nlp: Language) -> None:
    from khabar.pipeline.framing_model import span_model

    model = span_model()
    assert model is not None and 0 < model.token_threshold <= model.sentence_threshold < 1
    text = (
        "This pathetic stunt by the senator is an insult to every decent voter, and his "
        "shameless allies keep lying about it again and again!"
    )
    doc = base_nlp(text)
    voice_at = _local_voice(text)
    rules = find_framing(doc, voice_at=voice_at, use_model=False)
    learned = find_framing(doc, voice_at=voice_at, use_model=True)
    assert found(rules) <= found(learned)
    extra = [item for item in learned if (item.span.text, item.technique) not in found(rules)]
    assert extra, "the tagger found nothing beyond the rules on an opinion sentence"
    assert {item.technique for item in extra} <= set(TECHNIQUES)
    assert all(not item.span.text.endswith((",", "!")) for item in extra)


def test_the_technique_model_learns_which_technique_a_span_uses() -> None:
    from collections import Counter

    import numpy as np

    from khabar.pipeline.framing_model import TokenView
    from khabar.pipeline.framing_techniques import TechniqueModel, fit_techniques, padded, span_features

    def view(word: str, pos: str) -> TokenView:
        return TokenView(word, word, pos, pos, "dep", word, light=False)

    counts: Counter[str] = Counter({"traitors": 1, "disgrace": 5})
    label = [view("traitors", "NOUN")]
    repeated = [view("disgrace", "NOUN")]
    rows = [span_features(label, 0, 1, counts, "traitors"), span_features(repeated, 0, 1, counts, "disgrace")]
    classes = [TECHNIQUES.index("Name_Calling,Labeling"), TECHNIQUES.index("Repetition")]
    model = TechniqueModel(fit_techniques(padded(rows * 8), np.array(classes * 8), epochs=3))
    assert model.technique(rows[0]) == "Name_Calling,Labeling"
    assert model.technique(rows[1]) == "Repetition"


def test_the_default_stage_leaves_plain_wire_copy_alone(base_nlp: Language) -> None:
    # the learned tagger is on by default; trained on opinion pieces, it must not mark the
    # plain words of a wire report ("province", "fighting", "killed") as loaded
    text = (
        "The U.N. Security Council will meet on Friday to discuss the situation in northwest Syria, "
        "diplomats said. Turkey said two of its soldiers were killed in an air strike in Idlib province "
        "on Thursday. Government forces captured the village of Kafr Nabl after two days of fighting, "
        "state media reported. A spokesman declined to comment on the report."
    )
    assert framing_of(base_nlp, text) == []
