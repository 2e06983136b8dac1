"""Fixtures of the web tests: a small store, the app in-process, and the real server.

``client`` runs the app in-process (no socket); ``served`` starts ``khabar serve`` as a
subprocess on a free port and stops it at the end of the session; ``browser`` is Debian's
chromium driven by Playwright (skipped, with the reason, only when chromium is missing).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_ledgers import build_store
from web_server import CHROMIUM, CHROMIUM_ARGS, TOKEN, start_server, stop_server

from khabar.web import WebConfig, create_app


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "ledger.db")


@pytest.fixture(scope="session")
def app(web_db: Path):  # type: ignore[no-untyped-def]
    return create_app(WebConfig(db=str(web_db), token=TOKEN))


@pytest.fixture(scope="session")
def client(app):  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def served(web_db: Path) -> Iterator[str]:
    process, url = start_server(web_db)
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def browser() -> Iterator:  # type: ignore[type-arg]
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()
