"""Token norms for acronyms that collide with common words, set before the model reads the doc.

spaCy's English model embeds each token by its NORM (with prefix, suffix and shape). The norm of
"IS" (the Islamic State) is "is", so the parser takes "at least five IS militants" for a verb
clause and the count and the group are lost. Setting a name-like norm before the model runs makes
it parse the acronym as the noun it is. The table is data: ``data/en/language/token_norms.tsv``.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..langdata import load_tsv

#: alphabetic tokens on either side that, when all in capitals, mark a headline in capitals
CONTEXT = 2


@cache
def norm_table() -> dict[str, str]:
    return {row["orth"]: row["norm"] for row in load_tsv("en", "language", "token_norms.tsv")}


class TokenNorms:
    """Sets the norms of ``token_norms.tsv`` on a doc, outside text written in capitals."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table = norm_table()
        # a token's ORTH is the hash of its text: the table's words are found in one array pass
        self.orths = np.array([hash_string(orth) for orth in self.table], dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        for index in np.flatnonzero(np.isin(doc.to_array(ORTH), self.orths)).tolist():
            token = doc[index]
            norm = self.table.get(token.text)
            if norm is not None and not _in_capitals(token):
                token.norm_ = norm
        return doc


def _in_capitals(token: Token) -> bool:
    """True when the nearest words around ``token`` are all in capitals ("WHY IS SYRIA BURNING")."""
    doc = token.doc
    words = [t for t in doc[max(0, token.i - 4) : token.i] if t.is_alpha][-CONTEXT:]
    words += [t for t in doc[token.i + 1 : token.i + 5] if t.is_alpha][:CONTEXT]
    return bool(words) and all(t.is_upper for t in words)
