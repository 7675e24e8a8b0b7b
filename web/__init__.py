"""The web app: pages, an HTTP API and feeds over the archive (``dramawatch serve``)."""

from __future__ import annotations

from web.app import create_app
from web.server import BindRefused, serve

__all__ = ["BindRefused", "create_app", "serve"]
