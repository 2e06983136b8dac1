"""A speaker run on to the clause it tells, in copy without commas, on parses fixed by hand
(the parser's breaks and attachments in such copy vary with the text around them)."""

from __future__ import annotations

import datetime as dt

import pytest
from report_helpers import claim_at, ledger_of_report
from spacy.language import Language
from spacy.tokens import Doc

from khabar.pipeline.claim_attribution import _closed_clause, _run_in_clause


def tokens(text: str) -> list[str]:
    return text.split()


def parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str], **kw) -> Doc:
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, **kw)


def test_a_cue_run_on_as_a_conjunct_governs_the_clause_before_it(nlp: Language) -> None:
    # "Shells killed 12 people on Monday a monitor said with rockets hitting the market ."
    words = tokens("Shells killed 12 people on Monday a monitor said with rockets hitting the market .")
    heads = [1, 1, 3, 1, 1, 4, 7, 8, 1, 8, 9, 8, 13, 11, 8]
    deps = [
        "nsubj",
        "ROOT",
        "nummod",
        "dobj",
        "prep",
        "pobj",
        "det",
        "nsubj",
        "conj",
        "prep",
        "pobj",
        "xcomp",
        "det",
        "dobj",
        "punct",
    ]
    pos = [
        "NOUN",
        "VERB",
        "NUM",
        "NOUN",
        "ADP",
        "PROPN",
        "DET",
        "NOUN",
        "VERB",
        "ADP",
        "NOUN",
        "VERB",
        "DET",
        "NOUN",
        "PUNCT",
    ]
    doc = parsed(nlp, words, heads, deps, pos)
    governed = _run_in_clause(doc[8], doc[6:8])
    assert {1, 2, 3} <= governed and not governed & {6, 7, 8, 9}


def test_a_conjunct_cue_after_and_or_with_its_own_object_governs_nothing_before_it(nlp: Language) -> None:
    # "Shells hit the town and the report mentioned no deaths ."
    words = tokens("Shells hit the town and the report mentioned no deaths .")
    heads = [1, 1, 3, 1, 3, 6, 7, 1, 9, 7, 7]
    deps = ["nsubj", "ROOT", "det", "dobj", "cc", "det", "nsubj", "conj", "det", "dobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = parsed(nlp, words, heads, deps, pos)
    assert _run_in_clause(doc[7], doc[5:7]) == frozenset()


def test_a_fragment_broken_off_without_punctuation_carries_its_speaker_back(nlp: Language) -> None:
    # "A strike killed 38 people in eastern Syrias | Deir Ezzor province a monitor said ."
    words = tokens("A strike killed 38 people in eastern Syrias Deir Ezzor province a monitor said .")
    heads = [1, 2, 2, 4, 2, 2, 7, 5, 10, 10, 13, 12, 13, 13, 13]
    deps = [
        "det",
        "nsubj",
        "ROOT",
        "nummod",
        "dobj",
        "prep",
        "amod",
        "pobj",
        "compound",
        "compound",
        "nsubj",
        "det",
        "nsubj",
        "ROOT",
        "punct",
    ]
    pos = [
        "DET",
        "NOUN",
        "VERB",
        "NUM",
        "NOUN",
        "ADP",
        "ADJ",
        "PROPN",
        "PROPN",
        "PROPN",
        "NOUN",
        "DET",
        "NOUN",
        "VERB",
        "PUNCT",
    ]
    starts = [True] + [False] * 7 + [True] + [False] * 6
    doc = parsed(nlp, words, heads, deps, pos, sent_starts=starts)
    governed = _closed_clause(doc[13], doc[11:13])
    assert {2, 3, 4, 8, 9, 10} <= governed and not governed & {11, 12, 13}


def test_a_capitalised_said_closing_a_byline_is_a_name(nlp: Language) -> None:
    # "Nine people died . R.K/ Mansour/H. | Said"
    words = ["Nine", "people", "died", ".", "R.K/", "Mansour/H.", "Said"]
    heads = [1, 2, 2, 2, 5, 5, 6]
    deps = ["nummod", "nsubj", "ROOT", "punct", "compound", "ROOT", "ROOT"]
    pos = ["NUM", "NOUN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB"]
    starts = [True, False, False, False, True, False, True]
    doc = parsed(nlp, words, heads, deps, pos, sent_starts=starts)
    assert _closed_clause(doc[6], doc[5:6]) == frozenset()


@pytest.mark.parametrize(
    ("text", "phrase", "speaker_word", "kind"),
    [
        (
            "The ministry has spent a week trying to rebut rebel allegations that the army "
            "shelled the hospital in Idlib.",
            "the army",
            "rebel",
            "perpetrator",
        ),
        (
            "The senator repeated his charge that government forces were responsible for the raid.",
            "government forces were responsible",
            "senator",
            "perpetrator",
        ),
        (
            "The army dismissed the militants claims about retaking the northern district.",
            "retaking the northern district",
            "militants",
            "event",
        ),
    ],
)
def test_a_claim_noun_after_its_owner_is_the_owners_claim(
    nlp: Language, text: str, phrase: str, speaker_word: str, kind: str
) -> None:
    claim = claim_at(ledger_of_report(nlp, text, dt.date(2017, 4, 6)), text, phrase, kind)
    assert speaker_word in claim.speaker.lower()


def test_a_claimed_verb_after_a_day_is_no_claim_noun(nlp: Language) -> None:
    text = "Rebel forces on Sunday claimed that jets hit an outpost near the border."
    claim = claim_at(ledger_of_report(nlp, text, dt.date(2017, 4, 2)), text, "jets hit an outpost")
    assert claim.speaker != "Sunday"


def test_a_monitor_quoting_unnamed_sources_speaks_for_them(nlp: Language) -> None:
    text = (
        "On Sunday the Syrian Observatory for Human Rights quoted trusted sources as saying that "
        "the jihadists had executed 35 people in the village. SANA quoted a source in Homs as "
        "saying that 12 soldiers were killed."
    )
    ledger = ledger_of_report(nlp, text, dt.date(2015, 5, 24))
    assert "Observatory" in claim_at(ledger, text, "executed 35 people", "killed").speaker
    assert claim_at(ledger, text, "12 soldiers were killed", "killed").speaker.startswith("a source")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Gunmen stormed a checkpoint near the town. The attack was claimed by Daesh.", "was claimed by"),
        ("The port has often been hit by bombings many of which have been claimed by Daesh.", "claimed by"),
    ],
)
def test_a_deed_claimed_by_a_group_is_its_claim_of_responsibility(
    nlp: Language, text: str, phrase: str
) -> None:
    claim = claim_at(ledger_of_report(nlp, text, dt.date(2016, 8, 1)), text, phrase, "perpetrator")
    assert (claim.speaker, claim.value) == ("Daesh", "Islamic State (Syria)")


def test_a_place_claimed_by_both_sides_is_no_claim_of_responsibility(nlp: Language) -> None:
    text = "Rebels seized the hill and it was claimed by both sides."
    assert not [c for c in ledger_of_report(nlp, text, dt.date(2016, 8, 1)).claims if c.cue == "claimed"]
