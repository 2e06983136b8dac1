"""The pages in a real browser: ``khabar serve`` as a subprocess, Debian's chromium via Playwright."""

from __future__ import annotations

from urllib.parse import quote

from web_ledgers import HOSTILE_ID, IDLIB_ID, MARKERS_ALL, MARKERS_TUR, XSS_IMG, XSS_SCRIPT

MAP_TIMEOUT_MS = 20_000


def wait_for_map(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("#map[data-ready='true']", timeout=MAP_TIMEOUT_MS)


def test_map_shows_one_marker_per_located_event(served: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{served}/")
    wait_for_map(page)
    assert page.locator("path.khabar-marker").count() == MARKERS_ALL
    assert page.locator("#map").get_attribute("data-markers") == str(MARKERS_ALL)
    # the country borders are drawn from world-atlas, offline
    assert page.locator(".leaflet-overlay-pane path").count() > MARKERS_ALL + 100
    assert page.locator("tr.event-row").count() == 4


def test_a_filter_changes_the_map_and_the_list(served: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{served}/")
    wait_for_map(page)
    page.fill("input[name=country]", "TUR")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*country=TUR*")
    wait_for_map(page)
    assert page.locator("path.khabar-marker").count() == MARKERS_TUR
    assert page.locator("tr.event-row").count() == 2
    assert "country=TUR" in page.get_attribute("a.button >> nth=0", "href")


def test_event_page_highlights_the_evidence(served: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{served}/events/{quote(IDLIB_ID + ':e1')}")
    marks = page.locator("#article-text mark.l-event")
    assert "At least 33" in marks.all_inner_texts()
    assert page.locator("#article-text mark.l-claim", has_text="raised the toll to 33").count() == 1
    # a jump link lands on its span
    page.click("a.jump[href='#c3-0']")
    assert page.evaluate("location.hash") == "#c3-0"
    assert page.locator("figure.figure-chart circle").count() == 3  # 9, 33 (governor) and 34 (ministry)


def test_markup_in_a_report_renders_as_text(served: str, page) -> None:  # type: ignore[no-untyped-def]
    for path in (f"/articles/{HOSTILE_ID}", f"/events/{quote(HOSTILE_ID + ':e1')}", "/search?q=guards", "/"):
        page.goto(f"{served}{path}")
        if path == "/":
            wait_for_map(page)
            page.locator("path.khabar-marker").first.click(force=True)  # opens a popup with place text
        page.wait_for_timeout(200)
        assert page.dialogs == [], path  # no alert() ran
        assert page.locator("main img").count() == 0
        assert page.locator("main script").count() == 0
    page.goto(f"{served}/articles/{HOSTILE_ID}")
    text = page.inner_text("#article-text")
    assert XSS_SCRIPT in text and XSS_IMG in text


def test_layer_toggle_hides_a_layer(served: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{served}/articles/{IDLIB_ID}")
    framing = page.locator("mark.l-framing").first
    shown = framing.evaluate("m => getComputedStyle(m).fontStyle")
    page.uncheck("input[data-layer=framing]")
    hidden = framing.evaluate("m => getComputedStyle(m).fontStyle")
    assert (shown, hidden) == ("italic", "normal")
