"""Chinese paywall prompts: a line that keeps the rest of the text for subscribers ends the text
with the short lines after it; a story's sentence about members-only content stays."""

from __future__ import annotations

import pytest

from crawler.extract.paywall_zh import is_paywall_zh
from crawler.extract.prompts import drop_closing_prompts

LEAD = [
    "在杭州一棟辦公大樓裡，30個人的團隊一個月可以產出8部微短劇。從劇本、拍攝到剪輯上架，最快只要兩週。",
    "這是一門看似粗糙、卻極其精準的生意：每集1到2分鐘，前幾集免費，在劇情最緊張的地方設下付費點。",
]


@pytest.mark.parametrize(
    "line",
    [
        "本文為會員限定文章",
        "立即登入會員，即可閱讀全文。還不是會員？訂閱天下雜誌，解鎖所有深度報導。",
        "这是一篇订户专享文章。订阅联合早报数码配套，畅读本站所有文章。",
        "此文章只供訂戶閱讀",
        "本文为财新周刊付费内容。订阅财新通，畅读财新网及财新周刊全部内容。",
        "訂閱信報全文",
        "财新通会员可阅读全文",
    ],
)
def test_a_paywall_line_is_a_paywall(line: str) -> None:
    assert is_paywall_zh(line)


@pytest.mark.parametrize(
    "line",
    [
        "该平台推出会员专享短剧，付费用户可提前观看大结局。",
        "观众每解锁一集，就要付出几毛到一块人民币。",
        "据了解，订阅用户数已突破3000万，平台计划明年推出更多独家内容。",
    ],
)
def test_a_story_sentence_about_paying_is_no_paywall(line: str) -> None:
    assert not is_paywall_zh(line)


def test_a_chinese_paywall_ends_the_text_with_its_buttons() -> None:
    paras = [
        *LEAD,
        "此文章只供訂戶閱讀",
        "成為訂戶，即可無限瀏覽全部文章。首月只需$38。",
        "訂戶登入",
    ]
    assert drop_closing_prompts(paras) == LEAD


def test_prose_after_a_chinese_paywall_line_stays() -> None:
    prose = "業者表示，" + "訂閱制的短劇平台正在增加，" * 20 + "但用戶付費意願仍有待觀察。"
    paras = [*LEAD, "本文為會員限定文章", prose]
    assert drop_closing_prompts(paras) == paras
