"""Scoring of extraction output against the development-set labels.

Word precision/recall/F1 follow the WCXB scorer: ``re.findall(r"\\w+", text.lower())`` tokens,
bag-of-words overlap, averaged over pages. Snippets follow it too (case-insensitive substring);
Chinese key sentences and chrome strings are compared without whitespace. The labels write
quotes inconsistently (``it's`` for a page's ``it’s`` on some pages, the page's own marks on
others), so snippets are also counted with typographic quotes and dashes folded on both sides:
a figure no extractor that keeps the page's characters can beat, reported beside the strict
one. A title is exact when
it equals the label after Unicode (NFKC) and whitespace normalisation; a date when its day equals
the label's (pages labelled as stating no date must get none).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bench.extraction_sets import DevPage

_TOKEN_RE = re.compile(r"\w+")
# UTF-8 read as Latin-1/cp1252 ("æ–°é—»"), or undecodable bytes
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_CJK_SPACE_RE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) | (?=[\u3000-\u9fff\uff00-\uffef])")
_MOJIBAKE_RE = re.compile("\ufffd|[\u00c2-\u00ef][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]")


@dataclass(frozen=True)
class Prediction:
    """What one extractor made of one page."""

    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    is_article: bool  # would be stored as an article (not a listing/collection)
    ms: float = 0.0


def tokenize(text: str) -> list[str]:
    """WCXB tokens: lower-cased ``\\w+`` runs."""
    return _TOKEN_RE.findall(text.lower()) if text else []


def word_prf(predicted: str, reference: str) -> tuple[float, float, float]:
    """WCXB word-level precision, recall and F1 of one page."""
    pred, ref = tokenize(predicted), tokenize(reference)
    if not ref:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(pred) & Counter(ref)).values())
    p, r = overlap / len(pred), overlap / len(ref)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def _contains(text: str, snippet: str, cjk: bool) -> bool:
    return _squash(snippet) in _squash(text) if cjk else snippet.lower() in text.lower()


def _contains_folded(text: str, snippet: str, cjk: bool) -> bool:
    """:func:`_contains` with typographic quotes and dashes folded on both sides."""
    return _contains(text.translate(_TYPOGRAPHY), snippet.translate(_TYPOGRAPHY), cjk)


def _title_key(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).split())
    return _CJK_SPACE_RE.sub("", text)


def title_exact(predicted: str | None, label: str) -> bool:
    """Equal after NFKC, typographic quote/dash folding and whitespace normalisation (a space
    beside a CJK character is layout, not a word break, and is ignored)."""
    return predicted is not None and _title_key(predicted) == _title_key(label)


def score_page(page: DevPage, pred: Prediction) -> dict[str, Any]:
    """Every check of one page; a check the page has no label for is absent from the result."""
    cjk = page.language == "zh"
    out: dict[str, Any] = {"ms": pred.ms, "is_article": pred.is_article}
    out["chars"] = len(_squash(pred.text))
    if page.body is not None:
        out["p"], out["r"], out["f1"] = word_prf(pred.text, page.body)
    out["present"] = sum(_contains(pred.text, s, cjk) for s in page.present)
    out["present_folded"] = sum(_contains_folded(pred.text, s, cjk) for s in page.present)
    out["present_of"] = len(page.present)
    out["leaked"] = sum(_contains(pred.text, s, cjk) for s in page.absent)
    out["leaked_of"] = len(page.absent)
    if page.title:
        out["title"] = title_exact(pred.title, page.title)
    if page.date or (page.date == "" and page.set == "zh-news-dev"):
        out["date"] = (pred.date or "") == page.date
    out["mojibake"] = bool(_MOJIBAKE_RE.search(f"{pred.title or ''}\n{pred.text}"))
    return out


def checks(result: dict[str, Any]) -> tuple[int, int]:
    """(passed, total) of a page's discrete checks: title, date, snippets, chrome, mojibake."""
    passed = result["present"] + result["leaked_of"] - result["leaked"] + (not result["mojibake"])
    total = result["present_of"] + result["leaked_of"] + 1
    for key in ("title", "date"):
        if key in result:
            passed, total = passed + result[key], total + 1
    return passed, total


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return statistics.fmean(values) if values else None


def _share(results: Sequence[dict[str, Any]], key: str) -> tuple[int, int]:
    labelled = [r[key] for r in results if key in r]
    return sum(labelled), len(labelled)


def summarize(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Aggregate page results: mean word P/R/F1, snippet and check counts, median time."""
    bodies = [r for r in results if "f1" in r]
    all_checks = [checks(r) for r in results]
    return {
        "pages": len(results),
        "precision": _mean(r["p"] for r in bodies),
        "recall": _mean(r["r"] for r in bodies),
        "f1": _mean(r["f1"] for r in bodies),
        "present": (sum(r["present"] for r in results), sum(r["present_of"] for r in results)),
        "present_folded": (
            sum(r["present_folded"] for r in results),
            sum(r["present_of"] for r in results),
        ),
        "leaked": (sum(r["leaked"] for r in results), sum(r["leaked_of"] for r in results)),
        "title": _share(results, "title"),
        "date": _share(results, "date"),
        "stored": (sum(r["is_article"] for r in results), len(results)),
        "checks": (sum(c[0] for c in all_checks), sum(c[1] for c in all_checks)),
        "median_ms": statistics.median(r["ms"] for r in results) if results else None,
    }


def group_by(
    pages: Sequence[DevPage], results: Sequence[dict[str, Any]], key: Callable[[DevPage], str]
) -> dict[str, dict[str, Any]]:
    """Summaries of the page results grouped by ``key(page)``, in sorted order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for page, result in zip(pages, results, strict=True):
        groups.setdefault(key(page), []).append(result)
    return {name: summarize(groups[name]) for name in sorted(groups)}


def objective(results: Sequence[dict[str, Any]], pages: Sequence[DevPage]) -> float:
    """One number to choose settings by: per set, the mean of article word F1 (where the set
    has reference text), the share of checks passed on articles and the share of right
    article/listing decisions; then the mean over sets, so a small set weighs as much as a
    large one."""
    by_set: dict[str, list[tuple[dict[str, Any], DevPage]]] = {}
    for result, page in zip(results, pages, strict=True):
        by_set.setdefault(page.set, []).append((result, page))
    return statistics.fmean(_set_objective(pairs) for pairs in by_set.values())


def _set_objective(pairs: list[tuple[dict[str, Any], DevPage]]) -> float:
    articles = [r for r, p in pairs if p.page_type == "article"]
    parts = [statistics.fmean(r["is_article"] == (p.page_type == "article") for r, p in pairs)]
    if f1 := [r["f1"] for r in articles if "f1" in r]:
        parts.append(statistics.fmean(f1))
    if articles:
        passed, total = map(sum, zip(*(checks(r) for r in articles), strict=True))
        parts.append(passed / total)
    return statistics.fmean(parts)
