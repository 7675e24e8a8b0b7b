"""The charset of a page whose HTTP header and own ``<meta>`` disagree.

A server's default header (``charset=ISO-8859-1``, or ``utf-8`` in front of a GBK page) often
contradicts the page, which knows how it was written. Bytes that are valid UTF-8 with non-ASCII
characters are UTF-8 when either declaration says so: no GBK or Latin-1 page is by chance. Else
a single-byte header (Latin-1, cp1252, ASCII: a server's default) gives way to the page's own
declaration, and a declaration the bytes do not decode under gives way to the other.
"""

from __future__ import annotations

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

_SINGLE_BYTE = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii"})


def settled_charset(body: bytes, content_type: str | None) -> str | None:
    """The charset to read ``body`` with when the header's and the page's declarations differ;
    None when they agree or one is missing (the header, else the page, else detection then
    decides, as Scrapy's decoding does)."""
    header = http_content_type_encoding(content_type or "")
    page = html_body_declared_encoding(body)
    if header is None or page is None or header == page:
        return None
    if "utf-8" in (header, page) and _is_utf8(body):
        return "utf-8"
    order = (page, header) if header in _SINGLE_BYTE else (header, page)
    return next((charset for charset in order if _decodes(body, charset)), None)


def _is_utf8(body: bytes) -> bool:
    """Valid UTF-8 holding some non-ASCII character."""
    return not body.isascii() and _decodes(body, "utf-8")


def _decodes(body: bytes, charset: str) -> bool:
    try:
        body.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
