"""Body blocks the first pass dropped, put back from the article's own container."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.meta import norm
from crawler.extract.recover import leaf_blocks, recover_blocks

KEPT = [
    "The regulator published new rules for short dramas on Monday morning.",
    "Platforms must review every series before it goes online, the notice says.",
    "The rules take effect next month and apply to every platform in the country.",
]
ITEM = "Series longer than one hundred episodes need a licence"
PROSE = "Smaller studios said they would need more staff to keep up with the reviews."


def _page(middle: str, *, after: str = "", outside: str = "") -> str:
    first, second, third = (f"<p>{p}</p>" for p in KEPT)
    body = f'<div class="story">{first}{second}{middle}{third}{after}</div>'
    return f"<html><body>{body}<div class='side'>{outside}</div></body></html>"


def _recover(html: str) -> list[str]:
    return recover_blocks(list(KEPT), document_fromstring(html))


def test_a_dropped_list_between_body_paragraphs_comes_back_in_place() -> None:
    html = _page(f"<ul><li>{ITEM}</li><li>Every trailer is reviewed as well</li></ul>")
    assert _recover(html) == [
        *KEPT[:2],
        f"- {ITEM}",
        "- Every trailer is reviewed as well",
        KEPT[2],
    ]


def test_a_list_items_paragraph_is_judged_as_the_item_it_holds() -> None:
    items = "".join(f"<li><p>{text}</p></li>" for text in ("Fast review cycles", ITEM))
    assert _recover(_page(f"<ul>{items}</ul>")) == [
        *KEPT[:2],
        "- Fast review cycles",
        f"- {ITEM}",
        KEPT[2],
    ]


def test_a_dropped_sentence_beside_body_paragraphs_comes_back() -> None:
    assert _recover(_page(f"<div>{PROSE}</div>")) == [*KEPT[:2], PROSE, KEPT[2]]


def test_a_heading_comes_back_only_with_the_body_block_after_it() -> None:
    kept = _recover(_page(f"<h3>What studios say</h3><div>{PROSE}</div>"))
    assert kept == [*KEPT[:2], "What studios say", PROSE, KEPT[2]]
    assert _recover(_page("<h3>What studios say</h3>")) == KEPT


def test_a_heading_over_a_box_of_links_does_not_come_back_with_the_prose_after_the_box() -> None:
    links = "".join(
        f"<li><a href='/{i}'>Other story number {i} on the site</a></li>" for i in (1, 2)
    )
    box = f"<div class='widget'><h3>Stories of the day</h3><ul>{links}</ul></div>"
    assert _recover(_page(f"{box}<div>{PROSE}</div>")) == [*KEPT[:2], PROSE, KEPT[2]]


def test_a_dropped_heading_comes_back_before_the_texts_own_block_after_it() -> None:
    def recover(heading: str) -> list[str]:
        first, second, third = (f"<p>{p}</p>" for p in KEPT)
        body = f"<div class='story'>{first}<p>{PROSE}</p>{heading}{second}{third}</div>"
        return recover_blocks([KEPT[0], PROSE, *KEPT[1:]], document_fromstring(body))

    kept = recover("<h2>What studios say</h2>")
    assert kept == [KEPT[0], PROSE, "What studios say", *KEPT[1:]]
    assert recover("<h2><a href='/s'>What studios say</a></h2>") == [KEPT[0], PROSE, *KEPT[1:]]


def test_nothing_after_the_bodys_last_block_or_outside_its_container_is_added() -> None:
    author = "<p>Jane Doe writes about the screen industry and lives in Shanghai.</p>"
    html = _page("", after=author, outside=f"<p>{PROSE}</p>")
    assert _recover(html) == KEPT


def test_bare_paragraphs_get_back_the_headings_and_lists_opening_their_container() -> None:
    first, second, third = (f"<p>{p}</p>" for p in KEPT)
    opening = f"<h2>What the rules say</h2><ul><li>{ITEM}</li></ul>"
    body = f"<nav><p>{PROSE}</p></nav><div class='story'>{opening}{first}{second}{third}</div>"
    root = document_fromstring(f"<html><body>{body}</body></html>")
    kept = recover_blocks(list(KEPT), root, structured=False)
    assert kept == ["What the rules say", f"- {ITEM}", *KEPT]
    assert recover_blocks(list(KEPT), root, structured=True) == KEPT


def test_a_page_trafilatura_finds_no_container_in_keeps_its_opening_list() -> None:
    items = "".join(f"<li>{text}</li>" for text in (ITEM, "Every trailer is reviewed as well"))
    story = "".join(f"<p>{p}</p>" for p in (*KEPT, PROSE))
    html = (
        "<html><body><div class='wrap'><div class='x'><h2>What the rules say</h2>"
        f"<ul>{items}</ul>{story}</div></div><div><a href='/'>Home</a></div></body></html>"
    )
    text = extract_article(html, "https://news.example.com/a").text
    assert text.startswith(f"What the rules say\n\n- {ITEM}\n- Every trailer")
    assert text.endswith(PROSE)


def test_a_contents_entry_inside_a_later_paragraph_does_not_move_the_recovery_there() -> None:
    first, second, third = (f"<p>{p}</p>" for p in KEPT)
    body = f"<ul><li>The reviews</li></ul>{first}<h3>What studios say</h3>{second}{third}"
    html = f"<html><body><div class='story'>{body}<p>{PROSE}</p></div></body></html>"
    kept = recover_blocks([*KEPT, PROSE], document_fromstring(html))
    assert kept == [KEPT[0], "What studios say", *KEPT[1:], PROSE]


def test_links_captions_and_fragments_are_not_body() -> None:
    links = "<p><a href='/a'>Read our guide to the new rules for platforms</a> today.</p>"
    caption = f"<figure><img src='x.jpg'><figcaption><p>{PROSE}</p></figcaption></figure>"
    fragment = "<div>Updated on July 9, 2025</div>"
    assert _recover(_page(links + caption + fragment)) == KEPT


def test_too_few_matched_blocks_make_no_container() -> None:
    html = _page(f"<div>{PROSE}</div>")
    assert recover_blocks(KEPT[:1], document_fromstring(html)) == KEPT[:1]


def test_leaf_blocks_skip_blocks_that_hold_blocks_and_join_table_cells() -> None:
    root = document_fromstring(
        "<html><body><div><p>One two</p><table><tr><td>a</td><td>b</td></tr></table></div>"
        "</body></html>"
    )
    assert [text for _, text in leaf_blocks(root)] == ["One two", "a | b"]


def test_extraction_with_recovery_keeps_the_body_and_adds_no_chrome() -> None:
    html = _page(f"<ul><li>{ITEM}</li></ul>", outside="<p>Sign in</p>")
    text = extract_article(
        html, "https://news.example.com/a", settings=ExtractionSettings(recover=True)
    ).text
    assert all(p in text for p in KEPT)
    assert "Sign in" not in text


def test_a_call_to_action_box_or_a_form_between_body_paragraphs_stays_out() -> None:
    card = f"<div class='card'><p>{PROSE}</p><a href='/start'>Get started</a></div>"
    form = f"<form><p>{PROSE}</p><label>Your email</label></form>"
    assert _recover(_page(card)) == KEPT
    assert _recover(_page(form)) == KEPT
    told = f"<div class='box'><p>{PROSE}</p><p>Read <a href='/r'>the notice</a> in full.</p></div>"
    assert PROSE in _recover(_page(told))


def test_a_card_inside_a_link_is_not_body() -> None:
    card = f"<h3>Related reads</h3><a href='/other'><p>{PROSE}</p></a>"
    assert _recover(_page(card)) == KEPT


def test_recovered_blocks_are_told_apart_for_the_article_or_listing_decision(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crawler.extract import article
    from crawler.extract.passes import Pass

    monkeypatch.setattr(article, "trafilatura_text", lambda *_: Pass("\n".join(KEPT), True))
    root = document_fromstring(_page(f"<div>{PROSE}</div>"))
    paras, recovered, _ = article.main_paragraphs(root, None, "https://news.example.com/a", None)
    assert paras == [*KEPT[:2], PROSE, KEPT[2]]
    assert recovered == {PROSE}


LATER = [
    "The second part of the notice lists the fines for platforms that skip the review process.",
    "Repeat offenders can lose their licence for a year, a spokesman for the regulator said.",
    "Studios have until the end of the year to submit the series already online for review.",
    "Industry groups asked for more time, saying the reviews could take months to complete.",
    "The regulator said it would publish a list of approved series every month from now on.",
]


def _sections(between: str, *, sections: int = 1, later: list[str] = LATER) -> str:
    """An article whose body goes on in a later element of its container's tag and class."""
    first = "".join(f"<p>{p}</p>" for p in KEPT)
    rest = "".join(f"<p>{p}</p>" for p in later)
    more = "".join(f"<div class='story-body'>{rest}</div>" for _ in range(sections))
    return (
        f"<html><body><div class='grid'><div class='story-body'>{first}</div></div>"
        f"{between}<div class='grid'>{more}</div></body></html>"
    )


