"""Deterministic partitions of a batch's input, and the fingerprint that identifies each one.

Partition ``k`` holds articles ``k * size`` up to ``(k + 1) * size - 1`` in input order, so
the same inputs always give the same partitions, and a re-run after a crash can tell which
partitions are already done by their number and their fingerprint. A bad input (an
``InputError``) belongs to the partition being filled when the reader met it; it takes no
article slot, so fixing a bad line later does shift the articles after it — and changes the
fingerprints of the partitions concerned, which the manifest then refuses to mix (E162).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError, KhabarError
from ..model import Article

DEFAULT_PARTITION_SIZE = 500


@dataclass(slots=True)
class Partition:
    """Articles ``index * size`` ... of a batch, and the bad inputs met while reading them."""

    index: int
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def name(self) -> str:
        return partition_name(self.index)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.articles, self.errors)


def partition_name(index: int) -> str:
    """``part-00007``: zero-padded, so the files sort in partition order."""
    return f"part-{index:05d}"


def check_partition_size(size: int) -> None:
    if size < 1:
        raise KhabarError("E165", size=size)


def partition_inputs(items: Iterable[Article | InputError], size: int) -> Iterator[Partition]:
    """Split a stream of articles and bad inputs into partitions, streaming.

    Bad inputs after the last article join the last partition; a batch of bad inputs only is
    one partition with no article, so they are still reported and counted.
    """
    check_partition_size(size)
    current = Partition(index=0)
    for item in items:
        if isinstance(item, InputError):
            current.errors.append(item)
            continue
        if len(current.articles) == size:
            yield current
            current = Partition(index=current.index + 1)
        current.articles.append(item)
    if current.articles or current.errors:
        yield current


def fingerprint(articles: Iterable[Article], errors: Iterable[InputError] = ()) -> str:
    """A hash of everything the extractor reads of these articles, and of the bad inputs.

    Two partitions with the same fingerprint give the same ledgers: it covers the ids, the
    metadata and the text of every article, in order.
    """
    digest = hashlib.sha256()
    for article in articles:
        for value in (article.id, article.published, article.outlet, article.title, article.url):
            digest.update(str(value).encode("utf-8"))
            digest.update(b"\x1f")
        digest.update(hashlib.sha256(article.text.encode("utf-8")).digest())
        digest.update(b"\x1e")
    for error in errors:
        digest.update(str(error).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()[:32]
