"""The JSON API: filters, pagination with totals, details, exports, the one error shape, guards."""

from __future__ import annotations

import csv
import io

import pytest
from web_ledgers import HOSTILE_ID, IDLIB_ID, MARKERS_ALL, MARKERS_TUR, PROTEST_ID
from web_server import TOKEN


def assert_error(response, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]


def test_events_list_has_total_and_pages(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/events", params={"limit": 2}).json()
    assert first["total"] == 4
    assert len(first["events"]) == 2
    assert first["next"].startswith("/api/events?")
    second = client.get(first["next"]).json()
    assert [e["id"] for e in second["events"]] and second["offset"] == 2 and second["next"] is None
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert ids == [f"{IDLIB_ID}:e1", f"{IDLIB_ID}:e2", f"{HOSTILE_ID}:e1", f"{PROTEST_ID}:e1"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "TUR"}, {f"{HOSTILE_ID}:e1", f"{PROTEST_ID}:e1"}),
        ({"country": "TR"}, {f"{HOSTILE_ID}:e1", f"{PROTEST_ID}:e1"}),
        ({"since": "2024-01-01", "until": "2024-03-05"}, {f"{HOSTILE_ID}:e1"}),
        ({"event_type": "Protests"}, {f"{PROTEST_ID}:e1"}),
        ({"sub_event_type": "air/drone strike"}, {f"{IDLIB_ID}:e1"}),
        ({"actor": "turkey"}, {f"{IDLIB_ID}:e1", f"{IDLIB_ID}:e2", f"{HOSTILE_ID}:e1", f"{PROTEST_ID}:e1"}),
        ({"outlet": "agencies"}, {f"{IDLIB_ID}:e1", f"{IDLIB_ID}:e2"}),
        ({"disputed": "true"}, {f"{IDLIB_ID}:e1"}),
        ({"admin1": "Idlib", "disputed": "false"}, {f"{IDLIB_ID}:e2"}),
        ({"country": "", "since": ""}, None),  # empty form fields mean no condition
    ],
)
def test_filters_are_shared_by_list_map_and_timeline(client, params, expected) -> None:  # type: ignore[no-untyped-def]
    listed = client.get("/api/events", params=params).json()
    ids = {e["id"] for e in listed["events"]}
    if expected is None:
        assert listed["total"] == 4
        return
    assert ids == expected and listed["total"] == len(expected)
    mapped = client.get("/api/map", params=params).json()
    assert {f["properties"]["id"] for f in mapped["features"]} == expected
    days = client.get("/api/timeline", params=params).json()["days"]
    assert sum(day["events"] for day in days) == len(expected)