def test_an_article_cut_by_an_advertisement_goes_on_in_its_next_section() -> None:
    advert = "<div class='ad-slot'><span>Advertisement</span></div>"
    assert _recover(_sections(advert)) == [*KEPT, *LATER]


def test_a_later_section_counts_only_after_little_text_and_with_some_text_of_its_own() -> None:
    teaser = "<div class='promo'>" + "A long teaser for another story on the site. " * 4 + "</div>"
    assert _recover(_sections(teaser)) == KEPT
    assert _recover(_sections("", later=LATER[:2])) == KEPT


def test_a_class_on_many_elements_makes_no_sections() -> None:
    assert _recover(_sections("", sections=4)) == KEPT


def test_closing_paragraphs_outside_the_container_are_dropped() -> None:
    author = "Jane Doe writes about the screen industry and lives in Shanghai."
    story = "".join(f"<p>{p}</p>" for p in [*KEPT, *LATER])
    html = f"<div class='story'>{story}</div><div class='card'><p>{author}</p></div>"
    paras = recover_blocks([*KEPT, *LATER, author], document_fromstring(html))
    assert paras == [*KEPT, *LATER]
    inside = html.replace("</div><div class='card'>", "")
    assert recover_blocks([*KEPT, *LATER, author], document_fromstring(inside))[-1] == author


