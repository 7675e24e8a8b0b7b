"""Plain-library baselines beside the kind and article-link figures, on the same pages."""

from __future__ import annotations

import pytest

from bench import listing_links
from bench.extraction import trafilatura_default
from bench.extraction_sets import DevPage
from bench.kind_cv import Case, case_of, plain_counts
from bench.link_baseline import normalised, plain_links
from bench.listing_links import cross_validate, fold_of, scores
from crawler.spiders.links.detect import DEFAULT_WEIGHTS, measure_page
from crawler.spiders.listing_links import listing_selector

PROSE = "<p>The regulator published new rules for short dramas on Monday, after a long review.</p>"
STORY = f"<html><body><article><h1>New rules</h1>{PROSE * 6}</article></body></html>"


def test_a_page_counts_as_stored_by_the_plain_library_when_trafilatura_returns_text() -> None:
    page = DevPage(
        "probe",
        "story",
        "https://news.example/2025/07/new-rules-123456/",
        STORY,
        "article",
        "en",
        None,
    )
    assert case_of(page, plain=True).plain
    assert not case_of(page).plain  # measured only when asked: the tests stay fast
    empty = DevPage(
        "probe", "empty", "https://news.example/search/?q=x", "<html></html>", "listing", "en", None
    )
    assert not case_of(empty, plain=True).plain


def test_the_kind_bench_reads_trafilaturas_result_from_the_extraction_bench_of_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = DevPage(
        "probe", "shared", "https://news.example/2025/07/shared-1/", STORY, "article", "en", None
    )
    assert trafilatura_default(page).is_article  # the extraction bench's (timed) call
    import trafilatura

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura ran twice on one page")

    monkeypatch.setattr(trafilatura, "bare_extraction", never)
    assert case_of(page, plain=True).plain
    changed = DevPage("probe", "shared", page.url, "<html></html>", "article", "en", None)
    with pytest.raises(AssertionError):  # another page under the same name is not taken for it
        case_of(changed, plain=True)


def test_the_plain_kind_figures_count_on_the_same_articles_as_dramawatchs() -> None:
    shape = case_of(
        DevPage("p", "s", "https://n.example/a-b-c-1234/", STORY, "article", "en", None)
    ).shape
    cases = [
        Case("kept", 0, True, shape, plain=True),
        Case("lost by the library", 0, True, shape, plain=False),
        Case("no text found by dramawatch", 0, True, None, plain=False),  # not in either count
        Case("listing stored", 0, False, shape, plain=True),
        Case("listing caught", 0, False, None, plain=False),
    ]
    assert plain_counts(cases) == (1, 2, 1, 2)


def test_courlan_keeps_same_host_page_links_and_drops_navigation_and_other_hosts() -> None:
    html = (
        "<ul><li><a href='/2025/07/story-one.html'>One</a></li>"
        "<li><a href='/tag/drama/'>Tag</a></li><li><a href='/page/2/'>Next</a></li>"
        "<li><a href='https://other.example/x.html'>Away</a></li>"
        "<li><a href='/2025/07/story-two.html#comments'>Two</a></li></ul>"
    )
    kept = plain_links(html, "https://news.example/news/")
    assert kept == {
        "https://news.example/2025/07/story-one.html",
        "https://news.example/2025/07/story-two.html",
    }
    assert normalised("https://news.example/2025/07/story-two.html#top") in kept


def test_the_link_bench_reports_the_plain_baseline_per_fold_and_pooled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(listing_links, "GRID", {"threshold": (DEFAULT_WEIGHTS.threshold,)})
    items = "".join(
        f"<li><a href='/2025/03/{n}/story-about-item-{n}.html'>A headline long enough {n}</a></li>"
        for n in range(6)
    )
    html = f"<ul class='news'>{items}</ul><a href='/about-us.html'>About us</a>"
    url = "https://news.example/list/"
    truth = {f"https://news.example/2025/03/{n}/story-about-item-{n}.html" for n in range(6)}
    keys = [f"page-{n}" for n in range(12)]
    picked = [next(k for k in keys if fold_of(k) == f) for f in (0, 1)]
    cases = [
        listing_links.Case(
            k,
            "test",
            url,
            measure_page(listing_selector(html).root, url),
            truth,
            plain_links(html, url),
        )
        for k in picked
    ]
    plain = cross_validate(cases)["plain"]
    assert plain["by_fold"] == [scores(6, 1, 0), scores(6, 1, 0)]  # the about page is kept too
    assert plain["held_out"] == scores(12, 2, 0)
