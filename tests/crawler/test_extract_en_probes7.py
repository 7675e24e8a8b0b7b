"""English blog, CMS and platform page shapes written apart from the extractor: Medium with its
clap bar and "More from" lists, Substack with footnotes and comments, two Ghost themes, WordPress
under Astra, Divi, Elementor, a block theme with Yoast breadcrumbs and Twenty Twenty with
Jetpack, Blogger, Hashnode, dev.to, Squarespace, Wix, Tumblr, Typepad and Jekyll blogs, Mailchimp
and Buttondown newsletter archives, GitBook, Docusaurus and Read the Docs pages, Zendesk and
Intercom help-centre articles, an app maker's and an ad network's newsroom, university news, an
NGO report with footnotes, podcast show notes, a video page's description, a body that is mostly a
table, a glossary in a definition list, an old page in <font> and <center>, an article split by
ads into sibling blocks, and a one-paragraph post.

Each page in ``fixtures/extract/en-probes7`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day (null when the page states none), sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes7"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 25 of 35 pages wholly right, titles 33, dates 31 (26 and 32
# with the help-centre page's label corrected); trafilatura defaults 16 wholly right, titles 26,
# dates 32 (33).
KNOWN: dict[str, str] = {
    "deflist_body": "the byline's 'Last reviewed' day wins over JSON-LD's datePublished",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
