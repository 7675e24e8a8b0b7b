"""The page's own address printed as a line of its text (a print view's footer)."""

from __future__ import annotations

from urllib.parse import urlsplit


def drop_own_address(paras: list[str], url: str) -> list[str]:
    """``paras`` less the lines that are only the page's address (its query, fragment, scheme
    and closing slash aside): a print view states where it came from. Other addresses stay (a
    list of sources)."""
    own = _address(url)
    if not own:
        return paras
    return [p for p in paras if " " in p.strip() or _address(p.strip()) != own]


def _address(text: str) -> str:
    """The host and path of an http(s) address, lower case and without a closing slash; ""
    for any other text."""
    if not text.startswith(("http://", "https://")):
        return ""
    parts = urlsplit(text)
    return f"{parts.netloc.lower()}{parts.path.rstrip('/')}"
