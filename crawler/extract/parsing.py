"""Parsing: decoded HTML -> one lxml tree, its control characters dropped, every element a
:class:`~crawler.extract.elements.PageElement`, markup left after an early ``</html>`` moved into
the body.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from crawler.extract.elements import PageElement
from crawler.extract.spacing import space_boundaries

# A page given as a str, and the trees extraction builds (a CMS container's); a page's UTF-8
# bytes are read by _BYTES_PARSER.
PARSER = HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
_BYTES_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    remove_comments=True,
    remove_pis=True,
    encoding="utf-8",
)
# Every element is a PageElement (see :mod:`crawler.extract.elements`), its class chosen in C:
# lxml.html's own lookup (form and input classes, nothing read here) is a Python call for each
# element a tree walk hands out.
for _parser in (PARSER, _BYTES_PARSER):
    _parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=PageElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )


def parse_html(html: str) -> HtmlElement | None:
    """Parse decoded HTML, less its control characters (:func:`drop_control_characters`), into
    an lxml tree (None when there is no document). The parser reads the page as UTF-8, which
    lxml would otherwise make of the str itself; a lone surrogate, which no encoding writes
    (a str decoded with ``surrogateescape``), is read as U+FFFD."""
    try:
        page = space_boundaries(_utf8_without_controls(html))
        root = document_fromstring(page, parser=_BYTES_PARSER)
    except UnicodeEncodeError:
        root = _parse_text(drop_control_characters(_SURROGATE_RE.sub("\ufffd", html)))
    except etree.ParserError:
        return None
    return root if root is None else _adopt_strays(root)


def _adopt_strays(root: HtmlElement) -> HtmlElement:
    """``root`` with the children of the elements the parser left beside it moved to the end of
    its body: markup after an early ``</html>`` (a template closing the document before the
    article), which a browser shows in the body."""
    strays = [el for el in root.itersiblings() if isinstance(el.tag, str)]
    body = root.find("body") if strays else None
    for stray in strays:
        (root if body is None else body).extend(list(stray))
    return root


def _parse_text(html: str) -> HtmlElement | None:
    """Parse HTML given as a str (None when there is no document)."""
    try:
        return document_fromstring(html, parser=PARSER)
    except ValueError:  # a str with an XML encoding declaration: lxml wants bytes
        return document_fromstring(html.encode("utf-8"), parser=_BYTES_PARSER)
    except etree.ParserError:
        return None


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# C0 control characters other than tab, line feed and carriage return, raw or as numeric
# references (&#27; &#x1B;): lxml refuses them in element text, which cost whole pages.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_REF_RE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|127)|[xX]0*(?:[0-8]|[bBcCeEfF]|1[0-9a-fA-F]|7[fF]));"
)


def drop_control_characters(html: str) -> str:
    """``html`` without control characters: they are removed, never a reason to lose a page.

    References go first (no raw control character can sit inside one), each pattern on its own
    being much faster than one alternation over the whole page.
    """
    if "&#" in html:
        html = _CONTROL_REF_RE.sub("", html)
    return _CONTROL_RE.sub("", html) if _has_control_characters(html) else html


# The control characters as bytes: UTF-8 writes each as that one byte, and no other character
# uses a byte below 0x80, so deleting them from the encoded page tells whether it has any
# (faster than a search with the character class).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _utf8_without_controls(html: str) -> bytes:
    """``drop_control_characters(html)`` as UTF-8, its raw control characters deleted as the
    bytes UTF-8 writes them as (see :data:`_CONTROL_BYTES`)."""
    if "&#" in html:
        html = _CONTROL_REF_RE.sub("", html)
    return html.encode("utf-8").translate(None, _CONTROL_BYTES)


def _has_control_characters(html: str) -> bool:
    """Tell whether ``html`` holds a raw control character of :data:`_CONTROL_RE`."""
    encoded = html.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, _CONTROL_BYTES)) != len(encoded)
