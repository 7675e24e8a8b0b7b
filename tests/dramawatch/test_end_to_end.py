"""A real `dramawatch crawl` in a subprocess against the recorded sites on 127.0.0.1."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dramawatch.demo.server import SiteServer, sites_root
from tests.support.e2e import ARTICLE_KEYS, demo_config_text, export, run_cli

SEED_PATH = "/shio/jsp/zfxw_detail_en.jsp?id=20251207165434657"
SEED_TITLE = (
    "Shanghai launches China's first hub for micro-drama overseas outreach as sector surges "
    "with 1.33M jobs, AI innovation"
)
HANG = {"name": "hanging-site", "kind": "html", "url": "${DEMO_BASE}/hang/index.html"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One crawl of every recorded site (plus one that hangs) into a fresh database."""
    workdir = tmp_path_factory.mktemp("e2e")
    (workdir / "dramawatch.yaml").write_text(
        demo_config_text("sqlite:///e2e.db", extra_sources=[HANG], download_timeout=2),
        encoding="utf-8",
    )
    with SiteServer(sites_root()) as server:
        done = run_cli("-v", "crawl", cwd=workdir, base_url=server.base_url)  # -v: stats
        articles = export(workdir, server.base_url)
        yield {
            "done": done,
            "articles": articles,
            "server": server,
            "workdir": workdir,
            "requests": list(server.requests),
        }


def _by_path(articles: list[dict[str, Any]], path: str) -> dict[str, Any]:
    matches = [a for a in articles if a["url"].endswith(path)]
    assert matches, f"no stored article at {path}"
    return matches[0]


def test_crawl_exits_zero_and_reports_the_broken_sources(crawled: dict[str, Any]) -> None:
    done = crawled["done"]
    assert done.returncode == 0, done.stderr
    assert "source broken-feed failed" in done.stderr
    assert "source hanging-site failed" in done.stderr


def test_seed_article_is_stored_clean(crawled: dict[str, Any]) -> None:
    seed = _by_path(crawled["articles"], SEED_PATH)
    assert seed["title"] == SEED_TITLE
    assert seed["published_at"].startswith("2025-12-07")
    assert seed["language"] == "en" and seed["source"] == "shanghai-city-news"
    assert "China rolled out its first dedicated industrial hub" in seed["text"]
    for chrome in ("Sign in", "Forgot password", "Application Status", "Inquiry Status", "FAQ"):
        assert chrome not in seed["text"]
    assert set(seed) == ARTICLE_KEYS


def test_healthy_sources_report_no_page_errors(crawled: dict[str, Any]) -> None:
    done = run_cli(
        "sources", "--format", "json", cwd=crawled["workdir"], base_url=crawled["server"].base_url
    )
    rows = {row["source"]: row for row in json.loads(done.stdout)}
    for name in ("shanghai-city-news", "nrta-notices", "cnsa-news", "shanghai-portal-zh"):
        assert rows[name]["ok"] is True and rows[name]["last_error"] is None, rows[name]


def test_every_healthy_source_contributed(crawled: dict[str, Any]) -> None:
    sources = {a["source"] for a in crawled["articles"]}
    assert sources == {
        "shanghai-city-news",
        "nrta-notices",
        "cnsa-news",
        "shanghai-portal-zh",
        "variety-microdramas",
        "sixthtone",
        "globaltimes",
        "broken-listing",
    }


def test_gbk_pages_decode(crawled: dict[str, Any]) -> None:
    gbk = [a for a in crawled["articles"] if a["source"] == "shanghai-portal-zh"]
    assert len(gbk) == 2
    assert all("微短剧" in a["text"] and "\ufffd" not in a["text"] for a in gbk)


def test_off_topic_pages_are_not_stored(crawled: dict[str, Any]) -> None:
    titles = " ".join(a["title"] or "" for a in crawled["articles"])
    assert "Marathon" not in titles and "Coffee" not in titles


def test_crawler_stays_on_its_domains_and_obeys_robots(crawled: dict[str, Any]) -> None:
    requests = crawled["requests"]
    assert not any(path.startswith("/private/") for path in requests)
    assert "/robots.txt" in requests
    # Each page once, again only on a retry: the 500, the hang, and any download that timed out
    # on a loaded machine. robots.txt is fetched once per source's crawler.
    pages = [path for path in requests if path != "/robots.txt"]
    retries = re.findall(r"'retry/count': (\d+)", crawled["done"].stderr)
    assert len(pages) - len(set(pages)) <= sum(map(int, retries))


def test_sources_command_shows_failures(crawled: dict[str, Any]) -> None:
    done = run_cli(
        "sources", "--format", "json", cwd=crawled["workdir"], base_url=crawled["server"].base_url
    )
    rows = {row["source"]: row for row in json.loads(done.stdout)}
    assert rows["broken-feed"]["ok"] is False and "malformed" in rows["broken-feed"]["last_error"]
    assert rows["shanghai-city-news"]["ok"] is True and rows["shanghai-city-news"]["articles"] >= 2


def test_search_finds_chinese_two_character_terms(crawled: dict[str, Any]) -> None:
    done = run_cli(
        "search",
        "监管",
        "--format",
        "json",
        cwd=crawled["workdir"],
        base_url=crawled["server"].base_url,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout), "no article mentions 监管"


def test_second_crawl_of_unchanged_sites_stores_nothing_new(crawled: dict[str, Any]) -> None:
    workdir: Path = crawled["workdir"]
    base = crawled["server"].base_url
    again = run_cli("crawl", "--format", "json", cwd=workdir, base_url=base)
    assert again.returncode == 0, again.stderr
    report = {row["source"]: row for row in json.loads(again.stdout)["sources"]}
    assert sum(row["new"] for row in report.values()) == 0
    assert report["nrta-notices"]["unchanged"] >= 3, json.dumps(report["nrta-notices"])
    assert len(export(workdir, base)) == len(crawled["articles"])


def test_updated_world_adds_a_notice_and_a_revision(crawled: dict[str, Any]) -> None:
    workdir: Path = crawled["workdir"]
    server = crawled["server"]
    server.use_manifest("manifest-update.yaml")
    try:
        done = run_cli("crawl", "--format", "json", cwd=workdir, base_url=server.base_url)
    finally:
        server.use_manifest("manifest.yaml")
    assert done.returncode == 0, done.stderr
    report = {row["source"]: row for row in json.loads(done.stdout)["sources"]}
    assert report["nrta-notices"]["new"] == 1
    assert report["cnsa-news"]["revisions"] == 1
    articles = export(workdir, server.base_url)
    revised = _by_path(articles, "/cnsa/art/2025/3/27/art_1955_41102.html")
    shown = run_cli(
        "show",
        str(revised["id"]),
        "--diff",
        "--format",
        "json",
        cwd=workdir,
        base_url=server.base_url,
    )
    detail = json.loads(shown.stdout)
    assert [r["revision"] for r in detail["revisions"]] == [1, 2]
    assert "677.9" in detail["diffs"][0] and detail["diffs"][0].count("\n+") >= 1
    assert detail["story"] and detail["story"][0]["story_id"] == revised["story_id"]
