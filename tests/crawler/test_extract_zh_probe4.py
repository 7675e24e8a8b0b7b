"""Blind probes of Chinese micro-drama industry news as the trade and its media publish it:
portal and self-media articles with 原标题, 来源, editor and proofreader lines and platform
statements, 快讯 and live-updating pages, picture galleries, embedded video, regulator notices
(备案公示, 管理提示), an association report, filing and research summaries with figures, and
traditional characters, in UTF-8, GBK, GB18030 and Big5 with missing or wrong charsets.

The pages and their labels (``tests/fixtures/zh-probe4/labels.json``) were written before the
extractor was read. Every page is decoded as the spiders decode it; the title must be exact,
the date exact (to the day when only the day is labelled) or absent when the page states none,
the key sentences present, the chrome absent, no mojibake, and the page stored as an article.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse

from crawler.extract import extract_article
from crawler.spiders.base import page_html

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "zh-probe4"
LABELS: dict[str, dict[str, Any]] = json.loads((PAGES / "labels.json").read_text(encoding="utf8"))[
    "pages"
]
CST = timezone(timedelta(hours=8))
_MOJIBAKE_RE = re.compile(r"[\ufffd\u00c0-\u00ff]|鍙|鐭|鏂|浜|鍖|鎴|銆")
# Pages the extractor still gets wrong, with what goes wrong.
KNOWN: dict[str, str] = {}


def _params() -> list[Any]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN[name], strict=True))
        if name in KNOWN
        else name
        for name in sorted(LABELS)
    ]


@pytest.mark.parametrize("name", _params())
def test_a_blind_chinese_probe_is_extracted_whole_and_clean(name: str) -> None:
    label = LABELS[name]
    headers = {"Content-Type": label["content_type"]}
    response = HtmlResponse(label["url"], body=(PAGES / name).read_bytes(), headers=headers)
    found = extract_article(page_html(response), label["url"])
    assert found.is_article
    assert found.title == label["title"]
    assert not _MOJIBAKE_RE.search(found.text + (found.title or "")), found.text[:200]
    for sentence in label["present"]:
        assert sentence in found.text
    for chrome in label["absent"]:
        assert chrome not in found.text
    date = label["date"]
    if date is None:
        assert found.published_at is None
    elif len(date) == 10:
        assert found.published_at is not None
        assert found.published_at.astimezone(CST).date().isoformat() == date
    else:
        assert found.published_at == datetime.fromisoformat(date).replace(tzinfo=CST)
