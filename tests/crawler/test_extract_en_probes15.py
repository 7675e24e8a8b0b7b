"""English institutional and long-form page shapes written apart from the extractor: government
press releases (a US federal agency, a UK department with "From:" and "Published" lines, an
Australian state premier, an Indian ministry's bureau release), a regulator's enforcement
notice, a court ruling, a university newsroom story with a media-contact box, a research
report summary with a download box, an NGO field story, an investor-relations release with its
fine print, a museum exhibition, a match report with a score box and line-ups, an obituary, an
opinion column with an author bio, a question-and-answer interview, a photo essay with long
captions, a numbered listicle, a long read with contents and pull quotes, a paywalled trade
story with a related rail, a festival announcement, an earnings story with a data table, a
council meeting summary, a three-sentence school notice, a radio transcript, events listed in
an article, a correction note, a syndicated copy, a print version, the first of two pages and
a statistics bulletin.

Each page in ``fixtures/extract/en-probes15`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes15"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 21 of 30 pages wholly right, titles 30, dates 29, chrome
# leaked on 5; trafilatura defaults 17 wholly right, titles 30, dates 28, chrome leaked on 11.
# The one date missed was a label's error (the bureau release dated itself in the future);
# with it mended, 22 wholly right and dates 30, trafilatura 18 and 29.
KNOWN: dict[str, str] = {
    "ir_press_release": "the company's \"About\" paragraph stays: the development sets' labels "
    "keep a release's closing boilerplate",
    "listicle": "the captions of the article's own images are dropped: the development sets' "
    "labels leave most captions out (480 of 535 long ones on WCXB)",
    "ngo_field_story": "the caption of the article's own image is dropped (as for the listicle)",
    "ukgov_news": 'the page\'s change history ("Added link to the consultation response.") stays',
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
