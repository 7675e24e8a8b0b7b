"""Site names around a title: "X - Variety", "通知_国家广播电视总局", "X | Today's latest from
Al Jazeera" on www.aljazeera.com; and a title that is only the site's name, which the page's link
to its home page (the logo) shows ("ReelShort Newsroom" as ``<title>``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urljoin, urlsplit

from crawler.extract.meta import WORD_RE, squash
from storage.cjk import CJK_BLOCKS, HAN_RE

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Separators before a site name: spaced dashes and bars, "_", "｜", "::", "--", a spaced "«"
# that no "»" closes ("Post « Blog": a guillemet that opens a quotation is closed), and a bare
# hyphen after a CJK character ("标题-EDN 电子技术设计"). Never quotation marks.
SEP_RE = re.compile(
    rf"\s+[|\-–—·•]\s+|\s*(?:[_｜|]|::|--)\s*|\s+«\s+(?![^»]*»)|(?<=[{CJK_BLOCKS}])-"
)
_CJK_CLOSING = frozenset("）」』》〕】”")  # ends a Chinese title's part as a character does
# Least length of a site name glued on by a bare hyphen, named in a tag line or found in the host.
_MIN_BRAND = 3
# A tail of at most this many words and characters, half the head's length or less, is taken
# for a site name unless only named ones count.
_SHORT_TAIL_WORDS, _SHORT_TAIL_CHARS = 4, 30
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "net", "org"})  # "co" of "bbc.co.uk"
_ACRONYM_RE = re.compile(r"[A-Z]{3,}")
_HOME_PATH_RE = re.compile(r"/?(?:index\.\w+)?")  # a home page's path: "/", "/index.html"


def strip_site_suffix(title: str, site: str, host: str) -> str:
    """Remove trailing site names: ``"X - Variety"`` → ``"X"``, ``"通知_国家广播电视总局"``."""
    while seps := list(SEP_RE.finditer(title)):
        last = seps[-1]
        head, tail = title[: last.start()].strip(), title[last.end() :].strip()
        if not head or not is_site_name(tail, head, site, host):
            break
        title = head
    return _strip_glued_site(title, site, host)


def _strip_glued_site(title: str, site: str, host: str) -> str:
    """A site name glued on by a bare hyphen ("...GPU-EDN 电子技术设计"): the part after it
    names the site, or starts with an acronym the host carries ("EDN" of ednchina.com); a
    hyphenated word ("K-Drama") is neither."""
    head, sep, tail = title.rpartition("-")
    if not (sep and head.strip() and len(squash(tail)) >= _MIN_BRAND):
        return title
    brand = WORD_RE.findall(tail)[:1]
    if (site and squash(tail) in squash(site)) or (
        brand and _ACRONYM_RE.fullmatch(brand[0]) and brand[0].lower() in squash(host)
    ):
        return head.strip()
    return title


def is_site_name(tail: str, head: str, site: str, host: str, *, named_only: bool = False) -> bool:
    """Tell whether the part after a title separator names the site rather than the story
    (unless ``named_only``, a short tail is taken for a site name too, and so is a tag line
    naming the host: a heading's words naming the site are the writer's)."""
    key = squash(tail)
    if (
        not key
        or (site and key in squash(site))
        or (len(key) >= _MIN_BRAND and key in squash(host))
    ):
        return True
    short = (
        len(tail.split()) <= _SHORT_TAIL_WORDS
        and len(tail) <= _SHORT_TAIL_CHARS
        and len(head) >= 2 * len(tail)
    )
    return not named_only and (short or _names_host(tail, host))


def _names_host(tail: str, host: str) -> bool:
    """Tell whether some run of the tail's words spells the name the host registers, as a
    tag line does ("Today's latest from Al Jazeera" on www.aljazeera.com)."""
    name = _host_name(host)
    if len(name) < _MIN_BRAND:
        return False
    words = [word.lower() for word in WORD_RE.findall(tail)]
    return any(_spells(words[start:], name) for start in range(len(words)))


def _spells(words: list[str], name: str) -> bool:
    """Tell whether the first words, run together, are the name."""
    run = ""
    for word in words:
        run += word
        if len(run) >= len(name):
            return run == name
    return False


def _host_name(host: str) -> str:
    """The name a host registers, squashed: "aljazeera" of www.aljazeera.com, "bbc" of
    bbc.co.uk."""
    labels = host.lower().split(".")[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return squash(labels[-1]) if labels else ""


def home_link_name(root: HtmlElement, url: str, titles: list[str]) -> str:
    """The first of ``titles`` that a link to the site's home page shows as its text or its
    image's alt text: the site's name (a logo), not the page's title; "" when none is."""
    keys = {squash(title): title for title in titles}
    keys.pop("", None)
    if not keys:
        return ""
    host = urlsplit(url).hostname or ""
    for link in root.iter("a"):
        href = link.get("href")
        if href is None or not is_home_link(href.strip(), host):
            continue
        shown = squash(link.text_content()) or squash(
            " ".join(img.get("alt") or "" for img in link.iter("img"))
        )
        if shown in keys:
            return keys[shown]
    return ""


def is_home_link(href: str, host: str) -> bool:
    """Tell whether the link's address is the home page ("/", "/index.html") of the site on
    ``host`` ("www." aside)."""
    host = _bare_host(host)
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if parts.netloc:
        same = parts.scheme in ("", "http", "https") and _bare_host(parts.hostname or "") == host
    else:
        same = not parts.scheme and parts.path.startswith("/")
    return same and _HOME_PATH_RE.fullmatch(parts.path) is not None


def links_home(element: HtmlElement, host: str) -> bool:
    """Tell whether every link in the element leads to the site's home page ("/", its host)."""
    hrefs = [a.get("href", "").strip() for a in element.iter("a")]
    return bool(hrefs) and all(is_home_link(href, host) for href in hrefs)


def links_self(element: HtmlElement, url: str) -> bool:
    """Tell whether every link in the element leads to the page at ``url`` itself (a permalink
    around its own headline), a fragment aside."""
    hrefs = [a.get("href", "").strip() for a in element.iter("a")]
    if not url or not hrefs:
        return False
    own = urldefrag(url).url
    try:
        return all(urldefrag(urljoin(url, href)).url == own for href in hrefs)
    except ValueError:
        return False


def _bare_host(host: str) -> str:
    """The host without a leading "www."."""
    return host.lower().removeprefix("www.")


def cjk_apart(left: str, right: str) -> bool:
    """Tell whether two parts of a Chinese title stand apart by a space alone ("标题 浙江省广播
    电视局", "决定书（〔2025〕156号） 市场监督管理局"): Chinese text sets a site or column name off
    so."""
    left_end, right_start = left.rstrip()[-1:], right.lstrip()[:1]
    spaced = left[-1:].isspace() or right[:1].isspace()
    ended = left_end in _CJK_CLOSING or bool(HAN_RE.match(left_end))
    return spaced and ended and bool(HAN_RE.match(right_start))
