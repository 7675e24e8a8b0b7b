"""Chinese paywall prompts: the lines that end the text a reader may see without paying.

A subscriber-only article shows its lead, then a box that says what the rest is and how to
read it: "本文為會員限定文章" / "立即登入會員，即可閱讀全文", "这是一篇订户专享文章。订阅
联合早报数码配套，畅读本站所有文章。", "此文章只供訂戶閱讀", "本文为财新周刊付费内容",
"訂閱信報全文". Such a line names this text (本文, 此文章, 这是一篇) as kept for subscribers,
members or payers, or asks the reader to subscribe or log in to read all of it; a story's
sentence about a platform's members-only dramas does neither. Lines are matched with
Traditional characters folded to Simplified.
"""

from __future__ import annotations

import re

from storage.cjk import fold_characters

_PAYWALL_ZH_RE = re.compile(
    r"""(?x)
      # this text is for subscribers, members or payers only
      (?:本文|此文|这是一?篇|本篇|该文|这篇文章|以下内容)[^。！？，,]{0,12}
      (?:订户|订阅用户|会员|付费|VIP)[^。！？，,]{0,6}(?:专享|专属|限定|独享|内容|文章|阅读)
      # subscribe or log in, and read it all
    | (?:订阅|登录|登入|开通|成为|加入)[^。！？]{0,20}?(?:即可|方可|才能|可以|可)(?:继续)?
      (?:阅读|浏览|畅读|解锁|查看)(?:全文|完整|全部(?:内容|文章)|所有(?:内容|文章)|剩余)
    | 订阅[^。！？，]{0,8}全文|订阅[^。！？]{0,10}畅读
    | (?:会员|订户|付费用户|订阅用户)(?:才|方|即)?可(?:阅读|浏览|查看)全文
    """
)
_HINT_RE = re.compile("[订訂会會付阅閱读讀览覽]")  # a paywall's line holds one of these


def is_paywall_zh(text: str) -> bool:
    """Tell whether a text holds a Chinese paywall's prompt."""
    return _HINT_RE.search(text) is not None and bool(_PAYWALL_ZH_RE.search(fold_characters(text)))
