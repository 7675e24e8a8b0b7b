"""Rules: pure functions from an event (stored article, metric figure, source health) to alerts.

Each rule kind is one function ``(rule_config, event) -> Verdict | None``: ``None`` when the
event is not the rule's business (a metric figure for a keyword rule), else whether it fires,
why, and the ``AlertDraft`` to store. Dedupe keys make one alert per (rule, story), so
syndicated copies and unchanged re-crawls never alert twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from alerts import text as summaries
from alerts.records import (
    AlertDraft,
    ArticleFacts,
    Event,
    MetricFacts,
    ObservationFacts,
    SourceFacts,
    Verdict,
)
from config.schema import KeywordRule, MetricChangeRule, RuleConfig, SourceHealthRule
from storage.keywords import KeywordMatcher
from storage.periods import LENGTHS, granularity, period_span

__all__ = ["RULES", "evaluate", "keyword", "match_terms", "metric_change", "previous_observation"]

RuleFunction = Callable[[Any, Event], "Verdict | None"]


@lru_cache(maxsize=1024)
def _matcher(terms: tuple[str, ...]) -> KeywordMatcher:
    return KeywordMatcher(terms)


def _found(terms: tuple[str, ...], text: str) -> list[str]:
    """The configured terms that ``text`` mentions (one pass over the text)."""
    if not terms:
        return []
    hits = _matcher(terms).matches(text)
    return [term for term in terms if any(_matcher((term,))(hit) for hit in hits)]


@dataclass(frozen=True)
class TermMatch:
    """How a text fares against a keyword rule's any/all/none lists."""

    any_found: list[str]
    all_missing: list[str]
    none_found: list[str]
    matched: list[str]
    needs_any: bool

    @property
    def ok(self) -> bool:
        """True when the text satisfies every list."""
        any_ok = bool(self.any_found) or not self.needs_any
        return any_ok and not self.all_missing and not self.none_found

    def reason(self) -> str:
        """Why the text matches or not."""
        if self.none_found:
            return f"excluded by {', '.join(self.none_found)}"
        if self.all_missing:
            return f"missing required {', '.join(self.all_missing)}"
        if not self.ok:
            return "none of the 'any' terms"
        return f"matched {', '.join(self.matched)}"


def match_terms(rule: KeywordRule, text: str) -> TermMatch:
    """Match ``text`` against a keyword rule (Latin on word boundaries, CJK as substrings)."""
    any_found = _found(rule.any, text)
    all_found = _found(rule.all, text)
    missing = [term for term in rule.all if term not in all_found]
    matched = list(dict.fromkeys([*all_found, *any_found]))
    return TermMatch(any_found, missing, _found(rule.none, text), matched, bool(rule.any))


def _filtered_out(rule: KeywordRule, article: ArticleFacts) -> str | None:
    if rule.sources and article.source not in rule.sources:
        return f"source {article.source} is not one of {', '.join(rule.sources)}"
    if rule.entities and article.entities.isdisjoint(rule.entities):
        return f"names none of the entities {', '.join(rule.entities)}"
    if rule.categories and article.category not in rule.categories:
        return f"category {article.category} is not one of {', '.join(rule.categories)}"
    wanted = {_lang(code) for code in rule.languages}
    if wanted and _lang(article.language) not in wanted:
        return f"language {article.language} is not one of {', '.join(rule.languages)}"
    return None


def _lang(code: str | None) -> str:
    return re.split(r"[-_]", (code or "").lower())[0]


def keyword(rule: KeywordRule, event: Event) -> Verdict | None:
    """Fires on the first copy of a story that passes the filters and matches the terms,
    whichever copy was stored first, and on a revision that newly matches; never when the
    story holds the rule's alert already (the outbox's dedupe key)."""
    if not isinstance(event, ArticleFacts):
        return None
    blocked = _filtered_out(rule, event)
    if blocked:
        return Verdict(rule.name, rule.kind, False, blocked)
    match = match_terms(rule, event.full_text)
    details: dict[str, Any] = {"matched": match.matched}
    revised = event.previous_text is not None
    if not match.ok:
        return Verdict(rule.name, rule.kind, False, match.reason(), details=details)
    if revised and match_terms(rule, event.previous_text or "").ok:
        return Verdict(rule.name, rule.kind, False, "the previous revision matched already")
    draft = _keyword_draft(rule, event, match.matched, revised)
    if draft.dedupe_key in event.raised:
        earlier = "this story" if revised else "an earlier copy of this story"
        reason = f"{earlier} raised it already"
        return Verdict(rule.name, rule.kind, False, reason, details=details)
    return Verdict(rule.name, rule.kind, True, _fired_reason(event, match, revised), draft, details)


