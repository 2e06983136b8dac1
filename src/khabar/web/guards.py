"""What protects the server: a request body limit, no cross-site writes, the write token.

The body limit is pure ASGI so it also stops a chunked body with no Content-Length: the
bytes are counted as they arrive and the request fails once the limit is passed.
"""

from __future__ import annotations

import hmac
import json

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_body

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: defence in depth behind autoescaping: pages run only the app's own script files (no inline
#: script, no other origin), so even markup that escaped would not execute
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
#: the API docs page (Swagger UI) starts itself with an inline script
_INLINE_SCRIPT_PATHS = frozenset({"/docs"})


class _TooLarge(Exception):
    pass


class GuardMiddleware:
    """Refuses bodies over ``max_body_bytes`` (413) and cross-site unsafe requests (403)."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        if scope["method"] in UNSAFE_METHODS and _cross_site(headers):
            await _send_error(send, ApiError(403, "E184", method=scope["method"]))
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await _send_error(send, ApiError(413, "E183", limit=self.max_body_bytes))
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *_security_headers(scope["path"])]
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_error(send, ApiError(413, "E183", limit=self.max_body_bytes))


def _security_headers(path: str) -> list[tuple[bytes, bytes]]:
    headers = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
    if path not in _INLINE_SCRIPT_PATHS:
        headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
    return headers


def _cross_site(headers: dict[str, str]) -> bool:
    """A browser says where a request comes from; refuse writes from other sites (as Datasette does)."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None or origin == "null":
        return origin == "null"
    host = headers.get("host", "")
    return origin.split("://", 1)[-1] != host


async def _send_error(send: Send, error: ApiError) -> None:
    body = json.dumps(error_body(error.status, error)).encode()
    await send({
        "type": "http.response.start",
        "status": error.status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})


def require_token(request: Request) -> None:
    """The dependency of every write endpoint: a Bearer token equal to the server's, always."""
    expected = request.app.state.config.token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if (
        not expected
        or scheme.lower() != "bearer"
        or not hmac.compare_digest(given.strip().encode(), expected.encode())
    ):
        raise ApiError(401, "E182")
