"""``dramawatch sources test|add|import|export`` against sites served on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.support.json_api import json_api
from tests.support.site_server import serve

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title>
<meta property="article:published_time" content="2025-12-0{day}T08:00:00+00:00"></head>
<body><div class="nav"><a href="/">Home</a> <a href="/login">Sign in</a></div>
<article><h1>{title}</h1><p>{body}</p><p>Studios said the market reached 50.44 billion yuan in
2024, and more than 1.33 million jobs depend on the sector across the country.</p></article>
<footer>Copyright 2025 Example News</footer></body></html>"""
LISTING = """<!DOCTYPE html><html><head><title>News</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>
<div class="menu"><a href="/">Home</a> <a href="/about">About</a></div>
<ul class="news">{items}</ul></body></html>"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><title>Micro-drama studios expand</title>
<link>{{base}}/news/2025/12/01/studios.html</link></item>
<item><title>Harbour marathon</title><link>{{base}}/news/2025/12/02/marathon.html</link></item>
</channel></rss>"""
ITEMS = (
    '<li><a href="/news/2025/12/01/studios.html">Micro-drama studios expand in the city</a>'
    "<span>2025-12-01</span></li>"
    '<li><a href="/news/2025/12/02/marathon.html">Harbour marathon draws record crowd</a>'
    "<span>2025-12-02</span></li>"
    '<li><a href="/private/2025/12/03/draft.html">Draft: micro-drama briefing notes here</a>'
    "<span>2025-12-03</span></li>"
)
ROUTES = {
    "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private/\n"),
    "/news/": ("text/html; charset=utf-8", LISTING.format(items=ITEMS)),
    "/feed.xml": ("application/rss+xml", FEED),
    "/news/2025/12/01/studios.html": (
        "text/html; charset=utf-8",
        ARTICLE.format(
            title="Micro-drama studios expand",
            day=1,
            body="Micro-drama producers opened three studios in the city this week.",
        ),
    ),
    "/news/2025/12/02/marathon.html": (
        "text/html; charset=utf-8",
        ARTICLE.format(
            title="Harbour marathon", day=2, body="Runners crowded the harbour on Sunday morning."
        ),
    ),
    "/private/2025/12/03/draft.html": ("text/html; charset=utf-8", "<html>secret</html>"),
    "/plain/": (
        "text/html; charset=utf-8",
        '<html><body><div class="list">'
        + "".join(f'<a href="/p?i={i}">Item {i}</a>' for i in range(8))
        + "</div></body></html>",
    ),
}


