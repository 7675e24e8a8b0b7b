"""Real crawls of the recorded sites: a regulator's alert whichever copy is crawled first.

Global Times (a media source) carries a Traditional-Chinese copy of NRTA's 2025-02-05
notice; the demo's regulation rule watches government sources only. Crawling the copy
first and the original second sends the same alerts as the other order: exactly one
webhook POST and one email for the notice's story. A third copy, from a government mirror
that matches the rule too, sends nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from dramawatch.demo.server import SiteServer, sites_root
from tests.support.alert_servers import HookReceiver, SmtpSink
from tests.support.e2e import demo_config_text, export, run_cli
from tests.support.site_server import serve

pytestmark = pytest.mark.slow

NOTICE = "art_113_70148"  # the NRTA notice Global Times copies
ORIGINAL = sites_root() / "nrta" / "art" / "2025" / "2" / "5" / f"{NOTICE}.html"
MIRROR_LISTING = (
    '<html><body><ul><li><a href="/mirror/notice.html">通知</a></li></ul></body></html>'
)


@pytest.fixture(scope="module")
def sites() -> Iterator[tuple[str, str]]:
    """The recorded sites, and a government mirror serving a third copy of the notice."""
    page = ORIGINAL.read_bytes().replace(
        "现将有关事项通知如下。".encode(), "现将有关事项通知如下（转载）。".encode()
    )
    routes = {
        "/mirror/index.html": ("text/html; charset=utf-8", MIRROR_LISTING),
        "/mirror/notice.html": ("text/html; charset=utf-8", page),
    }
    with SiteServer(sites_root()) as server, serve(routes) as mirror:
        yield server.base_url, mirror


class World:
    """A fresh archive with the demo's sources and rules, a webhook receiver and an SMTP sink."""

    def __init__(self, workdir: Path, sites: tuple[str, str]) -> None:
        self.workdir, self.base_url = workdir, sites[0]
        self.hook, self.mail = HookReceiver(), SmtpSink().start()
        mirror = {
            "name": "nrta-mirror",
            "kind": "html",
            "url": f"{sites[1]}/mirror/index.html",
            "category": "government",
            "language": "zh",
            "link_selector": "a[href*='notice']",
        }
        tree = yaml.safe_load(demo_config_text("sqlite:///order.db", extra_sources=[mirror]))
        for channel in tree["channels"]:
            if channel["kind"] == "webhook":
                channel["url"] = self.hook.url
            else:
                channel["smtp"]["port"] = self.mail.port
        text = yaml.safe_dump(tree, allow_unicode=True)
        (workdir / "dramawatch.yaml").write_text(text, "utf-8")

    def crawl(self, source: str) -> None:
        done = run_cli("crawl", "--source", source, cwd=self.workdir, base_url=self.base_url)
        assert done.returncode == 0, done.stderr[-3000:]

    def sent(self) -> list[tuple[str, str, str]]:
        """(sink, rule, article URL path) of every webhook POST and every email."""
        bodies = [json.loads(request.body) for request in self.hook.requests]
        posts = [("hook", body["rule"], _path(body["url"])) for body in bodies]
        mails = [("mail", *_mailed(message)) for message in self.mail.messages]
        return sorted(posts + mails)

    def close(self) -> None:
        self.hook.close()
        self.mail.stop()


def _path(url: str) -> str:
    return url.split("/", 3)[3]


def _mailed(message: Any) -> tuple[str, str]:
    """The rule and article URL of a one-alert email ("[rule] ..." then the URL)."""
    text = message.get_body(("plain",)).get_content()
    rule = text.split("]", 1)[0].lstrip("[")
    urls = [word for word in text.split() if word.startswith("http")]
    return rule, _path(urls[0])


@pytest.fixture
def world(tmp_path: Path, sites: tuple[str, str]) -> Iterator[World]:
    opened = World(tmp_path, sites)
    yield opened
    opened.close()


def _notice_alerts(world: World) -> list[tuple[str, str, str]]:
    return [entry for entry in world.sent() if NOTICE in entry[-1]]


def test_copy_first_then_original_alerts_once_per_sink(world: World) -> None:
    world.crawl("globaltimes")
    assert _notice_alerts(world) == []  # the copy is stored, but the rule skips media
    world.crawl("nrta-notices")
    original = f"nrta/art/2025/2/5/{NOTICE}.html"
    assert _notice_alerts(world) == [
        ("hook", "regulation", original),
        ("mail", "regulation", original),
    ]
    before = world.sent()
    world.crawl("nrta-mirror")  # a third copy that matches too
    assert world.sent() == before
    stories = {
        article["source"]: article["story_id"]
        for article in export(world.workdir, world.base_url)
        if NOTICE in article["url"] or article["url"].endswith(("1328801.shtml", "notice.html"))
    }
    assert set(stories) == {"globaltimes", "nrta-notices", "nrta-mirror"}
    assert len(set(stories.values())) == 1  # three copies of one story


def test_either_order_sends_the_same_alerts(tmp_path: Path, sites: tuple[str, str]) -> None:
    sent = []
    for order in (["globaltimes", "nrta-notices"], ["nrta-notices", "globaltimes"]):
        workdir = tmp_path / order[0]
        workdir.mkdir()
        world = World(workdir, sites)
        try:
            for source in order:
                world.crawl(source)
            sent.append(world.sent())
        finally:
            world.close()
    assert sent[0] == sent[1]
    assert len([entry for entry in sent[0] if NOTICE in entry[-1]]) == 2
