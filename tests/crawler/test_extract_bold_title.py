"""A document page titled by its file name takes its headline from its first paragraph set
wholly in bold."""

from __future__ import annotations

from crawler.extract import extract_article

HEADLINE = "Example Media Reports Third Quarter Results; Short Drama Revenue Up 64%"
PROSE = (
    "<p>LOS ANGELES, November 16, 2026 -- Example Media, Inc., the owner of a short drama app,"
    " today announced financial results for the third quarter ended September 30, 2026.</p>"
    "<p><b>Highlights</b></p><p>Total revenue was $148.2 million, compared with $96.5 million"
    " in the third quarter of 2025, as paying users grew in the United States.</p>"
)
URL = "https://filings.example.com/Archives/data/1899123/ex99-1.htm"


def _page(title: str, first: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{first}{PROSE}</body></html>"


def test_a_file_name_title_gives_way_to_the_first_bold_paragraph() -> None:
    bold = f"<div>Exhibit 99.1</div><p align='center'><b><font>{HEADLINE}</font></b></p>"
    assert extract_article(_page("ex99-1.htm", bold), URL).title == HEADLINE


def test_a_file_name_is_no_title_and_a_bold_lead_in_sentence_no_headline() -> None:
    lead = f"<p><b>{HEADLINE}</b> was the headline of a release issued on Monday.</p>"
    assert extract_article(_page("ex99-1.htm", lead), URL).title is None


def test_a_stated_title_is_kept_over_a_bold_paragraph() -> None:
    stated = "Quarterly results of Example Media"
    bold = f"<p><b>{HEADLINE}</b></p>"
    assert extract_article(_page(stated, bold), URL).title == stated
