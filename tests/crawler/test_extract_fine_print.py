"""Closing fine print: a publisher's or a wire's disclaimer, the publisher's investment
disclaimer, a note on how the text was made, a one-line bio and a reporter's address go from the
text's last paragraphs; the writer's own disclosure and the story's prose stay."""

from __future__ import annotations

import pytest

from crawler.extract.fine_print import drop_fine_print, is_fine_print

STORY = [
    "Shares of short-drama producers fell on Monday after the regulator issued new rules.",
    "Platforms must cap spending by users under 16 at 50 yuan a month, the rules say.",
    "Analysts said the direct revenue impact would be small for the largest companies.",
]


@pytest.mark.parametrize(
    "line",
    [
        "The article reflects the author's opinions, and not necessarily the views of Example.",
        "Views expressed here do not necessarily reflect the views of Example News.",
        "The issuer is solely responsible for the content of this announcement.",
        "Example's Disclosure: Past performance is no guarantee of future results.",
        "Example Wealth, LLC is a Registered Investment Adviser. Past performance is no guarantee"
        " of future returns.",
        "This article was generated with the support of AI and reviewed by an editor.",
        "This article is a transcript of this conference call produced for Example Media.",
        "The author is a professor at Example University. opinions@example.com",
        "The writer is a senior fellow at the Example Institute.",
        "Write to Jane Doe at jane.doe@example.com",
        "Forward-Looking Statements",
        "Cautionary Note Regarding Forward-Looking Statements",
        "Safe Harbor Statement",
        "This press release contains forward-looking statements within the meaning of the Private"
        " Securities Litigation Reform Act of 1995. We undertake no obligation to update them.",
    ],
)
def test_closing_fine_print_goes(line: str) -> None:
    assert is_fine_print(line)
    assert drop_fine_print([*STORY, line]) == STORY


@pytest.mark.parametrize(
    "line",
    [
        "Disclosure: I own none of these shares today and have no plans to buy any.",
        "The author of the rules, a former studio executive, declined to comment.",
        "Investors should write to the company before the meeting, the notice said.",
        "Analysts said the forward-looking statements in the release were cautious.",
    ],
)
def test_the_writers_own_words_stay(line: str) -> None:
    assert not is_fine_print(line)
    assert drop_fine_print([*STORY, line]) == [*STORY, line]


def test_fine_print_early_in_the_text_stays() -> None:
    line = "The author is a former producer who worked on forty vertical series."
    paras = [line, *STORY, *STORY]
    assert drop_fine_print(paras) == paras


def test_never_all_of_the_text() -> None:
    line = "The issuer is solely responsible for the content of this announcement."
    assert drop_fine_print([line]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The author is a gifted storyteller, and the novel's last chapters show it.",
        "The ministry said the post did not necessarily reflect the position of the government.",
        "As any adviser will tell you, past performance is no guarantee of future returns.",
        "The platform argued it was not solely responsible for the content its users post.",
        "The writers are the first to admit the plan has flaws.",
        "The author is a former executive at Example Studios who left the company in 2019 after"
        " a dispute over the direction of its vertical series, and has since written three books"
        " on the business of short dramas for readers in Asia and Europe.",
    ],
)
def test_prose_closing_the_article_stays(line: str) -> None:
    assert not is_fine_print(line)
    assert drop_fine_print([*STORY, line]) == [*STORY, line]


def test_a_disclaimer_label_may_head_the_fine_print() -> None:
    line = "Disclaimer: The views in this article do not necessarily reflect the views of Example."
    assert drop_fine_print([*STORY, line]) == STORY
