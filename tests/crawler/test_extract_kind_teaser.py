"""A section's page whose whole prose is excerpts of stories elsewhere is no article."""

from __future__ import annotations

from lxml.html import fromstring

from crawler.extract import extract_article
from crawler.extract.teaser import only_teasers

_POST = "https://notes.example.com/2026/10/14/the-dubbed-version-is-the-real-version-now/"
_EXCERPT = (
    "I watched the same series three times this week, once in each language the app offers. "
    "The dubbed one is the one most people will see, and it is better than I expected."
)


def _post(heading_href: str, more_href: str, excerpt: str = _EXCERPT) -> str:
    return (
        '<article class="post">'
        f'<h2 class="entry-title"><a href="{heading_href}">The dubbed version is the real '
        "version now</a></h2>"
        '<p class="meta">October 14, 2026</p>'
        f'<p>{excerpt} <a href="{more_href}">Continue reading</a></p></article>'
    )


def _archive(heading_href: str, more_href: str, *more: str) -> str:
    return (
        '<html><head><meta property="og:type" content="article">'
        "<title>Dubbing Archives - Notes</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/about/">About</a></nav>'
        '<main><h1 class="page-title">Tag: Dubbing</h1>'
        f"{_post(heading_href, more_href)}{''.join(more)}</main>"
        "<footer><p>All rights reserved.</p></footer></body></html>"
    )


def test_a_tag_archive_holding_one_post_is_no_article() -> None:
    found = extract_article(_archive(_POST, _POST), "https://notes.example.com/tag/dubbing/")
    assert found.shape is not None and found.shape.teaser
    assert not found.is_article


def test_a_story_whose_heading_links_to_itself_stays_an_article() -> None:
    url = "https://notes.example.com/2026/10/14/dubbed/"
    found = extract_article(_archive(url, url), url)
    assert found.shape is not None and not found.shape.teaser


def test_a_story_whose_heading_links_to_its_www_address_stays_an_article() -> None:
    url = "https://notes.example.com/dubbed-version/"
    own = "https://www.notes.example.com/dubbed-version"
    root = fromstring(_archive(own, own + "#comments"))
    assert not only_teasers(root, [_EXCERPT], url)


def test_an_excerpt_closed_by_a_link_elsewhere_is_no_only_teasers() -> None:
    root = fromstring(_archive(_POST, "https://notes.example.com/about/"))
    assert not only_teasers(root, [_EXCERPT], "https://notes.example.com/tag/dubbing/")


def test_prose_outside_the_teaser_block_keeps_the_page() -> None:
    page = _archive(_POST, _POST).replace(
        "</article>", "</article><p>A page of its own says more than its teaser does here.</p>"
    )
    root = fromstring(page)
    prose = [_EXCERPT, "A page of its own says more than its teaser does here."]
    assert not only_teasers(root, prose, "https://notes.example.com/tag/dubbing/")


def test_an_archive_of_two_teasers_is_no_article() -> None:
    other = "Two apps now dub every series they sell. Viewers in Brazil watch the dubbed cut most."
    page = _archive(_POST, _POST, _post(_POST + "two/", _POST + "two/", other))
    assert only_teasers(fromstring(page), [_EXCERPT, other], "https://notes.example.com/tag/dub/")
    assert not extract_article(page, "https://notes.example.com/tag/dubbing/").is_article


def test_a_story_around_a_card_of_another_story_is_no_teaser() -> None:
    card = (
        f'<div class="card"><h3><a href="{_POST}">The dubbed version is the real version '
        f'now</a></h3><a href="{_POST}">Read it</a></div>'
    )
    story = "A page of its own says what it says here, before and after a card of another story."
    page = (
        "<html><body><main><div class='body'>"
        f"<p>{story}</p>{card}<p>{_EXCERPT}</p></div></main></body></html>"
    )
    assert not only_teasers(fromstring(page), [story, _EXCERPT], "https://notes.example.com/news/")


def _front(picture_href: str) -> str:
    grid = "".join(
        f'<div class="tile"><a href="/story-{n}/"><img src="/{n}.jpg" alt=""><h3>Another story '
        f"of the day, number {n}</h3></a></div>"
        for n in range(4)
    )
    return (
        "<html><head><title>Notes | Vertical video news</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/about/">About</a></nav><main>'
        f'<section class="lead"><a href="{picture_href}"><img src="/lead.jpg" alt=""></a>'
        f'<h2><a href="{_POST}">The dubbed version is the real version now</a></h2>'
        f"<p>{_EXCERPT} Nobody at the apps expected it.</p></section>"
        f'<section class="grid">{grid}</section></main></body></html>'
    )


def test_a_front_page_whose_prose_is_its_lead_story_under_a_linked_picture_is_no_article() -> None:
    found = extract_article(_front(_POST), "https://notes.example.com/")
    assert found.shape is not None and found.shape.teaser
    assert not found.is_article


def test_a_lead_whose_picture_leads_elsewhere_is_no_teaser() -> None:
    root = fromstring(_front("https://notes.example.com/photos/"))
    prose = [f"{_EXCERPT} Nobody at the apps expected it."]
    assert not only_teasers(root, prose, "https://notes.example.com/")


def test_a_logo_heading_linked_home_is_no_teaser_of_the_story_below_it() -> None:
    page = (
        '<html><body><div class="top"><a href="/en/">Home</a> <a href="/en/tickets/">Tickets</a>'
        '</div><h1 class="logo"><a href="/en/"><img src="/logo.png" alt="Festival"></a></h1>'
        f"<div class='view'><h3>Festival news</h3><p>{_EXCERPT}</p></div></body></html>"
    )
    assert not only_teasers(
        fromstring(page), [_EXCERPT], "https://festival.example.kr/en/news/view"
    )
