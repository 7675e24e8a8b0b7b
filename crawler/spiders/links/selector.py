"""A short CSS selector that picks exactly a group of links, to suggest as ``link_selector``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from urllib.parse import urljoin

from cssselect import SelectorError
from lxml import etree
from parsel.csstranslator import css2xpath

_NAME = re.compile(r"^[A-Za-z_][A-Za-z_-]*$")  # no digits: ids and classes with numbers vary
_MAX_EXTRA = 0.1


def suggest_selector(
    elements: Sequence[etree._Element], root: etree._Element, base_url: str
) -> str:
    """The shortest candidate selector matching all of ``elements`` and few other links."""
    wanted = {_url(e, base_url) for e in elements}
    candidates = sorted(set(_candidates(elements)), key=lambda s: (len(s.split()), len(s)))
    for candidate in candidates:
        found = {_url(e, base_url) for e in select(root, candidate) if e.get("href")}
        if wanted <= found and len(found - wanted) <= _MAX_EXTRA * len(wanted):
            return candidate
    return _full_path(elements[0])


def select(root: etree._Element, css: str) -> list[etree._Element]:
    """Elements matching a CSS selector (as parsel compiles it); links of matched items too."""
    matched = root.xpath(css2xpath(css))
    links: list[etree._Element] = []
    for element in matched:
        if not isinstance(element, etree._Element):
            continue
        links.extend([element] if element.tag == "a" else element.iter("a"))
    return links


def check_selector(css: str) -> str | None:
    """The reason a CSS selector cannot be compiled, or None when it can."""
    try:
        css2xpath(css)
    except SelectorError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _candidates(elements: Sequence[etree._Element]) -> Iterator[str]:
    container = _named_ancestor(_common_ancestor(elements))
    if container is None:
        return
    first = elements[0]
    yield f"{container} a"
    anchor = _part(first, with_tag=True)
    if anchor != "a":
        yield f"{container} {anchor}"
    parent = first.getparent()
    if parent is not None and parent.tag not in ("body", "html"):
        yield f"{container} {_part(parent, with_tag=True)} a"
        yield f"{container} {_part(parent, with_tag=True)} > a"


def _common_ancestor(elements: Sequence[etree._Element]) -> etree._Element:
    common = list(reversed([elements[0], *elements[0].iterancestors()]))
    for element in elements[1:]:
        chain = list(reversed([element, *element.iterancestors()]))
        depth = 0
        while depth < min(len(common), len(chain)) and common[depth] is chain[depth]:
            depth += 1
        common = common[:depth]
    return common[-1]


def _named_ancestor(element: etree._Element) -> str | None:
    """The element or its nearest ancestor with a usable id or class, as a CSS part."""
    for candidate in [element, *element.iterancestors()]:
        part = _part(candidate, with_tag=True)
        if "#" in part or "." in part:
            return part
        if candidate.tag in ("body", "html"):
            return candidate.tag
    return None


def _part(element: etree._Element, *, with_tag: bool) -> str:
    tag = element.tag if with_tag and isinstance(element.tag, str) else ""
    ident = element.get("id") or ""
    if _NAME.match(ident):
        return f"{tag}#{ident}"
    names = [c for c in (element.get("class") or "").split() if _NAME.match(c)]
    return f"{tag}.{names[0]}" if names else tag


def _full_path(element: etree._Element) -> str:
    chain = [element, *element.iterancestors()]
    parts = [_part(e, with_tag=True) for e in reversed(chain) if e.tag != "html"]
    return " > ".join(parts)


def _url(element: etree._Element, base_url: str) -> str:
    return urljoin(base_url, (element.get("href") or "").strip()).split("#", 1)[0]
