"""``khabar serve`` itself: binds 127.0.0.1, prints a generated token, or takes KHABAR_TOKEN."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from web_server import free_port


def serve(db: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    command = [sys.executable, "-c", "from khabar.cli import main; main()", "serve", "--db", str(db),
               "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with urllib.request.urlopen(f"{url}/api/stats", timeout=1):
                return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("no answer")


def post(url: str, token: str) -> int:
    request = urllib.request.Request(
        f"{url}/api/articles", data=json.dumps({"title": "no text"}).encode(), method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return err


def test_generated_token_is_printed_and_required(web_db: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "KHABAR_TOKEN"}
    process, url = serve(web_db, env)
    try:
        assert post(url, "guess") == 401
    finally:
        err = stop(process)
    assert "127.0.0.1" in err
    token = err.split("write token", 1)[1].split(":", 1)[1].split()[0]
    process, url = serve(web_db, {**env, "KHABAR_TOKEN": "from-env-42"})
    try:
        assert post(url, "from-env-42") == 400  # past the token: the body has no text
        assert post(url, token) == 401
    finally:
        stop(process)
