"""Title, language and ``<meta>`` helpers for ``crawler.extract.article``, and the text measures
every extraction step shares: squashed text, its length, an element's text length and words."""

from __future__ import annotations

import html as html_lib
import json
import re
from typing import TYPE_CHECKING

from lxml import etree

from storage.cjk import CJK_LETTERS, HANGUL, KANA

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MIN_DATE, _MAX_DATE = 6, 40  # the length of a JSON-LD date's text, least and most
_JSONLD_DATE_RE = re.compile(rf'"datePublished"\s*:\s*"([^"]{{{_MIN_DATE},{_MAX_DATE}}})"')
# A JSON-LD headline: a JSON string, escapes and all, read by ``json.loads``.
_JSONLD_HEADLINE_RE = re.compile(r'"headline"\s*:\s*("(?:[^"\\\n]|\\.){2,400}")')
_JSONLD_TYPE = "application/ld+json"
# Microdata's datePublished, built once; ``/descendant::`` finds what ``//`` does, faster.
_ITEMPROP_DATE_XPATH = etree.XPath(
    "/descendant::*[@itemprop='datePublished'][@datetime or @content]"
)
_SQUASH_RE = re.compile(r"[\W_]+")
WORD_RE = re.compile(r"\w+")
_SENTENCE_END_RE = re.compile(r"[.!?。！？][\"'”’)）]?\s*$")
# The ASCII characters that are not letters or digits: what squashing drops of an ASCII text.
_ASCII_NOT_WORD = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_NOT_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
# The ASCII characters ``str.split`` splits on (with the other whitespace of Unicode).
_ASCII_SPACES = bytes(c for c in range(128) if chr(c).isspace())
# The characters that a pattern's case folding (re.IGNORECASE) matches with ASCII letters and
# ``str.lower`` does not lower to them (İ ı ſ K): a text without them and without a pattern's
# words in lower case has no match.
ODD_FOLDS = "\u0130\u0131\u017f\u212a"
XPATH_SPACE = " \t\n\r"  # the whitespace XPath's normalize-space() removes
_SPACED_LEN, _SPACED_SHARE = 100, 16  # a text this long, one space in this many characters


def meta_map(root: HtmlElement, html: str) -> dict[str, str]:
    """Lower-cased ``<meta>`` name/property → content, plus schema.org/JSON-LD datePublished
    and the JSON-LD headline (under ``headline`` when no ``<meta>`` names one)."""
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("name") or el.get("property") or el.get("itemprop") or el.get("http-equiv")
        content = (el.get("content") or "").strip()
        if key and content:
            meta.setdefault(key.strip().lower(), content)
    if '"headline"' in html and (headline := jsonld_headline(html)):
        meta.setdefault("headline", headline)
    if "datePublished" not in html or "datepublished" in meta:  # the first one found is kept
        return meta
    if (el := next(iter(_ITEMPROP_DATE_XPATH(root)), None)) is not None:
        meta["datepublished"] = el.get("datetime") or el.get("content")
        return meta
    for script in root.iter("script"):  # a walk by tag, far faster than an XPath over all nodes
        text = script.text if script.get("type") == "application/ld+json" else None
        if text and (match := _JSONLD_DATE_RE.search(text)):
            meta["datepublished"] = _top_published(text) or match.group(1)
            break
    return meta


def _top_published(script: str) -> str | None:
    """The ``datePublished`` of a JSON-LD script's first top-level node that has one (the
    script's object, an item of its list or of its ``@graph``): a nested node's (a review's
    ``itemReviewed``, an article's ``video``) dates another work. None when no top-level node
    has one, or the script is no JSON (or nests too deep to read)."""
    try:
        data = json.loads(script)
    except (ValueError, RecursionError):
        return None
    for item in data if isinstance(data, list) else [data]:
        graph = item.get("@graph") if isinstance(item, dict) else None
        for node in graph if isinstance(graph, list) else [item]:
            value = node.get("datePublished") if isinstance(node, dict) else None
            if isinstance(value, str) and _MIN_DATE <= len(value) <= _MAX_DATE:
                return value
    return None


def jsonld_headline(html: str) -> str | None:
    """The first ``headline`` of the page's JSON-LD scripts, found in the page's text (no walk
    of the tree); None when there is none or it is not a JSON string."""
    start = html.find(_JSONLD_TYPE)
    while start != -1:
        end = html.find("</script", start)
        end = len(html) if end == -1 else end
        if match := _JSONLD_HEADLINE_RE.search(html, start, end):
            return _json_text(match.group(1))
        start = html.find(_JSONLD_TYPE, end)
    return None


def _json_text(quoted: str) -> str | None:
    """A JSON string's text, its HTML entities decoded (script text is not), spaces collapsed."""
    try:
        text = json.loads(quoted)
    except ValueError:
        return None
    return norm(html_lib.unescape(text)) or None


# --- language ------------------------------------------------------------------------------

