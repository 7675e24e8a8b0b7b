"""A ``<title>`` that puts the issuer before the headline ("Acme Corp. - Acme Reports Results"):
the part after the separator is the headline when the page shows it as a heading, even where it
names the host; a site name shown as a heading stays no headline."""

from __future__ import annotations

from crawler.extract import extract_article

PROSE = (
    "<p>BEIJING, Nov. 12, 2026 -- The company today reported results for the third quarter. "
    "Revenue from its overseas short drama platform grew 61% year over year. A conference call "
    "will be held tomorrow.</p>"
)
URL = "https://ir.colgroup.example/news-releases/news-release-details/third-quarter-results"


def _page(title: str, heading: str) -> str:
    return (
        f'<html lang="en"><head><title>{title}</title></head><body><div class="module">'
        f'<h2 class="module_title">{heading}</h2>{PROSE}</div></body></html>'
    )


def test_the_headline_after_the_issuers_name_is_the_title() -> None:
    headline = "COL Group Reports Third Quarter 2026 Results"
    html = _page(f"COL Group Co., Ltd. - {headline}", headline)
    assert extract_article(html, URL).title == headline


def test_a_site_name_shown_as_a_heading_is_no_title() -> None:
    headline = "Short drama studios add night shifts as orders pile up in Hengdian"
    html = _page(f"{headline} - Example News", "Example News")
    url = "https://news.example.com/story/night-shifts"
    assert extract_article(html, url).title == headline
