"""Fuzz the API from its own OpenAPI spec: whatever schemathesis sends, no 500s.

Bounded (a few examples per operation) so the suite stays fast. The write endpoint is fuzzed
without the token: it must refuse (401) every request, never fail.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from web_ledgers import build_store
from web_server import TOKEN

from khabar.web import WebConfig, create_app

#: examples per API operation
EXAMPLES = 25


# The schema is loaded at collection time, so its app needs its store before any fixture runs.
_STORE_DIR = Path(tempfile.mkdtemp(prefix="khabar-fuzz-"))
_APP = create_app(WebConfig(db=str(build_store(_STORE_DIR / "ledger.db")), token=TOKEN))
schema = schemathesis.openapi.from_asgi("/openapi.json", _APP)
# removed at exit, whether or not a test of this module ran
atexit.register(shutil.rmtree, _STORE_DIR, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call_and_validate(checks=[not_a_server_error])
    if case.method.upper() == "POST":
        assert 400 <= response.status_code < 500  # refused: no token, or not a write route
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}
