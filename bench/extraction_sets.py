"""The extraction development sets, read into one page shape.

- ``article-extraction``: 181 news pages with their article body (no title or date labels).
- ``wcxb-dev``: 900 WCXB development pages (articles, listings, collections) with body, snippets
  that must be present (``with``) or absent (``without``), title and publication day.
- ``zh-news-dev``: 16 Chinese pages; the labels (title, date, key sentences, chrome that must not
  leak) are fixtures of this repository, the pages are read from the data folder at run time.

Every page gets a fold (0 or 1) from a hash of its set and id, for two-fold cross-validation.
The recorded Chinese pages of the test fixtures (whole pages written for this repository, with
labels of the same kind) join the tuning half of ``zh-news-dev`` in both folds and are never
reported: with eight development pages per half, one page decides a choice otherwise.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_ROOT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
ZH_LABELS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "zh-news" / "labels.json"
ZH_RECORDED = ZH_LABELS.parent / "pages"
SETS = ("article-extraction", "wcxb-dev", "zh-news-dev")

_LANG_RE = re.compile(r"<html[^>]*?\blang=[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class DevPage:
    """One labelled page of a development set."""

    set: str
    key: str
    url: str
    html: str
    page_type: str  # article, listing or collection
    language: str  # ISO 639-1, from the labels, <html lang> or the body's script
    body: str | None  # the reference main text, if the set has one
    present: tuple[str, ...] = ()  # snippets a correct extraction contains
    absent: tuple[str, ...] = ()  # boilerplate snippets it must not contain
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, "" when the page states no date, None if unlabelled
    tune_only: bool = False  # in the tuning half of both folds, never reported

    @property
    def fold(self) -> int:
        """This page's half (0 or 1) in the two-fold split: a hash of set and id."""
        return hashlib.sha256(f"{self.set}/{self.key}".encode()).digest()[0] & 1


def language_of(html: str, text: str) -> str:
    """The body's script decides Chinese; otherwise ``<html lang>``, else English."""
    letters = len(_LETTER_RE.findall(text[:3000])) or 1
    if len(_CJK_RE.findall(text[:3000])) > 0.3 * letters:
        return "zh"
    match = _LANG_RE.search(html[:5000])
    return match.group(1).lower() if match else "en"


def _gunzip(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf8", errors="replace") as fh:
        return fh.read()


def _article_extraction(folder: Path) -> Iterator[DevPage]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf8"))
    for key in sorted(truth):
        html = _gunzip(folder / "html" / f"{key}.html.gz")
        body = truth[key]["articleBody"]
        yield DevPage(
            "article-extraction",
            key,
            truth[key]["url"],
            html,
            "article",
            language_of(html, body),
            body,
        )


def _wcxb(folder: Path) -> Iterator[DevPage]:
    for path in sorted((folder / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf8"))
        truth = data.get("ground_truth") or {}
        kind = ((data.get("_internal") or {}).get("page_type") or {}).get("primary", "article")
        html = _gunzip(folder / "html" / f"{path.stem}.html.gz")
        body = truth.get("main_content") or ""
        yield DevPage(
            "wcxb-dev",
            path.stem,
            data.get("url", ""),
            html,
            "collection" if kind == "category" else kind,
            language_of(html, body),
            body,
            tuple(truth.get("with") or ()),
            tuple(truth.get("without") or ()),
            truth.get("title") or None,
            truth.get("publish_date") or "",
        )


def _zh_news(folder: Path, labels: Path = ZH_LABELS) -> Iterator[DevPage]:
    for key, label in sorted(json.loads(labels.read_text(encoding="utf8")).items()):
        html = (folder / f"{key}.html").read_text(encoding="utf8", errors="replace")
        yield DevPage(
            "zh-news-dev",
            key,
            label["url"],
            html,
            label.get("page_type", "article"),
            label.get("language", "zh"),
            None,
            tuple(label["sentences"]),
            tuple(label["chrome"]),
            label["title"],
            label["date"],
        )


def tuning_pages(sets: list[str] | tuple[str, ...], recorded: Path = ZH_RECORDED) -> list[DevPage]:
    """Extra pages for the tuning halves of the given sets: the recorded Chinese pages."""
    if "zh-news-dev" not in sets or not recorded.is_dir():
        return []
    from dramawatch.explain import decode_html

    labels = json.loads((recorded / "labels.json").read_text(encoding="utf8"))
    return [
        DevPage(
            "zh-news-dev",
            f"recorded/{key}",
            label["url"],
            decode_html((recorded / f"{key}.html").read_bytes()),
            "article",
            "zh",
            None,
            tuple(label["sentences"]),
            tuple(label["chrome"]),
            label["title"],
            label["date"],
            tune_only=True,
        )
        for key, label in sorted(labels.items())
    ]


_LOADERS = {
    "article-extraction": _article_extraction,
    "wcxb-dev": _wcxb,
    "zh-news-dev": _zh_news,
}


def load_set(name: str, root: Path = DATA_ROOT, limit: int | None = None) -> list[DevPage]:
    """The pages of one set; [] if absent. With ``limit``, the first ``limit`` pages of each
    half and page type (quick runs)."""
    folder = root / name
    if not folder.is_dir():
        return []
    pages = list(_LOADERS[name](folder))
    if limit is None:
        return pages
    taken: dict[tuple[int, str], int] = {}
    kept = []
    for page in pages:
        group = (page.fold, page.page_type)
        if taken.get(group, 0) < limit:
            taken[group] = taken.get(group, 0) + 1
            kept.append(page)
    return kept