def dramawatch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess (each dry run starts its own reactor)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DRAMAWATCH_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "dramawatch", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _config(tmp_path: Path, sources: list[dict[str, Any]]) -> Path:
    path = tmp_path / "dramawatch.yaml"
    tree = {
        "database": f"sqlite:///{tmp_path / 'dw.db'}",
        "sources": sources,
        "crawl": {"download_timeout": 5, "retries": 0, "autothrottle": False},
    }
    path.write_text("# my sources\n" + yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")
    return path


def test_sources_test_shows_links_articles_and_verdict_and_writes_nothing(tmp_path: Path) -> None:
    with serve(ROUTES) as base:
        config = _config(tmp_path, [{"name": "example", "kind": "html", "url": f"{base}/news/"}])
        done = dramawatch(
            "--config", str(config), "sources", "test", "example", "--format", "json", cwd=tmp_path
        )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    articles = {a["url"].removeprefix(base): a for a in result["articles"]}
    assert set(articles) == {"/news/2025/12/01/studios.html", "/news/2025/12/02/marathon.html"}
    studios = articles["/news/2025/12/01/studios.html"]
    assert studios["title"] == "Micro-drama studios expand"
    assert studios["on_topic"] is True
    assert studios["published_at"] == "2025-12-01T08:00:00+00:00"
    assert studios["language"] == "en"
    assert studios["length"] > 100
    assert "Sign in" in studios["chrome_removed"]["samples"]
    assert articles["/news/2025/12/02/marathon.html"]["on_topic"] is False
    skipped = {s["url"].removeprefix(base): s["reason"] for s in result["skipped"]}
    assert "robots.txt" in skipped["/private/2025/12/03/draft.html"]
    assert "navigation" in skipped["/about"]
    assert result["verdict"]["status"] == "ok"
    assert not (tmp_path / "dw.db").exists()


def test_sources_test_of_a_listing_without_article_links_suggests_a_selector(
    tmp_path: Path,
) -> None:
    with serve(ROUTES) as base:
        done = dramawatch("sources", "test", f"{base}/plain/", "--kind", "html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Verdict: warning" in done.stdout
    assert "0 article links: try link_selector: 'div.list a'" in done.stdout


def test_sources_test_reads_a_json_list_by_url(tmp_path: Path) -> None:
    with json_api() as api:
        url = f"{api.base_url}/zhengce/zuixin/ZUIXINZHENGCE.json"
        done = dramawatch("sources", "test", url, "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["kind"] == "json"
    verdicts = {a["title"]: a["on_topic"] for a in result["articles"]}
    assert verdicts == {
        "国务院办公厅关于进一步规范网络微短剧管理的意见": True,
        "国务院关于2026年部分节假日安排的通知": False,
    }


def test_sources_test_of_a_missing_page_fails_with_a_hint(tmp_path: Path) -> None:
    with serve(ROUTES) as base:
        done = dramawatch(
            "sources", "test", f"{base}/gone/", "--kind", "html", "--format", "json", cwd=tmp_path
        )
    assert done.returncode == 1
    verdict = json.loads(done.stdout)["verdict"]
    assert verdict["status"] == "failing"
    assert "404" in verdict["summary"]
    assert verdict["hints"]


def test_sources_test_of_links_to_missing_pages_says_they_failed_and_lists_them(
    tmp_path: Path,
) -> None:
    dead = ITEMS.replace("/news/", "/moved/").replace("/private/", "/moved/")
    routes = {**ROUTES, "/dead/": ("text/html; charset=utf-8", LISTING.format(items=dead))}
    with serve(routes) as base:
        done = dramawatch("sources", "test", f"{base}/dead/", "--kind", "html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Pages that failed" in done.stdout
    assert "/moved/2025/12/01/studios.html" in done.stdout
    assert "3 failed to load (HTTP 404 ×3)" in done.stdout
    assert "the linked pages failed to load" in done.stdout


def test_sources_add_discovers_the_feed_and_writes_the_entry(tmp_path: Path) -> None:
    with serve(ROUTES) as base:
        config = _config(tmp_path, [])
        done = dramawatch(
            "--config",
            str(config),
            "sources",
            "add",
            f"{base}/news/",
            "--name",
            "example-news",
            "--write",
            cwd=tmp_path,
        )
    assert done.returncode == 0, done.stderr
    assert "declared by the page" in done.stdout
    assert f"url: {base}/feed.xml" in done.stdout
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# my sources\n")
    assert f"  - name: example-news\n    kind: rss\n    url: {base}/feed.xml\n" in text
    check = dramawatch("--config", str(config), "check-config", cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_sources_add_finds_the_post_api_behind_a_page_and_tests_it(tmp_path: Path) -> None:
    with json_api() as api:
        config = _config(tmp_path, [])
        done = dramawatch(
            "--config", str(config), "sources", "add", f"{api.base_url}/zwgk/zxxxgk/index.html",
            "--name", "pudong", "--write", cwd=tmp_path,
        )  # fmt: skip
        posts = [r for r in api.requests if r["method"] == "POST"]
    assert done.returncode == 0, done.stderr
    assert "POSTed as the page's script does" in done.stdout
    assert "Verdict: ok: 2 article links, 2 with text" in done.stdout  # tested as `sources test`
    (entry,) = yaml.safe_load(config.read_text(encoding="utf-8"))["sources"]
    assert entry == {
        "name": "pudong",
        "kind": "json",
        "url": f"{api.base_url}/zwgk-search-front/api/data/affair",
        "method": "POST",
        "body": {"channelList": ["5144"], "pageSize": 20, "pageNo": 1},
        "page_param": "pageNo",
        "items": "data.list",
        "item_link": "url",
        "item_title": "title",
        "item_date": "display_date",
    }
    assert all(json.loads(r["body"])["channelList"] == ["5144"] for r in posts)
    assert {r["content_type"] for r in posts} == {"application/json"}


def test_opml_import_and_export(tmp_path: Path) -> None:
    config = _config(tmp_path, [])
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="media">'
        '<outline type="rss" text="Sixth Tone" xmlUrl="https://www.sixthtone.com/rss"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    imported = dramawatch("--config", str(config), "sources", "import", str(opml), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "sixth-tone" in imported.stdout
    exported = dramawatch(
        "--config", str(config), "sources", "export", "--format", "opml", cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    assert 'xmlUrl="https://www.sixthtone.com/rss"' in exported.stdout


def test_broken_selector_fails_check_config_naming_file_and_key(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        [{"name": "x", "kind": "html", "url": "https://x.cn/", "link_selector": "ul..news a"}],
    )
    done = dramawatch("--config", str(config), "check-config", cwd=tmp_path)
    assert done.returncode == 2
    assert f"{config}: sources[0].link_selector" in done.stderr
    assert "is not a valid CSS selector" in done.stderr


def test_a_listing_without_article_links_makes_the_run_a_warning(tmp_path: Path) -> None:
    with serve(ROUTES) as base:
        config = _config(tmp_path, [{"name": "plain", "kind": "html", "url": f"{base}/plain/"}])
        done = dramawatch("--config", str(config), "crawl", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (result,) = json.loads(done.stdout)["sources"]
    assert (result["ok"], result["status"], result["error"]) == (False, "warning", None)
    assert result["warnings"] == [
        f"{base}/plain/: 0 article links: try link_selector: 'div.list a'"
    ]
    listed = dramawatch("--config", str(config), "sources", "--format", "json", cwd=tmp_path)
    (row,) = json.loads(listed.stdout)
    assert (row["ok"], row["status"], row["last_error"]) == (False, "warning", None)
    assert row["warnings"] == result["warnings"] and row["consecutive_failures"] == 0
    table = dramawatch("--config", str(config), "sources", cwd=tmp_path)
    assert "warning" in table.stdout and "try link_selector" in table.stdout


def test_every_sources_subcommand_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("test", "add", "import", "export"):
        done = dramawatch("sources", command, "--help", cwd=ROOT)
        assert done.returncode == 0
        assert "Example:" in done.stdout
        assert f"dramawatch sources {command}" in readme
