"""Helpers of the web tests (a module of its own: every test folder has a ``conftest``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

TOKEN = "test-token-123"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


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
