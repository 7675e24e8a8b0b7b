"""How a heading agrees with a metadata title: a prefix most, a part less, else shared words."""

from __future__ import annotations

from crawler.extract.title_agreement import PREFIX_AGREEMENT, agreement

HEADING = "Drama app opens a studio in Manila"


def test_a_title_starting_with_the_heading_agrees_most() -> None:
    assert agreement(HEADING, f"{HEADING} | Daily Report") >= PREFIX_AGREEMENT
    held = agreement(HEADING, f"Daily Report: {HEADING}")
    assert 1 <= held < PREFIX_AGREEMENT


def test_a_reworded_title_agrees_by_the_words_they_share() -> None:
    assert 0 < agreement(HEADING, "Manila studio opened by drama app") < 1
    assert agreement(HEADING, "") == 0.0


def test_a_section_name_held_in_the_title_only_shares_words() -> None:
    assert agreement("News", f"{HEADING} - News") < 1
    assert agreement("横店", "横店影视城微短剧拍摄量创新高") < 1
