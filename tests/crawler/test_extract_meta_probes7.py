"""Titles and publication days on a seventh set of page shapes written apart from the extractor.

Each page in ``fixtures/extract/meta-probes7`` is a whole page labelled with its exact title, its
publication day (null when the page states none) and sentences its text must hold. The shapes:
a brand before a colon in the headline ("ReelShort: …"), a ``<title>`` holding only the site's
name and slogan or only the section, an ``og:title`` in Spanish over an English page, a pipe
inside a quoted series name, an ``<h1>`` with ``<em>`` and ``<sup>``, trailing "[Photos]" and
"(Update)" tags in the headline, "Site: headline" in a blog's ``<title>``; days as "Posted on 3
December 2026 by …", "02.12.2026 | 14:30 CET" on a German site's English page, "2026/12/03
09:00:00" inside an ``<em>``, a visible published day beside a JSON-LD holding only
``dateModified``, ``<meta name="publishdate">`` alone, a ``<span class="time">`` far below the
body under a rail of dated links, an ``<abbr class="published">`` whose ``title`` holds the time
behind "3 days ago"; Chinese 【】 column tags only in ``<title>``, a brand before "：", a site
slogan or a section as the whole ``<title>``, an English ``og:title``, a 副标题 after ``<br>``
in the ``<h1>``, 《》 in an ``<em>`` and a ``<span>`` inside the ``<h1>``, a traditional Hong Kong
headline holding a full-width space; days only in an image's ``alt`` (发布日期：…), in an
``<em>`` with seconds, as 农历 before 公历 in brackets, in a ``<span class="time">`` below the body
under dated news flashes, only in the breadcrumb, only in ``weibo: article:create_at``, as
上午9時15分 on a Hong Kong page, and after an event box holding later days.
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

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "meta-probes7"
_LABELS = meta_labels(_FOLDER)
_NAMES = sorted(_LABELS)
# Scored blind on the extractor as it was before they led to fixes: 23 of 30 pages wholly
# right, titles 27 of 30, days 26 of 30, texts 30 of 30; trafilatura defaults: titles 26, days 23
# (one title miss each was a full-width space the label kept, since written as one space).
# Pages whose title or day the extractor still gets wrong, with what goes wrong.
KNOWN_TITLES: dict[str, str] = {}
KNOWN_DAYS: dict[str, str] = {}


@pytest.mark.parametrize("name", probe_params(_NAMES, KNOWN_TITLES))
def test_probe_title(name: str) -> None:
    check_meta_title(_FOLDER, name, _LABELS)


@pytest.mark.parametrize("name", probe_params(_NAMES, KNOWN_DAYS))
def test_probe_day(name: str) -> None:
    check_meta_day(_FOLDER, name, _LABELS)


@pytest.mark.parametrize("name", _NAMES)
def test_probe_text(name: str) -> None:
    check_meta_text(_FOLDER, name, _LABELS)
