"""The article title, by agreement of ``<title>``, og:title, ``<h1>`` and headline elements.

A heading on the page wins when a metadata title agrees with it (starts with it, contains it, or
shares most of its words): sites lengthen ``<title>`` with their name, rewrite og:title for sharing,
and an unescaped quotation mark truncates a ``content`` attribute, but the headline shown on the
page is the article's. Without agreement a lone ``<h1>`` is trusted, then a headline-classed element
that carries its date or a heading whose words the URL's last path segment shares clearly more of
than the metadata title's, then the metadata title less its site suffix. A lesser heading (not an
``<h1>``) that only rewords or shortens the metadata title gives way to it, unless it extends the
title or is the title less a part set off by a separator (in Chinese, a space). The heading's tag
line after a plain separator ("| ...", " - ...") goes when the metadata title leaves it out too, and
so does a Chinese subtitle set off by "——" on the line after it, and so does a short label before it
("Review: ...") unless another metadata title keeps it; a badge element before it ("原创"), or a
kicker, source link or comment count beside it (``heading_parts.py``), goes when a metadata title
states the rest whole, or starts with it before a separator ("[tag] X" where ``<title>`` is "X -
Board - Forum"); an ``<h1>`` that only names the page's section gives way to the dated headline
right below it (``section_heading.py``), and a lesser heading agreeing only with metadata titles too
short for a headline (a section's name as the whole ``<title>``) to a lone ``<h1>``; one set in
capitals takes the metadata title's letter case, one spacing words the metadata title hyphenates its
hyphens. A heading that no metadata title states as it is is a third opinion short of agreement: the
words of the URL's last path segment then settle it (``title_slug.py``); without a heading they
settle between the metadata titles. A page showing its headline in no heading (a ``<div
class="bt">``) has the element whose whole text is the metadata title, or for a Chinese one its part
beside a separator (``shown_title.py``). A site name that is a metadata title with a separator in it
is the page's title copied; a metadata title that starts with a separator lacks its headline, and
one that is a file's name ("ex99-1.htm") is none: a page left without any takes its first paragraph
set wholly in bold (``bold_title.py``). Without a stated site name, a short one the home page's link
(a logo) shows is the site's name. A short Chinese heading agreeing with titles that only name the
app or site is no headline. A heading that is a part a site suffix's stripping took from a metadata
title, longer than the part left ("Acme Corp. - Acme Reports Results"), is the headline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from crawler.extract.bold_title import bold_headline, is_file_name
from crawler.extract.date_parse import ANY_DATE_RE, MONTH_YEAR
from crawler.extract.dates import split_trailing_date
from crawler.extract.heading_parts import after_badge, heading_text, parts_apart
from crawler.extract.meta import norm, squash
from crawler.extract.section_heading import headline_below
from crawler.extract.shown_title import shown_title
from crawler.extract.site_name import (
    SEP_RE,
    cjk_apart,
    home_link_name,
    is_site_name,
    links_home,
    strip_site_suffix,
)
from crawler.extract.title_agreement import (
    PREFIX_AGREEMENT,
    agreement,
    names_part,
    stripped_parts,
)
from crawler.extract.title_headings import (
    ARTICLE_TITLE_NAME_RE,
    HEADING_TAGS,
    MAX_TITLE,
    Heading,
    is_linked,
    page_headings,
)
from crawler.extract.title_slug import slug_choice, slug_closer
from storage.cjk import HAN_RE

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_META_TITLES = ("og:title", "twitter:title", "headline", "articletitle", "dc.title")
# Headings, and headline-classed elements: class or id holding "title", class "headline" (any
# case). Found by one walk over the body: faster than an XPath with translate().
# Separators a template puts between a headline and a tag line; a typographic dash in an
# on-page headline ("Reviews are in — and they're not great") is the writer's punctuation.
_PLAIN_SEP_RE = re.compile(r"\s*[|｜]\s*|\s+-\s+")
# A Chinese subtitle (副标题) on its own line after the headline: "——探访…".
_SUBTITLE_RE = re.compile(r"\s*——")
# What sets a site or column name off a heading held in a metadata title ("X @ Blog").
_SIDE_RE = re.compile(r"\s*(?:[|｜_@»·•/:]|::|-+|\s[–—])\s*")
_SIDE_END_RE = re.compile(rf"{_SIDE_RE.pattern}$")
# A short label before a headline: a kicker, section or genre set off by a colon, a bar or a
# spaced dash ("Review: ", "Opinion | ").
_LABEL_RE = re.compile(r"[^:|–—-]{1,30}?\s*(?::|\||\s[–—-])\s*")
# A date before a heading ("Dec 18 2025 Preparing...") or after it ("... / Dec 2025").
_LEADING_DATE_RE = re.compile(rf"(?:{ANY_DATE_RE.pattern})\s*[|/·•:–—-]?\s*", re.IGNORECASE)
_TRAILING_DATE_RE = re.compile(
    rf"\s+[|/·•–—-]\s+(?:{ANY_DATE_RE.pattern}|{MONTH_YEAR})\s*$", re.IGNORECASE
)
_MOJIBAKE_RE = re.compile("[\u00c2-\u00ef][\u0080-\u00bf\u0152-\u0178\u2013-\u203a\u20ac\u2122]")
_TYPOGRAPHY = str.maketrans("‘’‚‛“”„‟–—‐‑−", "''''\"\"\"\"-----")
_AGREE = 0.5  # least agreement for a heading to count as confirmed by a metadata title
_H1_BONUS = 0.3
_HEADLINE_WORDS, _HEADLINE_HAN = 4, 10  # words, or CJK characters, of a headline at least
_H1_HAN = 8  # CJK characters of a lone <h1> that reads as a headline: a column name is shorter


def find_title(
    root: HtmlElement, meta: dict[str, str], url: str
) -> tuple[str | None, HtmlElement | None]:
    """The article title and the element showing it (None when it comes from metadata)."""
    titles = _meta_titles(root, meta)
    site = _site_name(meta, titles) or home_link_name(
        root, url, [title for title in titles if not substantial(title)]
    )
    titles = [title for title in titles if squash(title) != squash(site)]
    host = urlsplit(url).hostname or ""
    stripped = [strip_site_suffix(t, site, host) for t in titles]
    headings = page_headings(root, site, url)
    found = _agreeing(headings, stripped)
    tail = None if found is not None else _shown_tail(headings, titles, stripped)
    found = found or tail
    if found is not None and _names_section(found, stripped):
        found = _lone_h1([h for h in headings if not h.linked], titles) or found
    if found is not None and (below := _below_section(found, headings)) is not None:
        return unmangle(_clean_heading(below.headline, site, host)) or None, below.element
    if found is not None and names_part(found.headline, stripped, substantial):
        found = None
    if (
        found is not None
        and found is not tail
        and found.element.tag != "h1"
        and (held := _held_title(found.headline, stripped)) is not None
    ):
        return unmangle(held) or None, found.element
    if found is None:
        found = _trusted(headings, titles, url)
    if found is not None:
        text = _unbadged(found, stripped) or _clean_heading(found.headline, site, host)
        text = _as_titled(text, stripped)
        text = _inner_title(found.element, text, stripped, host) or text
        text = _as_stated(text, stripped)
        text = slug_choice(text, stripped, url) or text
        return unmangle(text) or None, found.element
    raw = _first_title(titles, url) if titles else ""
    title = strip_site_suffix(raw, site, host)
    if shown := shown_title(root, title, substantial, host) or (
        None if title else bold_headline(root, _headline_sized)
    ):
        return unmangle(shown[0]), shown[1]
    return unmangle(title) or None, None


def _site_name(meta: dict[str, str], titles: list[str]) -> str:
    """The site's name, or none when it is a metadata title with a separator in it: the page's
    title copied into the site name ("How to Design a Website | Clay" as both)."""
    site = meta.get("og:site_name") or meta.get("application-name") or ""
    if SEP_RE.search(site) and squash(site) in {squash(title) for title in titles}:
        return ""
    return site


def _first_title(titles: list[str], url: str) -> str:
    """The first metadata title less a trailing date, or another the URL's last path segment
    shares clearly more words with ("6 Types of HR Outsourcing" at "/6-types-of-hr-outsourcing"
    where og:title reads "Here are the six types of HR outsourcing.")."""
    texts = [split_trailing_date(title)[0] for title in titles]
    return slug_closer(texts[0], texts, url) or texts[0]


def _below_section(found: Heading, headings: list[Heading]) -> Heading | None:
    """The headline below an ``<h1>`` that only names the page's section (``section_heading``)."""
    elements = [heading.element for heading in headings]
    below = headline_below(found.element, found.headline, elements, substantial)
    return next((heading for heading in headings if heading.element is below), None)


