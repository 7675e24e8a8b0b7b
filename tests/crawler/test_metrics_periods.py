"""Metric periods: sentences read together give the periods each gives alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.metrics.periods import PeriodFinder
from crawler.metrics.text import segment

_WORDS = (
    "2024", "2025", "年", "1", "-8月", "上半年", "第三季度", "今年", "去年", "Q1 ", "H1 ", "in ",
    "of ", "first half of ", "the first ten months of ", "March ", "to ", "this year", "last ",
    "year ", "since ", "较", "以来", "revenue ", "达", ": ", "'s", "。", ". ", "\n", "，", " ",
)  # fmt: skip


@settings(max_examples=300, deadline=None, database=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), max_size=40),
    year=st.none() | st.integers(1990, 2100),
)
def test_sentences_read_together_give_the_periods_each_gives_alone(
    words: list[str], year: int | None
) -> None:
    text = "".join(words)
    segments = segment(text)
    spans = list(zip(segments.sentence_starts, segments.sentence_ends, strict=True))
    finder = PeriodFinder(text, year)
    assert finder.find(spans) == [finder.find([span])[0] for span in spans]
