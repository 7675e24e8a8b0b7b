"""A forum topic is an article: its opening post, one of the thread's repeated post blocks, is
the page's own text, and the replies below it are no list of stories."""

from __future__ import annotations

from crawler.extract.listing import find_items, without_post
from crawler.extract.parsing import parse_html

TOPIC = "[GUIDE] Formatting a vertical drama script so producers read it"
OPENING = (
    "I have sold scripts to three vertical drama studios, and each asked for the same things.",
    "Keep each episode on its own page and start it with the episode number in bold.",
    "Send ten episodes and a one-page summary of the rest. Nobody reads a series on spec.",
)
REPLIES = (
    "This is gold. Do you include a pitch deck too, or just the pages and the summary?",
    "Just pages and summary. The studios make their own decks for the platforms.",
    "Thanks, bookmarking this whole thread for my next pitch to a studio.",
)


def _post(number: int, text: str) -> str:
    return (
        f'<div id="p{number}" class="post"><p class="author">by '
        f'<a href="./memberlist.php?mode=viewprofile&amp;u={number}">Member number {number} '
        f'of the board</a></p><div class="content">{text}</div></div>'
    )


def _thread() -> str:
    posts = [_post(1, "<br><br>".join(OPENING))]
    posts += [_post(n, reply) for n, reply in enumerate(REPLIES, start=2)]
    return f'<html><body><h2>{TOPIC}</h2><div id="page-body">{"".join(posts)}</div></body></html>'


def test_the_opening_post_that_is_the_text_leaves_the_thread_list() -> None:
    items = find_items(parse_html(_thread()))
    assert items.count == 4
    post = without_post(list(OPENING), items)
    assert post.count == 3
    assert post.chars < items.chars


def test_a_text_over_several_items_keeps_them_all() -> None:
    items = find_items(parse_html(_thread()))
    assert without_post([OPENING[0], REPLIES[0]], items) == items
