"""Recorded micro-drama news sites and the local HTTP server that replays them."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dramawatch.demo.server import (
        ManifestError,
        Route,
        SiteServer,
        load_manifest,
        sites_root,
    )

__all__ = ["ManifestError", "Route", "SiteServer", "load_manifest", "sites_root"]


def __getattr__(name: str) -> Any:
    # Imported lazily so that ``python -m dramawatch.demo.server`` does not find the module
    # already imported by its package (runpy warns about that).
    if name in __all__:
        return getattr(importlib.import_module("dramawatch.demo.server"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
