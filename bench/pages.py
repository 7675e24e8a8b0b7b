"""A deterministic synthetic news site: ~150 KB article pages, a sitemap, a listing, robots.txt.

Each page carries what real news pages carry around the article: a head full of meta tags,
inline CSS, a navigation bar, "most read" and advertising sidebars, related links, a footer and
several kilobytes of inline scripts and JSON state. The article itself has 6-12 paragraphs of
micro-drama news in English or Chinese, sometimes with figures. About 10 % of pages are off
topic, 4 % are syndicated copies of an earlier page (same text, other URL) and 4 % are rewrites
of an earlier page (one paragraph changed: the same story).
"""

from __future__ import annotations

import hashlib
import html
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bench import textgen

SITE_SEED = 20251207
TARGET_BYTES = 150_000
CHINESE_SHARE = 0.35
OFF_TOPIC_SHARE = 0.10
COPY_SHARE = 0.04
REWRITE_SHARE = 0.04
FIGURE_SHARE = 0.4
FIRST_DAY = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)
_SECTIONS = ("news", "business", "tech", "culture", "policy", "asia", "media", "opinion")


@dataclass(frozen=True)
class Article:
    """The editorial content of one page."""

    title: str
    paragraphs: tuple[str, ...]
    language: str
    published: datetime


@dataclass(frozen=True)
class Site:
    """Every path the bench server answers, with its body and content type."""

    pages: dict[str, bytes]
    types: dict[str, str]
    article_paths: tuple[str, ...]

    @property
    def article_bytes(self) -> int:
        """Total size of the article pages."""
        return sum(len(self.pages[path]) for path in self.article_paths)


def article_path(index: int, article: Article) -> str:
    """The URL path of article ``index`` (date-based, like most news sites)."""
    day = article.published.strftime("%Y/%m/%d")
    return f"/{_SECTIONS[index % len(_SECTIONS)]}/{day}/story-{index:06d}.html"


def make_article(index: int, previous: list[Article], seed: int = SITE_SEED) -> Article:
    """Article ``index``: fresh, off topic, a syndicated copy or a rewrite of an earlier one."""
    rng = random.Random(seed * 1_000_003 + index)
    published = FIRST_DAY + timedelta(minutes=37 * index)
    roll = rng.random()
    if previous and roll < COPY_SHARE:
        source = rng.choice(previous)
        return Article(source.title, source.paragraphs, source.language, published)
    if previous and roll < COPY_SHARE + REWRITE_SHARE:
        source = rng.choice(previous)
        rewritten = list(source.paragraphs)
        rewritten[rng.randrange(len(rewritten))] = textgen.paragraph(rng, source.language)
        return Article(source.title, tuple(rewritten), source.language, published)
    language = "zh" if rng.random() < CHINESE_SHARE else "en"
    on_topic = rng.random() >= OFF_TOPIC_SHARE
    count = rng.randint(6, 12)
    paragraphs = tuple(textgen.paragraph(rng, language, on_topic=on_topic) for _ in range(count))
    return Article(textgen.title(rng, language, on_topic=on_topic), paragraphs, language, published)


def render_page(index: int, article: Article, base_url: str, seed: int = SITE_SEED) -> bytes:
    """The full HTML page of an article, padded with scripts to about ``TARGET_BYTES``."""
    rng = random.Random(seed * 7_919 + index)
    url = base_url + article_path(index, article)
    parts = [
        _head(article, url, rng),
        _nav(rng),
        '<div class="layout"><aside class="sidebar-left">',
        _most_read(rng, article.language),
        _ads(rng),
        '</aside><main id="main"><article class="article-body">',
        _article_html(article, rng),
        "</article>",
        _related(rng, article.language),
        _comments(rng, index),
        "</main>",
        '<aside class="sidebar-right">',
        _newsletter(),
        _most_read(rng, article.language),
        "</aside></div>",
        _footer(rng),
    ]
    body = "\n".join(parts)
    padding = max(0, TARGET_BYTES + rng.randint(-20_000, 20_000) - len(body.encode()))
    return (body + _scripts(rng, padding) + "\n</body></html>\n").encode("utf-8")


