"""Fixtures of the store tests: every test runs against SQLite and a real PostgreSQL server.

The PostgreSQL server is started once per session: ``initdb`` into a temporary folder,
``pg_ctl start`` on a free localhost port, and stopped at the end. Each test gets a database
of its own. Where the PostgreSQL binaries are absent, the PostgreSQL variants are skipped.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.store import SqlStore, open_store

PG_BIN = Path(os.environ.get("KHABAR_PG_BIN", "/usr/lib/postgresql/15/bin"))
#: initdb refuses to run as root: then the server runs as this user
PG_USER = "postgres"
_database_numbers = itertools.count(1)


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", PG_USER, "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """A throw-away PostgreSQL cluster: fsync off, trust authentication, localhost only."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="khabar-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = PG_USER if os.geteuid() == 0 else os.environ.get("USER", "postgres")
        if os.geteuid() == 0:
            shutil.chown(self.root, user=PG_USER)

    def start(self) -> None:
        run = lambda *args: subprocess.run(  # noqa: E731
            _as_server_user([str(arg) for arg in args]), check=True, capture_output=True, timeout=120
        )
        run(PG_BIN / "initdb", "-D", self.data, "-U", self.user, "--auth=trust", "--locale=C", "-E", "UTF8")
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        run(PG_BIN / "pg_ctl", "-D", self.data, "-o", options, "-l", self.root / "server.log", "-w", "start")

    def stop(self) -> None:
        subprocess.run(
            _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]),
            check=False,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"khabar_test_{next(_database_numbers)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")  # name from a counter, not from input
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL server binaries not found in {PG_BIN} (set KHABAR_PG_BIN)")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    server = PostgresServer()
    try:
        server.start()
    except subprocess.CalledProcessError as exc:
        server.stop()
        pytest.fail(f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The location of an empty store, of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "khabar.db")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    """An empty store, of each kind, migrated."""
    with open_store(store_url) as opened:
        yield opened
