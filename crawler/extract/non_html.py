"""Bodies served as HTML that are no HTML page: a JSON document, or binary bytes (a PDF, an
image) read as text. Neither is an article, whatever text a parser would find in it."""

from __future__ import annotations

import json
import re

# Control characters no text writes (NUL to BS, SO to US but ESC): binary bytes read as text.
_BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HEAD = 1024  # the characters looked at for them
_BINARY_SHARE = 32  # one in this many of them makes the body binary
_LEAD = "\ufeff \t\r\n"  # what may stand before a JSON document


def is_non_html(html: str) -> bool:
    """Tell whether ``html`` is a JSON document or binary bytes rather than a page."""
    head = html[:_HEAD]
    if len(_BINARY_RE.findall(head)) * _BINARY_SHARE > len(head):
        return True
    start = head.lstrip(_LEAD)[:1]
    return start in ("{", "[") and _is_json(html.lstrip(_LEAD))


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
        return False
    return True
