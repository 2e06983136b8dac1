"""The Python door to the extractor: ``khabar.extract(text, published=..., outlet=...)``.

The CLI's ``khabar extract`` calls the same functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from .model import Article, ArticleLedger
from .pipeline import load_pipeline
from .pipeline.dates import parse_published


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> ArticleLedger:
    """Extract the ledger of one report: its events, places and the evidence for each."""
    if isinstance(published, str):
        published = parse_published(published, name=id or "text")
    article = Article(text=text, id=id or "", published=published, outlet=outlet, title=title, url=url)
    return next(extract_articles([article]))


def extract_articles(articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[ArticleLedger]:
    """Extract many articles through one pipeline, in order, streaming."""
    nlp = load_pipeline()

    def docs() -> Iterator:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.article = article
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield ledger_of(doc)


def ledger_of(doc) -> ArticleLedger:  # type: ignore[no-untyped-def]
    """The ArticleLedger of a Doc that went through the whole pipeline."""
    return ArticleLedger(
        article=doc._.article,
        events=list(doc._.events or []),
        claims=list(doc._.claims or []),
        revisions=list(doc._.revisions or []),
        contradictions=list(doc._.contradictions or []),
        places=list(doc._.places or []),
        framing=list(doc._.framing or []),
    )
