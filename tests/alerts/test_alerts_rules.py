"""Rule functions: keyword any/all/none and filters, metric_change, source_health."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from alerts.records import ArticleFacts, MetricFacts, ObservationFacts, SourceFacts
from alerts.rules import RULES, evaluate, keyword, metric_change, previous_observation
from config.schema import KeywordRule, MetricChangeRule, SourceHealthRule

T0 = datetime(2025, 6, 1, tzinfo=UTC)


def _kw(**fields: Any) -> KeywordRule:
    return KeywordRule(name=fields.pop("name", "kw"), kind="keyword", channels=("hook",), **fields)


def _article(text: str, title: str = "A notice", **fields: Any) -> ArticleFacts:
    defaults: dict[str, Any] = {
        "article_id": 7,
        "story_id": 3,
        "url": "https://nrta.example/notice",
        "source": "nrta",
        "category": "government",
        "language": "en",
    }
    return ArticleFacts(title=title, text=text, **{**defaults, **fields})


def test_registry_names_every_rule_kind() -> None:
    assert set(RULES) == {"keyword", "metric_change", "source_health"}


@pytest.mark.parametrize(
    ("rule", "text", "fires"),
    [
        pytest.param(_kw(any=("regulation", "NRTA")), "New regulations for apps", True, id="any"),
        pytest.param(_kw(any=("regulation",)), "Deregulation talk", False, id="word-boundary"),
        pytest.param(_kw(all=("NRTA", "licence")), "NRTA issues a licence", True, id="all"),
        pytest.param(_kw(all=("NRTA", "licence")), "NRTA issues a notice", False, id="all-missing"),
        pytest.param(_kw(any=("NRTA",), none=("sports",)), "NRTA sports", False, id="none"),
        pytest.param(
            _kw(any=("监管",)), "国家广电总局加强微短剧监管工作", True, id="cjk-substring"
        ),
        pytest.param(_kw(any=("监管",)), "總局加強微短劇監管工作", True, id="cjk-traditional"),
        pytest.param(_kw(any=("微短劇",)), "网络微短剧备案", True, id="traditional-term"),
    ],
)
def test_keyword_terms(rule: KeywordRule, text: str, fires: bool) -> None:
    verdict = keyword(rule, _article(text, title=""))
    assert verdict is not None and verdict.fired is fires, verdict


def test_keyword_reports_matched_terms_and_dedupe_key() -> None:
    rule = _kw(any=("regulation", "监管"), all=("micro-drama",))
    verdict = keyword(rule, _article("New regulation of micro-dramas: 监管", title="Rules"))
    assert verdict is not None and verdict.fired and verdict.draft is not None
    assert verdict.draft.payload["matched"] == ["micro-drama", "regulation", "监管"]
    assert verdict.draft.dedupe_key == "keyword:kw:3"
    assert verdict.draft.channels == ("hook",)
    assert "Matched: micro-drama, regulation, 监管" in verdict.draft.payload["text"]


@pytest.mark.parametrize(
    ("filters", "fires"),
    [
        ({"sources": ("nrta",)}, True),
        ({"sources": ("variety",)}, False),
        ({"categories": ("government",)}, True),
        ({"categories": ("media", "industry")}, False),
        ({"languages": ("en",)}, True),
        ({"languages": ("zh",)}, False),
    ],
)
def test_keyword_filters(filters: dict[str, Any], fires: bool) -> None:
    verdict = keyword(_kw(any=("NRTA",), **filters), _article("NRTA notice", language="en-GB"))
    assert verdict is not None and verdict.fired is fires


def test_a_copy_fires_unless_an_earlier_copy_of_its_story_raised_the_alert() -> None:
    rule = _kw(any=("ban",))
    first = keyword(rule, _article("a ban", raised=frozenset({"keyword:other:3"})))
    assert first is not None and first.fired and first.draft is not None
    assert first.reason == "first copy of this story to match: matched ban"
    later = keyword(rule, _article("a ban", raised=frozenset({"keyword:kw:3"})))
    assert later is not None and not later.fired and later.draft is None
    assert later.reason == "an earlier copy of this story raised it already"


def test_keyword_revisions() -> None:
    rule = _kw(any=("ban",))
    newly = keyword(rule, _article("now a ban", previous_text="A notice\nno news"))
    assert newly is not None and newly.fired
    assert newly.reason == "the revision newly matches: matched ban"
    again = _article("still a ban", previous_text="A notice\na ban")
    assert not keyword(rule, again).fired  # type: ignore[union-attr]
    raised = frozenset({"keyword:kw:3"})
    held = keyword(rule, _article("now a ban", previous_text="A\nno", raised=raised))
    assert held is not None and not held.fired and held.reason == "this story raised it already"


def _obs(value: float, period: str | None, id: int, **fields: Any) -> ObservationFacts:
    defaults: dict[str, Any] = {
        "metric": "market_value",
        "unit": "CNY",
        "kind": "level",
        "quote": f"market size {value}",
        "observed_at": T0 + timedelta(days=id),
        "story_id": 100 + id,
        "article_id": 200 + id,
        "url": f"https://x.example/{id}",
    }
    return ObservationFacts(id=id, value=value, period=period, **{**defaults, **fields})


def _mc(**fields: Any) -> MetricChangeRule:
    return MetricChangeRule(name="moves", kind="metric_change", channels=("hook",), **fields)


@pytest.mark.parametrize(
    ("rule", "old", "new", "fires"),
    [
        pytest.param(_mc(min_change_pct=5), 100, 110, True, id="up-10pct"),
        pytest.param(_mc(min_change_pct=5), 100, 103, False, id="below-threshold"),
        pytest.param(_mc(min_change_pct=5), 100, 94, True, id="down-6pct"),
        pytest.param(_mc(direction="up"), 100, 94, False, id="wants-up"),
        pytest.param(_mc(direction="down"), 100, 94, True, id="wants-down"),
        pytest.param(_mc(direction="down"), 100, 101, False, id="wants-down-went-up"),
        pytest.param(_mc(), 100, 100, False, id="unchanged"),
        pytest.param(_mc(metric="jobs"), 100, 200, None, id="other-metric"),
    ],
)
def test_metric_change_thresholds(
    rule: MetricChangeRule, old: float, new: float, fires: bool | None
) -> None:
    event = MetricFacts(_obs(new, "2024", 2), _obs(old, "2023", 1), "new_period")
    verdict = metric_change(rule, event)
    assert (verdict.fired if verdict else None) is fires


def test_metric_change_payload_has_both_values_quotes_and_change() -> None:
    event = MetricFacts(_obs(50.44e9, "2024", 2), _obs(37.39e9, "2023", 1), "new_period")
    verdict = metric_change(_mc(min_change_pct=5), event)
    assert verdict is not None and verdict.draft is not None
    metric = verdict.draft.payload["metric"]
    assert metric["value"] == 50.44e9 and metric["previous_value"] == 37.39e9
    assert metric["change_pct"] == pytest.approx(34.9, abs=0.01)
    assert metric["quote"] == "market size 50440000000.0"
    assert metric["previous_quote"] == "market size 37390000000.0"
    assert verdict.draft.dedupe_key == "metric:moves:102:market_value:2024:50440000000.0"
    assert "50.44 billion CNY (2024)" in verdict.draft.payload["text"]


def test_previous_observation_prefers_same_period_then_latest_earlier_period() -> None:
    stored = [_obs(1, "2022", 1), _obs(2, "2023", 2), _obs(3, "2023-Q4", 3), _obs(9, "2025", 4)]
    previous, how = previous_observation(_obs(4, "2024", 9), stored)
    assert previous is not None and (previous.value, how) == (2, "new_period")
    revised, how = previous_observation(_obs(5, "2023", 9), stored)
    assert revised is not None and (revised.value, how) == (2, "revised")
    quarter, _ = previous_observation(_obs(5, "2024-Q1", 9), stored)
    assert quarter is not None and quarter.value == 3
    other_unit, _ = previous_observation(_obs(5, "2024", 9, unit="USD"), stored)
    assert other_unit is None


def test_figures_without_a_period_compare_only_within_their_story() -> None:
    stored = [_obs(1, None, 1), _obs(2, None, 2, story_id=150)]
    previous, how = previous_observation(_obs(3, None, 9, story_id=150), stored)
    assert previous is not None and (previous.value, how) == (2, "revised")
    assert previous_observation(_obs(3, None, 9, story_id=151), stored)[0] is None


def test_source_health_failures_and_silence() -> None:
    rule = SourceHealthRule(
        name="health", kind="source_health", channels=("hook",), failures=3, silent_for="2d"
    )
    base: dict[str, Any] = {"source_id": 1, "name": "nrta", "url": "https://n.example", "now": T0}
    ok = SourceFacts(**base, consecutive_failures=2, last_new_article_at=T0 - timedelta(hours=5))
    assert not evaluate([rule], ok)[0].fired
    failing = SourceFacts(
        **base, consecutive_failures=3, failing_since=T0 - timedelta(hours=3), failing_run_id=41
    )
    verdict = evaluate([rule], failing)[0]
    assert verdict.fired and verdict.draft is not None
    assert verdict.draft.dedupe_key == "health:health:nrta:failing:41"
    silent = SourceFacts(**base, last_new_article_at=T0 - timedelta(days=3))
    verdict = evaluate([rule], silent)[0]
    assert verdict.fired and verdict.draft is not None
    assert verdict.draft.payload["health"]["state"] == "silent"


def test_evaluate_skips_rules_an_event_does_not_concern() -> None:
    rules = [_kw(any=("NRTA",)), _mc()]
    assert [v.kind for v in evaluate(rules, _article("NRTA"))] == ["keyword"]


@pytest.mark.parametrize(
    ("rule", "tags", "fires"),
    [
        pytest.param(_mc(), {}, True, id="sector-actual"),
        pytest.param(_mc(), {"status": "forecast"}, None, id="forecast-ignored-by-default"),
        pytest.param(_mc(status=("forecast",)), {"status": "forecast"}, True, id="forecasts-asked"),
        pytest.param(_mc(entity="reelshort"), {}, None, id="not-the-entity"),
        pytest.param(_mc(entity="reelshort"), {"entity": "reelshort"}, True, id="the-entity"),
        pytest.param(_mc(region="cn"), {"region": "overseas"}, None, id="other-region"),
        pytest.param(_mc(region="cn"), {"region": "cn"}, True, id="the-region"),
    ],
)
def test_metric_change_filters_by_entity_region_and_status(
    rule: MetricChangeRule, tags: dict[str, Any], fires: bool | None
) -> None:
    event = MetricFacts(_obs(110, "2024", 2, **tags), _obs(100, "2023", 1, **tags), "new_period")
    verdict = metric_change(rule, event)
    assert (verdict.fired if verdict else None) is fires


def test_previous_observation_stays_inside_the_series() -> None:
    new = _obs(1e8, "2025", 9, metric="users", unit="count", entity="hongguo")
    earlier = [
        _obs(6.62e8, "2024", 1, metric="users", unit="count"),  # the sector's users
        _obs(7e8, "2025", 2, metric="users", unit="count", status="forecast"),
        _obs(5.5e7, "2024", 3, metric="users", unit="count", entity="reelshort"),
        _obs(8e7, "2024", 4, metric="users", unit="count", entity="hongguo"),
    ]
    previous, comparison = previous_observation(new, earlier)
    assert previous is not None and (previous.id, comparison) == (4, "new_period")


def test_tagged_figures_have_their_own_dedupe_key_and_summary() -> None:
    tags = {"entity": "reelshort", "region": "overseas"}
    event = MetricFacts(_obs(2e9, "2025", 2, **tags), _obs(1e9, "2024", 1, **tags), "new_period")
    verdict = metric_change(_mc(), event)
    assert verdict is not None and verdict.draft is not None
    assert verdict.draft.dedupe_key.endswith(":reelshort:overseas:actual:period")
    assert verdict.draft.payload["metric"]["entity"] == "reelshort"
    assert "market_value (reelshort, overseas) +100.0%" in verdict.draft.payload["text"]


def test_keyword_rule_limited_to_articles_naming_an_entity() -> None:
    rule = _kw(any=("revenue",), entities=("reelshort",))
    naming = _article("ReelShort revenue rose", entities=frozenset({"reelshort", "cn"}))
    assert keyword(rule, naming).fired  # type: ignore[union-attr]
    other = keyword(rule, _article("DramaBox revenue rose", entities=frozenset({"dramabox"})))
    assert other is not None and not other.fired
    assert other.reason == "names none of the entities reelshort"


def test_a_half_year_is_compared_with_a_half_never_with_a_year() -> None:
    stored = [_obs(100, "2024", 1), _obs(40, "2024-H1", 2)]
    previous, how = previous_observation(_obs(60, "2025-H1", 9), stored)
    assert previous is not None and (previous.period, how) == ("2024-H1", "new_period")
    assert previous_observation(_obs(60, "2025-H1", 9), stored[:1])[0] is None


def test_periods_of_one_length_compare_however_written_and_never_across_lengths() -> None:
    months = [_obs(10 + m, f"2025-{m:02d}", m) for m in range(1, 7)]
    year, halves = _obs(9, "2024", 7), [_obs(50, "2024-H1", 8), _obs(55, "2024-07/2024-12", 9)]
    # A half-year is compared with the latest earlier half, written as a range or as H1/H2,
    # never with the months inside it nor with a year.
    first_half = _obs(60, "2025-H1", 20)
    previous, how = previous_observation(first_half, [*months, year, *halves])
    assert previous is not None and (previous.period, how) == ("2024-07/2024-12", "new_period")
    # The same half written as months is a revision of it.
    same, how = previous_observation(_obs(62, "2025-01/2025-06", 21), [*halves, first_half])
    assert same is not None and (same.period, how) == ("2025-H1", "revised")
    # A month is compared with the month before it, never with a half that ends later.
    month, _ = previous_observation(_obs(17, "2025-07", 22), [*months, first_half])
    assert month is not None and month.period == "2025-06"
    # With only months and a year stored, a half-year has nothing to compare with.
    assert previous_observation(_obs(60, "2025-H2", 23), [*months, year])[0] is None
    # A range that is no calendar half or year keeps to the same months of other years.
    fiscal = [_obs(30, "2023-07/2024-06", 24), _obs(35, "2024", 25)]
    before, _ = previous_observation(_obs(40, "2024-07/2025-06", 26), fiscal)
    assert before is not None and before.period == "2023-07/2024-06"