def _names_section(heading: Heading, titles: list[str]) -> bool:
    """Tell whether a lesser heading (not an ``<h1>``) agrees with metadata titles that are all
    too short for a headline: a section's name ("Industry News") standing as the whole
    ``<title>``, above the ``<h1>`` that holds the headline."""
    short = not any(substantial(title) for title in titles)
    return heading.element.tag != "h1" and short and not substantial(heading.headline)


def _held_title(heading: str, titles: list[str]) -> str | None:
    """The metadata title that a lesser heading (not an ``<h1>``) only rewords or shortens;
    None when the heading starts with it (an unescaped quotation mark truncated the metadata)
    or is it less a part set off by a separator (a site or column name)."""
    if any(_holds(heading, title) for title in titles):
        return None
    return max(titles, key=lambda title: agreement(heading, title))


def _holds(heading: str, title: str) -> bool:
    """Tell whether the heading starts with the title, or the title is the heading and a part
    set off by a separator before or after it."""
    a, b = _fold(heading), _fold(title)
    if squash(a).startswith(squash(b)):
        return True
    if b.startswith(a):
        return bool(_SIDE_RE.match(b, len(a))) or cjk_apart(a, b[len(a) :])
    rest = b[: len(b) - len(a)]
    return b.endswith(a) and (bool(_SIDE_END_RE.search(rest)) or cjk_apart(rest, a))


