"""English general-web page shapes written apart from the extractor: app, series and gear
reviews (star ratings, pros and cons, spec tables, "Buy on" buttons), how-to guides with
numbered steps and screenshots, investing blogs with disclaimers and ticker widgets, an
opinion column with a columnist box, local news with community boards, B2B trade magazines,
an academic press release with its journal citation and contacts, a think-tank brief, an
encyclopedia article with infobox, references and navbox, a Q&A page, a conference talk
recap, an obituary, letters to the editor, a corrections page, AMP and print views, a
translation linking its Chinese original, a byline and date in an ``<aside>`` beside
``<main>``, ``<div>`` paragraphs split by ``<br><br>``, pull quotes repeating the text, and
"Continue reading" buttons over text the page already holds.

Each page in ``fixtures/extract/en-probes8`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes8"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 19 of 30 pages wholly right, titles 30, dates 30 (22 with
# the labels corrected after: a how-to's materials list, a brief's key takeaways and pull
# quotes are text); trafilatura defaults 14 wholly right, titles 29, dates 29.
KNOWN: dict[str, str] = {
    "continue_hidden": "the two lead paragraphs in a teaser box before the button are lost",
    "obituary": "the partner line naming the obituary's host stays",
    "print_view": "a subscriber badge above the text stays",
    "translated_zh": "the box linking the Chinese original, with its Chinese title, stays",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