def test_map_is_geojson_capped_and_boxed(client) -> None:  # type: ignore[no-untyped-def]
    everything = client.get("/api/map").json()
    assert everything["type"] == "FeatureCollection" and everything["total"] == MARKERS_ALL
    lon, lat = everything["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    capped = client.get("/api/map", params={"limit": 1}).json()
    assert len(capped["features"]) == 1 and capped["truncated"] is True and capped["total"] == MARKERS_ALL
    turkey_box = client.get("/api/map", params={"bbox": "26,36.5,45,42.5"}).json()
    assert turkey_box["total"] == MARKERS_TUR
    assert_error(client.get("/api/map", params={"bbox": "0,50,10,40"}), 400, "E180")


def test_event_detail_has_claims_evidence_and_records(client) -> None:  # type: ignore[no-untyped-def]
    detail = client.get(f"/api/events/{IDLIB_ID}:e1").json()
    assert detail["event"]["fatalities"]["low"] == 33 and detail["event"]["fatalities"]["high"] == 34
    assert [c["id"] for c in detail["claims"]] == ["c1", "c2", "c3", "c4"]
    assert detail["claims"][1]["via"] == ["Anadolu"]
    evidence = {item["field"]: item for item in detail["evidence"]}
    assert evidence["fatalities"]["text"] == "At least 33"
    assert detail["contradictions"][0]["values"] == [33, 34]
    assert detail["revisions"][0]["from"] == 9
    assert detail["ledger_events"] == []


def test_article_and_outlet_and_search(client) -> None:  # type: ignore[no-untyped-def]
    article = client.get(f"/api/articles/{IDLIB_ID}").json()
    assert article["article"]["text"].startswith("At least 33")
    assert article["event_ids"] == [f"{IDLIB_ID}:e1", f"{IDLIB_ID}:e2"]
    outlet = client.get("/api/outlets/Agencies").json()
    assert outlet["techniques"] == {"Name_Calling,Labeling": 1}
    assert outlet["examples"][0]["text"] == "foreign-sponsored terrorists"
    assert_error(client.get("/api/outlets/Nobody"), 404, "E188")
    hits = client.get("/api/search", params={"q": "toll"}).json()["hits"]
    assert {(hit["kind"], hit["article_id"]) for hit in hits} >= {("article", IDLIB_ID), ("claim", IDLIB_ID)}
    assert client.get("/api/search", params={"q": 'NEAR( "'}).status_code == 200


def test_exports_download_the_filtered_events(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/export", params={"format": "acled", "country": "TUR"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {row["sub_event_type"] for row in rows} == {"Attack", "Peaceful protest"}
    geojson = client.get("/api/export", params={"format": "geojson"}).json()
    assert len(geojson["features"]) == MARKERS_ALL
    assert_error(client.get("/api/export", params={"format": "xlsx"}), 400, "E180")


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/events/nope:e1", 404, "E143"),
        ("/api/events/no-colon", 404, "E143"),
        ("/api/articles/nope", 404, "E142"),
        ("/api/nope", 404, "E181"),
        ("/api/events?since=2020-02-31", 400, "E180"),
        ("/api/events?since=yesterday", 400, "E180"),
        ("/api/events?country=Narnia", 400, "E180"),
        ("/api/events?limit=100000", 400, "E180"),
        ("/api/events?disputed=maybe", 400, "E180"),
        ("/vendor/..%2F..%2Fpyproject.toml", 404, "E181"),
        ("/static/..%2F..%2Fweb%2Fapp.py", 404, "E181"),
    ],
)
def test_one_error_shape(client, path, status, code) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.get(path, headers={"accept": "application/json"}), status, code)


def test_static_serving_does_not_traverse(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/vendor/../../package.json"):
        response = client.get(path)
        assert response.status_code == 404
        assert "create_app" not in response.text and '"leaflet"' not in response.text
    assert client.get("/static/khabar.css").status_code == 200
    assert client.get("/vendor/leaflet.js").status_code == 200


def test_write_needs_the_token(client) -> None:  # type: ignore[no-untyped-def]
    body = {"text": "Police fired tear gas at protesters in Ankara on Tuesday.", "published": "2024-03-12"}
    assert_error(client.post("/api/articles", json=body), 401, "E182")
    for wrong in ("Bearer wrong", "Basic dGVzdA==", "Bearer \u00fc".encode("latin-1")):
        assert_error(client.post("/api/articles", json=body, headers={"authorization": wrong}), 401, "E182")


def test_cross_site_writes_and_big_bodies_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    auth = {"authorization": f"Bearer {TOKEN}"}
    cross = {**auth, "sec-fetch-site": "cross-site"}
    assert_error(client.post("/api/articles", json={"text": "x"}, headers=cross), 403, "E184")
    evil_origin = {**auth, "origin": "http://evil.example"}
    assert_error(client.post("/api/articles", json={"text": "x"}, headers=evil_origin), 403, "E184")
    big = {"text": "a" * (3 * 1024 * 1024)}
    assert_error(client.post("/api/articles", json=big, headers=auth), 413, "E183")


def test_bad_ingest_bodies_are_400(client) -> None:  # type: ignore[no-untyped-def]
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert_error(client.post("/api/articles", json={"title": "no text"}, headers=auth), 400, "E180")
    assert_error(client.post("/api/articles", json=[], headers=auth), 400, "E180")
    bad_date = {"text": "Clashes in Aleppo.", "published": "2024-02-31"}
    result = client.post("/api/articles", json=bad_date, headers=auth).json()["results"][0]
    assert result["outcome"] == "rejected" and "E006" in result["error"]


def test_openapi_documents_every_endpoint(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/outlets/{name}",
                 "/api/search", "/api/export", "/api/map", "/api/timeline", "/api/articles"):  # fmt: skip
        assert path in paths, path
    docs = client.get("/docs").text
    assert "/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_pages_forbid_inline_scripts(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in client.get("/docs").headers  # Swagger UI starts inline
