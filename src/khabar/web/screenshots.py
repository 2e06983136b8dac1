"""``python -m khabar.web.screenshots``: PNGs of each page of ``khabar serve`` for the README.

Serves ``--db`` on a free local port (a subprocess, stopped at the end), opens each page in
Debian's chromium through Playwright (never a downloaded browser) and writes
``map.png``, ``event.png``, ``article.png``, ``outlet.png`` and ``search.png`` to ``--out``.
The event shown is the one with the most claims (the richest provenance).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
VIEWPORT = {"width": 1280, "height": 860}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(db: Path) -> Iterator[str]:
    """``khabar serve --db db`` on a free port for the duration of the block."""
    port = free_port()
    command = [sys.executable, "-c", "from khabar.cli import main; main()", "serve", "--db", str(db),
               "--port", str(port)]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(url, process, log)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise SystemExit(f"khabar serve exited: {log.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/api/stats", timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("khabar serve did not answer within 60 s")


def pages(db: Path) -> dict[str, str]:
    """name -> path of each page to capture, chosen from what the store holds."""
    from ..store import open_store
    from ..store.browse import outlet_names
    from .present import claims_of

    with open_store(db, read_only=True) as store:
        rows = store.query_events(limit=500)
        if not rows:
            raise SystemExit(f"{db} holds no events: ingest something first")
        richest = max(rows, key=lambda row: len(claims_of(*store.get_event(row.id))))
        outlets = outlet_names(store, limit=1)
    found = {
        "map": "/",
        "event": f"/events/{quote(richest.id, safe='')}",
        "article": f"/articles/{quote(richest.article_id, safe='')}",
        "search": "/search?q=killed",
    }
    if outlets:
        found["outlet"] = f"/outlets/{quote(outlets[0][0], safe='')}"
    return found


def capture(db: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with served(db) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            for name, path in pages(db).items():
                page.goto(f"{url}{path}")
                if name == "map":
                    page.wait_for_selector("#map[data-ready]", timeout=30_000)
                page.wait_for_timeout(300)
                target = out / f"{name}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m khabar.web.screenshots", description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("out/demo.db"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    for path in capture(args.db, args.out):
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
