"""Cross-validation of extraction settings: emptying candidates are never chosen, and pages that
only tune are in both tuning halves and never reported."""

from __future__ import annotations

from typing import Any

from bench.extraction_cv import cross_validate, emptying, tuning_scores
from bench.extraction_score import Prediction, score_page
from bench.extraction_sets import DevPage, tuning_pages

TEXT = "城市夜间经济持续升温，多地推出消费新场景。夜市、夜游和夜间演出持续火热，客流明显增加。" * 2


def _page(key: str, *, tune_only: bool = False) -> DevPage:
    return DevPage(
        "zh-news-dev",
        key,
        "https://x.cn/a",
        "<html></html>",
        "article",
        "zh",
        None,
        ("夜间经济持续升温",),
        ("分享到",),
        "标题",
        "2024-01-02",
        tune_only=tune_only,
    )


def _results(pages: list[DevPage], good: Prediction, bad_key: str, bad: Prediction) -> list[Any]:
    return [score_page(p, bad if p.key == bad_key else good) for p in pages]


def test_a_candidate_that_empties_a_page_the_defaults_store_is_never_chosen() -> None:
    pages = [_page(f"p{i}") for i in range(16)]
    default = Prediction(TEXT, "旧标题", "2024-01-02", True)
    better = Prediction(TEXT, "标题", "2024-01-02", True)
    emptied = next(p.key for p in pages if p.fold == 0)
    by_candidate = {
        "default": _results(pages, default, "", default),
        "better": _results(pages, better, emptied, Prediction("", "标题", None, True)),
    }
    score = tuning_scores(pages, by_candidate, 1)  # the emptied page is not in this tuning half
    assert score["better"] > score["default"]
    assert emptying(by_candidate) == {"better"}
    _, chosen = cross_validate(pages, by_candidate)
    assert chosen == {0: "default", 1: "default"}


def test_a_candidate_that_only_adds_text_is_not_rejected() -> None:
    pages = [_page(f"p{i}") for i in range(8)]
    empty = Prediction("", None, None, False)
    by_candidate = {
        "default": _results(pages, Prediction(TEXT, "标题", None, True), "p0", empty),
        "fuller": _results(pages, Prediction(TEXT, "标题", None, True), "", empty),
    }
    assert emptying(by_candidate) == set()


def test_tuning_only_pages_tune_both_halves() -> None:
    pages = [_page(f"p{i}") for i in range(8)]
    extra = _page("recorded", tune_only=True)
    good = Prediction(TEXT, "标题", "2024-01-02", True)
    leaky = Prediction(f"{TEXT}分享到", "标题", "2024-01-02", True)
    by_candidate = {
        "default": _results([*pages, extra], good, "recorded", leaky),
        "other": _results([*pages, extra], good, "", good),
    }
    _, chosen = cross_validate([*pages, extra], by_candidate)
    assert chosen == {0: "other", 1: "other"}


def test_the_recorded_chinese_pages_tune_the_chinese_set_only() -> None:
    pages = tuning_pages(["zh-news-dev"])
    assert len(pages) == 5 and all(p.tune_only and p.language == "zh" for p in pages)
    assert all("\ufffd" not in p.html for p in pages)
    assert tuning_pages(["article-extraction", "wcxb-dev"]) == []


def test_a_lead_from_pages_won_and_lost_alike_leaves_the_defaults_in_place() -> None:
    pages = [_page(f"p{i}") for i in range(60)]
    right = Prediction(TEXT, "标题", "2024-01-02", True)
    wrong = Prediction(TEXT, "旧标题", "2024-01-02", True)
    halves = {fold: [p.key for p in pages if p.fold == fold] for fold in (0, 1)}
    won = {key for keys in halves.values() for key in keys[:6]}
    lost = {key for keys in halves.values() for key in keys[6:11]}
    by_candidate = {
        "default": [score_page(p, wrong if p.key in won else right) for p in pages],
        "mixed": [score_page(p, wrong if p.key in lost else right) for p in pages],
    }
    assert all(
        score["mixed"] > score["default"]
        for score in (tuning_scores(pages, by_candidate, fold) for fold in (0, 1))
    )
    _, chosen = cross_validate(pages, by_candidate)
    assert chosen == {0: "default", 1: "default"}


def test_a_candidate_better_on_many_pages_and_worse_on_none_is_chosen() -> None:
    pages = [_page(f"p{i}") for i in range(60)]
    right = Prediction(TEXT, "标题", "2024-01-02", True)
    wrong = Prediction(TEXT, "旧标题", "2024-01-02", True)
    fixed = {p.key for p in pages[::4]}
    by_candidate = {
        "default": [score_page(p, wrong if p.key in fixed else right) for p in pages],
        "better": [score_page(p, right) for p in pages],
    }
    _, chosen = cross_validate(pages, by_candidate)
    assert chosen == {0: "better", 1: "better"}
