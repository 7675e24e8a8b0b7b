"""English page shapes written apart from the extractor: the international English-language
press (news sites of India, Nigeria, Kenya, the Philippines, Singapore, Malaysia, Pakistan and
South Africa with heavy ad markup, "Also read" lines inside the body, WhatsApp and Telegram
boxes and trending rails), modern site builds (Next.js pages with ``__NEXT_DATA__`` or the app
router's flight data beside the server-rendered body, a Nuxt page with ``__NUXT__``, an AMP
page), Medium-, Substack- and LinkedIn-like posts, a Korean outlet's English edition, a Gulf
site with Arabic navigation, a wire story with its dateline and slug line, a story under a
live-updates ticker, a video page with its transcript, a story with an inline poll, an
explainer opening with its key points, a listicle of apps, a press release on a trade site,
a story with open comments, a "Most Read" box between paragraphs, a story laid out in a
table, and very short stories beside long sidebars.

Each page in ``fixtures/extract/en-probes16`` is a whole page labelled with its exact title,
its publication day (null when the page states none), sentences its text must hold and chrome
it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes16"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 23 of 30 pages wholly right, titles 30, dates 29, chrome
# leaked on 5 pages, a sentence missing on 1; trafilatura defaults 11 wholly right, titles 29,
# dates 29, chrome leaked on 17.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
