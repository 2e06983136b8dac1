"""One error shape for every failure, JSON for the API and the same fields on an HTML page.

``{"error": {"status": 404, "code": "E142", "message": "No article 'x' in the store."}}``:
``code`` is the catalogue code (``khabar.errors``), stable and searchable.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import KhabarError

log = logging.getLogger("khabar.web")

#: catalogue codes that mean "not found", and those that mean a bad request
NOT_FOUND_CODES = frozenset({"E142", "E143", "E181", "E188"})
STATUS_OF_CODE = {"E182": 401, "E183": 413, "E184": 403, "E186": 405, "E187": 500}


class ApiError(KhabarError):
    """A KhabarError with the HTTP status it answers with."""

    def __init__(self, status: int, code: str, **fields: object) -> None:
        super().__init__(code, **fields)
        self.status = status


def status_of(error: KhabarError) -> int:
    if isinstance(error, ApiError):
        return error.status
    if error.code in NOT_FOUND_CODES:
        return 404
    return STATUS_OF_CODE.get(error.code, 400)


def error_body(status: int, error: KhabarError) -> dict[str, Any]:
    message = str(error).removeprefix(f"[{error.code}] ")
    return {"error": {"status": status, "code": error.code, "message": message}}


def wants_html(request: Request) -> bool:
    """Pages answer errors with a page; the API (and anything asking for JSON) with JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/openapi", "/static/", "/vendor/")) or path == "/api":
        return False
    return "text/html" in request.headers.get("accept", "text/html") or "*/*" in request.headers.get(
        "accept", ""
    )


def error_response(request: Request, status: int, error: KhabarError) -> Response:
    body = error_body(status, error)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"error": body["error"], "filters_query": ""}, status_code=status,
            headers=headers,
        )  # fmt: skip
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(KhabarError)
    async def khabar_error(request: Request, exc: KhabarError) -> Response:
        return error_response(request, status_of(exc), exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
        name = ".".join(location) or "request"
        problem = str(first.get("msg", "is invalid")).rstrip(".")
        return error_response(request, 400, KhabarError("E180", name=name, problem=f"is invalid: {problem}"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            error = KhabarError("E181", path=request.url.path)
        elif exc.status_code == 405:
            error = KhabarError("E186", method=request.method)
        else:
            error = KhabarError("E180", name="request", problem=str(exc.detail))
        return error_response(request, exc.status_code, error)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        error = KhabarError("E187", detail=type(exc).__name__)
        if wants_html(request):
            return HTMLResponse("<h1>500</h1><p>Internal error.</p>", status_code=500)
        return JSONResponse(error_body(500, error), status_code=500)
