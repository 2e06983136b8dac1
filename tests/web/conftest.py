"""Fixtures of the web tests: a small store, the app in-process, and the real server.

``client`` runs the app in-process (no socket); ``served`` starts ``khabar serve`` as a
subprocess on a free port and stops it at the end of the session; ``browser`` is Debian's
chromium driven by Playwright (skipped, with the reason, only when chromium is missing).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_ledgers import build_store

from khabar.web import WebConfig, create_app

TOKEN = "test-token-123"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, *, extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """``khabar serve`` on a free port, once it answers; the caller stops it."""
    port = free_port()
    command = [sys.executable, "-c", "from khabar.cli import main; main()", "serve", "--db", str(db),
               "--port", str(port), "--token", TOKEN]  # fmt: skip
    env = {**os.environ, **(extra_env or {})}
    # stderr to a file, not a pipe: nobody reads it while the server runs, and a full pipe blocks
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop_server)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, env=env)
    process.log = log  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            detail = log.read().decode(errors="replace")
            log.close()
            raise RuntimeError(f"khabar serve exited: {detail}")
        try:
            with urllib.request.urlopen(f"{url}/api/stats", timeout=1):
                return process, url
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise RuntimeError("khabar serve did not answer within 30 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.log.close()  # type: ignore[attr-defined]


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
