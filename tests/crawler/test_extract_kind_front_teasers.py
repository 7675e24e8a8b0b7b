"""A front page whose stories come with teasers of a few paragraphs is a listing, not a story."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.kind import FRONT_ITEM, read_address
from crawler.extract.listing import MAX_ITEM
from crawler.extract.meta import squash

_TEASER = (
    "<p>The regulator said on Tuesday that platforms must file every serialized short drama "
    "before release, and that the rule takes effect next month for all new titles.</p>"
    "<p>Producers told reporters the filing adds about two weeks to a schedule that already "
    "runs to ten shooting days, and several asked for a lighter process for small studios.</p>"
    "<p>Officials answered that small studios may file through the platform that carries "
    "them, and that the review of a complete series should take no more than five days.</p>"
    "<p>Readers discussed the change at length, with many pointing out that earlier rules "
    "were applied unevenly across the larger apps and the smaller ones.</p>"
    "<p>Several comments asked whether the filing would cover dubbed series imported from "
    "overseas, a question the regulator has not yet answered in public.</p>"
    "<p>One studio head said the company would pause two projects until the guidance is "
    "final, while another said its next series is already filed and shooting.</p>"
    "<p>Analysts expect the number of new titles to fall this summer and then recover once "
    "the platforms have built the filing into their own release calendars.</p>"
    "<p>The regulator will publish a list of filed titles every week, so that viewers and "
    "advertisers can check whether a series they see has been reviewed.</p>"
)


def _teaser(n: int) -> str:
    """The teaser of story ``n``: every story says something of its own."""
    return _TEASER.replace("Tuesday", f"day {n} of the month").replace("two", f"{n + 2}")


def _front(stories: int) -> str:
    blocks = "".join(
        f'<article class="story"><h2><a href="/story/{n}/filing-rules-{n}">Short drama filing '
        f'rules reach studio number {n}</a></h2><div class="details">Posted by editor on '
        f'Tuesday</div>{_teaser(n)}<a href="/story/{n}/filing-rules-{n}#comments">42 comments'
        "</a></article>"
        for n in range(stories)
    )
    return (
        "<html><head><title>Screen Notes: news for people who watch</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/about">About</a></nav>'
        f'<main><div class="stories">{blocks}</div></main>'
        "<footer><p>All trademarks are property of their respective owners.</p></footer>"
        "</body></html>"
    )


def test_a_front_of_stories_with_long_teasers_is_not_an_article() -> None:
    html = _front(6)
    assert (
        MAX_ITEM < len(squash(_teaser(0))) < FRONT_ITEM
    )  # each story is too long for a listing's item
    found = extract_article(html, "https://screennotes.example.org/")
    assert found.text and found.shape is not None
    assert found.shape.items == 6
    assert not found.is_article


def test_the_same_blocks_at_a_story_address_keep_the_short_item_limit() -> None:
    found = extract_article(
        _front(6), "https://screennotes.example.org/2025/06/filing-rules-all-studios-explained"
    )
    assert found.shape is not None and found.shape.items == 0


def test_a_short_path_whose_query_names_a_story_by_id_keeps_the_short_item_limit() -> None:
    assert read_address("https://screennotes.example.org/").longest == FRONT_ITEM
    assert read_address("https://screennotes.example.org/news?page=2").longest == FRONT_ITEM
    assert read_address("https://bjh.example.com/s?id=1646764000000000001").longest == MAX_ITEM
    found = extract_article(_front(6), "https://bjh.example.com/s?id=1646764000000000001")
    assert found.shape is not None and found.shape.items == 0
