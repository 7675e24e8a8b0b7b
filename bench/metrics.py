"""Metric extraction speed: milliseconds per article for ``crawler.metrics.extract_observations``.

Articles: ``--articles`` texts of about ``--article-chars`` characters made of the sentences of
``tests/data/metric_cases.yaml`` (every case in turn, in a shuffled order fixed by a seed, so
each article is a different mix), plus the seed article (``tests/fixtures/seed_article.txt``).
The case sentences are far denser in figures than news prose (about one number per 30
characters against one per 200 in the seed article), so they are the hard case. Each article
is timed on its own, ``--repeat`` times, after a warm-up pass that also builds the cached term
matcher. A calibration loop is timed too, to compare machines. Target: a median of at most
2 ms per article.

Run: ``python -m bench.metrics [--repeat N] [--articles N] [--article-chars N]``.
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from config import MetricConfig, default_metric_definitions, shipped_entities
from crawler.metrics import extract_observations

if TYPE_CHECKING:
    from collections.abc import Sequence

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
CASES_FILE = ROOT / "tests" / "data" / "metric_cases.yaml"
METRICS_FILE = ROOT / "config" / "metrics.yaml"
SEED_FILE = ROOT / "tests" / "fixtures" / "seed_article.txt"
PUBLISHED = datetime(2025, 12, 7)
TARGET_MEDIAN_MS = 2.0
ENTITIES = shipped_entities()  # figures are tagged with the catalogue, as in a crawl


def build_articles(sentences: Sequence[str], size: int, count: int, seed: int = 0) -> list[str]:
    """``count`` articles of about ``size`` characters, each a run of the sentences taken in a
    shuffled order (reshuffled when used up), as paragraphs."""
    rng = random.Random(seed)
    order: list[str] = []
    articles: list[str] = []
    while len(articles) < count:
        paragraphs: list[str] = []
        while sum(map(len, paragraphs)) < size:
            if not order:
                order = [s.strip() for s in sentences]
                rng.shuffle(order)
            paragraphs.append(order.pop())
        articles.append("\n\n".join(paragraphs))
    return articles


def time_articles(
    articles: Sequence[str], definitions: Sequence[MetricConfig], repeat: int
) -> list[float]:
    """Milliseconds per call, one sample per article per repetition."""
    for article in articles:  # warm-up: compile the matcher, load the character table
        extract_observations(article, definitions, published_at=PUBLISHED, entities=ENTITIES)
    samples: list[float] = []
    for _ in range(repeat):
        for article in articles:
            start = time.perf_counter()
            extract_observations(article, definitions, published_at=PUBLISHED, entities=ENTITIES)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def summarize(samples: Sequence[float]) -> dict[str, float]:
    """Median, 95th percentile, mean and max of the samples, in ms."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": statistics.median(ordered),
        "p95_ms": p95,
        "mean_ms": statistics.fmean(ordered),
        "max_ms": ordered[-1],
    }


def calibrate(rounds: int = 20) -> float:
    """Fastest time, in ms, of a fixed pure-Python loop: a yardstick for this machine."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        sum(range(100_000))
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def _print_table(result: dict[str, Any]) -> None:
    rows = [
        ("articles (cases + seed)", f"{result['articles']}"),
        ("mean chars/article", f"{result['mean_chars']:.0f}"),
        ("samples", f"{result['samples']}"),
        *((key, f"{result[key]:.3f}") for key in ("median_ms", "p95_ms", "mean_ms", "max_ms")),
        ("seed article median_ms", f"{result['seed_median_ms']:.3f}"),
        ("calibration loop ms", f"{result['calibration_ms']:.3f}"),
    ]
    for label, value in rows:
        print(f"{label:<26}{value:>10}")
    verdict = "ok" if result["median_ms"] <= TARGET_MEDIAN_MS else "SLOW"
    print(f"{'target median_ms':<26}{TARGET_MEDIAN_MS:>10.3f}  {verdict}")


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the benchmark, print a table and return the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.metrics", description=__doc__)
    parser.add_argument("--repeat", type=int, default=10, help="passes over the articles")
    parser.add_argument("--articles", type=int, default=20, help="articles made of cases")
    parser.add_argument("--article-chars", type=int, default=3000, help="target article size")
    args = parser.parse_args(argv)
    cases = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
    articles = build_articles([case["text"] for case in cases], args.article_chars, args.articles)
    seed = SEED_FILE.read_text(encoding="utf-8")
    definitions = default_metric_definitions()
    samples = time_articles([*articles, seed], definitions, args.repeat)
    seed_samples = time_articles([seed], definitions, args.repeat)
    result: dict[str, Any] = {
        "articles": len(articles) + 1,
        "mean_chars": statistics.fmean(len(a) for a in [*articles, seed]),
        "samples": len(samples),
        **summarize(samples),
        "seed_median_ms": statistics.median(seed_samples),
        "calibration_ms": calibrate(),
    }
    _print_table(result)
    return result


if __name__ == "__main__":
    main()
