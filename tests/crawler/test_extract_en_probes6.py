"""English news and press page shapes written apart from the extractor: newsletter-style
briefs in labelled sections, a partner's letter, a paywalled scoop with a takeaway list, trade
stories with "Also Read" paragraphs and research call-outs, a creator-video trade with a
top-stories box, an analysis with footnotes, a deep dive with key takeaways and a table of
contents, Asian, Middle Eastern, European, Canadian and Australian English news (Singapore,
Philippines, India, Indonesia, Saudi Arabia, Germany, France), a trade association release, a
stock exchange announcement, a court ruling summary, a Q&A with bold speaker names, a ranked
list with numbered subheads, live earnings coverage, sponsored content, an updated story, the
first page of a paged feature, a magazine article with a rubric and a financial daily's story.

Each page in ``fixtures/extract/en-probes6`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes6"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 24 of 35 pages wholly right (25 under the two labels
# corrected after: a closing views disclaimer is text), titles 35, dates 34, chrome leaked on 9;
# trafilatura defaults 20 wholly right, titles 32, dates 35, chrome leaked on 13. After the
# fixes: 33 wholly right, titles 35, dates 35, chrome leaked on 1.
KNOWN: dict[str, str] = {
    "dw_editedby": "the bold teaser paragraph above the picture is lost",
    "jakartapost_related": "a feedback prompt box after the text stays",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
