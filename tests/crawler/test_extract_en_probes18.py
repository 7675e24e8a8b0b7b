"""English pages a micro-drama monitor reads, written apart from the extractor: tech press (a
funding story with an event promo and author card, a feature split into one block per
paragraph with a related box and comments, a nonprofit's story with translations, takeaways
and a donation box), business press (a wire story with its sign-up line, sign-off and ticker
strip, a terminal-site scoop cut by its paywall under market tickers, a teaser with two free
paragraphs above the offers, key points above a video box, a Tokyo dateline story with a
free-articles note), entertainment trade press ("Popular on" and related boxes between
paragraphs, an exclusive with must-read stories, a reported feature with a gallery and an
inline sign-up, a trade paywall after four paragraphs), Chinese outlets' English editions (an
"Updated:" byline line and an editor tag, a published stamp over ``<br>``-parted text, a story
published and updated on different days between advertisement slots, an editor line and a
header-image credit, contact lines, a video page dated only by "Updated", a translated partner
story, a briefing in bold-labelled parts), app-analytics blogs (charts with captions, a
report form, a table of top apps and a callout), wire releases (PR Newswire, Business Wire with
subheads, a table and contacts, GlobeNewswire with its publisher's name in the headline,
ACCESS Newswire, EIN Presswire with its disclaimers), an investor-relations release beside a
stock widget dated a day later, a Medium post with a highlighted sentence, and a podcast
episode with chapters and a sponsor.

Each page in ``fixtures/extract/en-probes18`` is a whole page labelled with its exact title,
its publication day (null when the page states none), sentences its text must hold and chrome
it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes18"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 24 of 30 pages wholly right, titles 29, dates 30, chrome
# leaked on 5 pages, sentences missing on 1; trafilatura defaults 15 wholly right, titles 29,
# dates 29, chrome leaked on 15, sentences missing on 1.
KNOWN: dict[str, str] = {
    "globenewswire_tags": "the issuer's name after the headline's bar is taken for a site name",
    "medium_highlight": "the platform's 'Top highlight' label inside a paragraph is kept",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
