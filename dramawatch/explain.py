"""``rules test``: which rules would fire on an article, and why, without writing anything."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from alerts.errors import UnknownTargetError
from alerts.evaluate import (
    article_facts,
    copy_facts,
    metric_events,
    observation_facts,
    previous_text,
)
from alerts.records import ArticleFacts, MetricFacts, ObservationFacts, Verdict
from alerts.rules import evaluate, previous_observation
from storage import SeriesTags

if TYPE_CHECKING:
    from collections.abc import Sequence

    from config.schema import Config
    from storage import ArticleRevision, Store, Transaction
    from storage.models import Alert, Article, ArticleUrl, MetricObservation

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_ALL_STORED = 2**62  # "stored before" bound that includes every stored observation


@dataclass
class Explanation:
    """The article as the rules saw it and every rule's verdict."""

    article: ArticleFacts
    verdicts: list[Verdict] = field(default_factory=list)
    already_alerted: set[str] = field(default_factory=set)  # dedupe keys raised before


def explain(store: Store, config: Config, target: str, *, source: str | None = None) -> Explanation:
    """Evaluate every rule on an article id, a stored URL or a local HTML file."""
    with store.transaction() as tx:  # never committed: a dry run
        article = _stored_article(tx, target)
        seen = _copy_seen(tx, target, article)
        if seen is not None:
            facts, verdicts = _as_copy(tx, config, seen)
        elif article is not None:
            facts, verdicts = _as_crawled(tx, config, article)
        else:
            facts = _file_facts(target, config, source)
            verdicts = evaluate(config.rules, facts) + _file_metric_verdicts(tx, config, facts)
        verdicts += _not_applicable(config, verdicts)
        raised = {v.draft.dedupe_key for v in verdicts if v.draft and v.fired}
        already = {key for key in raised if tx.alerts.has_alert(key)}
    return Explanation(facts, verdicts, already)


def _as_crawled(
    tx: Transaction, config: Config, article: Article
) -> tuple[ArticleFacts, list[Verdict]]:
    """The verdicts the crawl reached on a stored article, against what was stored then.

    Keyword rules: as when the article was first stored (against the alerts earlier copies of
    its story had raised), and again for its latest revision (against the alerts raised
    before it). Metric rules: each figure against the figures stored before the ingest that
    stored it (the revision whose text first holds its quote).
    """
    alerts = tx.alerts.of_story(article.story_id) if article.story_id is not None else []
    named = frozenset(tx.mentions.of_article(article.id))
    by_earlier_copies = frozenset(a.dedupe_key for a in alerts if _earlier_copy(a, article))
    facts = article_facts(article, entities=named, raised=by_earlier_copies)
    verdicts = [_labelled(v, "when", "first stored") for v in evaluate(config.rules, facts)]
    if article.revision > 1:
        earlier = previous_text(tx, article)
        before = by_earlier_copies | {
            a.dedupe_key for a in alerts if a.created_at < article.updated_at
        }
        revised = article_facts(article, previous_text=earlier, entities=named, raised=before)
        when = f"revision {article.revision}"
        verdicts += [_labelled(v, "when", when) for v in evaluate(config.rules, revised)]
    if any(rule.kind == "metric_change" for rule in config.rules):
        revisions = list(tx.articles.revisions(article.id))
        for batch in _ingest_batches(tx.metrics.of_article(article.id), revisions):
            for event in metric_events(tx, batch):
                label = _figure_label(event.new)
                verdicts += [_labelled(v, "figure", label) for v in evaluate(config.rules, event)]
    return facts, verdicts


def _copy_seen(tx: Transaction, target: str, article: Article | None) -> ArticleUrl | None:
    """The URL record when ``target`` is another source's exact copy of ``article``."""
    if article is None or target.isdigit():
        return None
    from crawler.canonical import canonical_url

    seen = tx.articles.seen_at([target, canonical_url(target)])
    return seen if seen is not None and seen.source_id != article.source_id else None


def _as_copy(
    tx: Transaction, config: Config, seen: ArticleUrl
) -> tuple[ArticleFacts, list[Verdict]]:
    """Keyword rules on another source's exact copy, against the alerts raised before it."""
    article = seen.article
    alerts = tx.alerts.of_story(article.story_id) if article.story_id is not None else []
    before = frozenset(
        a.dedupe_key
        for a in alerts
        if _earlier_copy(a, article) or a.created_at < seen.first_seen_at
    )
    facts = replace(copy_facts(tx, article, seen.url, seen.source), raised=before)
    verdicts = [v for v in evaluate(config.rules, facts) if v.kind == "keyword"]
    return facts, [_labelled(v, "when", "first seen at this URL") for v in verdicts]


