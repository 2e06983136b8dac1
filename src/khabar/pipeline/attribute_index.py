"""The English model's attribute ruler with an indexed matcher: the same matches, found faster.

spaCy's ``attribute_ruler`` (tag -> POS and morphology, pronoun lemmas, auxiliaries) tries
each of its ~180 token patterns at every token through a ``Matcher``: about a tenth of the
whole spaCy pipeline's time on news text. Its patterns are one or two tokens long, without
operators, over a few token attributes (TAG, LOWER, DEP, IS_SPACE). Here each distinct token
pattern is tested once per distinct combination of those attributes (remembered across
documents), and a rule matches where its token patterns hold on consecutive tokens. ``match``
returns exactly the list ``AttributeRuler.match`` returns (same tuples, same order), and the
inherited ``set_annotations`` applies it, so every token attribute comes out the same.
Patterns this does not understand (operators, other attributes, longer patterns) make it fall
back to spaCy's own ``match``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: the token attributes the indexed matcher reads, in the order of ``Doc.to_array``
ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: how many attribute combinations are remembered before the memo starts afresh
MEMO_LIMIT = 200_000

Signature = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule's pattern: the ids of its token tests, in order."""

    attr_id: int
    match_id: int
    tests: tuple[int, ...]


class UnsupportedPattern(ValueError):
    """A pattern the indexed matcher cannot reproduce exactly."""


class IndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose ``match`` uses the index; built from the model's ruler."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._index: _Index | None = None
        self._stale = True
        super().__init__(*args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> None:
        super().add(*args, **kwargs)
        self._stale = True

    def clear(self) -> None:
        super().clear()
        self._stale = True

    def match(self, doc: Doc):  # type: ignore[no-untyped-def]
        index = self._current_index()
        if index is None:
            return super().match(doc)
        return index.match(doc)

    def _current_index(self) -> _Index | None:
        if self._stale:
            try:
                self._index = _Index(self)
            except UnsupportedPattern:
                self._index = None
            self._stale = False
        return self._index


class _Index:
    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.tests: list[Callable[[Signature], bool]] = []
        keys: dict[str, int] = {}
        self.rules: list[Rule] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            match_id = strings[key]
            for pattern in ruler.matcher.get(match_id)[1]:
                if not 1 <= len(pattern) <= 2:
                    raise UnsupportedPattern(f"{len(pattern)} tokens")
                tests = tuple(self._test_id(token, keys) for token in pattern)
                self.rules.append(Rule(attr_id, match_id, tests))
        self.by_first_test: dict[int, list[Rule]] = {}
        for rule in self.rules:
            self.by_first_test.setdefault(rule.tests[0], []).append(rule)
        self.memo: dict[Signature, frozenset[int]] = {}

    def _test_id(self, token: dict[str, Any], keys: dict[str, int]) -> int:
        key = repr(sorted(token.items()))
        if key not in keys:
            keys[key] = len(self.tests)
            self.tests.append(token_test(token, self.strings))
        return keys[key]

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        passed = [self._passed(tuple(row)) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        found: set[tuple[int, int, int, int]] = set()
        last = len(passed) - 1
        for start, tests in enumerate(passed):
            for test in tests:
                for rule in self.by_first_test.get(test, ()):
                    if len(rule.tests) == 1:
                        found.add((rule.attr_id, rule.match_id, start, start + 1))
                    elif start < last and rule.tests[1] in passed[start + 1]:
                        found.add((rule.attr_id, rule.match_id, start, start + 2))
        return sorted(found)

    def _passed(self, signature: Signature) -> frozenset[int]:
        passed = self.memo.get(signature)
        if passed is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            passed = self.memo[signature] = frozenset(
                number for number, test in enumerate(self.tests) if test(signature)
            )
        return passed


def token_test(token: dict[str, Any], strings: Any) -> Callable[[Signature], bool]:
    """A test of one token pattern on (TAG, LOWER, DEP, IS_SPACE) hashes, as the Matcher reads it."""
    checks = [_check(name, value, strings) for name, value in token.items()]
    return lambda signature: all(check(signature) for check in checks)


def _check(name: str, value: Any, strings: Any) -> Callable[[Signature], bool]:
    if name not in ATTRIBUTES:
        raise UnsupportedPattern(name)
    position = ATTRIBUTES.index(name)
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        return lambda signature: bool(signature[position]) == value
    if isinstance(value, str):
        wanted = strings.add(value)
        return lambda signature: signature[position] == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator in ("IN", "NOT_IN"):
            hashes = frozenset(strings.add(item) for item in operand)
            if operator == "IN":
                return lambda signature: signature[position] in hashes
            return lambda signature: signature[position] not in hashes
        if operator == "REGEX":
            regex = re.compile(operand)
            return lambda signature: bool(regex.search(strings[signature[position]]))
    raise UnsupportedPattern(f"{name} {value!r}")


@Language.factory(
    "khabar_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Any
) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the model's attribute ruler for the indexed one, with the same patterns, in place."""
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), IndexedAttributeRuler):
        return
    patterns = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, "khabar_attribute_ruler")
    nlp.get_pipe(name).add_patterns(patterns)
