"""Metric extraction: the table of cases, precision/recall over it, and the seed article."""

from __future__ import annotations

import math
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from config import default_metric_definitions
from crawler.metrics import Observation, extract_observations
from crawler.metrics.entities import finder_for
from crawler.metrics.numerals import numeral_value
from tests.support.metric_cases import (
    ENTITIES,
    TAGS,
    assert_precision_recall,
    extract,
    load_cases,
    matches,
    pair,
    same_figure,
)

ROOT = Path(__file__).resolve().parents[2]
METRICS_FILE = ROOT / "config" / "metrics.yaml"
SEED_BODY_FILE = ROOT / "tests" / "fixtures" / "seed_article.txt"
SEED_PUBLISHED = datetime(2025, 12, 7)

# What surrounds the body on the stored seed page (breadcrumb and title line before it, the
# sign-in/status/FAQ chrome after it); the body lives in tests/fixtures/seed_article.txt.
SEED_HEAD = (
    "Government News\n\nCity News\n\nShanghai launches China's first hub for micro-drama"
    " overseas outreach as sector surges with 1.33M jobs, AI innovation \xa0 2025-12-07"
    "\n\n\xa0\n\n\xa0\n\n"
)
SEED_CHROME = (
    "\n\n\xa0\n\n\nSign in\n\n\xa0\n\n\xa0\n\nFree sign-up | Forgot password\n\n"
    "Application Status\n\n04-16 21315227 Processing\n03-12 21315226 Processing\n"
    "09-26 21315225 Processing\n\nInquiry Status\n\n02-29 02131558 Received\n"
    "03-06 02131557 Received\n11-14 02131556 Received\n\nview more »\n\nFAQ\n\n"
    "Q: Q: Is there a place where I can get...\nA: A: Log on to http://touch.shio.gov....\n"
    "Q: Q: What is the easiest way to set u...\nA: A: 1. Log on to http://touch.shio.g...\n"
    "Q: Where can I get an English map of S...\nA: English maps of Shanghai are availa..."
)
SEED_EXPECTED = [
    {"metric": "jobs", "value": 1330000, "unit": "count", "period": None},
    {"metric": "branded_titles", "value": 233, "unit": "count", "period": "2025-01/2025-08"},
    {"metric": "script_fee", "value": 20000, "unit": "CNY", "period": None},
    {"metric": "acting_participations", "value": 140000, "unit": "count", "period": "2025"},
    {"metric": "market_value", "value": 3.68e9, "unit": "CNY", "period": "2021"},
    {"metric": "market_value", "value": 50.44e9, "unit": "CNY", "period": "2024"},
    {"metric": "overseas_revenue", "value": 1.5e9, "unit": "USD", "period": "2025"},
]
CHROME_NUMBERS = (21315227, 21315226, 21315225, 2131558, 2131557, 2131556, 2829)


DEFINITIONS = default_metric_definitions()
CASES = load_cases("metric_cases.yaml")


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if case.get("known_gap"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["known_gap"]))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_case(case: dict[str, Any]) -> None:
    actual = extract(case)
    missing, extra = pair(case["expect"], actual, matches)
    assert not missing and not extra, f"missing={missing}\nextra={extra}"


def test_case_file_is_large_and_covers_every_metric() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) >= 200
    assert all(set(TAGS) <= set(item) for case in CASES for item in case["expect"])
    assert len(ids) == len(set(ids)), "case ids must be unique"
    covered = {item["metric"] for case in CASES for item in case["expect"]}
    assert covered == {d.key for d in DEFINITIONS}
    assert sum(1 for case in CASES if not case["expect"]) >= 15


def test_precision_and_recall_of_figures_and_tags_over_all_cases() -> None:
    assert_precision_recall(CASES)


def test_without_a_catalogue_figures_are_untagged_by_entity_and_region() -> None:
    text = "2024年我国微短剧市场规模达504.4亿元，中文在线全年营收为11.6亿元。"
    observations = extract_observations(text, DEFINITIONS)
    assert [(o.entity, o.region) for o in observations] == [(None, None), (None, None)]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三千", 3000),
        ("一万二千", 12000),
        ("两亿", 2 * 10**8),
        ("十五", 15),
        ("十万", 10**5),
        ("三百四十万", 3_400_000),
        ("一亿二千万", 120_000_000),
        ("一万亿", 10**12),
        ("一千零五", 1005),
        ("十四五", None),
        ("二〇二四", None),
        ("千万", None),
        ("万一", None),
        ("十百", None),
    ],
)
def test_chinese_numerals(numeral: str, value: int | None) -> None:
    assert numeral_value(numeral) == value