def _earlier_copy(alert: Alert, article: Article) -> bool:
    """Whether another copy stored before ``article`` raised ``alert`` (ids grow with time;
    an alert whose copy was pruned came from an earlier one)."""
    return alert.article_id is None or alert.article_id < article.id


def _ingest_batches(
    figures: Sequence[MetricObservation], revisions: Sequence[ArticleRevision]
) -> list[list[MetricObservation]]:
    """The article's figures grouped by the revision that first held each one's quote."""
    batches: dict[int, list[MetricObservation]] = {}
    for figure in figures:
        first = next((r.revision for r in revisions if figure.quote in r.text), 0)
        batches.setdefault(first, []).append(figure)
    return [batches[revision] for revision in sorted(batches)]


def _figure_label(figure: ObservationFacts) -> str:
    period = f" ({figure.period})" if figure.period else ""
    value = f"{figure.value:,.0f}" if figure.value.is_integer() else f"{figure.value:,}"
    return f"{figure.metric} {value} {figure.unit}{period}"


def _labelled(verdict: Verdict, key: str, value: str) -> Verdict:
    return replace(verdict, details={**verdict.details, key: value})


def _stored_article(tx: Transaction, target: str) -> Article | None:
    if target.isdigit():
        article = tx.articles.get(int(target))
        if article is None:
            raise UnknownTargetError(target, "no stored article has this id")
        return article
    if re.match(r"https?://", target):
        from crawler.canonical import canonical_url

        article = tx.articles.find_by_urls([target, canonical_url(target)])
        if article is None:
            hint = "URL not in the archive: crawl it first, or save the page and pass the file"
            raise UnknownTargetError(target, hint)
        return article
    return None


def _file_facts(target: str, config: Config, source: str | None) -> ArticleFacts:
    path = Path(target)
    if not path.is_file():
        raise UnknownTargetError(target, "expected an article id, a stored URL or an HTML file")
    from crawler.extract import extract_article
    from crawler.metrics import finder_for

    url = path.resolve().as_uri()
    extracted = extract_article(decode_html(path.read_bytes()), url)
    category = next((s.category for s in config.sources if s.name == source), None)
    finder = finder_for(config.entities)
    named = frozenset(finder.count(extracted.text)) if finder is not None else frozenset()
    return ArticleFacts(
        article_id=None,
        story_id=None,
        url=url,
        source=source,
        category=category,
        language=extracted.language,
        title=extracted.title,
        text=extracted.text,
        entities=named,
    )


def decode_html(raw: bytes) -> str:
    """Decode a saved page: its declared charset, else UTF-8, else GB18030."""
    declared = _CHARSET.search(raw[:4096])
    encodings = [declared.group(1).decode("ascii")] if declared else []
    for encoding in (*encodings, "utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def _file_metric_verdicts(tx: Transaction, config: Config, facts: ArticleFacts) -> list[Verdict]:
    if not any(rule.kind == "metric_change" for rule in config.rules):
        return []
    from crawler.metrics import extract_observations

    verdicts: list[Verdict] = []
    for found in extract_observations(facts.text, config.metrics, entities=config.entities):
        new = ObservationFacts(
            id=None,
            metric=found.metric,
            value=found.value,
            unit=found.unit,
            kind=found.kind,
            period=found.period,
            quote=found.quote,
            observed_at=None,
            url=facts.url,
            source=facts.source,
            title=facts.title,
            entity=found.entity,
            region=found.region,
            status=found.status,
            basis=found.basis,
        )
        stored = tx.metrics.earlier(
            found.metric, found.unit, found.kind, _ALL_STORED, series=SeriesTags.of(found)
        )
        previous, comparison = previous_observation(new, map(observation_facts, stored))
        verdicts += evaluate(config.rules, MetricFacts(new, previous, comparison))
    return verdicts


def _not_applicable(config: Config, verdicts: list[Verdict]) -> list[Verdict]:
    """A line for each rule that had nothing to judge (no figures, or a source rule)."""
    judged = {verdict.rule for verdict in verdicts}
    reasons = {
        "metric_change": "no new figure of this metric in the article",
        "source_health": "judges sources after each crawl, not articles",
    }
    return [
        Verdict(rule.name, rule.kind, False, reasons.get(rule.kind, "not applicable"))
        for rule in config.rules
        if rule.name not in judged
    ]
