"""Plain data of the alerts package: what rules see, what they produce, what channels send."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from alerts.text import one_line


@dataclass(frozen=True)
class ArticleFacts:
    """A stored article as keyword rules see it (``previous_text`` is set for revisions;
    ``raised``: the dedupe keys of the alerts its story held before this ingest;
    ``later_copy``: it joined a story stored before it)."""

    article_id: int | None
    story_id: int | None
    url: str
    source: str | None
    category: str | None
    language: str | None
    title: str | None
    text: str
    previous_text: str | None = None
    raised: frozenset[str] = frozenset()
    source_id: int | None = None
    entities: frozenset[str] = frozenset()  # keys of the catalogue entities the article names
    later_copy: bool = False

    @property
    def full_text(self) -> str:
        """Title and body, the text keyword rules search."""
        return f"{self.title or ''}\n{self.text}"


@dataclass(frozen=True)
class ObservationFacts:
    """One stored metric observation with the article it came from."""

    id: int | None
    metric: str
    value: float
    unit: str
    kind: str
    period: str | None
    quote: str
    observed_at: datetime | None
    story_id: int | None = None
    article_id: int | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    # The series beside metric, unit and kind: figures of other series are never compared.
    entity: str | None = None
    region: str | None = None
    status: str = "actual"
    basis: str = "period"


@dataclass(frozen=True)
class MetricFacts:
    """A newly stored observation and the previous one of the same metric (if any)."""

    new: ObservationFacts
    previous: ObservationFacts | None
    comparison: str = "new_period"  # or "revised": another figure for the same period


@dataclass(frozen=True)
class SourceFacts:
    """A source's health after a pass."""

    source_id: int | None
    name: str
    url: str
    now: datetime
    consecutive_failures: int = 0
    failing_since: datetime | None = None
    failing_run_id: int | None = None
    last_new_article_at: datetime | None = None
    watched_since: datetime | None = None  # the first recorded run


Event = ArticleFacts | MetricFacts | SourceFacts


@dataclass(frozen=True)
class AlertDraft:
    """An alert a rule wants raised; the outbox stores it once per ``dedupe_key``."""

    rule: str
    kind: str
    dedupe_key: str
    channels: tuple[str, ...]
    payload: dict[str, Any]
    story_id: int | None = None
    article_id: int | None = None
    source_id: int | None = None


@dataclass(frozen=True)
class Verdict:
    """Whether a rule fires on an event, why, and the alert it raises when it does."""

    rule: str
    kind: str
    fired: bool
    reason: str
    draft: AlertDraft | None = None
    details: dict[str, Any] = field(default_factory=dict)


# Keys of the contract's webhook body, in order; "metric" is present only for metric alerts.
BODY_KEYS = ("rule", "kind", "title", "url", "source", "story_id", "matched")


@dataclass(frozen=True)
class AlertMessage:
    """One alert as a channel sends it, with the stable id of its delivery."""

    delivery_id: str
    alert_id: int
    rule: str
    kind: str
    payload: dict[str, Any]
    story_id: int | None
    created_at: datetime
    attempt: int = 1
    riders: tuple[AlertMessage, ...] = ()  # other rules on the story, sent in this message

    @property
    def title(self) -> str:
        """The story title (or the alert's headline for source-health alerts)."""
        return str(self.payload.get("title") or "(untitled)")

    @property
    def text(self) -> str:
        """The human-readable summary."""
        return str(self.payload.get("text") or one_line(self.title))

    def body(self) -> dict[str, Any]:
        """The webhook JSON: the contract's keys, ``metric``/``health`` when set, ``text``, and
        ``rules``: every rule that fired on the story, this one first."""
        values = {**self.payload, "rule": self.rule, "kind": self.kind, "story_id": self.story_id}
        body = {key: values.get(key) for key in BODY_KEYS}
        body.update(self.rule_entry())
        body["text"] = self.text
        body["rules"] = [self.rule_entry(), *(rider.rule_entry() for rider in self.riders)]
        return body

    def rule_entry(self) -> dict[str, Any]:
        """What this alert's rule found: rule, kind, matched, and metric/health when set."""
        entry: dict[str, Any] = {"rule": self.rule, "kind": self.kind}
        entry["matched"] = list(self.payload.get("matched") or [])
        for extra in ("metric", "health"):
            if self.payload.get(extra) is not None:
                entry[extra] = self.payload[extra]
        return entry
