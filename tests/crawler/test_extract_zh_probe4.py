"""Blind probes of Chinese micro-drama industry news as the trade and its media publish it:
portal and self-media articles with 原标题, 来源, editor and proofreader lines and platform
statements, 快讯 and live-updating pages, picture galleries, embedded video, regulator notices
(备案公示, 管理提示), an association report, filing and research summaries with figures, and
traditional characters, in UTF-8, GBK, GB18030 and Big5 with missing or wrong charsets.

The pages and their labels (``tests/fixtures/zh-probe4/labels.json``) were written before the
extractor was read; each is checked by :func:`tests.support.probes.check_zh_probe`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_zh_probe, probe_params, zh_labels

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "zh-probe4"
LABELS = zh_labels(PAGES)
# Pages the extractor still gets wrong, with what goes wrong.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("name", probe_params(LABELS, KNOWN))
def test_a_blind_chinese_probe_is_extracted_whole_and_clean(name: str) -> None:
    check_zh_probe(PAGES, name, LABELS[name])
