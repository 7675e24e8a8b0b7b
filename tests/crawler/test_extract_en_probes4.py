"""English page shapes written apart from the extractor: WordPress themes (GeneratePress,
Newspaper, Jannah), Drupal and Arc XP newsrooms, Blogger, HubSpot, Squarespace, Wix and beehiiv
posts, regulators' and universities' releases, an SEC exhibit, an earnings call transcript, a
shareholder letter, an AMP story, a press kit, Yahoo Finance and MSN syndication, Korean,
Japanese, Indian, Nigerian and Philippine English news, and pages dated only "3 days ago", with
og:title unlike the heading, with no date, with tables, footnotes and embedded posts.

Each page in ``fixtures/extract/en-probes4`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes4"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 26 of 35 pages wholly right (27 with the one label later
# corrected), trafilatura defaults 14 (15).
KNOWN: dict[str, str] = {
    "earnings_transcript": "an editor's pitch box inside the transcript's body stays",
    "jdsupra_alert": "a law firm's closing disclaimer stays: the development references keep "
    "such disclaimers as the article's text",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
