"""A crawl of each hostile case: it ends, stays small, records failures, stores nothing foreign."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.hostile_pages import ZH
from tests.support.hostile_sites import (
    FAILING,
    LARGEST_RSS_LIMIT,
    MARKUP_TITLE,
    PEAK_RSS_LIMIT,
    SOURCES,
    WIDE,
    HostileSites,
    hostile_config,
    run,
)
from tests.support.process_tree import PeakRss, kill_all, marked_env, wait_gone

ROOT = Path(__file__).resolve().parents[2]
CRAWL_TIMEOUT = 150

pytestmark = pytest.mark.slow


def cli(workdir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start ``python -m dramawatch ARGS`` in ``workdir``."""
    return subprocess.Popen(
        [sys.executable, "-m", "dramawatch", *args],
        cwd=workdir,
        text=True,
        env={**(env or {}), "PYTHONPATH": str(ROOT)} if env else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    """Wait for ``process``; past ``timeout`` it is killed and fails the tests."""
    try:
        return process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        return stdout, stderr + f"\nkilled: still running after {timeout} s"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One crawl of every hostile source, its report, peak RSS and the server's requests."""
    workdir = tmp_path_factory.mktemp("hostile")
    with HostileSites() as sites:
        config = hostile_config("sqlite:///hostile.db", sites.base)
        (workdir / "dramawatch.yaml").write_text(config, encoding="utf-8")
        marker, env = marked_env()
        with PeakRss(marker) as rss:
            crawl = cli(workdir, "crawl", "--format", "json", env=env)
            stdout, stderr = finish(crawl, CRAWL_TIMEOUT)
        left = wait_gone(marker)
        yield {
            "returncode": crawl.returncode,
            "stdout": stdout,
            "stderr": stderr,
            "peak_rss": rss.peak,
            "largest_rss": rss.largest,
            "sites": sites,
            "workdir": workdir,
            "left": left,
        }
        kill_all(marker)


@pytest.fixture(scope="module")
def report(crawled: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The crawl's per-source JSON report."""
    assert crawled["returncode"] == 0, crawled["stderr"][-4000:]
    return {row["source"]: row for row in json.loads(crawled["stdout"])["sources"]}


@pytest.fixture(scope="module")
def articles(crawled: dict[str, Any]) -> list[dict[str, Any]]:
    """Every stored article."""
    done = run(crawled["workdir"], "export", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_every_source_is_reported(report: dict[str, dict[str, Any]]) -> None:
    assert set(report) == set(SOURCES)


def test_no_request_crosses_the_fence(crawled: dict[str, Any]) -> None:
    assert crawled["sites"].foreign_hits() == []


def test_nothing_foreign_is_stored(crawled: dict[str, Any], articles: list[dict[str, Any]]) -> None:
    base = crawled["sites"].base
    assert articles, "the on-site articles are stored"
    assert all(article["url"].startswith(base + "/") for article in articles), [
        article["url"] for article in articles
    ]
    assert not [a for a in articles if "Foreign" in a["title"]]


def test_on_site_articles_of_fenced_sources_are_kept(articles: list[dict[str, Any]]) -> None:
    urls = {
        article["url"].rsplit("/", 2)[-2] + "/" + article["url"].rsplit("/", 1)[-1]
        for article in articles
    }
    assert {"article/own.html", "article/own-sitemap.html", "codes/canonical.html"} <= urls


@pytest.mark.parametrize("source", sorted(FAILING))
def test_start_failures_are_recorded(report: dict[str, dict[str, Any]], source: str) -> None:
    row = report[source]
    assert row["ok"] is False, row
    assert FAILING[source] in row["error"], row


def test_failures_reach_source_health(crawled: dict[str, Any]) -> None:
    done = run(crawled["workdir"], "sources", "--format", "json")
    rows = {row["source"]: row for row in json.loads(done.stdout)}
    for source in FAILING:
        assert rows[source]["ok"] is False and rows[source]["last_error"], rows[source]


def test_caps_hold_across_child_sitemaps(crawled: dict[str, Any]) -> None:
    articles = {hit.path for hit in crawled["sites"].hits if hit.path.startswith("/wide/article")}
    assert len(articles) == 3 * WIDE  # under the cap of 20: every one


def test_endless_sitemap_index_is_bounded(crawled: dict[str, Any]) -> None:
    endless = [hit for hit in crawled["sites"].hits if hit.path.startswith("/loops/endless")]
    assert 1 < len(endless) <= 60


def test_oversized_chunked_response_is_named(report: dict[str, dict[str, Any]]) -> None:
    errors = report["chunked-oversize"]["errors"]
    assert errors and "maximum size" in errors[0]["error"], errors


def test_control_characters_do_not_lose_the_page(articles: list[dict[str, Any]]) -> None:
    control = [a for a in articles if a["url"].endswith("/text/control.html")]
    assert control, "the page with an ESC in its body is stored"
    text = control[0]["text"]
    assert "Micro-drama output rose[31m sharply in the third quarter" in text
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in text)


def test_markup_in_titles_is_shown_literally(crawled: dict[str, Any]) -> None:
    workdir = crawled["workdir"]
    search = run(workdir, "search", "boom")
    assert search.returncode == 0, search.stderr
    assert "[/x]" in search.stdout and "[link=http://evil.invalid/]" in search.stdout
    exported = run(workdir, "export", "--format", "jsonl").stdout.splitlines()
    article_id = next(a["id"] for a in map(json.loads, exported) if a["title"] == MARKUP_TITLE)
    show = run(workdir, "show", str(article_id))
    assert show.returncode == 0, show.stderr
    assert "[/x]" in show.stdout


def test_memory_stays_bounded(crawled: dict[str, Any]) -> None:
    assert 0 < crawled["peak_rss"] < PEAK_RSS_LIMIT, crawled["peak_rss"]
    assert crawled["largest_rss"] < LARGEST_RSS_LIMIT, crawled["largest_rss"]


def test_no_process_is_left_behind(crawled: dict[str, Any]) -> None:
    assert crawled["left"] == []


def _hostile_stored(articles: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        a["url"].rsplit("/", 1)[-1].removesuffix(".html"): a
        for a in articles
        if "/hostile/" in a["url"]
    }


def test_hostile_pages_do_not_stop_the_source(
    report: dict[str, dict[str, Any]], articles: list[dict[str, Any]]
) -> None:
    row = report["hostile-pages"]
    assert row["error"] is None, row
    assert any(a["url"].endswith("/article/after.html") for a in articles)
    oversized = [e for e in row["errors"] if e["url"].endswith("/one-paragraph-20mb.html")]
    assert oversized and "maximum size" in oversized[0]["error"], row["errors"]


def test_hostile_pages_raise_no_error(report: dict[str, dict[str, Any]]) -> None:
    errors = [e for e in report["hostile-pages"]["errors"] if "maximum size" not in e["error"]]
    assert errors == []


def test_hostile_pages_store_sane_fields(articles: list[dict[str, Any]]) -> None:
    stored = _hostile_stored(articles)
    assert {"meta-dates", "nul-bytes", "jsonld-malformed", "rtl-mixed"} <= set(stored), sorted(
        stored
    )
    for name, article in stored.items():
        day = article["published_at"]
        assert day is None or "1990" <= day[:4] <= "2100", (name, day)
        assert "\x00" not in article["text"] + article["title"], name


def test_hostile_charsets_are_read(articles: list[dict[str, Any]]) -> None:
    stored = _hostile_stored(articles)
    for name in ("utf8-declared-gbk", "gbk-declared-utf8-header"):
        assert ZH in stored[name]["text"], stored[name]["text"][:200]
        assert "\ufffd" not in stored[name]["title"] + stored[name]["text"]


def test_hostile_non_pages_are_not_stored(articles: list[dict[str, Any]]) -> None:
    stored = _hostile_stored(articles)
    assert not {"pdf-as-html", "png-as-html", "json-as-html", "empty-body"} & set(stored)
