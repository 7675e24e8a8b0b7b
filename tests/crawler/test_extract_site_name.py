"""Site names around a title: a tag line after the title that names the site's host, and a
title that is only the site's name, shown by the link to the home page."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.html import document_fromstring

from crawler.extract import extract_article
from crawler.extract.site_name import home_link_name, strip_site_suffix

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"

PROSE = (
    "The regulator published new rules for short dramas on Monday. Platforms must review every "
    "series before it goes online. The rules take effect next month."
)


def _page(head: str, body: str = "") -> str:
    return f'<html lang="en"><head>{head}</head><body>{body}<p>{PROSE}</p></body></html>'


def test_a_tag_line_naming_the_host_is_dropped() -> None:
    title = "Economy | Today's latest from Drama Watch"
    assert strip_site_suffix(title, "", "www.dramawatch.com") == "Economy"
    assert strip_site_suffix(title, "", "news.dramawatch.co.uk") == "Economy"
    html = _page(f"<title>{title}</title>")
    assert extract_article(html, "https://www.dramawatch.com/economy/").title == "Economy"


def test_a_word_only_holding_the_hosts_name_is_not_it() -> None:
    title = "Recipes | Pineapple desserts for the whole summer season"
    assert strip_site_suffix(title, "", "www.apple.com") == title
    assert strip_site_suffix(title, "", "shop.co.uk") == title


def test_a_heading_naming_the_site_keeps_its_words() -> None:
    title = "Take care - Dramawatch at the screen trade fair 2018"
    html = _page(f'<meta property="og:title" content="{title}">', f"<h1>{title}</h1>")
    assert extract_article(html, "https://blog.dramawatch.com/trade-fair").title == title


@pytest.mark.parametrize(
    ("fixture", "url", "headline"),
    [
        (
            "site_name_title_deadline.html",
            "https://deadline.com/2025/03/reelshort-burbank-production-hub-1236321234/",
            "ReelShort Owner Crazy Maple Opens Burbank Production Hub For Vertical Series",
        ),
        (
            "site_name_title_newsroom.html",
            "https://newsroom.reelshort.com/news/crazy-maple-burbank-hub/",
            "Crazy Maple Studio Opens Burbank Hub for Vertical Series Production",
        ),
    ],
)
def test_a_title_naming_only_the_site_gives_way_to_the_headline(
    fixture: str, url: str, headline: str
) -> None:
    html = (FIXTURES / fixture).read_text(encoding="utf8")
    assert extract_article(html, url).title == headline


def test_the_home_link_names_the_site_by_its_text_or_its_logos_alt() -> None:
    links = (
        '<a href="/news/">Deadline</a><a href="#top">Top</a>'
        '<a href="https://www.deadline.com/"><img alt="Deadline"></a>'
        '<a href="/index.html">ReelShort Newsroom</a>'
    )
    root = document_fromstring(f"<html><body>{links}</body></html>")
    url = "https://deadline.com/2025/03/story/"
    assert home_link_name(root, url, ["Deadline", "Top"]) == "Deadline"
    assert home_link_name(root, url, ["ReelShort Newsroom"]) == "ReelShort Newsroom"
    assert home_link_name(root, "https://variety.com/2025/story/", ["Deadline"]) == ""
    assert home_link_name(root, url, ["News"]) == ""


def test_a_bare_hyphen_after_a_compatibility_ideograph_separates_a_site_name() -> None:
    title = "日本导演新作首映 主演山\ufa11-国际频道"  # 﨑, as in the name 山﨑
    assert strip_site_suffix(title, "", "news.example.com") == "日本导演新作首映 主演山\ufa11"


def test_a_guillemet_no_other_closes_sets_a_blog_name_off() -> None:
    title = "My first vertical drama budget, line by line « Indie Producer Log"
    host = "indieproducerlog.example"
    assert strip_site_suffix(title, "", host) == "My first vertical drama budget, line by line"
    quoted = "Il a dit « nous tournons demain » à Paris"
    assert strip_site_suffix(quoted, "", host) == quoted
