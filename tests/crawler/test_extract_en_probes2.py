"""English page shapes written apart from the extractor: big-newsroom layouts (live blogs,
galleries, inline promos), blog platforms, contributor pages, company newsrooms, interviews,
tables, listicles, several headings and date stamps, multi-page articles.

Each page in ``fixtures/extract/en-probes`` is a whole page (navigation, cookie banner,
sidebar, footer, scripts) labelled with its exact title, its publication day (null when the
page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract import extract_article
from tests.support.probes import check_en_probe, en_labels

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes"
_LABELS = en_labels(_FOLDER)


@pytest.mark.parametrize("name", sorted(_LABELS["pages"]))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)


def test_logo_heading_is_never_the_title() -> None:
    """A site's logo set in an ``<h1>`` linking home loses to the article's own ``<h1>``."""
    html = (
        "<html><head><title>Daily Report - News and opinion</title></head><body><header>"
        '<h1 class="logo"><a href="https://www.report.example/">Daily Report</a></h1></header>'
        "<article><h1>Drama app opens a studio in Manila</h1>"
        + "<p>The company will film forty series a year at the new studio, it said.</p>" * 4
        + "</article></body></html>"
    )
    got = extract_article(html, "https://report.example/news/drama-app-manila-studio")
    assert got.title == "Drama app opens a studio in Manila"


def test_more_from_box_mid_article_goes() -> None:
    """A "More from ..." box of headline links between two paragraphs goes, and the text after
    it stays: the box is no trailing section that ends the article."""
    first = "<p>Short drama apps earned more than a billion dollars in the first half.</p>"
    second = "<p>Producers say budgets per series have risen sharply, close to double.</p>"
    box = (
        '<div class="box"><h4>More from Forbes</h4><a href="/a">Writers eye vertical series</a>'
        '<a href="/b">The streaming bundle is back and it is cheaper</a></div>'
    )
    after = "<p>Analysts expect the segment to keep growing as studios test the format.</p>"
    html = f"<html><body><article><h1>Drama apps boom</h1>{first}{second}<div>{box}</div>"
    got = extract_article(
        f"{html}{after}{after}</article></body></html>", "https://news.example/drama-apps-boom"
    )
    assert "Writers eye vertical series" not in got.text
    assert "Analysts expect the segment" in got.text


def test_article_h1_wins_over_a_widget_h1() -> None:
    """Of two ``<h1>`` the one inside the ``<article>`` is the title, not a widget's."""
    html = (
        "<html><head><title>Daily Report</title></head><body><article>"
        "<h1>ReelShort hires a content chief</h1>"
        + "<p>The company named a former streaming executive to run its originals.</p>"
        * 4
        + '</article><div class="box"><h1>Never miss a story</h1><p>Follow us.</p></div>'
        "</body></html>"
    )
    got = extract_article(html, "https://report.example/people/reelshort-content-chief")
    assert got.title == "ReelShort hires a content chief"
