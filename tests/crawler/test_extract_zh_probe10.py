"""Blind probes of Chinese micro-drama industry pages in shapes the earlier sets lacked: a 热力榜
story with its ranking table, a trade site's repost of a 公众号 article with its 原标题 and 免责声明
lines, a long read with 文｜编辑｜ credits, a provincial 广电局 备案公示 declared GB2312 but written
in GBK, a 网络视听协会 倡议书, a 法院 判决 item, an e公司 快讯, 界面 and 新京报 pages with their
记者｜编辑｜校对 lines, a 知乎专栏 post, 百家号 and 网易号 pages with their platform statements,
凤凰网 with its 责任编辑 tag, 新浪财经 with a stock-quote widget in the body, 36氪 快讯 and 深度,
虎嗅 with 本文来自, 钛媒体, a paywalled teaser, a 政策解读 in 问/答 with 附件 links, a 统计局
数据发布 with a table, a city government 通知 of three sentences in GBK, a 新闻发布会 图文直播, a
专访 in 问/答 form, a page with 上一篇/下一篇 and 相关阅读, a page dated only by its URL, a mobile
page, 人民网 in GB2312-declared GBK, 新华网 with 纠错, 中新网, an old portal served as ISO-8859-1
with a GBK meta, and 央视网 with 编辑/责任编辑 lines.

The pages and their labels (``tests/fixtures/zh-probe10/labels.json``) were written before the
extractor was read; each is checked by :func:`tests.support.probes.check_zh_probe`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_zh_probe, probe_params, zh_labels

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "zh-probe10"
LABELS = zh_labels(PAGES)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind: 28 of 32 pages wholly
# right, 433 of 437 checks, 32 titles, 32 dates, 1 chrome string leaked, 32 stored (31 and 433
# of 434 with three labels corrected: a credit line standing alone before the story is no
# sentence the text must hold); trafilatura defaults (pages decoded the same way) 6 wholly
# right, 368 checks (dates to the day only), 30 titles, 30 dates, 65 chrome strings leaked, 32
# stored.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("name", probe_params(LABELS, KNOWN))
def test_a_blind_chinese_probe_is_extracted_whole_and_clean(name: str) -> None:
    check_zh_probe(PAGES, name, LABELS[name])
