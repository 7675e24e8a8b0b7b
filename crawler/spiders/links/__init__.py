"""Automatic article-link detection on listing pages: lists, tables and cards."""

from __future__ import annotations

from crawler.spiders.links.detect import DEFAULT_WEIGHTS, Detection, LinkDecision, detect_links
from crawler.spiders.links.groups import Weights
from crawler.spiders.links.selector import check_selector, select, suggest_selector

__all__ = [
    "DEFAULT_WEIGHTS", "Detection", "LinkDecision", "Weights", "check_selector", "detect_links",
    "select", "suggest_selector",
]  # fmt: skip
