"""Page-chrome removal around trafilatura: the paragraph post-clean (the DOM pre-clean is
``chrome.py``).

The main text's paragraphs less a leading title repeat, layout copies, chrome lines (login,
share, status rows, cookie and promotion lines, a picture's credit or app prompt: 图片来源@视觉中国,
打开网易新闻 查看精彩图片), leaked link lists (not the text's own list of short items, nor a
decision's run of Chinese fields), a trailing "Related" or "Comments" section and a closing run
of other pages' headlines, driven by lists of known chrome, never by per-site rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.blocks import block_key
from crawler.extract.copies import drop_copy_runs, drop_prose_repeats
from crawler.extract.date_parse import MONTH_START
from crawler.extract.headline import drop_leading_title
from crawler.extract.link_boxes import CUT_HEADING_RE
from crawler.extract.meta import ODD_FOLDS, squash
from crawler.extract.table_layout import drop_row_copies
from storage.cjk import HAN_RE

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_CHROME_LINE_RE = re.compile(
    r"""(?ix)^[\W_]*(?:
      sign\ ?in|log\ ?in|log\ ?out|sign\ ?up|register|free\ sign-up.*|forgot\ (?:your\ )?password.*
    | view\ more|read\ more|see\ more|more\ »|back\ to\ top|print(?:\ this\ (?:page|article))?
    | view\ (?:source|original)
    | back\ to\ (?:the\ )?(?:blog|home|news|articles|posts)|follow\ us(?:\ on\b.*)?
    | pin\ (?:it\ )?for\ later|(?:next|previous|prev)\ (?:article|post|story)\b.*
    | share(?:\ (?:this|on|via)\b.*)?|tweet|email\ this.*|advertisement|sponsored
    | printer[-\ ]friendly(?:\ (?:version|page|format))?
    | join\ (?:(?:our|the)\ )?(?:whatsapp\ |telegram\ )?channel
    | loading(?:\ (?:more|comments|next\ (?:story|article|post)))?
    | (?:recommended|more)\ videos?|(?:video|watch|listen)\s*\d{1,2}:\d{2}(?::\d{2})?
    | (?:application|inquiry)\ status|faq|tags?(?:\s*[:：].*)?
    | (?:table\ of\ )?contents|in\ this\ article|on\ this\ page
    | jump\ to(?:\ the)?\ (?:list|section)\b.*|jump\ to\s*[:：]
    | was\ this\ (?:article|page|post|guide|answer|lesson|tutorial)\ (?:helpful|useful)\??
    | subscribe\ to\s*:\s*(?:post\ comments|posts|comments)\ \((?:atom|rss)\)  # a blog's feeds
    | \d+\s*min(?:ute)?s?\.?\s*read(?:ing\ time)?|reading\ time[:\s]*\d+\s*min\w*
    | (?:\S.{0,48}?[^\W\d_]|(?:[^\s.!?]+\s){1,3})?       # a channel's name, glued or a few words
      \d[\d.]*\s?[KkMm]\s+(?:followers|subscribers)     # and its count: "812K subscribers"
    | \d[\d.,]*\s?[KkMm]?\s+views                       # a view counter: "12.4K views"
    | (?:written|posted|published|reviewed|edited)\ by\ [\w.'’\-\ ]{2,40}
    | editors?\s*[:：]\ *[\w.'’\-\ ]{2,40}|additional\ reporting\ by\ [^.!?]{2,100}
    | from\ [^,]{2,60},\ the\ free\ encyclopedia     # a wiki's tagline
    | exhibit\ \d{1,3}(?:\.\d{1,3})?|read\ the\ original\ (?:article|story|post)\ (?:on|at)\ .*
    | (?:last\ )?(?:updated|reviewed|modified|published)(?:\ on|\ at)?[:：]?
      \ (?=\d|"""
    + MONTH_START
    + r""")(?=.*\d)[\w,.:/\ ]{3,30}
    | \d{2}-\d{2}\s+\d{5,}\s+\w+          # status-widget rows: "04-16 21315227 Processing"
    | (?-i:[A-Z]{2,}(?:-[A-Z\d&]+)+(?:/[A-Z\d&]+(?:-[A-Z\d&]+)*)+)  # a wire's slug line, its
      (?:\ \((?-i:UPDATE|REFILE|CORRECTED|URGENT|RPT)[\w\ ]*\))?   # topics hyphened then a
                                                                   # slash: "MEDIA-APPS/SALE"
    | [-–—]\s*\d{1,3}\s*[-–—]               # a printed page's number: "— 1 —", "- 12 -"
    | (?:copyright|©).*|.*all\ rights\ reserved.*|.*ICP[备證证]\s*\d+.*|版权所有.*
    | 打印本页|关闭窗口|广告|廣告|关闭本页|返回顶部|返回首页|分享到.*|扫一扫.*|收藏本页
    | 【?字体[:：].*|责任编辑[:：].*|(?:会员|用户)?(?:登录|注册)|免费注册|忘记密码
    | (?:当前位置|您现在的位置)[:：]?.*|上一篇[:：].*|下一篇[:：].*
    | (?:点击|打开[^\s，。]{1,10}\s*)?查看(?:精彩|高清)?(?:图片|大图|原图)  # a picture's prompt
    | (?:(?:图片|题图|配图|头图|封面图?)(?:来源|来自)|图源)\s*[:：@]\s*[^，。！？]{1,30}  # credit
    )[\W_]*$""",
)
# A line of chrome items set apart ("Printer friendly version | Email this story").
_ITEM_SEP_RE = re.compile(r"\s+[|·•]\s+")
# A subscription's pitch, however long its list of benefits ("Subscribe to Example+ to get
# access to 70+ titles, share up to 5 gadgets, ...").
_PITCH_RE = re.compile(
    r"(?i)subscribe (?:now |today )?to \S.{0,40}? to (?:get|gain|enjoy|unlock)\b"
)
_PITCH = 320  # characters: a longer paragraph starting so is prose
_COOKIE_RE = re.compile(
    r"(?i)\b(?:we|this (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b"
)
# Promotion lines: those told by how they start ("Also read: ...", a list item "- See also: ...",
# a kicker in capitals "READ: ..."; a sentence-case "Read: ..." may be the writer's own pointer;
# a stock pitch put to the reader, "Should you buy Example stock right now?", "Before you buy
# stock in Example, consider this"; an ad's label, "Third party Ad."), and those told by
# words anywhere in them (with a comment section's policy line, an investment disclosure of the
# positions held in the stocks the article mentions, "Jane Doe has no position in any of the
# stocks mentioned", or in one outlet's wording, "Example has positions in and recommends X.
# Example has a disclosure policy.", and a copyright line, "© 2026 Example. All rights
# reserved. This material may not be ...").
_PROMO_START_RE = re.compile(
    r"(?i)(?:- )?(?:read more|also read|read also|read next|(?-i:READ)|see more|also on \S+"
    r"|related(?: \w+)?|see also|recommended|watch|listen)\s*[:：|]"
    r"|(?:(?:like|enjoying|enjoyed) this (?:story|article|post)\?|share (?:this|it) with)"
    r"|third[- ]party ad\.?(?:$|\s+not an offer\b)"
    r"|have a (?:confidential |news )?tip(?: for [^?]{0,40})?\?"
    r"|(?:have|got) a (?:question|story idea)\b[^?]{0,60}\?\s*"
    r"(?:ask|e-?mail|write to|send|contact|tell|let us know|get in touch)\b"
    r"|(?:this|the) (?:press )?release was (?:originally )?published on"
    r" (?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|febr)uary\b|march\b|april\b"
    r"|may\b|june?\b|july\b|august\b|(?:septem|octo|novem|decem)ber\b)"
    r"(?-i:[A-Z])[\w.&'’-]*(?: [\w.&'’-]+){0,4}\.?$"
    r"|(?:join|get) (?:our|the)\b.{0,40}\bnewsletter\b"
    r"|should you (?:buy|invest)\b[^?]{0,80}?(?:\b(?:stocks?|shares)\b|\$\d)[^?]{0,80}\?$"
    r"|before you buy (?:stocks?|shares) in\b[^.?]{0,80}\bconsider this\b"
)
_PROMO_RE = re.compile(
    r"(?i)\b(?:sign up|subscribe)\b.{0,80}\bnewsletter\b"
    r"|\bnewsletter\b.{0,60}\b(?:sign up|subscribe)\b"
    r"|\bdelivered (?:straight |right )?to your inbox\b"
    r"|\b(?:purchases made through (?:our )?links|as an amazon associate"
    r"|we may earn (?:an? )?(?:small )?(?:affiliate )?(?:commission|compensation)"
    r"|earn from qualifying purchases|supported by commissions)\b"
    r"|\bcomments (?:do not|don't) (?:necessarily )?(?:represent|reflect)\b"
    r"|^(?:disclaimer\s*[:：]\s*)?(?:the )?(?:views|opinions)\b.{0,40}\bexpressed\b.{0,80}"
    r"\bare (?:(?:their|his|her|the author'?s) own|the views (?:and opinions )?of the author)\b"
    r"|\b(?:ha(?:s|ve)|held) (?:no )?positions? in\b.{0,80}"
    r"\b(?:stocks|companies|securities) (?:mentioned|named|discussed)\b"
    r"|\bha(?:s|ve) positions? in and recommends\b|\bhas a disclosure policy\.?$"
    r"|^(?:©|copyright\b).{0,150}\ball rights reserved\b"
    r"|(?:^|[.?!]\s+)(?:(?:start|try|get|begin|claim)\b[^.?!]{0,40}?|(?:an? |\d+[- ]day )?)"
    r"free (?:[\w-]+ )?trial\b[^.?!]{0,40}?\bno credit card\b"
)
# Words that every match of _COOKIE_RE or _PROMO_RE holds: a line without any in lower case is
# searched no further, unless it has one of the four characters that the patterns' case folding
# matches with ASCII letters and ``str.lower`` does not lower to them (İ ı ſ K).
_PROMO_WORDS = (
    "cookies",
    "newsletter",
    "inbox",
    "comments",
    "purchases made through",
    "amazon associate",
    "we may earn",
    "qualifying purchases",
    "supported by commissions",
    "expressed",
    "position",
    "disclosure policy",
    "rights reserved",
    "credit card",
)
CUT_ZONE = 1.0  # a cut heading after this share of the text ends it (1.0: never by position)
_SHORT = 200  # promo/cookie lines longer than this are treated as prose
_RUN_MIN, _RUN_WORDS, _RUN_ITEM = 8, 3, 30  # a leaked link list: 8+ lines of <= 3 words each
# A run with this share of list items (and less of links' texts), or of Chinese fields, is the
# text's own: its list, or a document's particulars; not a leaked menu.
_OWN_SHARE = 0.5
_INTRO_CJK = 6  # a Chinese sentence introducing a list has this many characters at least
# A Chinese field, its label and a full-width colon before its value: no menu item.
_FIELD_RE = re.compile(r"[\u4e00-\u9fff（）()、]{2,16}：\S")
_LINE = 120  # chrome lines (buttons, links, widget rows) are shorter than this
_LINK_RUN = 3  # this many closing paragraphs, each a link's whole text, are a list of links
_LINK_LINE = 200  # ... each shorter than this
_MIN_LINK = 4  # a shorter link text means nothing
_MIN_HEADLINE = 10  # a link's text this long reads as another page's headline
_LABEL_WORDS = 3  # a card's label (its section, its kind) between headlines is this short


def clean_paragraphs(
    paras: list[str],
    title: str | None,
    cut_zone: float = CUT_ZONE,
    links: frozenset[str] | None = None,
) -> list[str]:
    """Drop a leading title repeat, chrome lines, leaked link lists and trailing chrome sections;
    ``links``: the page's :func:`link_texts`, which tell a leaked menu from the text's own list
    (when they are unknown, every run of short lines goes)."""
    if paras and title:
        paras = drop_leading_title(paras, title, links)
    paras = drop_row_copies(drop_copy_runs(paras))
    paras = _drop_link_runs(_cut_trailing_section(drop_prose_repeats(paras), cut_zone), links)
    return [p for p in paras if not _is_chrome_paragraph(p)]


def _cut_trailing_section(paras: list[str], cut_zone: float) -> list[str]:
    """Drop a trailing "Related"/"Comments" section and everything after it.

    The heading must follow some text and be followed by short lines only (a widget tail,
    however long), or sit after ``cut_zone`` of the text (an article's own FAQ or "Related"
    aside goes on in prose, so the default 1.0 never cuts by position alone).
    """
    total = sum(map(len, paras)) or 1
    seen = 0
    for i, para in enumerate(paras):
        if (
            i
            and CUT_HEADING_RE.match(para)
            and (seen >= cut_zone * total or all(len(p) < _LINE for p in paras[i + 1 :]))
        ):
            return paras[:i]
        seen += len(para)
    return paras


def _drop_link_runs(paras: list[str], links: frozenset[str] | None) -> list[str]:
    """Drop runs of many one-to-three-word lines: leaked menus, category and tag lists; not a
    run a Chinese sentence introduces ("入选作品名单如下："), nor one of Chinese fields
    ("当事人：某公司", "法定代表人：李某": a decision's parties) half or more, nor, when the page's
    ``links`` are known, the text's own list of short items (tools, ingredients, names: see
    :func:`_own_items`)."""
    kept: list[str] = []
    run: list[str] = []
    for para in [*paras, ""]:
        if (
            para
            and len(para) <= _RUN_ITEM
            and len(para.split()) <= _RUN_WORDS
            and para[-1] not in ".!?。！？:："
        ):
            run.append(para)
            continue
        if (
            len(run) < _RUN_MIN
            or (kept and _introduces(kept[-1]))
            or _fields(run)
            or (links is not None and _own_items(run, links))
        ):
            kept.extend(run)
        run = []
        if para:
            kept.append(para)
    return kept


def _own_items(run: list[str], links: frozenset[str]) -> bool:
    """Tell whether ``run`` is the text's own list: at least half its lines list items, fewer
    than half the whole text of one of ``links``."""
    held = sum(squash(line.removeprefix("- ")) in links for line in run)
    items = sum(line.startswith("- ") for line in run)
    return held < _OWN_SHARE * len(run) and items >= _OWN_SHARE * len(run)


def _fields(run: list[str]) -> bool:
    """Tell whether half the lines of a run or more are Chinese fields (a label, a colon, a
    value): a document's parties and particulars, not a menu."""
    return sum(_FIELD_RE.match(line) is not None for line in run) >= _OWN_SHARE * len(run)


def _introduces(para: str) -> bool:
    """Tell whether a paragraph is a Chinese sentence ending in a colon: what follows is the
    text's own list (a label such as "相关阅读：" is shorter)."""
    return para.endswith("：") and len(HAN_RE.findall(para)) >= _INTRO_CJK


def _is_chrome_paragraph(para: str) -> bool:
    """Tell whether one paragraph is a chrome line (login, share, status row, cookie, promo)."""
    if _PITCH_RE.match(para):
        return len(para) < _PITCH
    if len(para) >= _SHORT:
        return False
    if len(para) < _LINE and (_CHROME_LINE_RE.match(para) or _chrome_items(para)):
        return True
    if _PROMO_START_RE.match(para):
        return True
    if not _may_promote(para):
        return False
    return bool(_COOKIE_RE.search(para) or _PROMO_RE.search(para))


def _chrome_items(para: str) -> bool:
    """Tell whether a line is two or more chrome lines set apart by bars or dots."""
    items = _ITEM_SEP_RE.split(para)
    return len(items) > 1 and all(_CHROME_LINE_RE.match(item) for item in items)


def _may_promote(para: str) -> bool:
    """Tell whether a line may match _COOKIE_RE or _PROMO_RE (see :data:`_PROMO_WORDS`)."""
    lower = para.lower()
    return any(word in lower for word in _PROMO_WORDS) or any(c in para for c in ODD_FOLDS)


def link_texts(root: HtmlElement) -> frozenset[str]:
    """Squashed texts of the page's links (long enough to mean something), each distinct text
    squashed once (menus repeat links)."""
    texts = map(block_key, {a.text_content() for a in root.iter("a")})  # items' headlines too
    return frozenset(t for t in texts if len(t) >= _MIN_LINK)


def drop_link_tail(
    paras: list[str], root: HtmlElement, links: frozenset[str] | None = None
) -> list[str]:
    """The paragraphs less a closing run of other pages' headlines: three or more paragraphs,
    each the whole text of one of the page's links (related stories in the body's container),
    with the short labels of their cards ("Publications", "Europe") between them; ``links``:
    the page's :func:`link_texts`, when the caller read them."""
    if len(paras) <= _LINK_RUN or any(len(p) >= _LINK_LINE for p in paras[-_LINK_RUN:]):
        return paras
    links = link_texts(root) if links is None else links
    run = headlines = 0
    for para in reversed(paras):
        key = squash(para.removeprefix("- "))
        if len(key) >= _MIN_HEADLINE and key in links:
            headlines += 1
        elif len(para.split()) > _LABEL_WORDS:
            break
        run += 1
    return paras[: len(paras) - run] if headlines >= _LINK_RUN and run < len(paras) else paras