def _unbadged(heading: Heading, titles: list[str]) -> str | None:
    """The metadata title a heading states after a badge (``heading_parts``: "<h1><span>原创
    </span>标题</h1>" where og:title is "标题")."""
    if (rest := after_badge(heading.element, heading.headline)) is None:
        return None
    key = _fold(rest)
    return next((title for title in titles if _fold(title) == key), None)


def _as_titled(text: str, titles: list[str]) -> str:
    """The heading less a tag line after a plain separator that a metadata title, less its
    suffixes, leaves out ("Guide - Part 1" where ``<title>`` is "Guide - Part 1 | Site");
    the tag line is shorter than what is kept, so a section name never stands for the
    headline."""
    for title in titles:
        kept = text[: len(title)]
        cut = _PLAIN_SEP_RE.match(text, len(kept))
        tag_line = cut is not None and 2 * len(kept) >= len(text)
        if (tag_line or _SUBTITLE_RE.match(text, len(kept))) and _fold(kept) == _fold(title):
            return kept
    return text


def _inner_title(element: HtmlElement, text: str, titles: list[str], host: str) -> str | None:
    """The text of a part of the heading (``heading_parts``) that shows a metadata title whole,
    or a headline a metadata title starts with before a separator ("X - Forum - Site" where no
    suffix was known), when the heading shows more than every metadata title; a link to the home
    page (a logo) is never the title."""
    keys = {_fold(title) for title in titles}
    if _fold(text) in keys:
        return None
    for inner in parts_apart(element):
        shown = norm(heading_text(inner))
        if (_fold(shown) in keys or _leads(shown, keys)) and not links_home(inner, host):
            return shown
    return None


def _leads(part: str, keys: set[str]) -> bool:
    """Tell whether a headline-sized ``part`` starts a folded metadata title before a separator."""
    key = _fold(part)
    return substantial(part) and any(
        title.startswith(key) and _SIDE_RE.match(title, len(key)) for title in keys
    )


def _as_stated(text: str, titles: list[str]) -> str:
    """The metadata title the heading only dresses: set in capitals ("MARKETS RALLY" where
    og:title is "Markets Rally"), behind a short label and a separator ("Review: X",
    "Opinion | X") that the metadata title leaves out, or with question marks for characters
    it states; a heading set from a lower-case letter takes the capital a metadata title starting
    with it gives ("history of coffee" where ``<title>`` is "History of coffee | ..."); a space
    where the metadata title joins words by a hyphen ("Full Stack Jobs" for "Full-Stack Jobs")
    is the heading's layout. A label that another metadata title keeps ("Study: X" where
    ``<title>`` is "Study: X | Site" and og:title "X") is the headline's own."""
    heading = _fold(text)
    stated = any(_fold(title) == heading for title in titles)
    for title in titles:
        key = _fold(title)
        if heading == key and text.isupper() and not title.isupper():
            return title
        if "?" in text and _restores(heading, key):
            return title
        if "-" in key and heading == key.replace("-", " "):
            return title
        if text[:1].islower() and title.startswith(text[:1].upper() + text[1:]):
            return title[: len(text)]
        label = "" if stated else heading[: len(heading) - len(key)]
        if len(heading) > len(key) and heading.endswith(key) and _LABEL_RE.fullmatch(label):
            return title
    return text


def _restores(heading: str, title: str) -> bool:
    """Tell whether the title states the heading with other characters where the heading has
    question marks ("Planning? Beginner? Guide" for "Planning: Beginner's Guide"): a page saved
    in a character set that lacked them."""
    pattern = "(.{1,2}?)".join(re.escape(part) for part in heading.split("?"))
    match = re.fullmatch(pattern, title)
    return match is not None and any(lost != "?" for lost in match.groups())


def named_title(root: HtmlElement, meta: dict[str, str]) -> str | None:
    """The first metadata title, even one that only names the site: for want of any other, the
    title of a home page ("The Verge")."""
    titles = _meta_titles(root, meta)
    return unmangle(titles[0]) if titles else None


