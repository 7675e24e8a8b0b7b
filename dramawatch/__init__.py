"""dramawatch: news monitoring, metrics and alerts for the micro-drama industry."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
