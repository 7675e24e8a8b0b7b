"""Source and editor credits at the end of a Chinese article: a line that starts with its
label ("来源：", "（来源：", "数据来源：") or a short credit goes; a closing sentence naming its
data's source ("……数据来源：……，样本覆盖全国31个省份。") is the article's and stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract import extract_article

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "zh_closing_source.html"
URL = "https://www.example.cn/industry/2025/0318/12345.html"
LAST_PROSE = "内容质量将成为平台竞争的关键。"


def _text(closing: str) -> str:
    html = PAGE.read_text(encoding="utf8").replace("CLOSING", closing)
    return extract_article(html, URL).text


@pytest.mark.parametrize(
    "closing",
    [
        "本次调查数据来源：中国网络视听节目服务协会联合多家机构开展的抽样调查，样本覆盖全国31个省份。",
        "报告的数据来源：各平台公开披露的财报与第三方监测数据。",
    ],
)
def test_a_closing_sentence_naming_its_source_stays(closing: str) -> None:
    assert _text(closing).endswith(f"{LAST_PROSE}\n\n{closing}")


@pytest.mark.parametrize(
    "closing",
    [
        "来源：中国网络视听节目服务协会",
        "（来源：新华网）",
        "数据来源：艾媒咨询",
        "本报记者 张三 来源：中国青年报",
        "稿源：某某网",
    ],
)
def test_a_source_line_or_credit_goes(closing: str) -> None:
    text = _text(closing)
    assert text.endswith(LAST_PROSE)
    assert closing not in text
