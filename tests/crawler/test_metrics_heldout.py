"""Metric tags on held-out cases: pages written apart from the extractor, scored, not tuned on."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.metric_cases import (
    TAGS,
    assert_precision_recall,
    extract,
    load_cases,
    matches,
    pair,
)

CASES = load_cases("metric_heldout.yaml")


def test_held_out_set_is_large_and_labelled() -> None:
    assert len(CASES) >= 40
    assert len({case["id"] for case in CASES}) == len(CASES)
    assert all(set(TAGS) <= set(item) for case in CASES for item in case["expect"])


def test_held_out_precision_and_recall_of_figures_and_tags() -> None:
    assert_precision_recall(CASES)


@pytest.mark.parametrize(
    "case",
    [pytest.param(case, id=case["id"]) for case in CASES if case["id"].startswith("zh-ho-gov")],
)
def test_government_notices_are_tagged_whole(case: dict[str, Any]) -> None:
    missing, extra = pair(case["expect"], extract(case), matches)
    assert not missing and not extra, f"missing={missing}\nextra={extra}"
