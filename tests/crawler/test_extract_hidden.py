"""Tests for crawler.extract.hidden: what the page hides from its reader is not the article."""

from __future__ import annotations

from crawler.extract import extract_article

URL = "https://www.example-fitness.com/blog/how-to-build-your-own-workout-routine/"
PARAGRAPHS = [
    f"<p>Step {n}: a workout should be built around your goals, your free time and the "
    f"equipment you have, and this step shows how to weigh them ({n}).</p>"
    for n in range(1, 7)
]
FOOTNOTES = """<div id="footnote-list" style="display:none;"><span>Footnotes</span>
<ol>
<li>American College of Sports Medicine. Guidelines for Exercise Testing and Prescription.</li>
<li>Read, "Effect of short moderate intensity exercise bouts on cardiovascular function."</li>
</ol></div>"""
ANSWER = """<p>Which exercises suit you best?</p>
<div id="faq-1-answer" class="faq-answer accordion-body" style="display: none;">
<p>Compound lifts such as squats and rows train several muscles at once and save time.</p>
</div>"""
PAGE = """<html><head><title>How to Build Your Own Workout Routine</title></head><body>
<article><h1>How to Build Your Own Workout Routine</h1>
<div class="entry-content">
{body}
</div></article></body></html>"""


def test_hidden_footnote_list_is_not_text() -> None:
    body = "\n".join([*PARAGRAPHS[:4], FOOTNOTES, *PARAGRAPHS[4:]])
    text = extract_article(PAGE.format(body=body), URL).text
    assert "Step 6: a workout" in text
    assert "American College of Sports Medicine" not in text
    assert "Effect of short moderate" not in text


def test_collapsed_accordion_panel_is_text() -> None:
    body = "\n".join([*PARAGRAPHS[:4], ANSWER, *PARAGRAPHS[4:]])
    text = extract_article(PAGE.format(body=body), URL).text
    assert "Compound lifts such as squats" in text


def test_a_hidden_table_wrapper_is_no_tab_panel() -> None:
    """A tab is named by a word beginning with "tab"; a table's wrapper (or a word that merely
    holds the letters, "database") is no panel the reader opens."""
    for names in ('class="table-responsive"', 'class="tablet-only"', 'id="database-notes"'):
        hidden = FOOTNOTES.replace('id="footnote-list"', names)
        body = "\n".join([*PARAGRAPHS[:4], hidden, *PARAGRAPHS[4:]])
        text = extract_article(PAGE.format(body=body), URL).text
        assert "Step 6: a workout" in text
        assert "American College of Sports Medicine" not in text, names
    for names in ('class="tab-pane"', 'class="tabs"', 'id="myTabs"'):
        shown = ANSWER.replace('id="faq-1-answer" class="faq-answer accordion-body"', names)
        body = "\n".join([*PARAGRAPHS[:4], shown, *PARAGRAPHS[4:]])
        assert "Compound lifts such as squats" in extract_article(PAGE.format(body=body), URL).text


def test_glossary_tooltip_inside_a_paragraph_is_not_text() -> None:
    term = (
        '<p>Their <span class="glossary-term" tabindex="0">ARPPU<span class="glossary-tooltip" '
        'role="tooltip"><strong>ARPPU</strong>: average revenue per paying user. '
        '<a href="/glossary/arppu">Learn more</a></span></span> rose 17% to $21.40 this '
        "quarter, according to estimates of the whole category.</p>"
    )
    body = "\n".join([*PARAGRAPHS[:3], term, *PARAGRAPHS[3:]])
    text = extract_article(PAGE.format(body=body), URL).text
    assert "Their ARPPU rose 17% to $21.40 this quarter" in text
    assert "average revenue per paying user" not in text