def test_entity_mentions_are_counted_longest_name_first() -> None:
    finder = finder_for(ENTITIES)
    assert finder is not None
    text = "中国网络视听协会：紅果短劇與ReelShort，ReelShort in China."
    assert finder.count(text) == {"cnsa": 1, "hongguo": 1, "reelshort": 2, "cn": 1}


def _seed_body() -> str:
    return SEED_BODY_FILE.read_text(encoding="utf-8").rstrip("\n")


def _assert_seed_observations(observations: list[Observation]) -> None:
    missing, extra = pair(SEED_EXPECTED, observations, same_figure)
    assert not missing and not extra, f"missing={missing}\nextra={extra}"
    values = {obs.value for obs in observations}
    assert not values & set(map(float, CHROME_NUMBERS))
    assert all(obs.unit != "USD" for obs in observations if obs.metric == "script_fee")


def test_seed_article_body() -> None:
    observations = extract_observations(_seed_body(), DEFINITIONS, published_at=SEED_PUBLISHED)
    _assert_seed_observations(observations)
    jobs = next(obs for obs in observations if obs.metric == "jobs")
    assert jobs.qualifier == "more_than"
    assert jobs.quote.startswith("It has spawned more than 1.33 million domestic jobs")


def test_seed_full_page_with_chrome() -> None:
    full_text = SEED_HEAD + _seed_body() + SEED_CHROME
    observations = extract_observations(full_text, DEFINITIONS, published_at=SEED_PUBLISHED)
    _assert_seed_observations(observations)
    assert not any("Processing" in obs.quote or "Received" in obs.quote for obs in observations)


def test_observation_carries_quote_raw_and_kind() -> None:
    text = "Intro line. 2024年中国微短剧市场规模将达504.4亿元人民币，同比增长34.90%。Next."
    level, change = extract_observations(text, DEFINITIONS)
    assert level.raw == "504.4亿元人民币"
    assert level.quote == "2024年中国微短剧市场规模将达504.4亿元人民币，同比增长34.90%。"
    assert (level.kind, change.kind, change.raw) == ("level", "change", "34.90%")


def test_observations_equal_those_the_dataclass_makes() -> None:
    text = "ReelShort's revenue reached $1.2 billion in 2024, up 30% year on year."
    found = extract_observations(text, DEFINITIONS, entities=ENTITIES)
    assert len(found) == 2
    for made in found:
        rebuilt = Observation(**{f.name: getattr(made, f.name) for f in fields(Observation)})
        assert made == rebuilt and hash(made) == hash(rebuilt) and repr(made) == repr(rebuilt)
        assert made.__dict__ == rebuilt.__dict__  # every field set, and nothing else


def test_dedupes_within_one_text() -> None:
    text = "The sector has 1.33 million jobs. Again: the sector has 1.33M jobs."
    observations = extract_observations(text, DEFINITIONS)
    assert [(o.metric, o.value) for o in observations] == [("jobs", 1330000.0)]


def test_no_definitions_or_no_text_yield_nothing() -> None:
    assert extract_observations("", DEFINITIONS) == []
    assert extract_observations("1.33 million jobs", ()) == []


def test_shipped_definitions_validate_against_the_config_schema() -> None:
    from config.schema import MetricConfig

    tree = yaml.safe_load(METRICS_FILE.read_text(encoding="utf-8"))
    models = tuple(MetricConfig.model_validate(entry) for entry in tree["metrics"])
    observations = extract_observations("The sector supports 1.33M jobs.", models)
    assert [(o.metric, o.value, o.unit) for o in observations] == [("jobs", 1330000.0, "count")]


_FUZZ_ALPHABET = (
    "0123456789.,%$¥ -–—()（）:：;；。，、\n年月日亿万元美元部集人约超近多余以上同比增长"
    "市场规模用户就业下线Qq HhYUSDRMByuanbillionmillionjobsusersmarketsizeinofthisyear"
)


@settings(max_examples=300, deadline=None, database=None)
@given(
    text=st.text(alphabet=_FUZZ_ALPHABET, max_size=200), year=st.none() | st.integers(1990, 2100)
)
def test_never_raises_on_arbitrary_text(text: str, year: int | None) -> None:
    published = None if year is None else datetime(year, 6, 1)
    for obs in extract_observations(text, DEFINITIONS, published_at=published):
        assert math.isfinite(obs.value)
        assert obs.kind in ("level", "change")
        assert obs.raw and obs.raw in text


def test_scale_word_with_non_ascii_case_folding_does_not_raise() -> None:
    # The regex matches "bİllion" (capital dotted I) case-blind; it reads as "billion".
    observations = extract_observations("The sector supports 5 bİllion jobs.", DEFINITIONS)
    assert [(o.metric, o.value) for o in observations] == [("jobs", 5e9)]
