"""Dedupe primitives benchmark: time per document for fingerprint(), content_hash() and grouping.

Data: the labelled articles in ``tests/fixtures/stories``. Each step runs over the whole set
``--repeat`` times; the best pass is reported (the least disturbed by other processes).

Run: ``python -m bench.dedupe_primitives [--repeat N]``.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from crawler.fingerprint import content_hash, fingerprint, group_stories, shingles

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

logger = logging.getLogger(__name__)

STORIES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "stories"


def load_texts(folder: Path = STORIES) -> list[str]:
    """Return the text of every labelled article."""
    articles: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        articles.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["articles"])
    return [article["text"] for article in articles]


def best_pass_us(step: Callable[[], object], docs: int, repeat: int) -> float:
    """Run ``step`` ``repeat`` times and return the best time in microseconds per document."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        best = min(best, time.perf_counter() - start)
    return best / docs * 1e6


def run(texts: Sequence[str], repeat: int) -> dict[str, float]:
    """Time each primitive over ``texts``; return microseconds per document by step name."""
    fingerprint(texts[0])  # load the OpenCC tables before timing
    fps = [fingerprint(text) for text in texts]
    steps: dict[str, Callable[[], object]] = {
        "shingles": lambda: [shingles(text) for text in texts],
        "fingerprint": lambda: [fingerprint(text) for text in texts],
        "content_hash": lambda: [content_hash(text) for text in texts],
        "group_stories": lambda: group_stories(fps),
    }
    return {name: best_pass_us(step, len(texts), repeat) for name, step in steps.items()}


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, run the benchmark and print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the set (default 20)")
    args = parser.parse_args(argv)
    texts = load_texts()
    chars = sum(len(text) for text in texts) / len(texts)
    print(f"{len(texts)} documents, {chars:.0f} characters on average, best of {args.repeat}")
    for name, micros in run(texts, args.repeat).items():
        print(f"{name:>14}: {micros:9.1f} µs/doc")


if __name__ == "__main__":
    main()
