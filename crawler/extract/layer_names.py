"""Names that a site builder gives its layers in a data attribute, read as class names.

A Framer page's classes are hashes (``framer-1q2w3e4``); what a layer is ("Nav", "CTA",
"Footer") is written in ``data-framer-name``. Appended to the element's classes, those names
reach the rules that read names for chrome. (Not a React page's ``data-testid``: its "byline"
holds the author's line that the text keeps.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_ATTRIBUTE = "data-framer-name"


def names_as_classes(root: HtmlElement, html: str) -> None:
    """Append each element's layer name under ``root`` to its classes, in place; the HTML is
    searched first: most pages name no layer."""
    if f"{_ATTRIBUTE}=" not in html:
        return
    for element in root.iter():
        if isinstance(element.tag, str) and (name := element.get(_ATTRIBUTE)):
            names = element.get("class", "")
            element.set("class", f"{names} {name}".strip())