def _fired_reason(article: ArticleFacts, match: TermMatch, revised: bool) -> str:
    """Why a keyword rule fires: the revision newly matches, or the first copy to match."""
    if revised:
        return f"the revision newly matches: {match.reason()}"
    if article.story_id is None:  # a saved file: no story to speak of
        return match.reason()
    return f"first copy of this story to match: {match.reason()}"


def _keyword_draft(
    rule: KeywordRule, article: ArticleFacts, matched: list[str], revised: bool
) -> AlertDraft:
    payload = {
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "category": article.category,
        "matched": matched,
        "revision": revised,
        "later_copy": article.later_copy,
        "text": summaries.keyword_text(rule.name, article, matched, revised),
    }
    subject = article.story_id if article.story_id is not None else f"article-{article.article_id}"
    return AlertDraft(
        rule.name,
        rule.kind,
        f"keyword:{rule.name}:{subject}",
        rule.channels,
        payload,
        article.story_id,
        article.article_id,
        article.source_id,
    )


_MONTHS = {length: months for months, length in LENGTHS.items()}


def _length(period: str) -> str:
    """What a period is compared with: a calendar year, half, quarter or month with the
    periods of that length, however written (2025-H1 and 2025-01/2025-06 are both halves; a
    half is never compared with months or a year); another range only with the same months
    of other years (Jan-Sep 2025 with Jan-Sep 2024); a form of unknown span with its form."""
    span = period_span(period)
    if span is None:
        return re.sub(r"\d", "9", period)
    length = granularity(period)
    months = _MONTHS.get(length)
    if months is not None and (span[0].month - 1) % months == 0:
        return length
    return re.sub(r"\d{4}", "Y", period)


def _start(period: str | None) -> str:
    """Where a period starts, for ordering periods of one length written in different forms."""
    span = period_span(period)
    return span[0].isoformat() if span else period or ""


def _same_period(one: str | None, other: str | None) -> bool:
    """The same period, however written (2025-H1 and 2025-01/2025-06)."""
    return one == other or (period_span(one) or one) == (period_span(other) or other)


def previous_observation(
    new: ObservationFacts, earlier: Iterable[ObservationFacts]
) -> tuple[ObservationFacts | None, str]:
    """The figure ``new`` should be compared with, and how: ``revised`` or ``new_period``.

    A figure without a period ("the market is now worth ...") is only compared with an
    earlier figure of the same story: across stories such figures differ in scope, not time.
    A figure with one is compared with the same period's latest figure, else with the latest
    earlier period of the same length.
    """
    same = [o for o in earlier if _series(o) == _series(new)]
    if new.period is None:
        same = [o for o in same if o.story_id is not None and o.story_id == new.story_id]
    same_period = [o for o in same if _same_period(o.period, new.period)]
    if same_period:
        return max(same_period, key=_recency), "revised"
    if new.period is None:
        return None, "revised"
    length, start = _length(new.period), _start(new.period)
    older = [o for o in same if o.period and _length(o.period) == length]
    older = [o for o in older if _start(o.period) < start]
    if not older:
        return None, "new_period"
    return max(older, key=lambda o: (_start(o.period), *_recency(o))), "new_period"


def _series(figure: ObservationFacts) -> tuple[str | None, ...]:
    """What sets a figure's series besides its metric: only figures of one series compare."""
    return (figure.unit, figure.kind, figure.entity, figure.region, figure.status, figure.basis)


def _recency(observation: ObservationFacts) -> tuple[float, int]:
    at = observation.observed_at
    return (at.timestamp() if at else 0.0), observation.id or 0


def metric_change(rule: MetricChangeRule, event: Event) -> Verdict | None:
    """Fires when a new figure differs from the previous one by at least ``min_change_pct``."""
    if not isinstance(event, MetricFacts) or not _watches(rule, event.new):
        return None
    new, old = event.new, event.previous
    if old is None:
        reason = f"first {new.metric} figure: nothing to compare"
        return Verdict(rule.name, rule.kind, False, reason)
    change = new.value - old.value
    pct = None if old.value == 0 else change / abs(old.value) * 100
    details = {"value": new.value, "previous_value": old.value, "change_pct": pct}
    problem = _change_problem(rule, change, pct)
    if problem:
        return Verdict(rule.name, rule.kind, False, problem, details=details)
    metric = _metric_payload(event, change, pct)
    reason = f"{new.metric} {'new' if pct is None else f'{pct:+.1f}%'} ({event.comparison})"
    return Verdict(rule.name, rule.kind, True, reason, _metric_draft(rule, event, metric), details)


