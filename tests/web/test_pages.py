"""The HTML pages: what they show, their JSON twins, and untrusted text kept as text."""

from __future__ import annotations

import html
import re

import pytest
from web_ledgers import HOSTILE_ID, IDLIB_ID

PAGES = [
    "/",
    f"/events/{IDLIB_ID}:e1",
    f"/events/{HOSTILE_ID}:e1",
    f"/articles/{IDLIB_ID}",
    f"/articles/{HOSTILE_ID}",
    "/outlets",
    "/outlets/Agencies",
    "/outlets/Evil%20%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20Wire",
    "/search?q=guards",
    "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_a_json_twin(client, path: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', response.text)
    assert twin is not None
    assert client.get(html.unescape(twin.group(1))).status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_markup_in_reports_is_text_everywhere(client, path: str) -> None:  # type: ignore[no-untyped-def]
    page = client.get(path).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bandits" not in page
    assert "onerror=alert(1)>" not in page


def test_hostile_article_shows_its_markup_escaped(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/articles/{HOSTILE_ID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # the markup between highlighted spans is escaped too (it is not inside any span)
    assert "a source said &lt;img src=x onerror=alert(1)&gt; " in page.replace("</mark>", "")


def test_event_page_shows_fields_claims_and_highlighted_evidence(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/events/{IDLIB_ID}:e1").text
    assert '<b title="best">33</b>' in page and '<span title="high">34</span>' in page
    assert 'class="badge status-superseded"' in page and 'class="badge status-unverified"' in page
    assert "the governor of Hatay → Anadolu → Agencies" in page  # the relay chain
    assert re.search(r'<a class="anchor" id="ev-\d+"></a><mark class="l-event"[^>]*>At least 33</mark>', page)
    assert '<a class="jump" href="#c2-0">' in page and 'id="c2-0"' in page
    assert "Military Forces of Russia" in page  # the disputed perpetrator, side by side
    assert "9 → 33" in page and "34" in page  # the figure chart's caption: governor 9 → 33, ministry 34


def test_article_page_has_layer_toggles(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/articles/{IDLIB_ID}").text
    for layer in ("event", "claim", "place", "framing"):
        assert f'data-layer="{layer}"' in page
    assert re.search(r'<mark class="[^"]*l-framing[^"]*"[^>]*>foreign-sponsored terrorists</mark>', page)
    assert re.search(r'<mark class="[^"]*l-place[^"]*"[^>]*>Kafr Nabl</mark>', page)


def test_index_lists_filtered_events_and_export_links(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/?country=TUR").text
    assert '<span id="event-total">2</span>' in page
    assert 'href="/api/export?country=TUR&amp;format=acled"' in page
    assert 'data-source="/api/map?country=TUR"' in page


def test_html_errors_are_pages_with_the_same_fields(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/events/nope:e9")
    assert response.status_code == 404
    assert "E143" in response.text and "<html" in response.text
