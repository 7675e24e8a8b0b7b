"""English general-web page shapes written apart from the extractor: government pages (a
GOV.UK-like guide with its contents list and feedback box, a federal agency release ending in
"###", a state attorney general release, an EU Commission daily news item, Hong Kong and
Singapore government releases), legal pages (a law firm client alert with footnotes and
attorney cards, a syndicated legal article, a case note on a law blog), agency and SaaS blogs
with calls to action and gated forms, an app store editorial story, university and online
course news, film festival and market news (MIPCOM, Cannes Lions, Busan, Tokyo), a guild
release, a charity update, forum topics whose first post is the article (Discourse, phpBB, a
Reddit-like self post), a LinkedIn-like newsletter article, a table-laid newsletter web
version, a conference recap with its speakers, a job posting, and pages with a long author
bio, glossary tooltips inside paragraphs and a captioned gallery.

Each page in ``fixtures/extract/en-probes11`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes11"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 21 of 30 pages wholly right, titles 28, dates 30, chrome
# leaked on 6 pages; trafilatura defaults 16 wholly right, titles 27, dates 28, chrome leaked on 8.
KNOWN: dict[str, str] = {
    "newsletter_table": "the email's one-cell layout tables come back as table rows, with the "
    "preheader, its browser link and the sponsor box",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
