"""The element showing a metadata title in no heading anchors the byline below it."""

from __future__ import annotations

from datetime import date

from crawler.extract import extract_article

PROSE = (
    "<p>I did the puzzles again this year and had a really good time, spoilers below.</p>"
    "<p>Carrying on from last week, I will talk about each day and my solutions to it.</p>"
) * 3


def test_a_title_shown_in_a_legend_dates_the_post_by_the_line_below() -> None:
    html = (
        '<html><head><meta property="og:title" content="Advent of Code 2025 week 2">'
        "<title>A Blog: Advent of Code 2025 week 2</title></head><body>"
        '<h1><a href="/">A Blog</a></h1><fieldset><legend>Advent of Code 2025 week 2</legend>'
        f'20 December 2025<div class="body">{PROSE}</div></fieldset>'
        '<div class="side"><p>Comments on 21 December 2025 at 10:02</p></div></body></html>'
    )
    found = extract_article(html, "https://blog.example/archive/advent-week-2.html")
    assert found.title == "Advent of Code 2025 week 2"
    assert found.published_at is not None
    assert found.published_at.date() == date(2025, 12, 20)
