"""The npm front-end files the pages load, served from ``node_modules`` by a fixed list.

Only the names below are served (a dict lookup, no path from the request ever reaches the
file system), so there is nothing to traverse. ``package.json`` pins the versions; ``make
venv`` runs ``npm ci`` to install them.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from .errors import ApiError

#: URL name -> path under node_modules
VENDOR_FILES = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "topojson-client.js": "topojson-client/dist/topojson-client.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "favicon-32x32.png": "swagger-ui-dist/favicon-32x32.png",
}
MEDIA_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".png": "image/png",
}


def default_node_modules() -> Path:
    """``KHABAR_NODE_MODULES``, else the repository's ``node_modules`` (src/khabar/web -> root)."""
    configured = os.environ.get("KHABAR_NODE_MODULES")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "node_modules"


def vendor_available(node_modules: Path) -> bool:
    return all((node_modules / path).is_file() for path in VENDOR_FILES.values())


router = APIRouter(include_in_schema=False)


@router.get("/vendor/{name}")
def vendor_file(name: str, request: Request) -> FileResponse:
    relative = VENDOR_FILES.get(name)
    path = request.app.state.node_modules / relative if relative else None
    if path is None or not path.is_file():
        raise ApiError(404, "E181", path=f"/vendor/{name}")
    suffix = Path(relative or "").suffix
    return FileResponse(path, media_type=MEDIA_TYPES.get(suffix), headers={"Cache-Control": "max-age=86400"})
