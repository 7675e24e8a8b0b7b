"""The charset of a page whose HTTP header and own ``<meta>`` disagree.

A server's default header (``charset=ISO-8859-1``, or ``utf-8`` in front of a GBK page) often
contradicts the page, which knows how it was written. Bytes that are valid UTF-8 with non-ASCII
characters are UTF-8 whatever either declaration says: no GBK, Big5 or Latin-1 page is by
chance. Else a single-byte header (Latin-1, cp1252, ASCII: a server's default) gives way to the
page's own declaration, and a declaration the bytes do not decode under gives way to the other. A
header the bytes do not decode under, on a page that declares nothing, is no declaration at all:
the charset is then detected (:data:`DETECT`). A charset that would garble the page (a GBK page
left with a UTF-8 ``<meta>`` by its template) gives way to the one detected from the bytes.
"""

from __future__ import annotations

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

_SINGLE_BYTE = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii"})
DETECT = "detect"  # read the page as if it declared no charset
_GARBLED = 20  # one character in this many read as U+FFFD: the charset is not the page's


def settled_charset(body: bytes, content_type: str | None) -> str | None:
    """The charset to read ``body`` with when the header's and the page's declarations differ
    (:data:`DETECT` when the header's is wrong and the page has none); None when they agree or
    one is missing (the header, else the page, else detection then decides, as Scrapy's
    decoding does)."""
    header = http_content_type_encoding(content_type or "")
    page = html_body_declared_encoding(body)
    if header is not None and page is None and not _decodes(body, header):
        return DETECT
    if {header, page} - {None, "utf-8"} and _is_utf8(body):
        return "utf-8"
    if header is None or page is None or header == page:
        settled = None
    else:
        order = (page, header) if header in _SINGLE_BYTE else (header, page)
        settled = next((charset for charset in order if _decodes(body, charset)), None)
    in_effect = settled or header or page
    if in_effect is not None and _garbles(body, in_effect):
        return _detected(body) or settled
    return settled


def _garbles(body: bytes, charset: str) -> bool:
    """Whether reading ``body`` as ``charset`` leaves many characters undecodable."""
    if _decodes(body, charset):
        return False
    try:
        text = body.decode(charset, "replace")
    except LookupError:
        return False
    wide = sum(1 for char in text if char > "\x7f")
    return text.count("\ufffd") * _GARBLED > wide


def _detected(body: bytes) -> str | None:
    """The charset detected from the bytes alone, if the whole body decodes under it."""
    match = from_bytes(body).best()
    charset = resolve_encoding(match.encoding) if match else None
    return charset if charset and _decodes(body, charset) else None


def _is_utf8(body: bytes) -> bool:
    """Valid UTF-8 holding some non-ASCII character."""
    return not body.isascii() and _decodes(body, "utf-8")


def _decodes(body: bytes, charset: str) -> bool:
    """Whether the whole body decodes under ``charset`` (an unknown charset decodes nothing)."""
    try:
        body.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
