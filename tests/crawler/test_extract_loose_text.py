"""Prose set loose after a box inside the article's container is read as a paragraph."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract import extract_article
from crawler.extract.loose_text import wrap_loose_runs

OPENING = (
    "Audio platform Example FM plans to spend Rs 200 crore on vertical micro-drama series over"
    " the next 18 months, its co-founder told <b>Example Tech</b> on Monday."
)
LATER = [
    "The company launched a micro-drama section in March and now releases 30 series a month.",
    "It will produce most series in-house at a new studio in Mumbai, the co-founder said.",
    "Rivals have also started micro-drama services this year, and Chinese apps dub theirs.",
]
SYNOPSIS = (
    "<div class='synopsis'><h2>Synopsis</h2><p>Example FM said short series now account for a"
    " third of its new subscriptions.</p></div>"
)


def test_a_long_run_after_a_box_of_paragraphs_becomes_a_paragraph() -> None:
    root = document_fromstring(
        f"<html><body><div>{SYNOPSIS}{OPENING}<br><br>Later.</div></body></html>"
    )
    wrap_loose_runs(root)
    box = root.find(".//div[@class='synopsis']")
    assert box.getnext().tag == "p"
    assert box.getnext().text_content() == OPENING.replace("<b>", "").replace("</b>", "")
    assert [el.tag for el in box.itersiblings()] == ["p", "br", "br", "p"]


def test_a_short_tail_or_a_tail_after_a_picture_stays_as_it_is() -> None:
    picture = "<div class='lead'><img src='a.jpg'></div>"
    html = f"<html><body><div>{SYNOPSIS}Short label.{picture}{OPENING}</div></body></html>"
    root = document_fromstring(html)
    wrap_loose_runs(root)
    assert len(root.findall(".//p")) == 1


def test_the_opening_after_a_synopsis_box_is_in_the_text() -> None:
    body = f"{SYNOPSIS}{OPENING}<br><br>" + "<br><br>".join(LATER)
    head = "<head><title>Example FM bets on micro-dramas</title></head>"
    title = "<h1>Example FM bets on micro-dramas</h1>"
    html = f"<html>{head}<body>{title}<div class='artText'>{body}</div></body></html>"
    text = extract_article(html, "https://news.example/tech/example-fm-micro-dramas/123.cms").text
    assert "plans to spend Rs 200 crore on vertical micro-drama series" in text
    assert LATER[-1] in text


def test_inline_code_quotes_and_single_breaks_stay_inside_their_run() -> None:
    run = (
        "The studio moved its editing to the <code>render()</code> pipeline, said the <q>chief"
        "</q> of its post-production team,<br>and the cuts now take a day rather than a week."
    )
    root = document_fromstring(
        f"<html><body><div>{SYNOPSIS}{OPENING} {run}<br><br>Later.</div></body></html>"
    )
    wrap_loose_runs(root)
    paragraphs = [" ".join(p.text_content().split()) for p in root.iter("p")]
    assert any(
        "The studio moved its editing to the render() pipeline, said the chief of its"
        " post-production team,and the cuts now take a day rather than a week." in paragraph
        for paragraph in paragraphs
    )
