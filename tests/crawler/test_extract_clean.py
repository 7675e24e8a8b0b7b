"""Chrome: named widgets removed from the page, chrome lines around an article and copies of the
layout dropped from its text."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement, document_fromstring

from crawler.extract import extract_article
from crawler.extract.chrome import remove_chrome
from crawler.extract.chrome_lines import clean_paragraphs, drop_link_tail

BODY = [
    "The regulator published new rules for short dramas on Monday morning, officials said.",
    "Platforms must review every series before it goes online, the notice says, or face a fine.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Table of Contents",
        "In this article",
        "Jump to the list ⤵",
        "- 11 min read",
        "Reading time: 4 minutes",
        "Written by Jane Doe",
        "Reviewed by Dr. John Smith",
        "Last updated: April 21, 2025",
        "Updated on 09/10/2025",
        "Last reviewed January 2023",
        "Join Our Genius Newsletter",
        "Get the best of Example Weekly delivered to your inbox every Friday",
        "Products are chosen independently by our editors. Purchases made through our links may"
        " earn us a commission.",
        "As an Amazon Associate we earn from qualifying purchases.",
        "When you buy through links on our site, we may earn an affiliate commission.",
        "Back to blog",
        "Follow us",
        "Follow us on Facebook and Instagram",
        "PIN FOR LATER",
        "Next article: Short dramas find a new audience",
        "Previous post: The licence rules explained",
        "Also read: Short dramas find a new audience",
        "- See also: The licence rules explained",
        "RELATED READING: How platforms review every series",
        "SEE MORE: Studios race to meet the deadline",
        "Read next: The licence rules explained",
        "READ: Studios race to meet the deadline",
        "[View source.]",
        "Disclaimer: Comments do not represent the views of Example News.",
        "Recommended video",
        "VIDEO2:31",
        "Watch 12:04",
        "— 1 —",
        "廣告",
        "【广告】",
        "- 12 -",
        "Front Row Docs812K subscribers",
        "1.8K Followers",
        "12.4K views",
        "1,693 views",
        "Loading…",
        "Loading...",
        "Loading next story…",
        "Jump to:",
        "Was this article helpful?",
        "Was this guide useful?",
        "Subscribe to: Post Comments (Atom)",
        "Opinions expressed by columnists are their own and do not necessarily reflect the views"
        " of The Example Ledger.",
        "The views and opinions expressed herein are the views and opinions of the author and do"
        " not necessarily reflect those of Example, Inc.",
        "Jane Doe has no position in any of the stocks mentioned.",
        "Example Investor has positions in and recommends Netflix. Example Investor has a"
        " disclosure policy.",
        "Should you invest $1,000 in Example Media right now?",
        "Should You Buy Example Tech Stock Right Now?",
        "Before you buy stock in Example Media, consider this: our analysts picked ten others.",
        "© 2026 Example Journal. All rights reserved. This material may not be published,"
        " broadcast, rewritten or redistributed.",
        "Editor: Jane Doe",
        "Additional reporting by Jane Doe in Seoul",
        "Exhibit 99.1",
        "Read the original article on Example Daily",
        "Third party Ad. Not an offer or recommendation by Example.com. See disclosure here.",
        "Have a confidential tip for our reporters? Get in touch",
        "Enjoying this article? Click here to subscribe for full access.",
        "This release was published on Example PR.",
        "Copyright © 2026 Example Radio. All rights reserved. Visit our website terms of use and"
        " permissions pages at www.example.org for further information.",
        "At the time of writing, Jane Doe held no positions in the companies mentioned.",
        "Should you buy Example Studios shares before its results?",
        "More Videos",
        "From Examplepedia, the free encyclopedia",
        "Want these numbers for your category? Start a free Example trial, no credit card needed.",
        "30 day free trial, no credit card required",
        "打开网易新闻 查看精彩图片",
        "点击查看大图",
        "图片来源@视觉中国",
        "图片来源：界面新闻 范剑磊",
        "题图来自：视觉中国",
        "MEDIA-APPS/SALE (UPDATE 2)",
        "Printer friendly version | Email this story",
        "Join Channel",
        "Have a question you want explained? Ask our explainers team.",
        "Subscribe to EXAMPLE+ to get access to The Example Daily & other 70+ titles, share up to"
        " 5 gadgets, listen to the news, download as early as 4am & share articles on social"
        " media. Call 555 0100.",
    ],
)
def test_chrome_lines_around_the_body_are_dropped(line: str) -> None:
    assert clean_paragraphs([line, *BODY, line], None) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The contents of the notice were written by the regulator's legal department last year.",
        "Written by hand, the letter reached the ministry two weeks before the rules were set.",
        "The newsletter industry has grown fast, and platforms earn commissions on subscriptions.",
        "Published in 2019, the guide was updated twice.",
        "Updated rules take effect in 2025.",
        "Follow us to the studio, where the next episode is shot in a single day.",
        "Back to the studios: the rules leave them a month to hire more reviewers.",
        "Recommended videos by the regulator must carry a licence number from March.",
        "Read: How to apply for a licence",
        "- 12 - 3",
        "The channel passed 800,000 subscribers in March, its owner said, and kept growing.",
        "1,193 subscribers",
        "The trailer drew 12.4K views in its first hour, the studio said.",
        "Loading the set took the crew most of the morning.",
        "Should you buy a weekly pass? Only if you watch more than one series a week.",
        "The views expressed at the hearing were sharply divided, officials said.",
        "The fund took positions in two studios last year.",
        "The views and opinions expressed in the article do not necessarily reflect those of the"
        " agency.",
        "Reporting by local media suggests the studio will close before the rules take effect.",
        "The editor of the magazine said the rules were fair to small studios.",
        "Exhibit halls at the fair were full of vertical drama studios this year.",
        "(Reporting by Jane Doe in Beijing; Editing by John Smith)",
        "Why you can trust Example News",
        "Third-party ad tracking has drawn scrutiny from regulators in Brussels.",
        "The release was published on Tuesday, two weeks later than planned.",
        "Before you buy shares in any company, read its annual report.",
        "Should you invest in stocks when rates are this high? Most planners say yes.",
        "Have a tip jar ready at the door.",
        "The fund took large positions in several of the companies named in the indictment.",
        "More videos will be added to the app's free tier next month, the company said.",
        "The app offers a free trial, and viewers need a credit card to start it.",
        "Example no longer offers a free plan, but you can start with a free trial of any paid"
        " plan, no credit card required.",
        "点击查看图片后，用户会被引导至充值页面。",
        "图片来源于网络的说法并不准确，平台称剧中素材均为自有版权。",
        "图片来源：平台称，剧中所有画面均由剧组实拍，并非AI生成。",
        "N/A",
        "- PL/I",
        "Home | About us",
        "Join the studio's crew for a day, and the channel's tricks become clear.",
        "Have a question about the rules? The regulator says reviewers will answer within a week.",
        "Subscribe to the app for a week and the studio's older series unlock as well, the"
        " company said, a change meant to keep viewers who finish one show, since most of them"
        " never pay for a second one once the free episodes of the first are gone, and the app"
        " loses them to rivals.",
    ],
)
def test_prose_that_mentions_those_words_stays(line: str) -> None:
    assert clean_paragraphs([*BODY, line], None) == [*BODY, line]


@pytest.mark.parametrize("heading", ["Visual Stories", "Top Stories", "Up Next", "Explore more"])
def test_a_closing_box_of_other_stories_goes(heading: str) -> None:
    tail = [heading, "10 TV actresses who ruled 2026", "Best hill stations to visit in December"]
    assert clean_paragraphs([*BODY, *tail], None) == BODY


def test_a_comments_heading_opening_the_text_cuts_nothing() -> None:
    lines = ["The board approved the plan on Monday.", "Shares rose 3% in early trading."]
    assert clean_paragraphs(["Comments", *lines], None)[-2:] == lines


@pytest.mark.parametrize(
    "heading",
    [
        "更多回答",
        "其他回答",
        "全部评论 58",
        "热门评论",
        "网友评论",
        "Discussion (14)",
        "Comments (3)",
    ],
)
def test_a_closing_box_of_other_answers_or_comments_goes(heading: str) -> None:
    tail = [heading, "张导说短剧", "月入过万不难，难的是持续月入过万。短剧公司倒闭得太快了……"]
    assert clean_paragraphs([*BODY, *tail], None) == BODY


def test_a_closing_citation_box_goes_with_the_short_lines_after_it() -> None:
    cite = ["Cite this insight", "Doe, J. (2026). New rules for short dramas. Example Research."]
    assert clean_paragraphs([*BODY, *cite, "Log in to download"], None) == BODY


def test_a_second_copy_of_a_prose_paragraph_goes_but_a_short_refrain_stays() -> None:
    refrain = "Read the notice."
    paras = [BODY[0], refrain, BODY[1], BODY[0].upper(), refrain]
    assert clean_paragraphs(paras, None) == [BODY[0], refrain, BODY[1], refrain]


ARTICLE = "<p>" + "The regulator published new rules for short dramas on Monday. " * 12 + "</p>"


@pytest.mark.parametrize(
    "name",
    [
        "cta-box",
        "post-cta-wrapper",
        "author-box",
        "about-the-author",
        "authorBio",
        "abh_box",
        "bh-sponsor",
        "columnist-box",
        "contributor-bio",
        "guestbook",
        "mw-editsection",
    ],
)
def test_call_to_action_and_author_bio_boxes_are_chrome(name: str) -> None:
    bio = "Jane Doe writes about screens. Sign up for our course today."
    box = f"<div class='{name}'><p>{bio}</p></div>"
    root = document_fromstring(f"<html><body><article>{ARTICLE}</article>{box}</body></html>")
    assert "Jane Doe" not in remove_chrome(root).text_content()


@pytest.mark.parametrize("name", ["author", "post-author vcard", "author-name", "byline"])
def test_an_authors_name_or_byline_is_not_a_bio_box(name: str) -> None:
    byline = f"<div class='{name}'><span>By Jane Doe</span></div>"
    root = document_fromstring(f"<html><body>{byline}<article>{ARTICLE}</article></body></html>")
    assert "Jane Doe" in remove_chrome(root).text_content()


HEADLINES = [
    "Studios brace for the new review rules",
    "Five short dramas to watch this week",
    "Why vertical series took over the charts",
]


def _linked(headlines: list[str]) -> HtmlElement:
    links = "".join(f"<li><a href='/{i}'>{h}</a></li>" for i, h in enumerate(headlines))
    return document_fromstring(f"<html><body><p>{BODY[0]}</p><ul>{links}</ul></body></html>")


def test_a_closing_run_of_other_pages_headlines_is_dropped() -> None:
    root = _linked(HEADLINES)
    assert drop_link_tail([*BODY, *(f"- {h}" for h in HEADLINES)], root) == BODY


def test_the_short_labels_of_headline_cards_go_with_the_run() -> None:
    root = _linked(HEADLINES)
    cards = [line for h in HEADLINES for line in ("Industry", h)]
    assert drop_link_tail([*BODY, *cards], root) == BODY
    labels_only = [*BODY, "Industry", HEADLINES[0], "Europe", HEADLINES[1], "Markets"]
    assert drop_link_tail(labels_only, root) == labels_only


def test_fewer_headlines_or_a_closing_sentence_of_the_body_stay() -> None:
    root = _linked(HEADLINES)
    assert drop_link_tail([*BODY, *HEADLINES[:2]], root) == [*BODY, *HEADLINES[:2]]
    unlinked = [*BODY, *HEADLINES, "The notice takes effect next month."]
    assert drop_link_tail(unlinked, root) == unlinked


def test_an_author_bio_box_goes_with_its_paragraphs_of_prose() -> None:
    since = (
        "and since then she has covered the screen industry, its studios, its actors and the"
        " platforms that show their work, for readers of several papers."
    )
    bio = "".join(
        f"<p>Jane Doe {fact}, {since}</p>"
        for fact in (
            "is the owner of a small studio in Denver that makes vertical series for phones",
            "holds a degree in film from a university on the East Coast of the United States",
            "worked as an executive in fashion, software and retail before she made dramas",
        )
    )
    body = "".join(f"<p>{p}</p>" for p in BODY * 4)  # the story: most of the page's text
    root = document_fromstring(
        f"<html><body><article>{body}"
        f"<div class='saboxplugin-wrap'><div class='saboxplugin-desc'>{bio}</div></div>"
        "</article></body></html>"
    )
    text = remove_chrome(root).text_content()
    assert "Jane Doe" not in text
    assert BODY[0] in text


def test_a_most_read_box_named_after_its_site_goes_before_the_body() -> None:
    """A "Most Read from <site>" box of headline links between the heading and the body goes,
    heading and links."""
    box = (
        '<div class="box"><h4>Most Read from Example News</h4><ul><li><a href="/a">Tariff plan'
        ' roils markets</a></li><li><a href="/b">Chip sales top estimates</a></li></ul></div>'
    )
    body = "".join(f"<p>{p}</p>" for p in BODY * 2)
    html = f"<html><body><article><h1>Rules for dramas</h1>{box}{body}</article></body></html>"
    got = extract_article(html, "https://news.example/rules-for-dramas")
    assert "Most Read" not in got.text
    assert "Tariff plan" not in got.text
    assert BODY[0] in got.text


PACKING = ["Tripod", "Spare batteries", "Memory cards", "Lens cloth", "Rain cover", "Headlamp"]
PACKING += ["Power bank", "Notebook", "Gaffer tape"]


def test_the_texts_own_list_of_short_items_stays_and_a_run_of_links_goes() -> None:
    items = [f"- {item}" for item in PACKING]
    intro = "Pack these before the shoot:"
    assert clean_paragraphs([*BODY, intro, *items], None, links=frozenset()) == [
        *BODY,
        intro,
        *items,
    ]
    menu = frozenset(item.lower().replace(" ", "") for item in PACKING)
    assert clean_paragraphs([*BODY, intro, *items], None, links=menu) == [*BODY, intro]


def test_a_short_item_list_in_a_page_is_kept() -> None:
    items = "".join(f"<li>{item}</li>" for item in PACKING)
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>What a crew packs for a shoot"
        f"</h1>{ARTICLE}<p>Pack these before the shoot:</p><ul>{items}</ul>{ARTICLE}</article>"
        "</body></html>"
    )
    text = extract_article(html, "https://example.com/blog/what-a-crew-packs").text
    assert all(f"- {item}" in text for item in PACKING)


def test_paragraphs_boxed_for_subscribers_are_the_article() -> None:
    paras = "".join(
        f"<div class='subscriber-only'><p>Paragraph {n} of the story for subscribers.</p></div>"
        for n in range(3)
    )
    box = "<div class='subscribe-box'><p>Subscribe today.</p></div>"
    root = document_fromstring(f"<html><body><article>{paras}{box}</article></body></html>")
    text = remove_chrome(root).text_content()
    assert "Paragraph 2 of the story for subscribers." in text
    assert "Subscribe today." not in text


def test_a_recent_episodes_list_after_show_notes_is_cut() -> None:
    paras = [*BODY, "Recent episodes", "- Ep. 86: Inside the Ad Networks November 17, 2026"]
    assert clean_paragraphs(paras, None) == BODY


@pytest.mark.parametrize("name", ["tiktok-embed", "instagram-media"])
def test_an_embedded_video_or_post_is_not_the_articles_text(name: str) -> None:
    caption = "<a href='/@clips'>@clips</a> Wedding day 😱 <a href='#'>♬ original sound - Clips</a>"
    embed = f"<blockquote class='{name}'><section>{caption}</section></blockquote>"
    html = f"<html><body><article>{ARTICLE}{embed}{ARTICLE}</article></body></html>"
    assert "original sound" not in remove_chrome(document_fromstring(html)).text_content()


def test_an_embedded_tweet_stays_in_the_text() -> None:
    tweet = "<blockquote class='twitter-tweet'><p>The rules start in March.</p></blockquote>"
    html = f"<html><body><article>{ARTICLE}{tweet}{ARTICLE}</article></body></html>"
    assert "rules start in March" in remove_chrome(document_fromstring(html)).text_content()


def test_a_quotation_set_apart_is_text_unless_it_repeats_the_body() -> None:
    said = "<p>We want the best actors to see this as proper work, the chair of the group said.</p>"
    quote = "<figure><blockquote>This industry has grown up without rules.</blockquote></figure>"
    lifted = "<figure><blockquote>We want the best actors to see this</blockquote></figure>"
    html = f"<html><body><article>{ARTICLE}{quote}{said}{lifted}{ARTICLE}</article></body></html>"
    text = extract_article(html, "https://example.com/news/pay-floor").text
    assert "grown up without rules" in text
    assert text.count("We want the best actors") == 1


def test_sentences_reporting_counts_views_and_positions_are_text() -> None:
    prose = [
        "Her TikTok account now has 3.4M followers.",
        "By March the channel had passed 2M subscribers.",
        "Netflix said the views expressed by the comedian in the special are his own.",
        "The regulator noted that the studio has a disclosure policy for paid posts.",
        "Berkshire has positions in Apple and Chevron, which the firm also recommends to clients.",
        "Series that fail review may not be published, broadcast or streamed, the notice says.",
    ]
    assert clean_paragraphs([*BODY, *prose], None) == [*BODY, *prose]


MENU = "".join(f"<a href='/topic/{n}'>Topic number {n} of the site</a>" for n in range(60))


@pytest.mark.parametrize(
    "name", ["c-layout-sidebar-left", "page-block-container and-w-sidebar", "has-sidebar"]
)
def test_a_layout_named_for_its_sidebar_wraps_the_article(name: str) -> None:
    page = f"<div class='{name}'><div class='main'>{ARTICLE}</div></div><div>{MENU}</div>"
    root = document_fromstring(f"<html><body>{page}</body></html>")
    assert "new rules for short dramas" in remove_chrome(root).text_content()


@pytest.mark.parametrize("name", ["sidebar", "sidebar w-full", "layout-main sidebar-box"])
def test_a_sidebar_is_chrome_whatever_its_utility_classes(name: str) -> None:
    box = f"<div class='{name}'><p>Jane Doe writes about screens every week.</p></div>"
    root = document_fromstring(f"<html><body><article>{ARTICLE}</article>{box}</body></html>")
    assert "Jane Doe" not in remove_chrome(root).text_content()
