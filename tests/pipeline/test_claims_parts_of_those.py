"""'among those killed', 'of those killed' mark parts of the dead as 'among the dead' does
(``part_links`` of data/en/claims/cues.json). Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language


def test_figures_among_those_killed_are_killed_claims(nlp: Language) -> None:
    text = (
        "A car bomb killed 40 people in Douma on Tuesday. Seventeen children and six women were "
        "among those killed."
    )
    ledger = ledger_of_report(nlp, text, dt.date(2016, 6, 8))
    values = {c.value for c in ledger.claims if c.kind == "killed" and c.part}
    assert {17, 6} <= values
