"""Conditional GET end to end: real crawls in subprocesses, the server's answers recorded.

The second crawl of unchanged sites is answered 304 for every feed, listing, sitemap and
article (only robots.txt, which is not asked conditionally, gets a 200) and stores nothing.
In the updated world a changed listing is fetched in full and its new notice stored, and an
article revised behind an unchanged listing is still seen: the listing's 304 is read from its
stored body and its articles are asked for again, each conditionally.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from dramawatch.demo.server import Reply, SiteServer, sites_root
from tests.support.e2e import ROOT, demo_config_text, export, run_cli

pytestmark = pytest.mark.slow

SOURCES = {"nrta-notices", "cnsa-news", "variety-microdramas", "globaltimes"}
NRTA_LISTING = "/nrta/col/col113/index.html"
NEW_NOTICE = "/nrta/art/2025/3/20/art_113_70402.html"
REVISED = "/cnsa/art/2025/3/27/art_1955_41102.html"


class RecordingServer(SiteServer):
    """The site server, keeping each answer's status and the validators it was asked with."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.answers: list[tuple[str, int, bool]] = []

    def reply_for(self, path: str, request_headers: Any) -> Reply | None:
        """Answer as usual and record (path, status, conditional)."""
        reply = super().reply_for(path, request_headers)
        conditional = bool(request_headers.get("If-None-Match"))
        if reply is not None:
            self.answers.append((path, reply.status, conditional))
        return reply


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Four sources (html listings, an RSS feed, a sitemap index) and one first crawl."""
    workdir = tmp_path_factory.mktemp("conditional")
    tree = yaml.safe_load(demo_config_text("sqlite:///cg.db", autothrottle=False))
    tree["sources"] = [s for s in tree["sources"] if s["name"] in SOURCES]
    (workdir / "dramawatch.yaml").write_text(yaml.safe_dump(tree, allow_unicode=True), "utf-8")
    with RecordingServer(sites_root()) as server:
        first = _crawl(workdir, server)
        yield {
            "workdir": workdir,
            "server": server,
            "first": first,
            "stored": export(workdir, server.base_url),
        }


def _crawl(workdir: Path, server: RecordingServer) -> dict[str, Any]:
    server.answers.clear()
    done = run_cli("crawl", "--format", "json", cwd=workdir, base_url=server.base_url)
    assert done.returncode == 0, done.stderr
    report = {row["source"]: row for row in json.loads(done.stdout)["sources"]}
    return {"report": report, "answers": list(server.answers)}


def test_second_crawl_is_answered_304_and_stores_nothing(world: dict[str, Any]) -> None:
    assert all(status != 304 for _path, status, _c in world["first"]["answers"])
    second = _crawl(world["workdir"], world["server"])
    statuses = Counter(status for _path, status, _c in second["answers"])
    full = [path for path, status, _c in second["answers"] if status == 200]
    assert set(full) == {"/robots.txt"}, full
    assert statuses[304] >= 15, statuses
    # Asked without validators: robots.txt, and a dead link of the feed (404, nothing kept).
    unasked = {(p, s) for p, s, cond in second["answers"] if p != "/robots.txt" and not cond}
    assert {status for _path, status in unasked} == {404}, unasked
    report = second["report"]
    assert sum(row["new"] for row in report.values()) == 0
    assert report["nrta-notices"]["unchanged"] == 4  # three on-topic notices, one off-topic
    assert all(row["ok"] for row in report.values()), report
    assert len(export(world["workdir"], world["server"].base_url)) == len(world["stored"])


def test_changed_listing_is_fetched_and_a_revision_behind_an_unchanged_one_is_seen(
    world: dict[str, Any],
) -> None:
    server = world["server"]
    server.use_manifest("manifest-update.yaml")
    try:
        third = _crawl(world["workdir"], server)
    finally:
        server.use_manifest("manifest.yaml")
    answers = {path: status for path, status, _c in third["answers"]}
    assert answers[NRTA_LISTING] == 200 and answers[NEW_NOTICE] == 200
    assert answers["/cnsa/col/col1955/index.html"] == 304 and answers[REVISED] == 200
    report = third["report"]
    assert report["nrta-notices"]["new"] == 1 and report["cnsa-news"]["revisions"] == 1


def test_without_revalidation_a_304_listing_ends_the_run(world: dict[str, Any]) -> None:
    server = world["server"]
    _pass_without_revalidation(world)  # the listing's validators now match the served world
    server.answers.clear()
    row = _pass_without_revalidation(world)
    assert row["ok"] and row["new"] == 0 and row["unchanged"] == 1
    assert [(p, s) for p, s, _c in server.answers if p != "/robots.txt"] == [(NRTA_LISTING, 304)]


def _pass_without_revalidation(world: dict[str, Any]) -> dict[str, Any]:
    """``run_pass`` of nrta-notices with DRAMAWATCH_REVALIDATE_ARTICLES = False."""
    script = (
        "import json; from config import load_config; from dramawatch.runner import run_pass\n"
        "c = load_config('dramawatch.yaml')\n"
        "r = run_pass(c, [c.source('nrta-notices')],"
        " settings={'DRAMAWATCH_REVALIDATE_ARTICLES': False})\n"
        "print(json.dumps(r.as_dict()))\n"
    )
    env = {**os.environ, "DEMO_BASE": world["server"].base_url, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=world["workdir"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.splitlines()[-1])["sources"][0])
