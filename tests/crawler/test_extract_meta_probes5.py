"""Titles and publication days on a fifth set of page shapes written apart from the extractor.

Each page in ``fixtures/extract/meta-probes5`` is a whole page labelled with its exact title, its
publication day (null when the page states none) and sentences its text must hold. The shapes:
a JSON-LD ``@graph`` whose image, web page and article nodes all carry dates, a ``@graph`` whose
only dates are on the ``WebPage``, two JSON-LD blocks that disagree, a live blog whose updates
come later, a review of a series released earlier, ``datePublished`` written in words; site
names after " :: ", " » ", " • " and " - " (one that is also the headline's last word) or before
": " on a headline that holds a colon, straight and curly quotes, brackets, an ampersand; a logo
``<h1>`` with a rail's ``<h2>`` before the headline's, a kicker ``<span>`` run into the
headline; days as "03/12/2026" on a British page and "11/12/2026" on an American one, "Tuesday
1 December 2026, 14:05 GMT", "Published 3 hours ago" with the time in a ``title``, "5 hours ago"
in a ``<time datetime>``, "First published ... Last modified ...", a Jekyll URL, a compact
``pubdate`` meta, ``parsely-pub-date``, "Posted ... 6:12am AEDT", a closing "This essay was
published on ...", and comments and related stories as the only dates; Chinese 发布时间 before
来源 with 2026-12-3 9:05, 农历 beside the day, a later effective date in the headline, a daily
digest dated in its headline alone, 更新于 before 发布于, a copyright year alone, 来源 | 作者 |
2026/12/03, 成文日期 before 发布日期, a ``cambrian`` JSON-LD ``pubDate``, ``ArticleTitle`` and
``PubDate`` metas under a site-only ``<title>``, "3小时前" with the time in a ``title``, and
发布于 after the body.
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

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "meta-probes5"
_LABELS = meta_labels(_FOLDER)
_NAMES = sorted(_LABELS)
# Scored blind on the extractor as it was before they led to fixes: 34 of 40 pages wholly
# right, titles 40 of 40, days 34 of 40, texts 40 of 40; trafilatura defaults: titles 30, days 29.
# Pages whose day the extractor still gets wrong, with what goes wrong.
KNOWN_DAYS: dict[str, str] = {
    "jsonld_graph_image_webpage_article": 'the byline\'s "Updated" day wins over the article '
    "node's earlier datePublished, though the markup states that day as its dateModified (the "
    "WCXB labels take the shown update even then: trusting the markup lost 12 dev dates, won 2)",
}


@pytest.mark.parametrize("name", _NAMES)
def test_probe_title(name: str) -> None:
    check_meta_title(_FOLDER, name, _LABELS)


@pytest.mark.parametrize("name", probe_params(_NAMES, KNOWN_DAYS))
def test_probe_day(name: str) -> None:
    check_meta_day(_FOLDER, name, _LABELS)


@pytest.mark.parametrize("name", _NAMES)
def test_probe_text(name: str) -> None:
    check_meta_text(_FOLDER, name, _LABELS)
