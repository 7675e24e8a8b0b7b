"""Layer names a site builder writes in a data attribute (Framer's ``data-framer-name``) are read
as class names: a layer named "CTA" or "Footer" is chrome whatever its hashed classes."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract import extract_article
from crawler.extract.layer_names import names_as_classes

PARAGRAPHS = [
    "Today we are announcing a seed round to build the storefront for independent short dramas.",
    "Studios set their own prices, keep most of what they earn and own their viewer relationships.",
    "More than sixty studios have published series with us since the beta opened in the spring.",
]


def _framer_page(layer: str) -> str:
    body = "".join(f"<p class='framer-text'>{p}</p>" for p in PARAGRAPHS)
    cta = (
        f"<div class='framer-7w8e9r0' data-framer-name='{layer}'>"
        "<h3 class='framer-text'>Storyboards for the vertical frame.</h3>"
        "<p class='framer-text'>Join 1,200 directors on the waitlist.</p></div>"
    )
    return (
        "<html><head><title>Seed round</title></head><body><div class='framer-Kx8pQ'>"
        f"<div class='framer-3n4m5q6'>{body}</div>{cta}</div></body></html>"
    )


def test_a_layer_named_as_chrome_leaves_the_text() -> None:
    text = extract_article(_framer_page("CTA"), "https://clipnest.example/news/seed").text
    assert all(p in text for p in PARAGRAPHS)
    assert "Join 1,200 directors" not in text


def test_the_layer_name_joins_the_classes() -> None:
    html = _framer_page("Call to action")
    root = document_fromstring(html)
    names_as_classes(root, html)
    layer = root.find(".//div[@data-framer-name]")
    assert layer is not None
    assert layer.get("class") == "framer-7w8e9r0 Call to action"
