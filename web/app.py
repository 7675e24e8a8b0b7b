"""The ASGI app: pages, the /api/v1 API, feeds, static files, guarded by the token."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from config import WebSettings
from storage import Store
from web import api, errors, feeds, pages
from web.archive import Archive
from web.render import Renderer
from web.security import Guard

STATIC = Path(__file__).resolve().parent / "static"
DESCRIPTION = """News about the micro-drama industry, read from the dramawatch archive.

Lists answer `{"items": [...], "next_cursor": ...}`: pass `cursor=<next_cursor>` for the
next page. Lists carry an ETag (send `If-None-Match` for a 304). Errors answer
`{"error": {"status": ..., "message": ...}}`. When the server has an access token, send
`Authorization: Bearer <token>` (feeds also take `?token=`)."""


def create_app(store: Store, settings: WebSettings | None = None) -> FastAPI:
    """The web app over ``store``."""
    settings = settings or WebSettings()
    app = FastAPI(
        title="dramawatch", version="1", description=DESCRIPTION,
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
    )  # fmt: skip
    app.state.archive = Archive(store)
    app.state.renderer = Renderer()
    app.middleware("http")(Guard(settings.token))
    errors.install(app)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(feeds.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
