"""Labelled metric cases (tests/data/metric_*.yaml): loading, extracting and scoring them."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from config import default_metric_definitions, shipped_entities
from crawler.metrics import Observation, extract_observations

DATA = Path(__file__).resolve().parents[1] / "data"
DEFINITIONS = default_metric_definitions()
ENTITIES = shipped_entities()
TAGS = ("entity", "region", "status", "basis")
UNTAGGED = {"entity": None, "region": None, "status": "actual", "basis": "period"}
Case = dict[str, Any]


def load_cases(name: str) -> list[Case]:
    """The cases of ``tests/data/NAME``."""
    return list(yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["cases"])


def extract(case: Case) -> list[Observation]:
    """The observations of a case's text, dated and titled as the case says."""
    published = case.get("published_at")
    when = datetime.fromisoformat(str(published)) if published else None
    return extract_observations(
        case["text"], DEFINITIONS, published_at=when, entities=ENTITIES, title=case.get("title")
    )


def _period(value: Any) -> str | None:
    return None if value is None else str(value)


def same_figure(expected: Case, obs: Observation) -> bool:
    """Metric, value (relative 1e-9), unit and period agree."""
    return (
        obs.metric == expected["metric"]
        and math.isclose(obs.value, float(expected["value"]), rel_tol=1e-9)
        and obs.unit == expected["unit"]
        and obs.period == _period(expected["period"])
    )


def matches(expected: Case, obs: Observation) -> bool:
    """same_figure plus the tags, and kind and qualifier when the case states them."""
    details = all(
        getattr(obs, name) == expected[name] for name in ("kind", "qualifier") if name in expected
    )
    tags = all(getattr(obs, name) == expected[name] for name in TAGS)
    return same_figure(expected, obs) and details and tags


def pair(
    expected: Sequence[Case], actual: Sequence[Observation], match: Callable[..., bool]
) -> tuple[list[Case], list[Observation]]:
    """Greedy one-to-one matching: (expected not found, observations not expected)."""
    left = list(actual)
    missing = []
    for item in expected:
        hit = next((obs for obs in left if match(item, obs)), None)
        if hit is None:
            missing.append(item)
        else:
            left.remove(hit)
    return missing, left


def figure_precision_recall(cases: Sequence[Case]) -> tuple[float, float]:
    """Precision and recall of the figures (metric, value, unit, period) over ``cases``."""
    true_pos = false_pos = false_neg = 0
    for case in cases:
        actual = extract(case)
        missing, extra = pair(case["expect"], actual, same_figure)
        true_pos += len(actual) - len(extra)
        false_pos += len(extra)
        false_neg += len(missing)
    return true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg)


def _tag_counts(expected: Case, obs: Observation) -> tuple[int, int, int]:
    """(true, false, missed) informative tags of one figure: an entity, a region, a status
    other than actual, a basis other than per period."""
    true = false = missed = 0
    for name in TAGS:
        want, got = expected[name], getattr(obs, name)
        if want == got:
            true += want != UNTAGGED[name]
            continue
        false += got != UNTAGGED[name]
        missed += want != UNTAGGED[name]
    return true, false, missed


def tag_precision_recall(cases: Sequence[Case]) -> tuple[float, float]:
    """Precision and recall of the tags of the figures found right, over ``cases``."""
    true = false = missed = 0
    for case in cases:
        actual = extract(case)
        for item in case["expect"]:
            hit = next((obs for obs in actual if same_figure(item, obs)), None)
            if hit is not None:
                actual.remove(hit)
                counts = _tag_counts(item, hit)
                true, false, missed = true + counts[0], false + counts[1], missed + counts[2]
    return true / (true + false), true / (true + missed)


def assert_precision_recall(cases: Sequence[Case], floor: float = 0.95) -> None:
    """Figures and their tags over ``cases``: precision and recall each at least ``floor``."""
    precision, recall = figure_precision_recall(cases)
    assert precision >= floor, f"precision {precision:.3f}"
    assert recall >= floor, f"recall {recall:.3f}"
    precision, recall = tag_precision_recall(cases)
    assert precision >= floor, f"tag precision {precision:.3f}"
    assert recall >= floor, f"tag recall {recall:.3f}"