def _meta_titles(root: HtmlElement, meta: dict[str, str]) -> list[str]:
    """Metadata titles, most specific first, without those that start with a separator (the
    template left the headline out: "| Nuts & Volts Magazine") or only name a file."""
    found = [norm(meta[key]) for key in _META_TITLES if meta.get(key)]
    found.append(norm(root.findtext(".//title") or ""))
    return [t for t in found if t and not SEP_RE.match(t) and not is_file_name(t)]


def _agreeing(headings: list[Heading], titles: list[str]) -> Heading | None:
    """The heading that best agrees with a metadata title, if any agrees enough."""
    best, best_score = None, _AGREE
    for heading in headings:
        score = max((agreement(heading.headline, t) for t in titles), default=0.0)
        score += _H1_BONUS if heading.element.tag == "h1" else 0.0
        if score > best_score and (score >= PREFIX_AGREEMENT or not heading.linked):
            best, best_score = heading, score
    return best


def _shown_tail(headings: list[Heading], titles: list[str], stripped: list[str]) -> Heading | None:
    """An unlinked heading that is a part of a metadata title its site suffix stripping took for
    the site's name (``stripped_parts``): the page shows that part as its headline."""
    parts = set().union(*(stripped_parts(t, k) for t, k in zip(titles, stripped, strict=True)))
    found = (h for h in headings if h.element.tag in HEADING_TAGS and squash(h.headline) in parts)
    return next((heading for heading in found if not is_linked(heading)), None)


def _trusted(headings: list[Heading], titles: list[str], url: str) -> Heading | None:
    """Without agreement: a lone substantial ``<h1>`` (or the only one in an ``<article>``),
    else a headline that names itself so, or that the URL's last path segment names clearly
    better than the first metadata title (a blog's ``<h2>`` under a ``<title>`` naming only the
    site), or any substantial one when every metadata title is too short to be a headline (an
    app's share page titled with its name only: "红星新闻")."""
    headings = [heading for heading in headings if not heading.linked]
    if (h1 := _lone_h1(headings, titles)) is not None:
        return h1
    names_only = bool(titles) and not any(substantial(title) for title in titles)
    named = (
        heading
        for heading in headings
        if heading.element.tag != "h1"
        and substantial(heading.headline)
        and (
            names_only
            or split_trailing_date(heading.element.text_content())[1]
            or ARTICLE_TITLE_NAME_RE.search(_names(heading.element))
            or (titles and slug_closer(titles[0], [heading.headline], url))
        )
    )
    return next(named, None)


def _lone_h1(headings: list[Heading], titles: list[str]) -> Heading | None:
    """The lone substantial ``<h1>`` among unlinked ``headings`` (or the only one in an
    ``<article>``: a widget's or a logo's stands beside the article's)."""
    h1s = [heading for heading in headings if heading.element.tag == "h1"]
    if len(h1s) > 1:
        h1s = [h for h in h1s if next(h.element.iterancestors("article"), None) is not None]
    if len(h1s) == 1 and (not titles or substantial(h1s[0].text, _H1_HAN)):
        return h1s[0]
    return None


def _clean_heading(text: str, site: str, host: str) -> str:
    """A heading less a date before or after it and a site name after it."""
    if (m := _LEADING_DATE_RE.match(text)) and substantial(text[m.end() :]):
        text = text[m.end() :]
    text = _TRAILING_DATE_RE.sub("", text)
    while (seps := list(SEP_RE.finditer(text))) and (last := seps[-1]).start() > 0:
        head, tail = text[: last.start()].strip(), text[last.end() :].strip()
        if not is_site_name(tail, head, site, host, named_only=True):
            break
        text = head
    return text


def unmangle(text: str) -> str:
    """Text whose UTF-8 bytes were read as Latin-1 or cp1252 ("Investorâ\x80\x99s"), repaired."""
    if not _MOJIBAKE_RE.search(text):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


def substantial(text: str, han: int = _HEADLINE_HAN) -> bool:
    """At least ``_HEADLINE_WORDS`` words, or ``han`` CJK characters: a headline rather than a
    section name."""
    return len(text.split()) >= _HEADLINE_WORDS or len(HAN_RE.findall(text)) >= han


def _headline_sized(text: str) -> bool:
    """A headline's words (:func:`substantial`) in at most ``MAX_TITLE`` characters."""
    return substantial(text) and len(text) <= MAX_TITLE


def _fold(text: str) -> str:
    """Text for comparison only: lower case, typographic quotes and dashes made plain."""
    return text.translate(_TYPOGRAPHY).lower()


def _names(element: HtmlElement) -> str:
    """The element's id and class, as written, in one string."""
    return f"{element.get('id', '')} {element.get('class', '')}"
