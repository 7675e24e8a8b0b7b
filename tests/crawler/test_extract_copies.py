"""Layout copies: a second copy of the article goes with its headings and short lines; short
lines an article repeats on its own ("Pros", "Cons") stay."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.chrome_lines import clean_paragraphs
from crawler.extract.copies import drop_copy_runs, drop_prose_repeats

ARTICLE = [
    "How much does a remodel cost?",
    "The cost of a remodel varies widely with the kind of work, the materials and the region,"
    " and labour is the largest share of most budgets.",
    "Key factors",
    "- Labour costs",
    "- Materials",
    "Permits are needed for structural changes, electrical upgrades and plumbing, and they add"
    " weeks to most projects in the larger cities.",
]


def test_a_second_copy_of_the_article_goes_whole() -> None:
    assert drop_copy_runs([*ARTICLE, *ARTICLE]) == ARTICLE
    assert clean_paragraphs([*ARTICLE, *ARTICLE, *ARTICLE], None) == ARTICLE


def test_short_lines_an_article_repeats_stay() -> None:
    review = [
        "Pros",
        "- Light and quiet",
        "Cons",
        "- Short battery life",
        "The second model is heavier, but its battery lasts twice as long and it charges in"
        " under an hour, which matters more on long trips.",
        "Pros",
        "- Long battery life",
        "Cons",
        "- Heavy",
    ]
    assert drop_copy_runs(review) == review
    assert clean_paragraphs(review, None) == review


def test_a_repeated_paragraph_alone_leaves_the_lines_around_it() -> None:
    closing = "A closing sentence of the article, with its point."
    paras = [*ARTICLE, "Pros", "- Light", "Cons", ARTICLE[1], "- Heavy", closing]
    assert clean_paragraphs(paras, None) == [
        *ARTICLE,
        "Pros",
        "- Light",
        "Cons",
        "- Heavy",
        closing,
    ]


def test_a_page_laid_out_twice_gives_its_text_once() -> None:
    body = "".join(
        f"<li>{line[2:]}</li>"
        if line.startswith("- ")
        else f"<h2>{line}</h2>"
        if len(line) < 40
        else f"<p>{line}</p>"
        for line in ARTICLE
    )
    copy = f'<div class="desktop">{body}</div><div class="mobile">{body}</div>'
    head = "<head><title>Remodel costs</title></head>"
    html = f"<html>{head}<body><article>{copy}</article></body></html>"
    text = extract_article(html, "https://example.com/remodel-cost").text
    assert text.count("Key factors") == 1
    assert text.count("Permits are needed") == 1


def test_a_repeated_prose_paragraph_goes_and_a_repeated_short_line_stays() -> None:
    prose, short = ARTICLE[1], ARTICLE[2]
    paras = [prose, short, "  " + prose.upper(), short]
    assert drop_prose_repeats(paras) == [prose, short, short]
