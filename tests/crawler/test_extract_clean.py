"""The paragraph post-clean: chrome lines around an article and copies of the layout go."""

from __future__ import annotations

import pytest

from crawler.extract.chrome import clean_paragraphs

BODY = [
    "The regulator published new rules for short dramas on Monday morning, officials said.",
    "Platforms must review every series before it goes online, the notice says, or face a fine.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Table of Contents",
        "In this article",
        "Jump to the list ⤵",
        "- 11 min read",
        "Reading time: 4 minutes",
        "Written by Jane Doe",
        "Reviewed by Dr. John Smith",
        "Join Our Genius Newsletter",
        "Get the best of Example Weekly delivered to your inbox every Friday",
        "Products are chosen independently by our editors. Purchases made through our links may"
        " earn us a commission.",
        "As an Amazon Associate we earn from qualifying purchases.",
    ],
)
def test_chrome_lines_around_the_body_are_dropped(line: str) -> None:
    assert clean_paragraphs([line, *BODY, line], None) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The contents of the notice were written by the regulator's legal department last year.",
        "Written by hand, the letter reached the ministry two weeks before the rules were set.",
        "The newsletter industry has grown fast, and platforms earn commissions on subscriptions.",
    ],
)
def test_prose_that_mentions_those_words_stays(line: str) -> None:
    assert clean_paragraphs([*BODY, line], None) == [*BODY, line]


def test_a_second_copy_of_a_prose_paragraph_goes_but_a_short_refrain_stays() -> None:
    refrain = "Read the notice."
    paras = [BODY[0], refrain, BODY[1], BODY[0].upper(), refrain]
    assert clean_paragraphs(paras, None) == [BODY[0], refrain, BODY[1], refrain]
