"""What a link's text, URL and surroundings say about it being an article link."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlsplit

from storage.cjk import HAN_RE

_WORD = re.compile(r"[^\W\d_]{2,}|\d+")
_DATE = re.compile(
    r"(20\d{2}|19\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.](?:20)?\d{2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|\d+\s*(?:分钟|小时|天)前",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"(?:^|/)(?:19|20)\d{2}(?:[/_-]?\d{1,2}){1,2}(?:/|$|[_-])|(?:19|20)\d{6}")
_URL_ID = re.compile(r"\d{4,}|[0-9a-f]{16,}", re.IGNORECASE)
_URL_NOT_ARTICLE = re.compile(
    r"/(?:tags?|category|categories|topics?|authors?|search|login|signin|register|account|"
    r"cart|feed|rss|about|contact|privacy|terms|help|faq|subscribe|"
    r"newsletters?|advertise|advertising|sitemap|cookies|accessibility)(?:/|$|\.|:)|"
    r"/(?:privacy|cookies?)[-_](?:policy|notice|statement|settings)|"
    r"/terms[-_](?:of[-_](?:use|service|sale)|and[-_]conditions|conditions)|"
    r"\.(?:jpe?g|png|gif|svg|webp|pdf|zip|rar|docx?|xlsx?|pptx?|mp[34]|css|js|xml)$",
    re.IGNORECASE,
)
_INDEX_PAGE = re.compile(r"/(?:index|default|list)(?:_\d+)?\.\w+$", re.IGNORECASE)
_MORE_TEXT = re.compile(
    r"^(?:read|see|view|learn|show|load)?\s*(?:more|all|full story|details?)\W*$|"
    r"^(?:更多|详情|查看更多|阅读全文|more\s*»|»|›|>+|<+|«|‹|next|prev(?:ious)?|\d{1,3})$",
    re.IGNORECASE,
)
_COMMENTS_TEXT = re.compile(
    r"^(?:\d+\s+)?(?:comments?|replies|reply|responses?)$|^(?:add|leave|post) a (?:comment|reply)$"
    r"|^\d*\s*条?评论$",
    re.IGNORECASE,
)


def title_units(text: str) -> float:
    """Length of a text in words, a CJK character counting as half a word."""
    return len(_WORD.findall(HAN_RE.sub(" ", text))) + len(HAN_RE.findall(text)) / 2


def is_title_like(text: str) -> bool:
    """Whether an anchor text reads like a headline rather than a menu label."""
    return title_units(text) >= 4 and not _MORE_TEXT.match(text)


def is_more_text(text: str) -> bool:
    """'Read more', '»', a page number: texts that never name an article."""
    return bool(_MORE_TEXT.match(text.strip()))


def is_comments_text(text: str) -> bool:
    """'12 Comments', 'Add a comment': links to a discussion, never the article itself."""
    return bool(_COMMENTS_TEXT.match(text.strip()))


def has_date(text: str) -> bool:
    """Whether a text holds a calendar date or a relative time ('3 hours ago')."""
    return bool(_DATE.search(text))


def url_path(url: str) -> str:
    """Path and query of a URL, the part that says what kind of page it is."""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def url_looks_like_article(url: str, base_url: str) -> bool:
    """A date, a long id, a long slug or a detail page in the URL, and not a listing's URL."""
    parts, base = urlsplit(url), urlsplit(base_url)
    if _URL_NOT_ARTICLE.search(parts.path) or _INDEX_PAGE.search(parts.path):
        return False
    if parts.path == base.path and parts.netloc == base.netloc:
        return False  # the listing itself under another query: a tab or a page of it
    path = url_path(url)
    if _URL_DATE.search(path) or _URL_ID.search(path) or has_opaque_id(parts.path):
        return True
    if is_sibling_listing(url, base_url):
        return False  # another listing laid out as this one (a sub-category)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    slug_words = [w for w in re.sub(r"\.\w+$", "", last).split("-") if w.isalpha()]
    return len(slug_words) >= 3 or "detail" in path.lower() or "/article" in path.lower()


def has_opaque_id(path: str) -> bool:
    """Whether the path ends in an opaque id, letters and digits mixed (``/videos/c5yr734zml3o``).

    A site that names its stories by a generated key gives every story one; words name
    sections and categories, with a number at most (``electronics2024``, ``h264``).
    """
    last = path.rstrip("/").rsplit("/", 1)[-1]
    runs = _RUNS.findall(last)
    return len(last) >= _ID_CHARS and "".join(runs) == last and len(runs) >= _ID_RUNS


_RUNS = re.compile(r"[a-z]+|\d+", re.IGNORECASE)
_ID_CHARS = 10
_ID_RUNS = 4  # letters and digits mixed thrice over, unlike a name with a number (``mp3``)


def is_sibling_listing(url: str, base_url: str) -> bool:
    """Whether a URL is laid out as the listing's own: another listing beside it.

    Same site (the host or a sibling subdomain: ``shop.x.com`` beside ``x.com``) and depth (two
    segments or more), the same segments but for numbers and the last one, the same query keys:
    ``/Parts/iPhone`` beside ``/Parts/iPhone_11_Pro``.
    """
    parts, base = urlsplit(url), urlsplit(base_url)
    if not same_site(url, base_url):
        return False
    layout = _template(base)
    return len(layout[0]) >= 2 and _template(parts) == layout


def _template(parts: SplitResult) -> tuple[tuple[str, ...], frozenset[str]]:
    """A URL's path with numbers and its last segment blanked, and its query's keys."""
    segments = [s for s in parts.path.split("/") if s]
    kept = (*("#" if s.isdigit() else s for s in segments[:-1]), "*") if segments else ()
    keys = frozenset(key for key, _ in parse_qsl(parts.query, keep_blank_values=True))
    return kept, keys


def url_shape(url: str) -> tuple[str, int, bool]:
    """Host, path depth and whether the path is dated: what one site's article URLs share."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    return (parts.hostname or "", len(segments), bool(_URL_DATE.search(parts.path)))


def url_layout(url: str) -> tuple[str, tuple[str, ...], int]:
    """Host, the path's segments before the last (those holding digits blanked) and its depth.

    Articles of one list share it (``/2026/03/02/slug``, ``/news/123/slug``) where a site's
    other pages do not (``/about``, ``/category/name``). A folder's index page is laid out as
    the folder (``/courses/estate-planning/index.php`` as ``/courses/estate-planning``).
    """
    parts = urlsplit(url)
    segments = [s for s in _INDEX_PAGE.sub("", parts.path).split("/") if s]
    head = tuple("#" if any(c.isdigit() for c in s) else s for s in segments[:-1])
    return parts.hostname or "", head, len(segments)


def url_is_excluded(url: str) -> bool:
    """Tag, category, account, service (newsletter, cookies, privacy policy) and file URLs.

    A wiki's namespaces count too: ``/wiki/Category:Programming_languages`` is a category.
    """
    return bool(_URL_NOT_ARTICLE.search(urlsplit(url).path))


def same_site(url: str, base_url: str) -> bool:
    """Whether ``url`` is on the listing's site (same host, or a sibling subdomain)."""
    host, base = (urlsplit(u).hostname or "" for u in (url, base_url))
    return host == base or _site(host) == _site(base)


def _site(host: str) -> str:
    parts = host.split(".")
    keep = 3 if len(parts) > 2 and len(parts[-1]) == 2 and len(parts[-2]) <= 3 else 2
    return ".".join(parts[-keep:])
