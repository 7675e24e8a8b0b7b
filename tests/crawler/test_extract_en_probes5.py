"""English page shapes written apart from the extractor: Condé Nast, Hearst, Gannett, Lee
(BLOX), Tribune and Vox Media templates, a BBC article, a live page, a radio transcript,
syndicated market commentary, a market story with a table and ticker chips, a bullet-point
market brief, Asian and Latin American English news (SCMP, Caixin, CGTN, China Daily, Global
Times, Sixth Tone, KrASIA, TechNode, e27, DealStreetAsia, Bloomberg Línea, Rest of World),
a mobile-games blog, a newsletter with footnotes, Notion, Webflow and Framer sites, EIN
Presswire, Newswire and PRWeb releases, and MIIT, EU Commission and SEC releases; with pull
quotes, inline galleries, embedded TikToks and Instagram posts, "Read more" links inside a
paragraph, author boxes, appended corrections and translated pages.

Each page in ``fixtures/extract/en-probes5`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes5"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 27 of 35 pages wholly right, titles 35, dates 35;
# trafilatura defaults 19 wholly right, titles 34, dates 35.
KNOWN: dict[str, str] = {
    "einpresswire": "the wire's legal disclaimer and distribution lines after the release stay",
    "krasia_36kr": "a sponsor call-out box inside the body stays",
    "npr_transcript": "the transcript's label and its closing disclaimer stay",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
