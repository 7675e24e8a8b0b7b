"""Hostile and broken pages: the small ones are files in ``tests/fixtures/hostile/``, the large
ones are generated here (a 20 MB page is no file to keep in a repository).

Each :class:`HostilePage` is what a server sends (its bytes and ``Content-Type``) and what a
reader of the page can ask of its extraction: a sentence the text must hold (for pages whose
bytes decide their charset, the sentence is what mojibake would garble), and whether the page
is an article, is not one, or may be either.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
HTML = "text/html; charset=utf-8"
EN = (
    "The micro-drama market grew by a third last year as studios raced to film short vertical "
    "series for mobile apps."
)
EN2 = (
    "Analysts expect the category to keep growing while regulators look closely at paid "
    "episodes and advertising."
)
ZH = "国家广播电视总局近日发布通知，要求各地加强微短剧备案管理，规范网络微短剧的创作与播出秩序。"
TITLE = "Micro-drama market grows"
ARTICLE, NOT_ARTICLE, EITHER = "article", "not an article", "either"


@dataclass(frozen=True)
class HostilePage:
    """One hostile page as served, and what its extraction must give."""

    name: str
    body: bytes
    content_type: str = HTML
    kind: str = EITHER  # ARTICLE, NOT_ARTICLE or EITHER
    holds: str | None = None  # a sentence the extracted text must contain

    @property
    def path(self) -> str:
        """Where a test server serves it."""
        return f"/hostile/{self.name}.html"


def _article(body: str, head: str = "", title: str = TITLE, note: str = "") -> bytes:
    """An article page; ``note`` makes its text differ from the others' (no duplicates)."""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><article><h1>{TITLE}</h1>{body}<p>{EN}</p><p>{EN2}</p><p>{note}</p></article>"
        "</body></html>"
    ).encode()


def _deep(depth: int) -> bytes:
    return _article("<div>" * depth + f"<p>{EN}</p>" + "</div>" * depth, note="Filed as deep.")


