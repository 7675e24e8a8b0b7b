"""Title, language and ``<meta>`` helpers for ``crawler.extract.article``."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from crawler.extract.dates import split_trailing_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

_JSONLD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')


def meta_map(root: HtmlElement, html: str) -> dict[str, str]:
    """Lower-cased ``<meta>`` name/property → content, plus schema.org/JSON-LD datePublished."""
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("name") or el.get("property") or el.get("itemprop") or el.get("http-equiv")
        content = (el.get("content") or "").strip()
        if key and content:
            meta.setdefault(key.strip().lower(), content)
    if "datePublished" not in html:
        return meta
    for el in root.xpath("//*[@itemprop='datePublished'][@datetime or @content]"):
        meta.setdefault("datepublished", el.get("datetime") or el.get("content"))
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        if match := _JSONLD_DATE_RE.search(script):
            meta.setdefault("datepublished", match.group(1))
    return meta


# --- title ---------------------------------------------------------------------------------

_TITLE_META = ("articletitle", "og:title", "twitter:title", "dc.title")
_TITLE_SEP_RE = re.compile(r"\s+[|\-–—·]\s+|\s*[_｜|]\s*")
_TITLE_CLASS_XPATH = (
    "//body//*[self::h2 or self::h3 or self::div or self::p or self::td or self::span"
    " or self::strong][contains(@class, 'title') or contains(@class, 'Title')"
    " or contains(@id, 'title') or contains(@id, 'Title')]"
)
_MAX_TITLE = 300
# id/class of an article headline (not a widget or column title): "detail_title", "artTitle"...
_ARTICLE_TITLE_NAME_RE = re.compile(
    r"(?i)(?:detail|article|art|news|content|con|post|entry|story|headline)[-_]?tit|"
    r"tit(?:le)?[-_]?(?:detail|article|art|news|content|con|post|entry|main)"
)


def find_title(
    root: HtmlElement, meta: dict[str, str], url: str
) -> tuple[str | None, HtmlElement | None]:
    """Article title (site suffix and SHIO trailing date removed) and its element, if found."""
    site = meta.get("og:site_name") or meta.get("application-name") or ""
    doc_title = norm(root.findtext(".//title") or "")
    element = _title_element(root, doc_title)
    metas = (meta[k] for k in _TITLE_META if meta.get(k))
    raw = next((t for t in metas if squash(t) != squash(site)), "")
    if not raw and element is not None and _trust_element(element, doc_title):
        raw = element.text_content()
    raw = raw or doc_title
    title = strip_site_suffix(norm(split_trailing_date(raw)[0]), site, urlsplit(url).hostname or "")
    return title or None, element


def _title_element(root: HtmlElement, doc_title: str) -> HtmlElement | None:
    """The longest ``<h1>``, else a title-classed element that matches or replaces ``<title>``."""
    h1s = [h for h in root.iter("h1") if 0 < len(norm(h.text_content())) <= _MAX_TITLE]
    if h1s:
        return max(h1s, key=lambda h: len(norm(h.text_content())))
    candidates = [el for el in root.xpath(_TITLE_CLASS_XPATH) if _is_title_like(el)]
    if _substantial(doc_title):
        headings = [el for el in root.iter("h2", "h3") if _is_title_like(el)]
        matching = (el for el in [*candidates, *headings] if _matches(el, doc_title))
        if (found := next(matching, None)) is not None:
            return found
    return next(
        (el for el in candidates if _substantial(split_trailing_date(el.text_content())[0])), None
    )


def _trust_element(element: HtmlElement, doc_title: str) -> bool:
    """Tell whether the title element beats ``<title>`` (which is often just the site name)."""
    if element.tag == "h1" or not _substantial(doc_title) or _matches(element, doc_title):
        return True
    text = element.text_content()
    return split_trailing_date(text)[1] is not None or bool(
        _ARTICLE_TITLE_NAME_RE.search(_names(element))
    )


def _names(element: HtmlElement) -> str:
    """An element's id and class, space-joined."""
    return f"{element.get('id', '')} {element.get('class', '')}"