_KANA_RE = re.compile(f"[{KANA}]")
_HANGUL_RE = re.compile(f"[{HANGUL}]")
_LETTER_RE = re.compile(r"[^\W\d_]")
# Runs of what is not a letter, and of CJK characters: deleting runs counts characters faster
# than finding each one.
_NOT_LETTERS_RE = re.compile(r"[\W\d_]+")
_CJK_RUN_RE = re.compile(f"[{CJK_LETTERS}]+")
_LANG_RE = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$")
# The language from the text's script: read on its first _SAMPLE characters; a text of
# _MIN_LETTERS letters or more contradicts its declared language when it is declared CJK and
# under _CJK_LEAST of its letters are CJK, or declared otherwise and over _CJK_MOST are. An
# undeclared text over _CJK_SHARE CJK is Korean over _HANGUL_SHARE of hangul, Japanese over
# _KANA_SHARE of kana, else Chinese; one of _ASCII_SHARE ASCII letters is English.
_SAMPLE = 5000
_MIN_LETTERS = 50
_CJK_LEAST, _CJK_MOST = 0.02, 0.5
_CJK_SHARE = 0.2
_HANGUL_SHARE, _KANA_SHARE = 0.5, 0.1
_ASCII_SHARE = 0.9
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})


def declared_language(root: HtmlElement, meta: dict[str, str]) -> str | None:
    """Primary language subtag declared by ``<html lang>`` or meta tags."""
    for value in (
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("content-language"),
        meta.get("language"),
        meta.get("og:locale"),
    ):
        if language := primary_language(value):
            return language
    return None


def primary_language(tag: str | None) -> str | None:
    """The primary subtag of a language tag or list, lower case ("zh-TW", "zh_tw", "zh-CN,en":
    "zh"); None for no tag or a malformed one."""
    match = _LANG_RE.match(tag.split(",")[0]) if tag else None
    return match.group(1).lower() if match else None


def detect_language(declared: str | None, text: str, hint: str | None) -> str | None:
    """Declared language unless the text contradicts it, else a cheap script-based guess."""
    sample = text[:_SAMPLE]
    letters = letter_count(sample)
    cjk = len(sample) - len(_CJK_RUN_RE.sub("", sample))
    share = cjk / letters if letters else 0.0
    is_cjk_lang = declared in _CJK_LANGUAGES
    if (
        declared
        and letters >= _MIN_LETTERS
        and ((is_cjk_lang and share < _CJK_LEAST) or (not is_cjk_lang and share > _CJK_MOST))
    ):
        declared = None  # e.g. an English page on a Chinese CMS that declares lang="zh-CN"
    if declared:
        return declared
    if share > _CJK_SHARE:
        return _cjk_language(sample, cjk)
    if hint:
        return hint
    ascii_letters = sum(c.isascii() for c in _LETTER_RE.findall(sample))
    return "en" if letters and ascii_letters >= _ASCII_SHARE * letters else None


def letter_count(text: str) -> int:
    """The letters in ``text`` (what ``_NOT_LETTERS_RE`` leaves), its ASCII digits, spaces and
    punctuation deleted as bytes first: the search then meets only the few other characters."""
    encoded = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_LETTER)
    if encoded.isascii():
        return len(encoded)
    return len(_NOT_LETTERS_RE.sub("", encoded.decode("utf-8", "surrogatepass")))


def _cjk_language(sample: str, cjk: int) -> str:
    """zh, ja or ko from the share of kana and hangul among CJK characters."""
    if len(_HANGUL_RE.findall(sample)) > _HANGUL_SHARE * cjk:
        return "ko"
    return "ja" if len(_KANA_RE.findall(sample)) > _KANA_SHARE * cjk else "zh"


# --- text helpers --------------------------------------------------------------------------


def norm(text: str) -> str:
    """Collapse whitespace (including NBSP and ideographic spaces) to single spaces."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Lower-case text without whitespace and punctuation, for loose comparisons."""
    if text.isascii():  # as bytes, several times faster than the search
        return text.encode().translate(None, _ASCII_NOT_WORD).decode().lower()
    if len(text) >= _SPACED_LEN and _SPACED_SHARE * text.count(" ") >= len(text):
        # a long text with spaces between its words: ASCII spaces and punctuation go as bytes
        # first, leaving the search few runs to remove
        encoded = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_WORD)
        text = encoded.decode("utf-8", "surrogatepass")
    return _SQUASH_RE.sub("", text).lower()


def squashed_len(text: str) -> int:
    """Length of text without whitespace. An ASCII text's whitespace goes as bytes; a long text
    with spaces between its words loses its ASCII whitespace that way first, leaving the split
    few words to make."""
    if text.isascii():
        return len(text.encode().translate(None, _ASCII_SPACES))
    if len(text) >= _SPACED_LEN and _SPACED_SHARE * text.count(" ") >= len(text):
        encoded = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_SPACES)
        text = encoded.decode("utf-8", "surrogatepass")
    return len("".join(text.split()))


def text_len(element: HtmlElement) -> int:
    """Length of an element's text without whitespace."""
    return squashed_len(element.text_content())


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends a sentence, in English or Chinese (a closing quote or bracket
    may follow its mark)."""
    return _SENTENCE_END_RE.search(text) is not None
