"""A box asking the reader to act goes from mid-text; a box with prose of its own stays."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract.prompt_boxes import drop_prompt_boxes

BEFORE = "<p>Viewers will be able to unlock episodes individually with coins, she said.</p>"
AFTER = "<p>The chief executive told the summit that the reliance on coin packs was fading.</p>"
APPEAL = (
    "<div class='epic'><h3>Support the Courier</h3><p>We're funded by readers. Support us from"
    " as little as £1 – it only takes a minute. Thank you.</p><a href='/support'>Support us</a>"
    "</div>"
)


def _text(body: str) -> str:
    root = document_fromstring(f"<html><body><article>{body}</article></body></html>")
    drop_prompt_boxes(root)
    return " ".join(root.text_content().split())


def test_an_appeal_box_between_two_paragraphs_goes() -> None:
    text = _text(f"{BEFORE}{APPEAL}{AFTER}")
    assert "funded by readers" not in text
    assert "Support us" not in text
    assert "unlock episodes" in text
    assert "coin packs was fading" in text


def test_a_box_with_prose_beside_the_prompt_stays() -> None:
    prose = (
        "<p>The appeal raised more than £2m from readers in its first month, the paper said.</p>"
    )
    box = APPEAL.replace("</h3>", f"</h3>{prose}")
    assert "funded by readers" in _text(f"{BEFORE}{box}{AFTER}")


def test_a_prompt_like_line_alone_in_its_box_stays() -> None:
    strap = (
        "<div class='copy'><p>Learn how to make a good game and share it with the world.</p></div>"
    )
    assert "share it with the world" in _text(f"{strap}{BEFORE}{AFTER}")


def test_a_paywall_box_is_left_to_the_paywall_rule() -> None:
    paywall = (
        "<div class='wall'><h3>To read the full story, subscribe now</h3>"
        "<p>Subscribe to read this article</p><a href='/subscribe'>Subscribe</a></div>"
    )
    assert "Subscribe to read this article" in _text(f"{BEFORE}{paywall}")


def test_a_card_of_a_heading_a_paragraph_and_a_short_link_goes() -> None:
    card = (
        "<div class='callout'><h4>Example+ Research</h4><p>What marketers plan to spend on"
        " creator video in 2027. Members get the full report.</p>"
        "<a href='/research'>Read the research</a></div>"
    )
    text = _text(f"{BEFORE}{card}{AFTER}")
    assert "What marketers plan" not in text
    assert "unlock episodes" in text and "coin packs was fading" in text


def test_a_card_whose_link_is_prose_or_missing_stays() -> None:
    prose = "<p>Studios said the rules would raise costs for the smallest producers.</p>"
    long_link = "<a href='/s'>Read how the smallest studios plan to meet the new review rules</a>"
    for box in (f"<h4>Costs</h4>{prose}{long_link}", f"<h4>Costs</h4>{prose}"):
        assert "raise costs" in _text(f"{BEFORE}<div class='note'>{box}</div>{AFTER}")
