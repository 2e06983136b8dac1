"""The main text and metadata of an HTML page.

Boilerplate (scripts, styles, navigation, headers, footers, asides, forms) is dropped;
paragraphs, headings and list items become paragraphs separated by a blank line, and the
whitespace inside each is collapsed, so the text reads like a plain-text report. Broken
HTML (unclosed or truncated tags) still gives its text: lexbor repairs it as browsers do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

#: elements that never hold the report's text
DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
)
#: ARIA landmarks that mark the same boilerplate on sites built from plain <div>s
DROPPED_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog")
#: elements that start a new paragraph of the extracted text
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p",
        "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
#: a doctype, <html>, <head> or <body> first, after an optional XML declaration and comments
_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """What khabar takes from a page: its main text and the metadata the page declares."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of an input are an HTML document (doctype, <html>, <head> or <body>)."""
    return _SNIFF.match(head.removeprefix(b"\xef\xbb\xbf")[:4096]) is not None


def extract_html(markup: str) -> HtmlDocument:
    """The main text and metadata of ``markup``."""
    tree = LexborHTMLParser(markup)
    metadata = _metadata(tree)
    _drop_boilerplate(tree)
    root = _main_container(tree)
    text = "\n\n".join(_paragraphs(root)) if root is not None else ""
    return HtmlDocument(text=text, **metadata)


def _metadata(tree: LexborHTMLParser) -> dict[str, str | None]:
    title_node = tree.css_first("title")
    title = _clean(title_node.text()) if title_node is not None else None
    canonical = tree.css_first('link[rel="canonical"]')
    return {
        "title": _meta(tree, "og:title") or title or None,
        "published": _meta(tree, "article:published_time") or _meta(tree, "datePublished"),
        "outlet": _meta(tree, "og:site_name"),
        "url": _meta(tree, "og:url") or (canonical.attributes.get("href") if canonical else None),
    }


def _meta(tree: LexborHTMLParser, key: str) -> str | None:
    """The content of ``<meta property=key>`` (or ``name=``/``itemprop=``), if non-empty."""
    for attribute in ("property", "name", "itemprop"):
        node = tree.css_first(f'meta[{attribute}="{key}"]')
        if node is not None:
            content = _clean(node.attributes.get("content") or "")
            if content:
                return content
    return None


def _drop_boilerplate(tree: LexborHTMLParser) -> None:
    tree.strip_tags(list(DROPPED_TAGS), recursive=True)
    for role in DROPPED_ROLES:
        for node in tree.css(f'[role="{role}"]'):
            node.decompose()


def _main_container(tree: LexborHTMLParser) -> LexborNode | None:
    """The <article> with the most text, else <main>, else <body>: where the report is."""
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda node: len(node.text(deep=True)))
    return tree.css_first("main") or tree.body


def _paragraphs(root: LexborNode) -> Iterator[str]:
    """The text of ``root`` split at block elements, without recursion (broken HTML nests deeply)."""
    pieces: list[str] = []
    stack: list[LexborNode | None] = [root]  # None marks the end of a block element
    while stack:
        node = stack.pop()
        if node is None or node.tag in BLOCK_TAGS or node.tag == "br":
            paragraph = _clean("".join(pieces))
            pieces.clear()
            if paragraph:
                yield paragraph
            if node is None or node.tag == "br":
                continue
        if node.tag == "-text":
            pieces.append(node.text_content or "")
            continue
        if node.tag in BLOCK_TAGS:
            stack.append(None)
        stack.extend(reversed(list(node.iter(include_text=True))))


def _clean(text: str) -> str:
    """Whitespace collapsed as a browser shows it; entities are already decoded by the parser."""
    return _SPACES.sub(" ", text).strip()