def build_site(count: int, base_url: str, seed: int = SITE_SEED) -> Site:
    """``count`` article pages, the sitemap listing all of them, a listing page and robots.txt."""
    articles: list[Article] = []
    pages: dict[str, bytes] = {}
    for index in range(count):
        article = make_article(index, articles, seed)
        articles.append(article)
        pages[article_path(index, article)] = render_page(index, article, base_url, seed)
    paths = tuple(pages)
    types = dict.fromkeys(paths, "text/html; charset=utf-8")
    pages["/sitemap.xml"] = _sitemap(base_url, paths, articles)
    types["/sitemap.xml"] = "application/xml"
    pages["/index.html"] = _listing(base_url, paths, articles)
    types["/index.html"] = "text/html; charset=utf-8"
    pages["/robots.txt"] = b"User-agent: *\nAllow: /\n"
    types["/robots.txt"] = "text/plain"
    return Site(pages, types, paths)


def _head(article: Article, url: str, rng: random.Random) -> str:
    title = html.escape(article.title)
    stamp = article.published.isoformat()
    styles = "\n".join(
        f".c{rng.randrange(10**6)}{{margin:{rng.randrange(40)}px;color:#{rng.randrange(16**6):06x}}}"
        for _ in range(rng.randint(250, 350))
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{article.language}"><head><meta charset="utf-8">'
        f"<title>{title} | Drama Industry Daily</title>"
        f'<meta name="description" content="{html.escape(article.paragraphs[0][:150])}">'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{stamp}">'
        f'<link rel="canonical" href="{url}">'
        '<link rel="stylesheet" href="/static/site.css"><link rel="preload" href="/static/app.js">'
        f"<style>{styles}</style></head><body>"
    )


def _nav(rng: random.Random) -> str:
    menus = "".join(
        f'<li class="menu"><a href="/{section}/">{section.title()}</a><div class="mega"><ul>'
        + "".join(
            f'<li><a href="/{section}/{i}/index.html">{section.title()} topic {i}</a></li>'
            for i in range(rng.randint(8, 12))
        )
        + "</ul></div></li>"
        for section in _SECTIONS
    )
    return (
        '<header class="site-header"><a class="logo" href="/">Drama Industry Daily</a>'
        '<form class="search" action="/search"><input name="q"><button>Search</button></form>'
        '<a class="login" href="/login">Sign in</a>'
        f'<nav class="main-nav"><ul>{menus}</ul></nav></header>'
    )


def _most_read(rng: random.Random, language: str) -> str:
    cards = "".join(
        _card(rng, language, f"/news/2025/01/{n:02d}") for n in range(rng.randint(14, 22))
    )
    return (
        f'<section class="most-read"><h3>Most read</h3><div class="cards">{cards}</div></section>'
    )


def _card(rng: random.Random, language: str, folder: str) -> str:
    """A teaser card: thumbnail, section, time, headline and summary in nested wrappers."""
    href = f"{folder}/story-{rng.randrange(10**6)}.html"
    summary = textgen.english_sentence(rng) if language == "en" else textgen.chinese_sentence(rng)
    return (
        f'<div class="card"><div class="card-inner"><a class="thumb" href="{href}">'
        f'<img src="/img/t{rng.randrange(10**7)}.jpg" alt="" loading="lazy"></a>'
        f'<div class="meta"><span class="section">{rng.choice(_SECTIONS)}</span>'
        f'<span class="time">{rng.randint(1, 23)}h ago</span></div>'
        f'<h4><a href="{href}">{html.escape(textgen.title(rng, language))}</a></h4>'
        f'<p class="summary">{html.escape(summary)}</p></div></div>'
    )


def _ads(rng: random.Random) -> str:
    return "".join(
        f'<div class="ad-slot" id="ad-{rng.randrange(10**6)}" data-size="300x250">'
        '<span class="ad-label">Advertisement</span></div>'
        for _ in range(rng.randint(3, 6))
    )


