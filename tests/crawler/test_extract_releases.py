"""A newswire release's closing furniture: its contact blocks, the wire's "SOURCE ..." and
"View original content ..." notes and its "###" end mark go; the issuer's "About ..."
boilerplate stays, and so does a contact line on a page that is no release."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract import extract_article
from crawler.extract.releases import drop_release_tail

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
RELEASES = [
    (
        "wire_prnewswire.html",
        "https://www.prnewswire.com/news-releases/reelshort-surpasses-50-million-302405123.html",
        "Its apps, including ReelShort and Chapters, reach millions of users around the world.",
    ),
    (
        "wire_globenewswire.html",
        "https://www.globenewswire.com/news-release/2025/03/20/3046612/0/en/storymatrix.html",
        "available in more than 40 countries.",
    ),
    (
        "wire_businesswire.html",
        "https://www.businesswire.com/news/home/20250320005123/en/",
        "GoodShort is a short-drama streaming service with more than 20 million downloads.",
    ),
]
FURNITURE = ("Contact", "press@", "ir@", "SOURCE", "View original", "###", "408-555")


@pytest.mark.parametrize(("fixture", "url", "ending"), RELEASES)
def test_a_release_ends_with_its_boilerplate(fixture: str, url: str, ending: str) -> None:
    text = extract_article((FIXTURES / fixture).read_text(encoding="utf8"), url).text
    assert text.endswith(ending)
    assert "\n\nAbout " in text
    assert not any(word in text for word in FURNITURE)


def test_contact_lines_stay_on_a_page_that_is_no_release() -> None:
    paras = [
        "Reading tutors across the state are helping students catch up, local papers report.",
        "Media Inquiries:",
        "Contact:\nSuzanne Example suzanne@example.org\n952-555-4724",
    ]
    assert drop_release_tail(paras) == paras


def test_a_lone_contact_label_goes_with_its_detail_lines() -> None:
    paras = [
        "NEW YORK, March 20, 2025 /PRNewswire/ -- Example Studio today announced a new slate.",
        "About Example Studio",
        "Example Studio makes vertical series for phones.",
        "Media Contact:",
        "Jane Doe",
        "press@example.com",
    ]
    assert drop_release_tail(paras) == paras[:3]


def test_a_release_under_a_city_dateline_loses_its_media_contact() -> None:
    paras = [
        "Proposed rule would require apps to show the full price of a series",
        "WASHINGTON — The commission today proposed a rule on the price of episodes.",
        "The public will have 60 days to comment.",
        "Media Contact",
        "Office of Public Affairs\nJane Doe press@example.gov\n202-555-0143",
    ]
    assert drop_release_tail(paras) == paras[:3]


def test_an_about_heading_with_an_abbreviated_legal_form_marks_a_release() -> None:
    paras = [
        "SAN MATEO, Calif., Nov. 5, 2026 - Example Holdings reported its results today.",
        "Revenue grew by a third, the company said.",
        "About Example Holdings, Inc.",
        "Example Holdings, Inc. makes vertical series for phones.",
        "Investor Contact\nJane Doe ir@example.com",
    ]
    assert drop_release_tail(paras) == paras[:4]


def test_access_newswire_notes_and_a_contact_information_block_go() -> None:
    """ "View the original press release on ...", "SOURCE: ..." and a "Contact Information"
    or "Contact Data" label go from a release like the other wires' notes."""
    paras = [
        "MANILA, PH / ACCESS Newswire / September 22, 2026 / Example TV opened a studio.",
        "About Example TV",
        "Example TV makes vertical series for phones.",
        "Contact Data",
        "Media: press@example.com",
        "Contact Information\nMaria Santos\nmedia@example.com",
        "SOURCE: Example TV",
        "View the original press release on ACCESS Newswire",
    ]
    assert drop_release_tail(paras) == paras[:3]


@pytest.mark.parametrize("mark", ["(END)", "###", "-30-", "NNNN"])
def test_an_end_mark_closing_any_page_goes(mark: str) -> None:
    """A news agency's closing "(END)" goes from a story that is no release."""
    paras = ["SEOUL, Nov. 19 (Yonhap) -- A webtoon platform said it will make 100 dramas.", mark]
    assert drop_release_tail(paras) == paras[:1]


def test_the_lines_after_an_end_mark_go_from_any_page() -> None:
    """An agency's release (no wire named, no "About ...") ends at its "###": its media line and
    its notice that the release is unofficial go; a story's own closing paragraphs stay."""
    paras = [
        "WASHINGTON, November 24, 2026 - The Commission today proposed a fine against an app.",
        "The proposed fine is not a final Commission action.",
        "###",
        "Media Relations: (202) 418-0500 / ASL: (844) 432-2275 / www.example.gov/media",
        "This is an unofficial announcement of Commission action.",
    ]
    assert drop_release_tail(paras) == paras[:2]
    story = [*paras[:2], "The company has 30 days to respond.", "It has not yet commented."]
    assert drop_release_tail(story) == story


def test_a_columns_section_break_keeps_the_prose_after_it() -> None:
    """In a column "###" parts its sections: the prose after it is the column's own."""
    body = "The studio's slate of vertical series grew again this year, and its rivals followed."
    paras = [
        f"{body} Most of them film in a week.",
        f"{body} None of them has a hit yet.",
        "###",
        "A postscript to this column: several readers wrote in to ask how the studios pay their"
        " actors, and the short answer is by the day, at rates that have barely moved since the"
        " first series went online.",
        "Second postscript: the regulator's new rules, which take effect next month, say nothing"
        " about pay, although the studios expect them to raise the cost of every series.",
    ]
    assert drop_release_tail(paras) == paras


def test_a_credits_line_after_an_end_mark_goes() -> None:
    body = "The studio's slate of vertical series grew again this year, and its rivals followed."
    credits = "Photo Sources: " + ", ".join(f"photographer{n}: Studio set {n}" for n in range(12))
    paras = [body, body, "###", credits]
    assert drop_release_tail(paras) == paras[:2]
