"""POST /api/articles: the token-guarded write path runs the real extractor and stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from web_server import TOKEN

from khabar.web import WebConfig, create_app

REPORT = (
    "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four civilians, "
    "a local rescue official said."
)


@pytest.mark.slow
def test_post_extracts_stores_and_lists(web_db: Path, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    db = tmp_path / "writable.db"
    shutil.copy(web_db, db)
    with TestClient(create_app(WebConfig(db=str(db), token=TOKEN))) as client:
        before = client.get("/api/events").json()["total"]
        body = [
            {"id": "posted-1", "text": REPORT, "published": "2024-03-06", "outlet": "Posted Wire"},
            {"id": "posted-2", "text": "   ", "published": "2024-03-06"},
        ]
        response = client.post("/api/articles", json=body, headers={"authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200, response.text
        results = {result["id"]: result for result in response.json()["results"]}
        assert results["posted-2"]["outcome"] == "rejected"
        assert results["posted-1"]["outcome"] == "stored" and results["posted-1"]["events"]
        listed = client.get("/api/events", params={"outlet": "Posted Wire"}).json()
        assert listed["total"] == len(results["posted-1"]["events"])
        assert client.get("/api/events").json()["total"] > before
        again = client.post("/api/articles", json=body[0], headers={"authorization": f"Bearer {TOKEN}"})
        assert again.json()["results"][0]["outcome"] == "unchanged"
