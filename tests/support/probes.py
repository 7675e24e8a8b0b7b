"""Blind extraction probes: a labelled page per file, the known failures marked as such.

The Chinese sets (``tests/fixtures/zh-probe3``, ``zh-probe4``, ``zh-probe5``) share one check:
each page is decoded as the spiders decode it; the title must be exact, the date exact (to the
day when only the day is labelled) or absent when the page states none, the key sentences
present, the chrome absent, no mojibake, and the page stored as an article.

The English sets (``tests/fixtures/extract/en-probes*``) share another: the title exact, the
day exact or absent, the key sentences present, and neither the page's chrome nor the set's
common chrome in the text.

The title and day sets (``tests/fixtures/extract/meta-probes*``) read each page once, decoded as
the spiders decode it (:func:`extract_meta_probe`), and compare a Chinese page's day in China's
time zone (:func:`probe_day`).

The kind sets (``tests/fixtures/kind-probe*``) are held to a floor per fold: no article dropped,
and at least as many listings and collections caught as the shipped decision catches.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING, Any

import pytest
from scrapy.http import HtmlResponse

from bench.kind_cv import case_of, counts
from bench.kind_probe import PROBE, load_probe
from crawler.extract import ExtractionSettings, extract_article
from crawler.spiders.base import page_html

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    from crawler.extract import Extracted

CST = timezone(timedelta(hours=8))
# Latin letters in Chinese text, or GBK read as UTF-8; not × and ÷, which notices write (××号).
_MOJIBAKE_RE = re.compile(r"[\ufffd\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]|鍙|鐭|鏂|浜|鍖|鎴|銆")
_DAY = len("2025-03-10")  # a date labelled to the day only
_BLIND_PAGES = 30  # a blind kind probe set holds at least this many pages


def probe_params(names: Iterable[str], known: Mapping[str, str]) -> list[Any]:
    """The probes' names, sorted, each page of ``known`` a strict expected failure (its reason:
    what goes wrong)."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=known[name], strict=True))
        if name in known
        else name
        for name in sorted(names)
    ]


def en_labels(folder: Path) -> dict[str, Any]:
    """The labels of an English probe set: ``pages`` by name, and ``chrome`` no page may keep."""
    labels: dict[str, Any] = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    return labels


def check_en_probe(folder: Path, name: str, labels: Mapping[str, Any]) -> None:
    """Assert that the English probe page ``name`` is extracted as ``labels`` say."""
    label = labels["pages"][name]
    html = (folder / f"{name}.html").read_text(encoding="utf-8")
    got = extract_article(html, label["url"])
    assert got.is_article
    assert got.title == label["title"]
    day = got.published_at.date().isoformat() if got.published_at else None
    assert day == label["date"]
    missing = [s for s in label["present"] if s not in got.text]
    assert not missing
    leaked = [s for s in (*label["absent"], *labels["chrome"]) if s in got.text]
    assert not leaked


def meta_labels(folder: Path) -> dict[str, dict[str, Any]]:
    """The labels of a title and day probe set, by page name."""
    labels: dict[str, dict[str, Any]] = json.loads(
        (folder / "labels.json").read_text(encoding="utf-8")
    )["pages"]
    return labels


@cache
def extract_meta_probe(folder: Path, name: str, url: str) -> Extracted:
    """The probe page ``name`` (UTF-8) extracted as the spiders decode it, once per page."""
    headers = {"Content-Type": "text/html; charset=utf-8"}
    response = HtmlResponse(url, body=(folder / f"{name}.html").read_bytes(), headers=headers)
    return extract_article(page_html(response), url)


def check_meta_title(folder: Path, name: str, labels: Mapping[str, Any]) -> None:
    """A title and day probe's title is exact."""
    assert extract_meta_probe(folder, name, labels[name]["url"]).title == labels[name]["title"]


def check_meta_day(folder: Path, name: str, labels: Mapping[str, Any]) -> None:
    """A title and day probe's day is exact, or absent when the page states none."""
    found = extract_meta_probe(folder, name, labels[name]["url"])
    assert probe_day(found.published_at, name) == labels[name]["date"]


def check_meta_text(folder: Path, name: str, labels: Mapping[str, Any]) -> None:
    """A title and day probe is stored as an article holding its labelled sentences."""
    found = extract_meta_probe(folder, name, labels[name]["url"])
    assert found.is_article
    assert [s for s in labels[name]["present"] if s not in found.text] == []


def probe_day(found: datetime | None, name: str) -> str | None:
    """The day of ``found`` as a label writes it: a Chinese page's (``zh_``) in China's time."""
    if found is not None and name.startswith("zh_"):
        found = found.astimezone(CST)
    return found.date().isoformat() if found else None


def zh_labels(folder: Path) -> dict[str, dict[str, Any]]:
    """The labels of a Chinese probe set, by file name."""
    labels: dict[str, dict[str, Any]] = json.loads(
        (folder / "labels.json").read_text(encoding="utf8")
    )["pages"]
    return labels


def check_zh_probe(folder: Path, name: str, label: Mapping[str, Any]) -> None:
    """Assert that the Chinese probe page ``name`` is extracted as ``label`` says."""
    headers = {"Content-Type": label["content_type"]}
    response = HtmlResponse(label["url"], body=(folder / name).read_bytes(), headers=headers)
    found = extract_article(page_html(response), label["url"])
    assert found.is_article
    assert found.title == label["title"]
    assert not _MOJIBAKE_RE.search(found.text + (found.title or "")), found.text[:200]
    for sentence in label["present"]:
        assert sentence in found.text
    for chrome in label["absent"]:
        assert chrome not in found.text
    date = label["date"]
    if date is None:
        assert found.published_at is None
    elif len(date) == _DAY:
        assert found.published_at is not None
        assert found.published_at.astimezone(CST).date().isoformat() == date
    else:
        assert found.published_at == datetime.fromisoformat(date).replace(tzinfo=CST)


def check_kind_floor(caught: Mapping[int, int], folder: Path = PROBE) -> None:
    """Assert that no article of the kind probe set in ``folder`` is dropped (nor loses its
    text), and that at least ``caught[fold]`` of its listings per fold are not stored."""
    cases = [case_of(page) for page in load_probe(folder)]
    for fold, floor in caught.items():
        held = [case for case in cases if case.fold == fold]
        dropped, articles, found, _ = counts(ExtractionSettings(), held)
        assert articles == sum(case.article for case in held), "an article lost its text"
        assert dropped == 0
        assert found >= floor


def check_blind_kind_set(folder: Path) -> None:
    """Assert that every page of a blind kind probe set is labelled blind, and that the set
    holds both folds, both languages and all three kinds."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf8"))
    assert len(labels) >= _BLIND_PAGES
    assert all(label["blind"] for label in labels.values())
    pages = load_probe(folder)
    assert {page.fold for page in pages} == {0, 1}
    assert {page.language for page in pages} == {"en", "zh"}
    assert {page.page_type for page in pages} == {"article", "listing", "collection"}
