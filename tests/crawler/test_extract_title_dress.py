"""A heading that only dresses the metadata title: a short label before it, capitals, question
marks for characters the metadata states, a lower-case first letter, spaces for hyphens, and a
kicker, source link or comment count in elements of their own; text the heading writes around
the title, and a link home inside it, stay."""

from __future__ import annotations

from crawler.extract import extract_article

PROSE = (
    "The regulator published new rules for short dramas on Monday. Platforms must review every "
    "series before it goes online. The rules take effect next month."
)
META = "New Rules for Short Dramas Explained"
HEAD = f'<meta property="og:title" content="{META}"><title>{META} | Example News</title>'
URL = "https://news.example.com/a/1234567"


def _title(heading: str, head: str = HEAD) -> str | None:
    html = (
        f'<html lang="en"><head>{head}</head><body><h1>{heading}</h1><p>{PROSE}</p></body></html>'
    )
    return extract_article(html, URL).title


def test_a_short_label_before_the_metadata_title_is_dropped() -> None:
    assert _title(f"Explainer: {META}") == META
    assert _title(f"Opinion | {META}") == META
    assert _title(f"<span>Analysis</span> – {META}") == META


def test_a_long_lead_or_one_the_metadata_title_states_is_kept() -> None:
    lead = "What every viewer of the platforms needs to know"
    assert _title(f"{lead}: {META}") == f"{lead}: {META}"
    stated = f"Explainer: {META}"
    head = f'<meta property="og:title" content="{stated}">'
    assert _title(stated, head) == stated


def test_a_label_that_another_metadata_title_keeps_is_the_headlines_own() -> None:
    stated = f"Study: {META}"
    head = f'<meta property="og:title" content="{META}"><title>{stated} | Example News</title>'
    assert _title(stated, head) == stated


def test_a_heading_in_capitals_takes_the_metadata_titles_case() -> None:
    assert _title(META.upper()) == META


def test_capitals_the_metadata_title_shares_are_kept() -> None:
    head = f'<meta property="og:title" content="{META.upper()}">'
    assert _title(META.upper(), head) == META.upper()


def test_question_marks_for_characters_the_metadata_title_states_give_way_to_it() -> None:
    meta = "Event Planning: A Beginner's Guide"
    head = f'<meta property="og:title" content="{meta}">'
    assert _title("Event Planning? A Beginner? Guide", head) == meta


def test_question_marks_the_metadata_title_states_too_are_kept() -> None:
    meta = "Who Pays for Short Dramas? Nobody Knows"
    head = f'<meta property="og:title" content="{meta} | Example News">'
    assert _title(meta, head) == meta
    assert _title("Who Pays for Short Dramas? Nobody Knows Yet", head) == (
        "Who Pays for Short Dramas? Nobody Knows Yet"
    )


def test_a_heading_set_from_a_lower_case_letter_takes_the_metadata_titles_capital() -> None:
    head = "<title>History of short dramas | Origins, Platforms, Rules | Example</title>"
    assert _title("history of short dramas", head) == "History of short dramas"
    assert _title("iPhone apps for short dramas", head) == "iPhone apps for short dramas"


def test_a_heading_spacing_hyphenated_words_takes_the_metadata_titles_hyphens() -> None:
    meta = "Remote Full-Stack Drama Jobs"
    head = f'<meta property="og:title" content="{meta}">'
    assert _title("Remote Full Stack Drama Jobs", head) == meta
    assert _title("Remote Full Stack Jobs", head) == "Remote Full Stack Jobs"


def test_a_kicker_or_a_source_and_count_in_elements_of_their_own_are_dropped() -> None:
    kicker = f'<div class="kicker">Get that tech stack</div>\n<span>{META}</span>'
    assert _title(kicker) == META
    source = (
        f'<span class="story-title"><a href="/a/1234567">{META}</a> '
        '<span><a href="https://other.example.org/x">(other.example.org)</a></span></span> '
        '<span class="comment-bubble"><a href="/a/1234567#comments">87</a></span>'
    )
    assert _title(source) == META


def test_text_the_heading_writes_around_the_metadata_title_is_kept() -> None:
    assert _title(f"Results for “<span>{META}</span>”") == f"Results for “{META}”"
    assert _title(f"<span>{META}</span> and what comes next") == f"{META} and what comes next"


def test_a_home_link_inside_the_heading_is_never_the_title() -> None:
    head = '<title>Acme</title><meta property="og:site_name" content="Example News">'
    heading = '<a href="/">Acme</a> <span>Council approves the new city budget</span>'
    assert _title(heading, head) == "Acme Council approves the new city budget"


def test_a_headings_permalink_mark_is_no_part_of_the_title() -> None:
    heading = 'Scoring hook strength<a class="headerlink" href="#scoring" title="Link">¶</a>'
    head = "<title>Scoring hook strength &mdash; hookmeter 0.9.2 documentation</title>"
    assert _title(heading, head) == "Scoring hook strength"


def test_a_bold_line_showing_the_title_after_the_sites_name_is_the_title() -> None:
    html = (
        "<html><head><title>Harold's Film Page - Why I Am Making a Serial at 71</title></head>"
        "<body><center><font size=5><b>Harold's Film Page</b></font></center>"
        "<center><font size=4><b>Why I Am Making a Serial at 71</b></font></center>"
        f"<p>{PROSE}</p></body></html>"
    )
    assert extract_article(html, "http://harold.example/serial.html").title == (
        "Why I Am Making a Serial at 71"
    )
