"""The labelled near-duplicate set (tests/fixtures/stories) as store records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from crawler.fingerprint import content_hash, fingerprint, signature_bytes
from storage import ArticleRecord

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
T0 = datetime(2025, 12, 1, tzinfo=UTC)


def labelled_articles() -> list[dict[str, Any]]:
    """Every labelled article: id, story, title, text."""
    articles: list[dict[str, Any]] = []
    for path in sorted(STORIES.glob("*.yaml")):
        articles += yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]
    return articles


def record_for(article: dict[str, Any], index: int) -> ArticleRecord:
    """A store record for a labelled article, fingerprinted like the pipeline does."""
    fp = fingerprint(article["text"])
    return ArticleRecord(
        url=f"https://example.org/{article['id']}",
        source="labelled",
        category="media",
        title=article["title"],
        published_at=T0 + timedelta(hours=index),
        language=None,
        text=article["text"],
        content_hash=content_hash(article["text"]),
        fetched_at=T0 + timedelta(hours=index),
        signature=signature_bytes(fp),
        bands=fp.bands,
    )


def pairwise_precision_recall(
    truth: dict[str, str], predicted: dict[str, int]
) -> tuple[float, float]:
    """Precision and recall over article pairs grouped together."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(truth), 2):
        same_truth, same_pred = truth[a] == truth[b], predicted[a] == predicted[b]
        tp += same_truth and same_pred
        fp += same_pred and not same_truth
        fn += same_truth and not same_pred
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)
