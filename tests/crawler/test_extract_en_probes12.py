"""English trade, tech, business and newsletter page shapes written apart from the extractor:
entertainment trade pages (a "Most Popular" rail, inline "Related Stories" cards between
paragraphs, a video player, photo credits, "Must Read Stories"), tech and business press (a
funding story with an event promo, paywall teasers showing their first paragraphs, inline
"Read next" cards under an affiliate disclosure, a contributor page with "Follow" and its
disclaimer, a newsletter-style column with an inline sign-up), app analytics and research blogs
(chart images with captions, tables of top apps, a "Download the report" form, methodology notes,
footnotes), Substack, Ghost and Medium posts (subscribe widgets, a paid cut-off, claps, comments,
"More from" rails), a podcast episode with show notes and transcript, company blog posts (a
product update, a hiring post with an open-positions embed), Korean, Japanese and Indian
English outlets with many inline promos, a wiki digest page, an investor letter, an opinion
column with pull quotes, an interview with bold speaker names, a web newsletter with a sponsor
block, a sponsored box inside a tech story, a broadcaster's short item and a press release
reposted by a trade site.

Each page in ``fixtures/extract/en-probes12`` is a whole page (navigation, cookie banner,
sidebar, sign-ups, footer, scripts) labelled with its exact title, its publication day (null
when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes12"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 23 of 30 pages wholly right, titles 30, dates 30, chrome
# leaked on 7 pages; trafilatura defaults 16 wholly right, titles 28, dates 29, chrome leaked on 14.
KNOWN: dict[str, str] = {
    "bloomberg_terminal_gate": "the site's slogan, repeated from the page's top banner after "
    "the body, is kept",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
