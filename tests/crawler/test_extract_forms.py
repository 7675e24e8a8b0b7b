"""Forms: a small form and the box around it holding its prompt and fine print are a widget;
a form wrapping the page, a listing's item holding a cart form, or a short post beside its
comment form, is not."""

from __future__ import annotations

from pathlib import Path

from lxml.html import document_fromstring

from crawler.extract import extract_article, forms
from crawler.extract.forms import drop_form_boxes, fields_as_forms

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
PARAGRAPHS = [
    "The regulator published new rules for short dramas on Monday, officials said in Beijing.",
    "Platforms must review every series before it goes online, the notice says, or face fines.",
    "Studios that miss the deadline lose their licence for a year, according to the document.",
    "Producers said the rules would raise costs, though most expect to comply within months.",
    "The rules follow a year in which short dramas drew more viewers than cinema for the first"
    " time, according to figures the industry association released in the spring.",
]
SIGN_UP = """
<section class="box">
  <div class="heading">Be the first to know!</div>
  <div class="prompt">Get the best drama deals texted right to your phone every week!</div>
  <form action="/subscribe"><input type="tel" name="phone"><button>Sign me up</button>
    <p class="fine">By signing up, you agree to receive recurring automated marketing messages
    at the number provided.</p></form>
</section>
"""


def _page(body: str) -> str:
    head = "<head><title>New rules</title></head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


def _paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_a_sign_up_box_inside_the_article_is_dropped_with_its_prompt() -> None:
    html = _page(_paragraphs(PARAGRAPHS[:2]) + SIGN_UP + _paragraphs(PARAGRAPHS[2:]))
    text = extract_article(html, "https://example.com/news/2025/new-rules").text
    assert all(p in text for p in PARAGRAPHS)
    assert "texted right to your phone" not in text
    assert "By signing up" not in text


def test_a_form_wrapping_the_article_stays() -> None:
    html = _page(f"<form action='/page'>{_paragraphs(PARAGRAPHS)}</form>")
    text = extract_article(html, "https://example.com/news/2025/new-rules").text
    assert all(p in text for p in PARAGRAPHS)


def test_a_listing_item_keeps_its_headline_beside_its_cart_form() -> None:
    tiles = "".join(
        f'<li class="tile"><a href="/p/{i}">Drama box set {i}</a><span>$1{i}.00</span>'
        f'<form action="/cart"><input name="id" value="{i}"><label>Qty</label></form></li>'
        for i in range(4)
    )
    root = document_fromstring(f"<html><body><ul>{tiles}</ul></body></html>")
    drop_form_boxes(root)
    assert len(root.findall(".//li")) == 4
    assert not root.findall(".//form")
    assert "Drama box set 3" in root.text_content()


def test_a_short_post_keeps_its_text_beside_its_comment_form() -> None:
    html = (FIXTURES / "wp_short_post_comments.html").read_text(encoding="utf8")
    got = extract_article(html, "https://verticalbinge.blog/2025/03/10/reelshort-my-verdict/")
    assert got.is_article
    assert got.text.startswith("Three evenings, twelve dollars of coins.")
    assert got.text.endswith("Pay again? Only for a real ending.")
    assert "Leave a Reply" not in got.text and "will not be published" not in got.text


def test_a_sign_up_box_whose_field_has_no_form_is_dropped_with_its_lines() -> None:
    box = (
        "<div class='rounded-2xl p-6'><p>Sign up for our newsletter</p>"
        "<p>The money behind media, three times a week.</p>"
        "<input placeholder='Email'><button>Sign up</button></div>"
    )
    html = _page(_paragraphs(PARAGRAPHS[:3]) + box + _paragraphs(PARAGRAPHS[3:]))
    text = extract_article(html, "https://example.com/news/2025/new-rules").text
    assert "three times a week" not in text
    assert all(p in text for p in PARAGRAPHS)


def test_a_checkbox_outside_a_form_is_no_form() -> None:
    item = "<li><input type='checkbox' checked disabled> Review every series before launch</li>"
    html = _page(_paragraphs(PARAGRAPHS[:3]) + f"<ul>{item}</ul>" + _paragraphs(PARAGRAPHS[3:]))
    text = extract_article(html, "https://example.com/news/2025/new-rules").text
    assert "Review every series before launch" in text


def test_a_gated_report_box_goes_with_its_pitch_and_fine_print() -> None:
    """A report's download form in a box with its title, its pitch and the form's legal line
    beside it (about three lines of prose) is a widget after the article."""
    gated = """<div class="gated-download">
      <h3>Get the full report: The State of Short Drama Localization 2026</h3>
      <p>38 pages of benchmarks on turnaround, cost per minute and quality scores.</p>
      <form><label>First name*<input name="first"></label><label>Work email*<input></label>
      <label>Company*<input></label><button type="submit">Download now</button></form>
      <p class="legal">By submitting this form, you agree to receive marketing communications
      from us. You can unsubscribe at any time. See our Privacy Policy.</p></div>"""
    html = _page(_paragraphs(PARAGRAPHS) + gated)
    text = extract_article(html, "https://example.com/blog/short-drama-localization").text
    assert all(p in text for p in PARAGRAPHS)
    assert "38 pages of benchmarks" not in text
    assert "By submitting this form" not in text


def test_a_post_whose_lines_are_parted_by_breaks_stays_beside_a_comment_field() -> None:
    """A note's text in one span parted by <br> is prose: the box of a comment field beside it
    stops below the note, as it does beside <p> paragraphs."""
    note = "<br><br>".join(PARAGRAPHS[:3])
    box = (
        f"<div class='note'><div class='title'>New rules</div><span>{note}</span></div>"
        "<div class='bar'><span>1.2K</span><input placeholder='Say something...'></div>"
    )
    html = _page(f"<div class='container'>{box}</div>")
    root = document_fromstring(html)
    fields_as_forms(root)
    drop_form_boxes(root)
    assert all(p in root.text_content() for p in PARAGRAPHS[:3])
    assert "1.2K" not in root.text_content()


def test_a_search_field_beside_a_short_brief_never_takes_the_body() -> None:
    """A bare search field beside a brief of a few sentences never grows its box to the body."""
    brief = " ".join(PARAGRAPHS[:2])
    tools = "<div class='tools'><input placeholder='Search'><button>Go</button></div>"
    body = f"<div class='content'><p>{brief}</p></div>{tools}"
    root = document_fromstring(f"<html><body>{body}</body></html>")
    fields_as_forms(root)
    drop_form_boxes(root)
    assert brief in root.text_content()
    assert "Go" not in root.text_content()


def test_every_line_parted_by_breaks_is_read_once() -> None:
    lines = [f"Line {n} of the note says what the studio planned this year." for n in range(6)]
    root = document_fromstring(f"<html><body><div><br>{'<br>'.join(lines)}<br></div></body></html>")
    texts = [text for text, is_line in forms._paragraph_texts(root) if is_line]
    assert sorted(texts) == sorted(lines)