def _article_html(article: Article, rng: random.Random) -> str:
    stamp = article.published
    parts = [
        f"<h1>{html.escape(article.title)}</h1>",
        f'<p class="byline">By Staff Reporter · <time datetime="{stamp.isoformat()}">'
        f"{stamp:%B %d, %Y %H:%M} UTC</time></p>",
    ]
    for i, text in enumerate(article.paragraphs):
        parts.append(f"<p>{html.escape(text)}</p>")
        if i == 1 and rng.random() < FIGURE_SHARE:
            parts.append(
                f'<figure><img src="/img/{rng.randrange(10**8)}.jpg" alt="still" width="800">'
                "<figcaption>A scene from a vertical series shot in Hengdian.</figcaption></figure>"
            )
    parts.append('<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>')
    return "\n".join(parts)


def _related(rng: random.Random, language: str) -> str:
    cards = "".join(_card(rng, language, "/news/2025/02") for _ in range(10))
    return f'<section class="related"><h2>Related stories</h2>{cards}</section>'


def _comments(rng: random.Random, index: int) -> str:
    """A reader-comments block (text that must not end up in the article)."""
    items = "".join(
        f'<div class="comment"><div class="avatar"><img src="/u/{rng.randrange(10**6)}.png"></div>'
        f'<div class="comment-body"><span class="author">reader{rng.randrange(10**4)}</span>'
        f'<span class="when">{rng.randint(1, 59)} min ago</span>'
        f"<p>{html.escape(textgen.english_sentence(rng))}</p>"
        '<div class="actions"><a href="#">Reply</a><a href="#">Like</a></div></div></div>'
        for _ in range(rng.randint(6, 14))
    )
    head = f'<section id="comments" class="comments" data-thread="t-{index}"><h3>Comments</h3>'
    return f"{head}{items}</section>"


def _newsletter() -> str:
    return (
        '<div class="newsletter"><h3>Get the briefing</h3><p>Sign up for our daily newsletter '
        'on streaming and short video.</p><input type="email"><button>Subscribe</button></div>'
    )


def _footer(rng: random.Random) -> str:
    columns = "".join(
        f'<div class="col"><h5>{section.title()}</h5><ul>'
        + "".join(
            f'<li><a href="/{section}/more/{i}">More {section} {i}</a></li>' for i in range(12)
        )
        + "</ul></div>"
        for section in _SECTIONS[: rng.randint(5, 8)]
    )
    return (
        f'<footer class="site-footer"><div class="columns">{columns}</div>'
        "<p>© 2025 Drama Industry Daily. All rights reserved. Terms · Privacy · Cookies</p>"
        "</footer>"
    )


def _scripts(rng: random.Random, size: int) -> str:
    """Inline scripts and JSON state of about ``size`` bytes (real pages ship a lot)."""
    chunks, total = [], 0
    while total < size:
        key = hashlib.md5(str(rng.random()).encode()).hexdigest()
        chunk = f'"{key}":{{"id":{rng.randrange(10**9)},"w":"{key[:12]}","v":[1,2,3]}},'
        chunks.append(chunk)
        total += len(chunk)
    state = "".join(chunks)
    return (
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "</script>\n"
        f'<script id="__STATE__" type="application/json">{{{state}"end":0}}</script>'
    )


def _sitemap(base_url: str, paths: tuple[str, ...], articles: list[Article]) -> bytes:
    entries = "".join(
        f"<url><loc>{base_url}{path}</loc>"
        f"<lastmod>{article.published.isoformat()}</lastmod></url>\n"
        for path, article in zip(paths, articles, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    ).encode()


def _listing(base_url: str, paths: tuple[str, ...], articles: list[Article]) -> bytes:
    items = "".join(
        f'<li><a href="{base_url}{path}">{html.escape(article.title)}</a></li>\n'
        for path, article in zip(paths, articles, strict=True)
    )
    return f"<html><body><h1>All stories</h1><ul>{items}</ul></body></html>".encode()
