"""English general-web page shapes written apart from the extractor: a US local TV station's
story under a weather alert and closings ticker, a Patch-like local story with its deck and
inline subscribe box, a Drupal city news node with its field labels, a Joomla club article
whose headline is an ``<h2>`` with "Hits" and Prev/Next links, New Zealand, Irish and Canadian
government releases (notes to editors, "From" and "Published on" lines, quick facts and
contacts), an Australian regulator's release with its acknowledgement banner, a US district
court notice, a translated interview between translator's notes, an essay with endnotes and
back-links, pull quotes repeating body sentences, an embedded tweet and an Instagram block,
a captioned photo gallery, a correction appended at the end, a newsletter sign-up mid-body,
sticky share bars, a "Listen to this article" player with reading time, a headline only in
an ``<h2>``, a site name in a first ``<h1>`` before the headline's, a title held only in the
breadcrumbs and a styled ``<div>`` under a section banner, a byline with published and updated
days, a mobile ``m.`` site, a fact check with its claim box, a nonprofit investigation with a
donation ask and a republish box, a regional tabloid's inline promos, a Jekyll post with
footnotes, a university news story and a public broadcaster's story with its sharing bar.

Each page in ``fixtures/extract/en-probes17`` is a whole page labelled with its exact title,
its publication day (null when the page states none), sentences its text must hold and chrome
it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes17"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 27 of 30 pages wholly right, titles 29, dates 30, chrome
# leaked on 2 pages, no sentence missing; trafilatura defaults 24 wholly right, titles 30,
# dates 30, chrome leaked on 6.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
