"""The English model's attribute ruler with an indexed matcher: the same matches, found faster.

spaCy's ``attribute_ruler`` (tag -> POS and morphology, pronoun lemmas, auxiliaries) tries
each of its ~180 token patterns at every token through a ``Matcher``: about a tenth of the
whole spaCy pipeline's time on news text. Its patterns are one or two tokens long, without
operators, over a few token attributes (TAG, LOWER, DEP, IS_SPACE). Here the tests a token
passes are worked out per attribute value and per combination of values (both remembered across
documents), and a rule matches where its token tests hold on consecutive tokens. ``match``
returns exactly the list ``AttributeRuler.match`` returns (same tuples, same order), and
``set_annotations`` applies it in that order as spaCy's does (reaching each rule's token by its
index instead of through a new ``Span`` per match), so every token attribute comes out the same.
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
from spacy.tokens._retokenize import set_token_attrs

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

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """``AttributeRuler.set_annotations``: each match sets its rule's attributes on the token
        at the rule's index in the match (negative from its end), later matches last."""
        for attr_id, match_id, start, end in matches:
            index = self.indices[attr_id]
            position = (start if index >= 0 else end) + index
            if not start <= position < end:  # spaCy's own error for an index outside the match
                super().set_annotations(doc, [(attr_id, match_id, start, end)])
            set_token_attrs(doc[position], self.attrs[attr_id])

    def _current_index(self) -> _Index | None:
        if self._stale:
            try:
                self._index = _Index(self)
            except UnsupportedPattern:
                self._index = None
            self._stale = False
        return self._index


class _Index:
    """The rules' token tests, indexed per attribute value.

    A test is a conjunction of checks on single attributes, so the tests a token passes are
    the intersection, over the four attributes, of the tests whose check on that attribute
    passes (or that do not check it). Those sets are kept per attribute value, and their
    intersections per combination of values: a word not seen before costs a few checks.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.test_count = 0
        self.unchecked: list[set[int]] = [set() for _ in ATTRIBUTES]
        self.equal: list[dict[int, set[int]]] = [{} for _ in ATTRIBUTES]
        self.other: list[list[tuple[int, Callable[[int], bool]]]] = [[] for _ in ATTRIBUTES]
        keys: dict[str, int] = {}
        self.rules: list[Rule] = []
        for attr_id in range(len(ruler.attrs)):
            match_id = self.strings[str(attr_id)]
            for pattern in ruler.matcher.get(match_id)[1]:
                if not 1 <= len(pattern) <= 2:
                    raise UnsupportedPattern(f"{len(pattern)} tokens")
                tests = tuple(self._test_id(token, keys) for token in pattern)
                self.rules.append(Rule(attr_id, match_id, tests))
        self.by_first_test: dict[int, list[Rule]] = {}
        for rule in self.rules:
            self.by_first_test.setdefault(rule.tests[0], []).append(rule)
        self.by_value: list[dict[int, frozenset[int]]] = [{} for _ in ATTRIBUTES]
        self.memo: dict[Signature, frozenset[int]] = {}

    def _test_id(self, token: dict[str, Any], keys: dict[str, int]) -> int:
        key = repr(sorted(token.items()))
        if key in keys:
            return keys[key]
        test = keys[key] = self.test_count
        self.test_count += 1
        checked = set()
        for name, value in token.items():
            if name not in ATTRIBUTES:
                raise UnsupportedPattern(name)
            position = ATTRIBUTES.index(name)
            checked.add(position)
            wanted = equality_value(name, value, self.strings)
            if wanted is not None:
                self.equal[position].setdefault(wanted, set()).add(test)
            else:
                self.other[position].append((test, value_check(name, value, self.strings)))
        for position in range(len(ATTRIBUTES)):
            if position not in checked:
                self.unchecked[position].add(test)
        return test

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
            passed = self._passing(0, signature[0])
            for position in range(1, len(ATTRIBUTES)):
                passed = passed & self._passing(position, signature[position])
            self.memo[signature] = passed
        return passed

    def _passing(self, position: int, value: int) -> frozenset[int]:
        """The tests whose check on this attribute passes for ``value`` (or that have none)."""
        known = self.by_value[position]
        passing = known.get(value)
        if passing is None:
            if len(known) >= MEMO_LIMIT:
                known.clear()
            found = self.unchecked[position] | self.equal[position].get(value, set())
            found.update(test for test, check in self.other[position] if check(value))
            passing = known[value] = frozenset(found)
        return passing


def equality_value(name: str, value: Any, strings: Any) -> int | None:
    """The attribute value an equality check wants (as ``Doc.to_array`` gives it), else None."""
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        return int(value)
    if isinstance(value, str):
        return strings.add(value)  # as the Matcher compares: the string's hash
    return None


def value_check(name: str, value: Any, strings: Any) -> Callable[[int], bool]:
    """A check of one attribute's value (a hash) for IN, NOT_IN and REGEX, as the Matcher reads it."""
    if isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator in ("IN", "NOT_IN"):
            hashes = frozenset(strings.add(item) for item in operand)
            if operator == "IN":
                return lambda found: found in hashes
            return lambda found: found not in hashes
        if operator == "REGEX":
            regex = re.compile(operand)
            return lambda found: bool(regex.search(strings[found]))
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
