"""khabar: conflict news in, an auditable event ledger out."""

from __future__ import annotations

from .extract import extract, extract_articles
from .model import Article, ArticleLedger

__all__ = ["Article", "ArticleLedger", "__version__", "extract", "extract_articles"]
__version__ = "0.1.0"
