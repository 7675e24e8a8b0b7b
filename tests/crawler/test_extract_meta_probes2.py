"""Titles and publication days on a second set of page shapes written apart from the extractor.

Each page in ``fixtures/extract/meta-probes2`` is a whole page labelled with its exact title, its
publication day (null when the page states none) and sentences its text must hold. The shapes:
blogs on WordPress ("Posted on", a published and an updated ``<time>``), Ghost (the day only in a
JSON-LD ``@graph``), Substack, Medium and Blogger (the day in a date header above an ``<h3>``);
a "Last updated" day alone, a day only in the address or only in ``og:updated_time``, a day only
in a calendar widget's link; "Dec 5th, 2026", "5 December 2026", "2026/12/05", "12.05.2026" on a
US site and "05.12.2026" on a German one, "Thursday 3 December 2026 10.30 GMT", "2 days ago" with
the day further down, "Published: … | Updated: …", a press release dated in its dateline only;
titles where ``<title>`` is the site's name alone, where the ``<h1>`` is a section's name or the
site's logo, where ``og:title`` carries a sales line, kickers and decks in their own elements, an
``<h1>`` split by a line break, ellipses, ampersands, numbers, capitals and a quotation; Chinese
发表于 with replies, 发表于 beside 更新于, 时间：2026/12/05, 【】 in a title, a 原创 badge in the
``<h1>``, a 来源 line without a day, WeChat mirrors dated by their script, an ``<h1>`` naming
the column above the headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import (
    check_meta_day,
    check_meta_text,
    check_meta_title,
    meta_labels,
    probe_params,
)

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "meta-probes2"
_LABELS = meta_labels(_FOLDER)
_NAMES = sorted(_LABELS)
# Scored blind on the extractor as it was before they led to fixes: titles 37 of 40, days 35 of
# 40, texts 40 of 40; trafilatura defaults: titles 32, days 30.
_DAY_LEFT = {
    "calendar_widget_day": "the day is only a calendar widget's link to a day's posts: on an"
    " address without the post's day (?p=) WordPress shows the month it serves the page in,"
    " so a linked day dates some post, not this one",
}


@pytest.mark.parametrize("name", _NAMES)
def test_probe_title(name: str) -> None:
    check_meta_title(_FOLDER, name, _LABELS)


@pytest.mark.parametrize("name", probe_params(_NAMES, _DAY_LEFT))
def test_probe_day(name: str) -> None:
    check_meta_day(_FOLDER, name, _LABELS)


@pytest.mark.parametrize("name", _NAMES)
def test_probe_text(name: str) -> None:
    check_meta_text(_FOLDER, name, _LABELS)
