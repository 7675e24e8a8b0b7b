"""The address's words choose between a heading and metadata titles that disagree."""

from __future__ import annotations

from crawler.extract.title_slug import slug_choice, slug_closer

_URL = "https://example.com/blog/how-to-start-an-llc/"


def test_a_metadata_title_the_address_names_wins_over_the_heading() -> None:
    titles = ["How to Start an LLC", "Form your LLC today"]
    assert slug_choice("Open a business fast", titles, _URL) == "How to Start an LLC"


def test_a_heading_a_metadata_title_states_as_it_is_stays() -> None:
    assert slug_choice("Form your LLC today", ["Form your LLC today", "How to"], _URL) is None


def test_an_address_without_words_settles_nothing() -> None:
    assert slug_choice("A heading", ["Another title"], "https://example.com/") is None


def test_the_closer_title_must_share_clearly_more_words() -> None:
    titles = ["Start an LLC in a week", "How to Start an LLC"]
    assert slug_closer(titles[0], titles, _URL) == "How to Start an LLC"
    assert slug_closer("How to start an LLC", titles, _URL) is None
