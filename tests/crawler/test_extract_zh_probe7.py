"""Blind probes of Chinese micro-drama industry pages in shapes the earlier sets lacked:
雷峰网, IT之家, 环球网, 中国经营网, 蓝鲸新闻, 极客公园, 财经网 in GB18030, 中国日报中文网 and
证券之星's research summary in GBK with a forecast table; a 新华社客户端 share page and a 上观新闻
page whose date is only in a script variable; 人民号, 大风号 and 新浪看点 pages with their
声明 lines; a city 融媒体 page with its 三审 lines, a county one in GB2312 table layout and a
county government notice in GBK; a 发改委 一图读懂 page with one paragraph, a 商务厅 政策解读,
a 文旅厅 问答, a 征求意见稿 notice with 附件 and 联系人 lines, an association's 自律公约 with
numbered 第…条 articles and a company's 招聘 announcement; 香港商報 in Big5, 力報 in Big5
declared only by the HTTP header, RTHK with its text in ``<br>`` runs, 風傳媒; 白鲸出海 and
Morketing pages with English words in their titles; 简书, 人人都是产品经理 and a third-party
微信 mirror; and a company news page and a guide page stating no date.

The pages and their labels (``tests/fixtures/zh-probe7/labels.json``) were written before the
extractor was read; each is checked by :func:`tests.support.probes.check_zh_probe`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_zh_probe, probe_params, zh_labels

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "zh-probe7"
LABELS = zh_labels(PAGES)
# Pages the extractor still gets wrong, with what goes wrong.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("name", probe_params(LABELS, KNOWN))
def test_a_blind_chinese_probe_is_extracted_whole_and_clean(name: str) -> None:
    check_zh_probe(PAGES, name, LABELS[name])
