"""Custom elements read as ``<span>``: their text reaches the main text."""

from __future__ import annotations

from crawler.extract import extract_article

_PROSE = "".join(
    f"<p>Paragraph {n} of the page is long enough to read as the text of an article here.</p>"
    for n in range(3)
)


def test_the_first_lines_of_a_custom_element_are_kept() -> None:
    description = (
        "<yt-attributed-string><span>We spent nine days on the set of a vertical drama in "
        "Los Angeles, from the first table read to the final wrap.</span><br><br><span>You will "
        "meet the director who shoots fourteen pages a day.</span></yt-attributed-string>"
    )
    html = f"<html><body><main><h1>A documentary</h1>{_PROSE}<div>{description}</div></main>"
    text = extract_article(html + "</body></html>", "https://video.example/watch?v=1").text
    assert "We spent nine days on the set of a vertical drama" in text


def test_a_custom_element_named_as_chrome_is_read_by_its_name() -> None:
    footer = (
        "<site-footer><span>Example News is published by Example Media Group from its offices on"
        " Harbour Street, with bureaus in three cities and a staff of forty reporters."
        "</span></site-footer>"
    )
    html = f"<html><body><main><h1>A report</h1>{_PROSE}<div>{footer}</div></main>"
    text = extract_article(html + "</body></html>", "https://news.example/2026/report").text
    assert "Paragraph 1 of the page" in text
    assert "Harbour Street" not in text
