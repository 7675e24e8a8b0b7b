"""Two real crawls of the recorded sites with rules and a webhook: exactly the expected alerts.

The second crawl sees a new NRTA regulation notice (专项整治) and a CNSA page whose market
size moves from 504.4亿元 to 677.9亿元; everything else is unchanged. A third crawl of the
same world must raise and deliver nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from dramawatch.demo.server import SiteServer, sites_root
from tests.support.alert_servers import HookReceiver
from tests.support.e2e import demo_config_text, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The recorded sites, a webhook receiver and a config with two rules."""
    workdir = tmp_path_factory.mktemp("alerts-e2e")
    receiver = HookReceiver()
    tree = yaml.safe_load(demo_config_text("sqlite:///alerts.db"))
    tree["rules"] = [
        {"name": "crackdown", "kind": "keyword", "any": ["专项整治"], "channels": ["hook"]},
        {
            "name": "market-moves",
            "kind": "metric_change",
            "metric": "market_value",
            "min_change_pct": 5,
            "channels": ["hook"],
        },
    ]
    tree["channels"] = [{"name": "hook", "kind": "webhook", "url": receiver.url, "secret": "s3"}]
    (workdir / "dramawatch.yaml").write_text(yaml.safe_dump(tree, allow_unicode=True), "utf-8")
    with SiteServer(sites_root()) as server:
        yield {"workdir": workdir, "server": server, "receiver": receiver}
    receiver.close()


def _crawl(world: dict[str, Any], *args: str) -> str:
    done = run_cli("crawl", *args, cwd=world["workdir"], base_url=world["server"].base_url)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _alerts(world: dict[str, Any]) -> list[dict[str, Any]]:
    done = run_cli(
        "alerts", "--format", "json", cwd=world["workdir"], base_url=world["server"].base_url
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def _bodies(world: dict[str, Any]) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in world["receiver"].requests]


def test_second_crawl_alerts_exactly_the_new_notice_and_the_moved_figure(
    world: dict[str, Any],
) -> None:
    _crawl(world)
    before = _alerts(world)
    assert not [a for a in before if a["rule"] == "crackdown"]
    world["server"].use_manifest("manifest-update.yaml")
    summary = _crawl(world)
    assert "Alerts: 2 raised; deliveries 2 delivered, 0 pending, 0 failed" in summary
    new = [a for a in _alerts(world) if a["id"] not in {b["id"] for b in before}]
    assert Counter(a["rule"] for a in new) == {"crackdown": 1, "market-moves": 1}
    assert all(a["status"] == "delivered" for a in _alerts(world))
    crackdown = [b for b in _bodies(world) if b["rule"] == "crackdown"]
    assert len(crackdown) == 1 and "art_113_70402" in crackdown[0]["url"]
    moved = [
        b
        for b in _bodies(world)
        if b["rule"] == "market-moves" and "677.9" in json.dumps(b, ensure_ascii=False)
    ]
    assert len(moved) == 1


def test_unchanged_third_crawl_raises_and_sends_nothing(world: dict[str, Any]) -> None:
    sent, alerts = len(world["receiver"].requests), len(_alerts(world))
    report = json.loads(_crawl(world, "--format", "json"))
    assert report["alerts"] == {"raised": 0, "delivered": 0, "pending": 0, "failed": 0}
    assert len(_alerts(world)) == alerts
    assert len(world["receiver"].requests) == sent


def test_each_delivery_arrived_once_with_a_valid_signature(world: dict[str, Any]) -> None:
    ids = [r.headers["x-dramawatch-delivery"] for r in world["receiver"].requests]
    assert len(ids) == len(set(ids)) == len(_alerts(world))
    for request in world["receiver"].requests:
        expected = "sha256=" + hmac.new(b"s3", request.body, hashlib.sha256).hexdigest()
        assert request.headers["x-dramawatch-signature"] == expected
