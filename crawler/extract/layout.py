"""The page's address against its items' addresses: a page above its list is no story.

A listing's headlines lead *below* it: a category's products extend its path
(``/carry-on-luggage/`` → ``/carry-on-luggage/freeform-spinner/78255.html``), a section's
stories carry the dates or numbers its own address lacks (``/news`` → ``/news/2025/10/28/…``).
A story's related headlines lead beside it, to addresses of the same shape as its own. A page
whose every item leads below it stands where a section does, whatever its own address says.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

_MIN_ITEMS = 3  # item links on the page's host needed to judge
LONG_NUMBER_RE = re.compile(r"\d{4,}")  # a date or an id in a path


def items_below(url: str, hrefs: tuple[str, ...]) -> bool:
    """At least ``_MIN_ITEMS`` headline links of the page's list (``hrefs``, as written) stay
    on its host, and every one of them leads below the page at ``url``."""
    if not url:
        return False
    page = urlsplit(url)
    paths = [
        target.path
        for target in (urlsplit(urljoin(url, href.strip())) for href in hrefs)
        if target.netloc == page.netloc
    ]
    return len(paths) >= _MIN_ITEMS and all(_below(page.path, path) for path in paths)


def _below(page: str, item: str) -> bool:
    """The item's path extends the page's, or carries a long number (a date, an id) the
    page's lacks."""
    base = page.rstrip("/")
    if base and item.startswith(base + "/") and item.rstrip("/") != base:
        return True
    return not LONG_NUMBER_RE.search(page) and bool(LONG_NUMBER_RE.search(item))
