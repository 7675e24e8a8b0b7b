"""Starting the app under uvicorn, refusing an exposed bind without a token."""

from __future__ import annotations

import logging

import uvicorn

from config import WebSettings
from storage import Store
from web.app import create_app

logger = logging.getLogger(__name__)


class BindRefused(Exception):
    """Raised by ``serve`` for a non-loopback bind without a token; the CLI reports it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def serve(store: Store, settings: WebSettings) -> None:
    """Serve the app on ``settings.host``:``settings.port`` until interrupted."""
    problem = settings.problem()
    if problem is not None:
        raise BindRefused(problem)
    app = create_app(store, settings)
    logger.info("Serving the archive at http://%s:%d/", settings.host, settings.port)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