def _matches(element: HtmlElement, doc_title: str) -> bool:
    """Tell whether an element's text (less a trailing date) appears in the ``<title>``."""
    key = squash(split_trailing_date(element.text_content())[0])
    return bool(key) and key in squash(doc_title)


def _is_title_like(el: HtmlElement) -> bool:
    """A short element that is not mostly a link."""
    text = norm(el.text_content())
    linked = sum(len(norm(a.text_content())) for a in el.iterfind(".//a"))
    return 4 <= len(text) <= _MAX_TITLE and linked < 0.5 * len(text)


def strip_site_suffix(title: str, site: str, host: str) -> str:
    """Remove trailing site names: ``"X - Variety"`` → ``"X"``, ``"通知_国家广播电视总局"``."""
    while seps := list(_TITLE_SEP_RE.finditer(title)):
        last = seps[-1]
        head, tail = title[: last.start()].strip(), title[last.end() :].strip()
        if not head or not _is_site_name(tail, head, site, host):
            break
        title = head
    return title


def _is_site_name(tail: str, head: str, site: str, host: str) -> bool:
    """Tell whether the part after a title separator names the site rather than the story."""
    key = squash(tail)
    if not key or (site and key in squash(site)) or (len(key) >= 3 and key in squash(host)):
        return True
    return len(tail.split()) <= 4 and len(tail) <= 30 and len(head) >= 2 * len(tail)


def _substantial(text: str) -> bool:
    """At least four words, or ten CJK characters: a headline rather than a section name."""
    return len(text.split()) >= 4 or len(_CJK_RE.findall(text)) >= 10


# --- language ------------------------------------------------------------------------------

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_LANG_RE = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$")
_CJK_SHARE = 0.2


def declared_language(root: HtmlElement, meta: dict[str, str]) -> str | None:
    """Primary language subtag declared by ``<html lang>`` or meta tags."""
    for value in (
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("content-language"),
        meta.get("language"),
        meta.get("og:locale"),
    ):
        if value and (match := _LANG_RE.match(value.split(",")[0])):
            return match.group(1).lower()
    return None


def detect_language(declared: str | None, text: str, hint: str | None) -> str | None:
    """Declared language unless the text contradicts it, else a cheap script-based guess."""
    sample = text[:5000]
    letters = len(_LETTER_RE.findall(sample))
    cjk = len(_CJK_RE.findall(sample))
    share = cjk / letters if letters else 0.0
    is_cjk_lang = declared in {"zh", "ja", "ko"}
    if (
        declared
        and letters >= 50
        and ((is_cjk_lang and share < 0.02) or (not is_cjk_lang and share > 0.5))
    ):
        declared = None  # e.g. an English page on a Chinese CMS that declares lang="zh-CN"
    if declared:
        return declared
    if share > _CJK_SHARE:
        return _cjk_language(sample, cjk)
    if hint:
        return hint
    ascii_letters = sum(c.isascii() for c in _LETTER_RE.findall(sample))
    return "en" if letters and ascii_letters >= 0.9 * letters else None


def _cjk_language(sample: str, cjk: int) -> str:
    """zh, ja or ko from the share of kana and hangul among CJK characters."""
    if len(_HANGUL_RE.findall(sample)) > 0.5 * cjk:
        return "ko"
    return "ja" if len(_KANA_RE.findall(sample)) > 0.1 * cjk else "zh"


# --- text helpers --------------------------------------------------------------------------


def norm(text: str) -> str:
    """Collapse whitespace (including NBSP and ideographic spaces) to single spaces."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Lower-case text without whitespace and punctuation, for loose comparisons."""
    return re.sub(r"[\W_]+", "", text).lower()


def squashed_len(text: str) -> int:
    """Length of text without whitespace."""
    return len("".join(text.split()))