def _deep_unclosed(depth: int) -> bytes:
    return _article("<span><b><i>" * (depth // 3) + f"<p>{EN}</p>")


def _one_paragraph(size: int) -> bytes:
    sentence = "Micro-drama studios film vertical series for phones and sell them by the episode. "
    return _article(f"<p>{sentence * (size // len(sentence))}</p>")


def _tiny_divs(count: int) -> bytes:
    return _article("".join(f"<div>{n % 10}</div>" for n in range(count)))


def _links(count: int) -> bytes:
    links = "".join(f'<li><a href="/story/{n}">Story {n}</a></li>' for n in range(count))
    return _article(f"<ul>{links}</ul>")


def _long_title(size: int) -> bytes:
    return _article("", title="Micro-drama " * (size // 12))


def _jsonld(data: str) -> bytes:
    return _article("", head=f'<script type="application/ld+json">{data}</script>')


def _jsonld_list(count: int) -> str:
    item = {"@type": "NewsArticle", "headline": TITLE, "datePublished": "2025-11-03T08:00:00Z"}
    return json.dumps([item] * count)


def _jsonld_nested(depth: int) -> str:
    return '{"@type": "NewsArticle", "author": ' * depth + '"x"' + "}" * depth


def _jsonld_nested_lists(depth: int) -> str:
    return "[" * depth + '{"@type": "NewsArticle", "datePublished": "2025-11-03"}' + "]" * depth


def _huge_attributes(size: int) -> bytes:
    value = "x" * size
    head = f'<meta name="description" content="{value}"><link rel="canonical" href="/{value}">'
    body = (
        f'<p class="{value}" data-x="{value}">{EN}</p><img alt="{value}" src="data:image/png;'
        f'base64,{value}"><a href="/{value}">link</a><time datetime="{value}">day</time>'
    )
    return _article(body, head=head)


def _comments_and_cdata(count: int) -> bytes:
    noise = "<!-- <p>commented out</p> --><![CDATA[ <p>cdata</p> ]]><!---->"
    body = "".join(f"<p>{noise}Part {n} {noise}of the story.{noise}</p>" for n in range(count))
    head = f"<!--[if IE]><title>Old</title><![endif]-->{noise}"
    return (
        f"<!-- lead --><!DOCTYPE html>{noise}<html>{noise}<head><title>{TITLE}</title>{head}"
        f"</head>{noise}<body>{noise}<article><h1>{TITLE}</h1>{noise}<p>{EN}</p>{noise}"
        f"<p>{EN2}</p>{body}<!-- an unclosed comment at the end <p>lost</p></article></body></html>"
    ).encode()


def _nul_bytes() -> bytes:
    body = f"<p>\x00{EN[:40]}\x00{EN[40:]}</p>"
    return _article(body, title=f"Micro\x00-drama {TITLE}", note="Filed as NUL\x00.")


def _encoded_surrogates() -> bytes:
    # UTF-8 encodings of lone surrogates (U+D800, U+DFFF): invalid UTF-8 in a UTF-8 page.
    page = _article("<p>Broken HIGH and LOW halves.</p>", note="Filed as surrogates.")
    return page.replace(b"HIGH", b"\xed\xa0\x80").replace(b"LOW", b"\xed\xbf\xbf")


def _pdf() -> bytes:
    stream = b"BT /F1 12 Tf 72 712 Td (The micro-drama market grew) Tj ET"
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + bytes(range(256)) * 40
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def _png() -> bytes:
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
        + bytes(range(255, -1, -1)) * 40
        + b"<p>not really html</p>\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def _file(name: str) -> bytes:
    return (FOLDER / name).read_bytes()


@cache
def hostile_pages() -> tuple[HostilePage, ...]:
    """Every hostile page, in a fixed order."""
    return (
        HostilePage("deep-250", _deep(250), kind=ARTICLE, holds=EN),
        HostilePage("deep-20000", _deep(20_000), holds=EN),
        HostilePage("deep-unclosed-20000", _deep_unclosed(20_000)),
        HostilePage("one-paragraph-20mb", _one_paragraph(20_000_000), kind=ARTICLE),
        HostilePage("tiny-divs-200000", _tiny_divs(200_000)),
        HostilePage("script-only", _file("script-only.html"), kind=NOT_ARTICLE),
        HostilePage("empty-body", _file("empty-body.html"), kind=NOT_ARTICLE),
        HostilePage("whitespace-body", _file("whitespace-body.html"), kind=NOT_ARTICLE),
        HostilePage("nul-bytes", _nul_bytes(), kind=ARTICLE, holds=EN[40:]),
        HostilePage("encoded-surrogates", _encoded_surrogates(), kind=ARTICLE, holds=EN),
        HostilePage(
            "utf8-declared-gbk",
            _file("utf8-declared-gbk.html"),
            "text/html",
            kind=ARTICLE,
            holds=ZH,
        ),
        HostilePage("gbk-declared-utf8", _file("gbk-declared-utf8.html"), "text/html", ARTICLE, ZH),
        HostilePage("gbk-declared-utf8-header", _file("gbk-declared-utf8.html"), HTML, ARTICLE, ZH),
        HostilePage("utf16-bom", _file("utf16-bom.html"), "text/html", ARTICLE, EN),
        HostilePage("utf16-bom-header-utf8", _file("utf16-bom.html"), HTML, ARTICLE, EN),
        HostilePage(
            "xhtml-namespaces",
            _file("xhtml-namespaces.xhtml"),
            "application/xhtml+xml",
            ARTICLE,
            "Le marché des micro-séries a progressé d'un tiers l'an dernier",
        ),
        HostilePage("frameset", _file("frameset.html"), kind=NOT_ARTICLE),
        HostilePage("pdf-as-html", _pdf(), kind=NOT_ARTICLE),
        HostilePage("png-as-html", _png(), kind=NOT_ARTICLE),
        HostilePage("links-50000", _links(50_000)),
        HostilePage("json-as-html", _file("json-as-html.html"), kind=NOT_ARTICLE),
        HostilePage("json-nested-as-html", b"[" * 100_000 + b"]" * 100_000, kind=NOT_ARTICLE),
        HostilePage("title-100kb", _long_title(100_000), kind=ARTICLE, holds=EN),
        HostilePage("jsonld-malformed", _file("jsonld-malformed.html"), kind=ARTICLE, holds=EN),
        HostilePage("jsonld-list-10000", _jsonld(_jsonld_list(10_000)), kind=ARTICLE, holds=EN),
        HostilePage("jsonld-nested", _jsonld(_jsonld_nested(20_000)), kind=ARTICLE, holds=EN),
        HostilePage(
            "jsonld-nested-lists", _jsonld(_jsonld_nested_lists(20_000)), kind=ARTICLE, holds=EN
        ),
        HostilePage("meta-dates", _file("meta-dates.html"), kind=ARTICLE, holds=EN),
        HostilePage("time-garbage", _file("time-garbage.html"), kind=ARTICLE, holds=EN),
        HostilePage("stamp-offsets", _file("stamp-offsets.html"), kind=ARTICLE, holds=EN),
        HostilePage("attributes-1mb", _huge_attributes(1_000_000), kind=ARTICLE, holds=EN),
        HostilePage("comments-and-cdata", _comments_and_cdata(2_000), kind=ARTICLE, holds=EN),
        HostilePage("unclosed-textarea", _file("unclosed-textarea.html")),
        HostilePage("plaintext", _file("plaintext.html")),
        HostilePage("template-article", _file("template-article.html")),
        HostilePage(
            "rtl-mixed",
            _file("rtl-mixed.html"),
            kind=ARTICLE,
            holds="نما سوق الدراما القصيرة بمقدار الثلث",
        ),
    )


# The pages a crawl test serves from one feed, under the test's cap of 20 articles a source
# (the large generated ones take seconds each).
CRAWLED = (
    "time-garbage",
    "stamp-offsets",
    "meta-dates",
    "nul-bytes",
    "encoded-surrogates",
    "jsonld-malformed",
    "deep-20000",
    "one-paragraph-20mb",
    "utf8-declared-gbk",
    "gbk-declared-utf8-header",
    "utf16-bom-header-utf8",
    "xhtml-namespaces",
    "rtl-mixed",
    "template-article",
    "frameset",
    "empty-body",
    "pdf-as-html",
    "png-as-html",
    "json-as-html",
)


def page_at(path: str) -> HostilePage | None:
    """The crawled page served at ``path``."""
    return next((p for p in hostile_pages() if p.path == path and p.name in CRAWLED), None)
