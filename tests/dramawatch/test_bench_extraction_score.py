"""Snippet scoring: the strict WCXB check, and the same check with typographic quotes folded."""

from __future__ import annotations

from bench.extraction_score import Prediction, score_page, summarize
from bench.extraction_sets import DevPage


def _page(snippets: tuple[str, ...]) -> DevPage:
    return DevPage(
        "wcxb-dev", "0001", "https://x.com/a", "<html></html>", "article", "en", None, snippets
    )


def test_a_snippet_differing_only_in_quote_style_counts_as_folded_not_strict() -> None:
    page = _page(("We don't just source movers", "a “springboard object” is"))
    text = 'We don’t just source movers. A "springboard object" is a term.'
    result = score_page(page, Prediction(text, None, None, True))
    assert (result["present"], result["present_folded"]) == (0, 2)


def test_folding_finds_no_snippet_the_text_lacks() -> None:
    page = _page(("We don't just source movers", "the whole point"))
    result = score_page(page, Prediction("We don’t just source movers.", None, None, True))
    assert summarize([result])["present_folded"] == (1, 2)