def test_a_closing_paragraph_in_a_section_continuing_the_container_stays() -> None:
    duty = "of the notice sets out one more duty for every platform."
    rules = [f"Rule {i} {duty}" for i in range(80)]
    first = ["The notice opens with a summary of its aims. " * 11, *rules]
    last = "The closing part of the notice explains how studios can appeal a decision. " * 6
    author = "Jane Doe writes about the screen industry and lives in Shanghai."
    story = "".join(f"<p>{p}</p>" for p in first)
    html = (
        f"<div class='grid'><div class='story-body'>{story}</div></div>"
        f"<div class='grid'><div class='story-body'><p>{last}</p></div></div>"
        f"<div class='card'><p>{author}</p></div>"
    )
    paras = [norm(p) for p in [*first, last]]
    assert recover_blocks([*paras, author], document_fromstring(html)) == paras


QUESTION = "Do the rules apply to series already online?"
ANSWER = "Yes, studios have until the end of the year to submit them for review."


def test_closing_questions_after_the_texts_last_block_come_back_up_to_the_next_section() -> None:
    faq = (
        f"<h2>Frequently asked questions</h2><div class='acc'><h3>{QUESTION}</h3>"
        f"<div class='panel'><p>{ANSWER}</p></div></div>"
        f"<h2>About the author</h2><p>{PROSE}</p>"
    )
    assert _recover(_page("", after=faq)) == [*KEPT, "Frequently asked questions", QUESTION, ANSWER]


def test_a_closing_box_without_a_questions_heading_stays_out() -> None:
    box = f"<h2>More from us</h2><h3>{QUESTION}</h3><p>{ANSWER}</p>"
    assert _recover(_page("", after=box)) == KEPT
    assert _recover(_page("", after=f"<h2>FAQ</h2><p>{ANSWER}</p>")) == KEPT


CAPTIONS = [
    "Actors rehearse a wedding scene on the main set, redressed as a ballroom every week.",
    "Wardrobe racks are labelled by series and episode, about two thousand costumes in all.",
    "Dubbing artists record the English lines for a series that was first shot in Tagalog.",
    "The founder reviews a rough cut; she started the company with two borrowed cameras.",
]


def _gallery(captions: list[str]) -> str:
    figures = "".join(
        f'<figure><img src="/p{n}.jpg" alt=""><figcaption>{caption}</figcaption></figure>'
        for n, caption in enumerate(captions)
    )
    return f'<div class="gallery">{figures}</div>'


def test_a_photo_essays_captions_come_back_where_they_say_more_than_the_text() -> None:
    recovered = _recover(_page(_gallery(CAPTIONS)))
    assert recovered == [*KEPT[:2], *CAPTIONS, KEPT[2]]


def test_an_inline_gallerys_captions_stay_out_of_a_story() -> None:
    assert _recover(_page(_gallery(CAPTIONS[:2]))) == KEPT


def test_a_photo_essay_of_an_introduction_and_captions_gets_its_captions_back() -> None:
    intro = "For four months our photographer followed the crews who rent one house in the hills."
    credited = [f"{caption} Jane Doe / Example News" for caption in CAPTIONS]
    html = f"<html><body><article><p>{intro}</p>{_gallery(credited)}</article></body></html>"
    assert recover_blocks([intro], document_fromstring(html)) == [intro, *credited]


def test_a_short_storys_picture_caption_stays_out() -> None:
    story = [KEPT[0], KEPT[1]]
    body = "".join(f"<p>{p}</p>" for p in story) + _gallery([f"{CAPTIONS[0]} Jane Doe / AP"])
    html = f"<html><body><article>{body}</article></body></html>"
    assert recover_blocks(story, document_fromstring(html)) == story
