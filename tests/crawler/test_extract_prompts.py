"""Closing prompts: a short line thanking the reader or asking them to follow, share or sign up
goes from the end of the text; the same words inside the article, or in its prose, stay."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.prompts import drop_closing_prompts, is_prompt

PARAGRAPHS = [
    "The regulator published new rules for short dramas on Monday, officials said in Beijing.",
    "Platforms must review every series before it goes online, the notice says, or face fines.",
    "Studios that miss the deadline lose their licence for a year, according to the document.",
    "Producers said the rules would raise costs, though most expect to comply within months.",
    "The rules take effect in March, and the regulator will publish a list of approved series.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Thanks for visiting!",
        "Want more drama news? Follow me on Pinterest to see what I'm pinning.",
        "If you enjoyed my article, please feel free to share it.",
        "Sign up for our weekly briefing on the industry.",
        "Support the show",
        "Subscribe wherever you get your podcasts.",
        "This story was originally featured on Example.com",
        "Subscribe to read this article",
        "Catch all the Industry News on Example. Download The Example News App for updates.",
        "This story is funded by readers like you",
        "Support us from as little as £1 – it only takes a minute.",
        "Example News is now on WhatsApp! Join our channel for the latest updates. Click here",
        "(Catch all the Business News, Breaking News Events and Latest News Updates on Example.)",
        "Get expert opinions on Example or download the Example App to stay updated!",
        "Read more news like this on Example.com",
        "Get the latest news and updates on Example Studios, Short Dramas and more.",
        "Sign up to read this article",
        "Log in to read the rest of this story",
        "Found a bug? Tell us",
        "Spotted a mistake? Let us know.",
    ],
)
def test_a_reader_prompt_is_a_prompt(line: str) -> None:
    assert is_prompt(line)


def test_prompts_go_only_from_the_end_of_the_text() -> None:
    prompt = "Thanks for reading!"
    paras = [PARAGRAPHS[0], prompt, *PARAGRAPHS[1:], prompt]
    assert drop_closing_prompts(paras) == [PARAGRAPHS[0], prompt, *PARAGRAPHS[1:]]
    assert drop_closing_prompts([prompt]) == [prompt]


@pytest.mark.parametrize(
    "line",
    [
        "The article was originally published in April 2020 and was updated in April 2024.",
        "This story was originally published in March.",
        "Viewers can download the app for free on iOS and Android from Monday.",
        "“Our fans support us with every episode they unlock,” the studio's founder said.",
        "Fans joined the studio's channel on the app within hours of the first episode.",
        "Catch-up viewing of the news channel fell in October, the regulator said.",
        "Read the news release on the regulator's site for the full list of approved series.",
        "Get ready for more good news on Friday, when the Fed is expected to cut rates.",
        "Read more news on Friday, when the Fed is expected to cut rates.",
        "Why does it matter? Tell us what you think the platforms want, the producer asked.",
        "Asked whether the deal was done? Contact us again next week, the spokesperson said.",
        "Ready to make the right choice? Contact us today for a free consultation.",
    ],
)
def test_a_note_on_when_the_article_first_ran_is_no_prompt(line: str) -> None:
    assert not is_prompt(line)


def test_long_prose_naming_a_platform_stays() -> None:
    prose = (
        "Viewers who follow us on the platform have asked why the rules arrived now; the answer,"
        " officials said, lies in a year of complaints about series that were never reviewed and"
        " that drew millions of views before anyone in the ministry had watched a single episode."
    )
    assert not is_prompt(prose)


def test_a_closing_prompt_is_left_out_of_the_text() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body += "<p>If you enjoyed this story, share it with a friend who loves short dramas!</p>"
    head = "<head><title>New rules</title></head>"
    html = f"<html>{head}<body><article>{body}</article></body></html>"
    text = extract_article(html, "https://example.com/news/rules").text
    assert "share it with" not in text
    assert PARAGRAPHS[-1] in text


PAYWALL_PAGE = """<html lang="en"><head><title>DramaBox Owner Turns a Profit - Example Trade</title>
<meta property="article:published_time" content="2025-03-20T06:00:00Z"></head><body>
<div class="wrap"><h1>DramaBox Owner Turns a Profit</h1>
<div class="body"><p>The company behind DramaBox posted its first quarterly profit, according to
figures shared with investors this week.</p>
<p>Revenue rose sharply as the app expanded in North America, the company said.</p></div>
<div class="box2"><h3>Subscribe to continue reading</h3>
<p>Get unlimited access to Example Trade for just $1 a week. Already a subscriber? Log in</p>
<a href="/subscribe">Subscribe now</a> <a href="/login">Sign in</a></div>
</div></body></html>"""


def test_a_paywall_teaser_goes_with_its_buttons() -> None:
    got = extract_article(PAYWALL_PAGE, "https://www.example-trade.com/2025/03/20/dramabox-profit/")
    assert got.text.endswith("expanded in North America, the company said.")
    assert "Subscribe" not in got.text and "subscriber" not in got.text


def test_buttons_go_only_after_a_prompt() -> None:
    wall = "Become a member to read the full story and unlock all our coverage."
    assert drop_closing_prompts([*PARAGRAPHS, wall, "Subscribe", "Sign in"]) == PARAGRAPHS
    assert drop_closing_prompts([*PARAGRAPHS, "Subscribe"]) == [*PARAGRAPHS, "Subscribe"]


def test_a_paywall_prompt_ends_the_text_with_the_short_lines_after_it() -> None:
    """A paywall's prompt before the text's last few paragraphs goes, with its buttons and fine
    print after it, however many."""
    paywall = [
        "To read the full story, subscribe now",
        "Subscribe to read this article",
        "Subscribe",
        "Already a subscriber? Log in",
        "Example Review, now known as Example Asia, is the voice of the region.",
    ]
    assert drop_closing_prompts([*PARAGRAPHS, *paywall]) == PARAGRAPHS


def test_prose_after_a_paywall_prompt_stays() -> None:
    """A prompt followed by prose is no paywall ending the text: the prose stays."""
    prompt = "To read the full story, subscribe now"
    long = " ".join(PARAGRAPHS[2:5])
    paras = [*PARAGRAPHS[:2], prompt, long, "Subscribe", "Sign in", "Log out", "Help"]
    assert long in drop_closing_prompts(paras)


def test_a_sign_up_wall_ends_the_text_with_its_offer_and_buttons() -> None:
    wall = [
        "Sign up to read this article",
        "Get full access to Example Asia for just $0.99 for the first month. Cancel anytime.",
        "Subscribe now",
        "Already have an account? Log in",
        "- Unlimited access to all articles",
    ]
    assert drop_closing_prompts([*PARAGRAPHS, *wall]) == PARAGRAPHS
