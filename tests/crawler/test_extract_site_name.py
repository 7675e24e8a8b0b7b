"""Site names around a title: a tag line after the title that names the site's host."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.site_name import strip_site_suffix

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
