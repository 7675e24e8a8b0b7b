"""English general-web page shapes written apart from the extractor: personal and
small-business blogs on many engines (a WordPress block theme, Astra with widget sidebars, a
Divi-like builder, Blogger with "Labels:" and "Newer Post / Older Post", a Hugo blog with
Previous/Next and a tag cloud, a Jekyll site with the byline under the body, Ghost,
Squarespace, Wix and Webflow exports, a Notion-published page, a minimal blog), how-to
tutorials with step lists and tool boxes, a question with its accepted answer, app and gear
reviews with rating boxes, a location-scouting blog with a gallery, an academic lab blog, a
course lesson, a help-centre article, an app's release notes, church and school newsletters, a
local news story in heavy ad markup, an old table-laid page, and very short posts beside long
sidebars.

Each page in ``fixtures/extract/en-probes14`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes14"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 23 of 30 pages wholly right, titles 30, dates 29, chrome
# leaked on 7 pages; trafilatura defaults 11 wholly right, titles 27, dates 26, chrome leaked on
# 17.
KNOWN: dict[str, str] = {
    "church_newsletter": "the first pass keeps the right column's boxes (office address, prayer "
    "requests), and with them the recovery puts back the left column's list of dates",
    "course_lesson": "the lesson's downloads box stays, and a reader's question from the "
    "discussion below opens the text",
    "howto_vertical": "the byline's \"Updated\" day wins over JSON-LD's earlier datePublished "
    "(the WCXB labels take the shown update: preferring JSON-LD lost 13 dates there)",
    "review_app_rating": "the comparison table after the verdict stays",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
