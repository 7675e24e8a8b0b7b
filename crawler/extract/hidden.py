"""Elements the page hides from its reader: an inline ``display: none`` or ``visibility:
hidden`` (a footnote list a script shows on demand, a comment form's spare copy, a republish
dialog) is no text of the article, nor is a tooltip (``role="tooltip"``: the definition a
glossary term inside a paragraph shows on hover). A panel the reader opens is kept: a collapsed
accordion or tab (labelled by its toggle, ``aria-labelledby``; a ``region`` or ``tabpanel``; a
class or id naming a collapse, an accordion, a tab, a toggle, an expander, a spoiler or a
panel), and so is an element holding most of the page's text (a body a script reveals is still
the body).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.meta import text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HIDDEN_RE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
# The style attributes, each with its element (faster than the elements with one, ``[@style]``).
_STYLES_XPATH = etree.XPath("/descendant::*/@style")
_TOOLTIPS_XPATH = etree.XPath("/descendant::*[@role='tooltip']")
_PANEL_ROLES = frozenset({"region", "tabpanel"})
# A tab is named by a word that begins with "tab" (``tab-pane``, ``nav-tabs``, ``myTabs``), not
# one holding it (``database``, ``metabox``) nor a table's (``table-responsive``, ``tablet``).
_PANEL_RE = re.compile(
    r"collaps|accordion|(?-i:(?<![a-z])t|T)ab(?!le|ul)|toggle|expand|spoiler|panel", re.I
)
_MAX_SHARE = 0.5  # an element holding more than this share of the page's text is kept


def drop_hidden(root: HtmlElement) -> None:
    """Remove the elements an inline style hides (:data:`_HIDDEN_RE`) and tooltips, in place,
    but for a panel the reader opens and one holding more than :data:`_MAX_SHARE` of the
    page's text."""
    hidden = [
        el
        for style in _STYLES_XPATH(root)
        if _HIDDEN_RE.search(style) and not _is_panel(el := style.getparent())
    ]
    hidden += _TOOLTIPS_XPATH(root)
    if not hidden:
        return
    limit = _MAX_SHARE * text_len(root)
    for el in hidden:
        if el.getparent() is not None and text_len(el) <= limit:
            el.drop_tree()


def _is_panel(el: HtmlElement) -> bool:
    """Tell whether a hidden element is a panel its reader opens (an accordion's, a tab's)."""
    if el.get("aria-labelledby") or el.get("role") in _PANEL_ROLES:
        return True
    return bool(_PANEL_RE.search(f"{el.get('class', '')} {el.get('id', '')}"))
