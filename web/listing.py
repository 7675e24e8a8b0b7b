"""JSON answers of the API: lists with cursors, ETags and 304s."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response


def json_bytes(payload: Any) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def tagged(request: Request, body: bytes, media_type: str) -> Response:
    """``body`` with its ETag, or a 304 when the client holds that version."""
    etag = f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    held = request.headers.get("if-none-match", "")
    if etag in {tag.strip() for tag in held.split(",")} or held.strip() == "*":
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def listing(request: Request, items: list[Any], next_cursor: str | None) -> Response:
    """A page of a list: ``{items, next_cursor}`` with a Link to the next page."""
    response = tagged(request, json_bytes({"items": items, "next_cursor": next_cursor}),
                      "application/json")  # fmt: skip
    if next_cursor and response.status_code == 200:
        following = request.url.include_query_params(cursor=next_cursor).remove_query_params(
            "token"
        )
        response.headers["Link"] = f'<{following}>; rel="next"'
    return response
