"""The kind probe: whole pages written for this repository, labelled article or not, held out.

``tests/fixtures/kind-probe`` holds pages in the shapes the article-or-listing decision meets
(section fronts, archives, search results, notice lists, channel pages, catalogues, curated
collections, calendars, help centres; and list-like real articles: short notices with related
files, transmittals with attachments, listicles, rankings, live blogs, interviews). No threshold
or rule is tuned on them: ``bench/kind_cv.py`` reports them apart, per fold of the same hash as
the development pages.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.extraction_sets import DevPage

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
SET = "kind-probe"
# Written later, blind: labelled before the decision code was read, never tuned on.
BLIND_SET = "kind-probe2"
# The third blind set, written the same way: more listing shapes and short real articles.
THIRD_BLIND_SET = "kind-probe3"
# The fourth: hydrated and stream sections, catalogues of short names, 索引号 directories, and
# short notices beside long lists (attachments only, rails, comment threads, author grids).
FOURTH_BLIND_SET = "kind-probe4"
# The fifth: latest-news rivers with teasers of two or three sentences, search results, author
# pages, feeds rendered as pages, 政务公开 tables; and digests, listicles, timelines, live blogs,
# Q&As, releases with long "About" sections and notices with 附件 lists or name tables.
FIFTH_BLIND_SET = "kind-probe5"
# The sixth: the general web beyond news (blog homes with whole first paragraphs, publication
# homes, podcast episode lists, job boards, directories, documentation indexes, glossaries,
# forum and Q&A lists); and posts beside long rails or comment threads, link roundups,
# release notes, FAQs, how-tos, photo essays, show notes and two- or three-line notices.
SIXTH_BLIND_SET = "kind-probe6"
# The seventh: topic pages led by a featured story with a long dek, live hubs, directories,
# sitemaps, wiki portals, developer and investor pages, 政务公开 and 文号 tables; and newsletter
# issues, listicles, minutes, launches, winner lists, transcripts, 批复, 公示 and 附件 lists.
SEVENTH_BLIND_SET = "kind-probe7"
# The eighth: search results, author archives, magazine grids, digests, press kits, calendars,
# job boards, catalogues, forum boards, glossaries, month archives, page 2, 专题, 搜索结果, 机构概况
# and 话题 pages; and roundups, ranking tables, timelines, FAQs, releases with "About" sections,
# one-line 快讯, transcripts, court notices, 公示, 招聘公告, 征求意见稿, 图片新闻, obituaries,
# reviews with spec tables, meeting notices and analyses dense with links.
EIGHTH_BLIND_SET = "kind-probe8"
# The ninth: tag, topic and author pages, search results, page 3 of an archive, a front page of
# one lead story and a grid, video hubs, gallery and release indexes, calendars, podcast and
# newsletter archives, rivers of paragraph-long summaries, a 通知公告 list, a 专题 and a 频道; and
# three-sentence notices, stories made mostly of links, linked-heading roundups, stories above
# long related grids, video pages, live blogs, releases with long contacts, two-sentence 快讯,
# Q&As, how-tos, two-paragraph briefs, columns with further reading, 答记者问 and 图文直播.
NINTH_BLIND_SET = "kind-probe9"
# The tenth: a tag page of one long excerpt and seven short ones, a month archive of headlines by
# day, one story's updates, an HTML sitemap, app and job directories, a press kit, columnists, an
# episode guide, a 信息公开目录, 专栏作者, 按月归档, 最新消息, an App 大全, 招聘 and a 标签
# page; and a top ten with a paragraph each, briefs under one headline, a timeline, notices whose
# body is a table, a story above twelve related excerpts, a FAQ, nominations, a chart table, a
# recipients list, a review with episode bullets, a 名单公示, a 排行, a 常见问题解答 and 简讯.
TENTH_BLIND_SET = "kind-probe10"
PROBE = FIXTURES / SET


def load_probe(folder: Path = PROBE) -> list[DevPage]:
    """Every probe page of ``folder`` (its set is the folder name), decoded, with its label."""
    from dramawatch.explain import decode_html

    labels = json.loads((folder / "labels.json").read_text(encoding="utf8"))
    return [
        DevPage(
            folder.name,
            key,
            label["url"],
            decode_html((folder / "pages" / f"{key}.html").read_bytes()),
            label["page_type"],
            "zh" if key.startswith("zh-") else "en",
            None,
        )
        for key, label in sorted(labels.items())
    ]