def _watches(rule: MetricChangeRule, figure: ObservationFacts) -> bool:
    """Whether the rule watches this figure's series: its metric, entity, region and status
    (actual figures only unless the rule says otherwise)."""
    return (
        rule.metric in ("*", figure.metric)
        and rule.entity in (None, figure.entity)
        and rule.region in (None, figure.region)
        and figure.status in rule.status
    )


def _change_problem(rule: MetricChangeRule, change: float, pct: float | None) -> str | None:
    if change == 0:
        return "unchanged"
    if rule.direction == "up" and change < 0:
        return "went down; the rule wants up"
    if rule.direction == "down" and change > 0:
        return "went up; the rule wants down"
    if pct is not None and abs(pct) < rule.min_change_pct:
        return f"changed {pct:+.2f}%, below {rule.min_change_pct:g}%"
    return None


def _metric_payload(event: MetricFacts, change: float, pct: float | None) -> dict[str, Any]:
    new, old = event.new, event.previous
    assert old is not None
    return {
        "key": new.metric,
        "unit": new.unit,
        "kind": new.kind,
        "entity": new.entity,
        "region": new.region,
        "status": new.status,
        "basis": new.basis,
        "comparison": event.comparison,
        "period": new.period,
        "value": new.value,
        "quote": new.quote,
        "previous_period": old.period,
        "previous_value": old.value,
        "previous_quote": old.quote,
        "previous_url": old.url,
        "change": change,
        "change_pct": None if pct is None else round(pct, 4),
    }


def _metric_draft(rule: MetricChangeRule, event: MetricFacts, metric: dict[str, Any]) -> AlertDraft:
    new = event.new
    key = f"metric:{rule.name}:{new.story_id}:{new.metric}:{new.period}:{new.value!r}"
    tags = _series(new)[2:]
    if tags != (None, None, "actual", "period"):  # sector-wide actual figures keep their keys
        key += ":" + ":".join(str(tag) for tag in tags)
    payload = {
        "title": new.title,
        "url": new.url,
        "source": new.source,
        "matched": [new.metric],
        "metric": metric,
        "text": summaries.metric_text(rule.name, metric, new),
    }
    return AlertDraft(
        rule.name, rule.kind, key, rule.channels, payload, new.story_id, new.article_id
    )


def source_health(rule: SourceHealthRule, event: Event) -> Verdict | None:
    """Fires once per outage: N failed runs in a row, or no new article for ``silent_for``."""
    if not isinstance(event, SourceFacts):
        return None
    if event.consecutive_failures >= rule.failures and event.failing_run_id is not None:
        headline = f"source {event.name} failed {event.consecutive_failures} runs in a row"
        key = f"health:{rule.name}:{event.name}:failing:{event.failing_run_id}"
        return _health_verdict(rule, event, headline, key, "failing")
    since = event.last_new_article_at or event.watched_since
    silent = rule.silent_for and since and event.now - since >= timedelta(seconds=rule.silent_for)
    if silent and since is not None:
        headline = f"source {event.name} has had no new article since {since.isoformat()}"
        key = f"health:{rule.name}:{event.name}:silent:{since.isoformat()}"
        return _health_verdict(rule, event, headline, key, "silent")
    reason = f"healthy: {event.consecutive_failures} failed runs in a row"
    return Verdict(rule.name, rule.kind, False, reason)


def _health_verdict(
    rule: SourceHealthRule, event: SourceFacts, headline: str, key: str, state: str
) -> Verdict:
    health = {
        "state": state,
        "consecutive_failures": event.consecutive_failures,
        "failing_since": _iso(event.failing_since),
        "last_new_article_at": _iso(event.last_new_article_at),
    }
    payload = {
        "title": headline,
        "url": event.url,
        "source": event.name,
        "matched": [state],
        "health": health,
        "text": summaries.health_text(rule.name, headline, event.url),
    }
    draft = AlertDraft(rule.name, rule.kind, key, rule.channels, payload, source_id=event.source_id)
    return Verdict(rule.name, rule.kind, True, headline, draft)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


RULES: dict[str, RuleFunction] = {
    "keyword": keyword,
    "metric_change": metric_change,
    "source_health": source_health,
}


def evaluate(rules: Sequence[RuleConfig], event: Event) -> list[Verdict]:
    """Every verdict of ``rules`` on ``event`` (rules the event does not concern are skipped)."""
    verdicts = (RULES[rule.kind](rule, event) for rule in rules)
    return [verdict for verdict in verdicts if verdict is not None]
