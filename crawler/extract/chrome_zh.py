"""Runs of Chinese page chrome at the start or end of the main text.

After the article body, Chinese pages put a tail of chrome into the same container: the editor
and source lines, a copyright or "taken from the web" disclaimer, share and QR-code prompts,
download and hotline offers, previous/next links, tag lists. A run at either edge of the text is
dropped when every line in it is such chrome, a link of the page, a list of short items, or a
tiny fragment (a count, a label, a date stamp), and at least one line is chrome or a link.
Prose that merely ends the article (a short closing paragraph) is neither, so it stays, and so
does all after it; so does a closing sentence that names its data's source
("……数据来源：……，样本覆盖全国31个省份。"): a source or editor label makes a line chrome only
when the line starts with it or is a short credit. Likewise a clause a story may state too
(未经许可, 不构成投资建议) makes a disclaimer only near the line's start or in no finished sentence
("被告未经许可将……" is the story's), or beside another caveat (仅供参考, 风险自担). A
related-links heading left without its links is chrome. An end mark in the text's tail
("— END —", "全文完") with only short lines after it ends the text: what follows is the
account's sign-off ("点击下方名片，关注……", "每天一篇，读懂……"). Inside the text, a short line
made wholly of the page's links that asks the reader to act ("現在用APP看新聞 點我下載APP") is
chrome too, and so is a pointer to other stories: a related-links label and its links
("相关新闻：<a>……</a>").
A chrome note set after the last sentence of a paragraph ("…。【责任编辑：李明】") is a line of
its own: the sentence stays when the note goes. Lines are matched with Traditional characters
folded to Simplified (版權所有 is 版权所有), and a line without a Chinese character right after a
chrome line is that line's translation ("特别声明：…" then "Notice: The content above …").
A line framing the page's links as an offer ("更多内容，欢迎<a>……纸本杂志</a>、<a>……数位订阅</a>。")
is chrome though it ends a sentence, when the links make up half of it; a line of labelled
fields with a date and no sentence punctuation opens a run at the start (a report's "类别：……
机构：……研究员：……日期：……"), never at the end, where a notice's deadline and contact lines stand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.chrome_lines import link_texts
from crawler.extract.date_parse import ANY_DATE_RE
from crawler.extract.density import is_cjk
from crawler.extract.meta import squash
from storage.cjk import HAN, HAN_RE, fold_characters

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Chrome whatever the line looks like: editor lines, disclaimers, copyright notes, requests
# to like and share.
_CHROME_RE = re.compile(
    r"""(?x)
      责任编辑|免责声明|版权(?:所有|声明|归)
    | (?:禁止|不得|谢绝|严禁|拒绝)(?:任何形式的)?转载|转载(?:请|须|务必|自)|本文(?:转自|来自|来源)
    | 如有侵权|侵删|联系删除|不代表本(?:站|网|平台|号)
    | (?:图片|内容|文章|本文|素材|信息|资料)均?来(?:源|自)于?网络|投稿(?:邮箱|信箱|热线|地址)
    | (?:仅代表|为)作者(?:本人|个人|独立)?(?:观点|立场)|仅代表作者(?:本人|个人)
    | 请(?:点赞|转发|关注|分享)|点个(?:赞|在看)|一键三连|在看三连|三连支持
    | 分享[、，]点赞|点赞[、，]在看|索取稿酬|要求撤下|书面授权|(?:请|须|需)注明(?:出处|来源)
    """
)
# Clauses a story's own sentence may hold too ("被告未经许可将……", "说说我的看法，不构成投资建议"):
# chrome when the line states one near its start or is no finished sentence.
_CLAUSE_RE = re.compile(r"未经(?:许可|授权|允许|同意)|不构成(?:任何)?(?:投资|法律)(?:意见|建议)")
_CLAUSE_LEAD = 20  # a disclaimer states its clause within this many characters of its start
# Caveats a story may state one of, a disclaimer two or more of ("新浪网登载此文出于传递更多信息之
# 目的，并不意味着赞同其观点或证实其描述。文章内容仅供参考，不构成投资建议。").
_CAVEAT_RE = re.compile(
    rf"仅供参考|风险自担|据此操作|不意味着(?:赞同|认可)|证实其描述|{_CLAUSE_RE.pattern}"
)
# A label and its colon ("来源：新华社", "编辑：李明"): chrome when the line starts with it (a word
# or two before it, a bracket: "数据来源：", "（来源："), or is a short credit, not a sentence
# ("本报记者 张三 来源：中国青年报"); a sentence naming its data's source keeps it.
_CREDIT_RE = re.compile(r"(?:来源|稿源|责编|编辑|原标题|声明)[:：]")
_CREDIT_START_RE = re.compile(rf"[\s（(【\[]*[{HAN}]{{0,2}}{_CREDIT_RE.pattern}")
_MAX_CREDIT = 40
# Chrome in a line that is not a finished sentence: share, QR-code, follow, app, hotline and
# tip-off offers, a WeChat or account handle or an e-mail address to write to.
_PROMPT_RE = re.compile(
    r"""(?x)
      分享到|转发到|扫一扫|扫码|二维码|长按识别|关注(?:我们|本站|本号|公众号|微信公众号|微信号)
    | 微信公众号|APP|App|客户端|热线|报料|客服|欢迎投稿|订阅|微信[:：]|[\w.-]+@[\w-]+\.[a-z]{2,}
    | [（(][a-z][a-z0-9_]{4,}[）)]  # an account's handle: 每经头条（nbdtoutiao）
    """
)
# Chrome only in a short line without sentence punctuation (a button, a label, a heading, a
# view count, a video player's controls, a ranking, a live-update note, an original-document
# link).
_LABEL_RE = re.compile(
    r"""(?x)
      上一篇|下一篇|上一页|下一页|返回(?:列表|首页|顶部)|打印|关闭(?:窗口|本页)|字号|字体|收藏|纠错
    | 相关(?:新闻|文章|阅读|链接|推荐|资讯|搜索|稿件)|推荐阅读|延伸阅读|热门|猜你喜欢|更多
    | 评论|留言|登录|注册|作者|记者|来源|编辑|点赞|举报|分享|标签|关键词
    | 点击(?:量|数|率)|浏览(?:量|次数)|阅读(?:量|数)|播放|全屏|加载中|排行
    | (?:持续|滚动|实时)更新|(?:查看|阅读|下载)\w{0,3}原文
    """
)
_PUNCT_RE = re.compile(r"[，。！？；,!?;]")
# A labelled field ("机构：", "研究员：", "日期："): a line of two or more with a date and no
# sentence punctuation is a record's fields, not prose.
_FIELD_RE = re.compile(rf"[{HAN}]{{2,4}}[:：]")
_FIELDS = 2
_MAX_LABEL = 30
_MAX_PROMPT = 60
_LIST_SPLIT_RE = re.compile(r"\s*[|｜/>›»·•]\s*")
_SENTENCE_END = "。！？!?"
_MAX_CHROME = 120  # a chrome line (editor, disclaimer, prompt) is shorter than this
_TINY = 8  # a label or a count ("总篇数", "919", "没有了")
_LIST_ITEMS, _LIST_ITEM = 3, 10  # a tag list or breadcrumb: 3+ items of up to 10 characters
# Headings of a block of links to other articles ("related news", "the editor's latest").
_RELATED_RE = re.compile(
    r"""(?x)^[\W_]*(?:
      相关(?:新闻|文章|阅读|链接|推荐|资讯|稿件|报道|内容|专题)|推荐阅读|延伸阅读|猜你喜欢|为你推荐
    | 精彩推荐|热门推荐|您?可能(?:还)?(?:感兴趣|喜欢)的?(?:文章|内容|新闻)?|往期(?:回顾|精彩|推荐)
    | (?:作者|小编|编辑|本站)(?:的)?(?:最新|最近|其他|更多)(?:文章|发布|作品)?
    | (?:最新|热点|热门|今日)(?:文章|资讯|新闻|推荐)|更多(?:精彩|新闻|文章|阅读)|(?:阅读|点击)排行
    )[\W_]*$"""
)
_TAIL_ZONE = 0.5  # a related-links heading or end mark must sit after this share of the text
_POINTER_RE = re.compile(
    r"[\W_]*(?:相关(?:新闻|阅读|报道|文章|链接)|延伸阅读|推荐阅读|更多阅读)\s*[:：]"
)
_END_MARK_RE = re.compile(r"[\W_]*(?:(?i:the )?END|全文完|本文完)[\W_]*")
# A chrome note right after a finished sentence, up to the paragraph's end.
_CHROME_WORDS = (
    f"{_CHROME_RE.pattern.removeprefix('(?x)')}|{_CLAUSE_RE.pattern}|{_CREDIT_RE.pattern}"
)
_NOTE_AFTER_SENTENCE_RE = re.compile(
    rf"(?<=[{_SENTENCE_END}])\s*(?=[【（(\[]?(?:{_CHROME_WORDS}))", re.VERBOSE
)


def trim_chrome_runs(
    paras: list[str],
    root: HtmlElement,
    title: str | None = None,
    links: frozenset[str] | None = None,
) -> list[str]:
    """The paragraphs less a run of chrome lines at the start and one at the end (the page's
    ``title`` as a line of its own counts as chrome: a template's heading read with the body);
    ``links``: the page's :func:`link_texts`, when the caller read them."""
    if len(paras) < 2 or not is_cjk("".join(paras)):
        return paras
    links = link_texts(root) if links is None else links
    if title:
        links |= {squash(title)}
    paras = _cut_related([line for para in paras for line in _split_note(para)], links)
    paras = [p for p in _cut_end_mark(paras) if not _is_link_line(p, links)]
    kinds = [_kind(p, links) for p in paras]
    start = _run_length(_with_opening_fields(paras, kinds))
    end = len(paras) - _run_length(_with_translations(paras, kinds)[::-1])
    return paras[start:end] or paras


def _split_note(para: str) -> list[str]:
    """The paragraph, or its sentences and the chrome note after its last one, as two lines (a
    finished sentence after them is prose that names a source, not a note)."""
    found = _NOTE_AFTER_SENTENCE_RE.search(fold_characters(para))
    if found is None:
        return [para]
    note = para[found.end() :].rstrip()
    if not note or len(note) >= _MAX_CHROME or note.endswith(tuple(_SENTENCE_END)):
        return [para]
    return [para[: found.start()], note]


def _cut_related(paras: list[str], links: frozenset[str]) -> list[str]:
    """The paragraphs before a related-links heading that a link follows, in the text's tail."""
    total = sum(map(len, paras)) or 1
    seen = 0
    for i, para in enumerate(paras[:-1]):
        related = _RELATED_RE.match(fold_characters(para))
        if seen >= _TAIL_ZONE * total and related and squash(paras[i + 1]) in links:
            return paras[:i]
        seen += len(para)
    return paras


def _cut_end_mark(paras: list[str]) -> list[str]:
    """The paragraphs before an end mark in the text's tail that only short lines follow."""
    total = sum(map(len, paras)) or 1
    seen = 0
    for i, para in enumerate(paras):
        if (
            i
            and seen >= _TAIL_ZONE * total
            and _END_MARK_RE.fullmatch(para)
            and all(len(p) < _MAX_CHROME for p in paras[i + 1 :])
        ):
            return paras[:i]
        seen += len(para)
    return paras


def _is_link_line(para: str, links: frozenset[str]) -> bool:
    """Tell whether a line is a short prompt (an app, a QR code, a hotline) made wholly of the
    page's links, or a related-links label and links to other stories."""
    if len(para) >= _MAX_CHROME:
        return False
    folded = fold_characters(para)
    if pointer := _POINTER_RE.match(folded):
        return _made_of(squash(para[pointer.end() :]), links)
    if len(para) >= _MAX_PROMPT or para.rstrip().endswith(tuple(_SENTENCE_END)):
        return False
    return _PROMPT_RE.search(folded) is not None and _made_of(squash(para), links)


def _made_of(key: str, links: frozenset[str]) -> bool:
    """Tell whether ``key`` is one or more of ``links`` end to end."""
    ends = {0}
    for end in range(1, len(key) + 1):
        if any(key[start:end] in links for start in ends if start < end):
            ends.add(end)
    return bool(key) and len(key) in ends


def _kind(para: str, links: frozenset[str]) -> str:
    """ "chrome" (a chrome line or a link), "filler" (tiny or a short-item list) or "prose"."""
    key = squash(para)
    finished = para.rstrip().endswith(tuple(_SENTENCE_END))
    para = fold_characters(para)
    if key in links or (len(para) < _MAX_CHROME and _is_disclaimer(para, finished)):
        return "chrome"
    if _RELATED_RE.match(para):  # a related-links heading whose links are gone
        return "chrome"
    if len(para) < _MAX_CHROME and _is_credit(para, finished):
        return "chrome"
    if (
        len(para) < _MAX_PROMPT
        and _PROMPT_RE.search(para)
        and (not finished or _mostly_links(key, links))
    ):
        return "chrome"
    if len(para) <= _MAX_LABEL and not _PUNCT_RE.search(para) and _LABEL_RE.search(para):
        return "chrome"
    if (len(key) <= _TINY and not finished) or ANY_DATE_RE.fullmatch(para.strip()):
        return "filler"  # a label, a count, a date stamp
    items = [item for item in _LIST_SPLIT_RE.split(para.strip()) if item]
    if len(items) >= _LIST_ITEMS and all(len(item) <= _LIST_ITEM for item in items):
        return "filler"
    return "prose"


def _with_opening_fields(paras: list[str], kinds: list[str]) -> list[str]:
    """The kinds, each prose line of the leading run of fields and non-prose lines made chrome
    when it is a record's fields (:func:`_is_fields`)."""
    kinds = list(kinds)
    for i, (para, kind) in enumerate(zip(paras, kinds, strict=True)):
        if kind == "prose":
            if not _is_fields(para):
                break
            kinds[i] = "chrome"
    return kinds


def _mostly_links(key: str, links: frozenset[str]) -> bool:
    """Tell whether the page's links make up at least half of the (squashed) line ``key``: a
    prompt framing them ("更多内容，欢迎<a>……纸本杂志</a>、<a>……数位订阅</a>。")."""
    linked = sum(len(link) * key.count(link) for link in links if link and link in key)
    return 2 * linked >= len(key)


def _is_fields(para: str) -> bool:
    """Tell whether a line is a record's labelled fields with a date and no sentence
    punctuation ("类别：行业研究 机构：……证券 研究员：…… 日期：2026-12-02"): at the text's start,
    the byline of a report or filing."""
    return (
        len(para) < _MAX_CHROME
        and not _PUNCT_RE.search(para)
        and len(_FIELD_RE.findall(para)) >= _FIELDS
        and ANY_DATE_RE.search(para) is not None
    )


def _with_translations(paras: list[str], kinds: list[str]) -> list[str]:
    """The kinds, a line without a Chinese character right after a chrome line made chrome too
    (the chrome line's translation)."""
    return [
        "chrome"
        if kind == "prose" and i and kinds[i - 1] == "chrome" and not HAN_RE.search(para)
        else kind
        for i, (para, kind) in enumerate(zip(paras, kinds, strict=True))
    ]


def _is_disclaimer(para: str, finished: bool) -> bool:
    """Tell whether a line is a disclaimer, copyright or sharing note: it holds such a phrase,
    two caveats, or one of the clauses a story may state too near its start or in no finished
    sentence (a sentence saying a defendant acted 未经许可 is the story's)."""
    if _CHROME_RE.search(para) or len(set(_CAVEAT_RE.findall(para))) > 1:
        return True
    clause = _CLAUSE_RE.search(para)
    return clause is not None and (clause.start() <= _CLAUSE_LEAD or not finished)


def _is_credit(para: str, finished: bool) -> bool:
    """Tell whether a line is a source or editor credit: it starts with the label, or is short,
    holds one and does not end a sentence."""
    if _CREDIT_START_RE.match(para):
        return True
    return len(para) <= _MAX_CREDIT and not finished and _CREDIT_RE.search(para) is not None


def _run_length(kinds: list[str]) -> int:
    """Length of the leading run of non-prose lines, if it holds a chrome line (else 0)."""
    run = next((i for i, kind in enumerate(kinds) if kind == "prose"), len(kinds))
    return run if "chrome" in kinds[:run] else 0
