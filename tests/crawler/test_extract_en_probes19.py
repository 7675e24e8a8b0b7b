"""English pages a micro-drama monitor reads beyond the trade press, written apart from the
extractor: regulators outside China (an Ofcom-like statement with its cookie banner and
feedback box, an FCC release with its document links, media contact and "###", a Korean
commission's board view whose title and date sit in a table, a Singapore agency's release
with an annex, an EU press corner item with its quote, background and press contacts), a
trade association's news post under a page banner ``<h1>``, a Korean webtoon company's
newsroom whose body sits in ``<section>`` elements without ``<p>``, a Japanese studio's
newsroom with a dotted date under an ``<h1>`` reading "NEWS", a newsletter issue in numbered
sections with a subscribe widget and comments, a developer blog post in ``<br>``-parted text,
a video page whose description is the only text, an Indian OTT news site between ad slots and
sponsored links, Philippine, Nigerian and Indonesian English stories with "READ:", "RELATED:"
and "Read also" lines, a LinkedIn-like article in one block per paragraph, a Reddit-like
thread whose post is the article, paragraphs as ``<div>`` elements closed by ``<br>``, a data
table with a note under it, and a sticky video player repeating the headline.

Each page in ``fixtures/extract/en-probes19`` is a whole page labelled with its exact title,
its publication day (null when the page states none), sentences its text must hold and chrome
it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes19"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 14 of 20 pages wholly right, titles 19, dates 19, chrome
# leaked on 3 pages, sentences missing on 1; trafilatura defaults 10 wholly right, titles 18,
# dates 20, chrome leaked on 7, sentences missing on 2.
KNOWN: dict[str, str] = {
    "data_table_note": "the note in the table's <figcaption> is dropped with the captions",
    "eu_press_corner": "the press contacts block after the body is kept",
    "reddit_thread": "no date: the post's stamp is a relative '2 mo. ago' above the title, its "
    "time only in a 'ts' attribute",
    "sticky_video_headline": "the sticky player's 'Now Playing:' and 'Up Next:' titles are kept",
    "webtoon_sections": "a body of <section> elements without <p> is taken with the whole "
    "newsroom wrapper: language links, category, date and the Prev/Next list",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
