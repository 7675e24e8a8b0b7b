"""Date stamps: a line above the text stating when the article was posted or updated is the
page's metadata; a sentence holding a date, or a line announcing what follows, stays."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.stamps import drop_stamps, is_stamp

PARAGRAPHS = [
    "The regulator published new rules for short dramas on Monday, officials said in Beijing.",
    "Platforms must review every series before it goes online, the notice says, or face fines.",
    "Studios that miss the deadline lose their licence for a year, according to the document.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Jun 08, 2023 • 11 Minute Read",
        "Last updated on September 16th, 2023 at 09:27 am",
        "Posted on December 18, 2025 Posted by John Scalzi",
        "December 15, 2025 // 8 min read",
        "19/12/2025",
        "[Submitted on 18 Dec 2025]",
        "March 20, 2025 08:00 ET | Source: Example Research",
        "20 Mar, 2025, 08:30 GMT",
        "09.10.2024",
        "2025年3月10日 08:30",
        "3 min read · 2 days ago",
        "Posted 5 hours ago",
        "2小时前",
    ],
)
def test_a_posting_date_is_a_stamp(line: str) -> None:
    assert is_stamp(line)


@pytest.mark.parametrize(
    "line",
    [
        "Effective beginning 6/2/2025:",
        "The rules take effect on March 1, 2025 across the country.",
        "By Chris McNamara ⋅ Founder and Editor-in-Chief ⋅ Updated May 6, 2025",
        "Viewing time doubled in a year.",
        "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）",
    ],
)
def test_a_sentence_or_a_list_label_is_no_stamp(line: str) -> None:
    assert not is_stamp(line)


@pytest.mark.parametrize(
    "line",
    [
        "Written by",
        "Last updated on:",
        "PUBLISHED",
        "Posted On",
        "Estimated reading time:",
        "4 minutes",
        "min read",
        "By Jane Doe",
        "by A. J. Neal",
        "By Jane Doe · · 24 min read",
        "By Jane Doe | Updated",
    ],
)
def test_a_byline_label_without_a_date_is_a_stamp(line: str) -> None:
    assert is_stamp(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Car",
        "By The Numbers",
        "By the numbers",
        "Jane Doe",
        "Updated rules",
        "By Jane Doe · Rome",
    ],
)
def test_a_heading_or_a_bare_name_is_no_label(line: str) -> None:
    assert not is_stamp(line)


def test_a_byline_block_above_the_article_is_left_out_of_the_text() -> None:
    labels = ["By Jane Doe", "Estimated reading time:", "4 minutes"]
    body = "".join(f"<p>{p}</p>" for p in [*labels, *PARAGRAPHS])
    html = (
        f"<html><head><title>New rules</title></head><body><article>{body}</article></body></html>"
    )
    text = extract_article(html, "https://example.com/news/rules").text
    assert not [label for label in labels if label in text]
    assert text.startswith(PARAGRAPHS[0])


def test_stamps_go_from_the_opening_only_and_never_every_paragraph() -> None:
    paras = ["Jun 08, 2023", *PARAGRAPHS, "Jun 08, 2023", "May 1, 2024"]
    assert drop_stamps(paras) == [*PARAGRAPHS, "Jun 08, 2023", "May 1, 2024"]
    assert drop_stamps(["Jun 08, 2023"]) == ["Jun 08, 2023"]


def test_a_stamp_above_the_article_is_left_out_of_the_text() -> None:
    body = "<p>Jun 08, 2023 • 11 Minute Read</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f"<html><head><title>New rules</title></head><body><article>{body}</article></body></html>"
    )
    text = extract_article(html, "https://example.com/news/rules").text
    assert "Minute Read" not in text
    assert PARAGRAPHS[0] in text
