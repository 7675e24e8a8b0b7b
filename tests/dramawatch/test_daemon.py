"""`dramawatch run` as a real process with 2-second intervals against the recorded sites.

One daemon world, steps in order: the daemon crawls, survives a hanging and a garbage source,
picks up a notice added while it runs and delivers its alert; `status` shows it; a second
daemon refuses; SIGHUP re-syncs the jobs; after SIGKILL a restart resumes the stored schedule
without duplicate articles or alerts; SIGTERM exits 0 in bounded time; a second signal exits
at once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from dramawatch.demo.server import SiteServer, sites_root
from storage import Store
from tests.support.alert_servers import HookReceiver
from tests.support.e2e import ROOT, demo_config_text

pytestmark = pytest.mark.slow

NEW_NOTICE = "/nrta/art/2025/3/20/art_113_70402.html"
HANG = {"name": "hanging-site", "kind": "html", "url": "${DEMO_BASE}/hang/index.html"}
FAST = {"download_timeout": 1, "retries": 0, "autothrottle": False}


def _config(receiver: HookReceiver, names: set[str], **crawl: Any) -> str:
    tree = yaml.safe_load(
        demo_config_text("sqlite:///daemon.db", extra_sources=[HANG], **{**FAST, **crawl})
    )
    tree["sources"] = [dict(s, interval="2s") for s in tree["sources"] if s["name"] in names]
    tree["rules"] = [
        {"name": "crackdown", "kind": "keyword", "any": ["专项整治"], "channels": ["hook"]}
    ]
    tree["channels"] = [{"name": "hook", "kind": "webhook", "url": receiver.url}]
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


class Daemon:
    """A `dramawatch run` process with JSON logs in a file."""

    def __init__(self, workdir: Path, base_url: str, *args: str, log: str = "daemon.log") -> None:
        self.log = workdir / log
        self.env = {**os.environ, "DEMO_BASE": base_url, "PYTHONPATH": str(ROOT)}
        self.env.pop("DRAMAWATCH_CONFIG", None)
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [*_CLI, "run", "--log-format", "json", *args],
                cwd=workdir,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def events(self) -> list[dict[str, Any]]:
        """Every log line, parsed (each must be one JSON object)."""
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 30) -> tuple[int, float]:
        """Send ``signum``; the exit status and how long the exit took."""
        started = time.monotonic()
        self.process.send_signal(signum)
        return self.process.wait(timeout), time.monotonic() - started


_CLI = [sys.executable, "-m", "dramawatch"]


def _cli(workdir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_CLI, *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=60
    )


def wait_for(what: str, check: Callable[[], Any], timeout: float = 40) -> Any:
    """Poll ``check`` until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The recorded sites, a webhook receiver, a config and the archive's store."""
    workdir = tmp_path_factory.mktemp("daemon")
    receiver = HookReceiver()
    names = {"nrta-notices", "broken-feed", "hanging-site"}
    (workdir / "dramawatch.yaml").write_text(_config(receiver, names), encoding="utf-8")
    with SiteServer(sites_root()) as server:
        store = Store(f"sqlite:///{workdir / 'daemon.db'}")
        store.migrate()  # before the daemon starts: two processes must not both create tables
        daemon = Daemon(workdir, server.base_url, "--grace", "5")
        world = {
            "workdir": workdir,
            "server": server,
            "receiver": receiver,
            "store": store,
            "daemon": daemon,
            "names": names,
        }
        yield world
        for running in (world["daemon"], world.get("restarted")):
            if running is not None and running.process.poll() is None:
                running.process.kill()
                running.process.wait()
        store.dispose()
    receiver.close()


def _runs(store: Store, name: str) -> tuple[int, bool | None, int]:
    """(id of the last run, whether it was ok, consecutive failures) of a source."""
    with store.transaction() as tx:
        source = tx.sources.get(name)
        last = tx.sources.last_run(source) if source else None
        if source is None or last is None:
            return 0, None, 0
        return last.id, last.ok, source.consecutive_failures


def _urls(store: Store) -> list[str]:
    with store.transaction() as tx:
        return [article.url for article in tx.archive.iter_all()]


def _crackdown_alerts(store: Store) -> list[Any]:
    with store.transaction() as tx:
        return [d.alert_id for d in tx.alerts.deliveries() if d.alert.rule == "crackdown"]


def test_daemon_picks_up_a_new_page_and_survives_broken_sources(world: dict[str, Any]) -> None:
    store, daemon = world["store"], world["daemon"]
    wait_for("a first ok run of nrta-notices", lambda: _runs(store, "nrta-notices")[1])
    assert not any(url.endswith(NEW_NOTICE) for url in _urls(store))
    world["server"].use_manifest("manifest-update.yaml")
    wait_for("the new notice", lambda: any(url.endswith(NEW_NOTICE) for url in _urls(store)))
    assert world["receiver"].wait_for(1, timeout=20), "the crackdown alert was not delivered"
    body = json.loads(world["receiver"].requests[0].body)
    assert body["rule"] == "crackdown" and body["url"].endswith(NEW_NOTICE)
    wait_for("failed runs of the hanging site", lambda: _runs(store, "hanging-site")[2] >= 1)
    wait_for("failed runs of the garbage feed", lambda: _runs(store, "broken-feed")[2] >= 1)
    assert daemon.process.poll() is None, daemon.log.read_text()
    summaries = [e for e in daemon.events() if e.get("event") == "run"]
    assert {"nrta-notices", "broken-feed", "hanging-site"} <= {e["source"] for e in summaries}


def test_status_shows_the_running_daemon(world: dict[str, Any]) -> None:
    done = _cli(world["workdir"], world["daemon"].env, "status", "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["daemon"]["running"] is True
    assert report["daemon"]["pid"] == world["daemon"].process.pid
    rows = {row["source"]: row for row in report["sources"]}
    assert set(rows) == world["names"]
    assert all(row["next_run_at"] for row in rows.values())
    assert rows["nrta-notices"]["last_result"] == "ok"
    assert rows["broken-feed"]["failures"] >= 1 and rows["broken-feed"]["backoff_until"]
    assert set(report["deliveries"]) == {"pending", "failed"}
    table = _cli(world["workdir"], world["daemon"].env, "status")
    assert f"Daemon: running, pid {world['daemon'].process.pid}" in table.stdout


def test_a_second_daemon_refuses_to_schedule(world: dict[str, Any]) -> None:
    done = _cli(world["workdir"], world["daemon"].env, "run")
    assert done.returncode == 2, done.stderr
    assert "another dramawatch daemon" in done.stderr
    assert f"pid {world['daemon'].process.pid}" in done.stderr


def test_sighup_reloads_the_sources(world: dict[str, Any]) -> None:
    store, daemon = world["store"], world["daemon"]
    world["names"] = {"nrta-notices", "hanging-site", "cnsa-news"}
    config = _config(world["receiver"], world["names"])
    (world["workdir"] / "dramawatch.yaml").write_text(config, encoding="utf-8")
    daemon.process.send_signal(signal.SIGHUP)
    wait_for("a run of the added source", lambda: _runs(store, "cnsa-news")[0])
    with store.transaction() as tx:
        jobs = tx.daemon.scheduled_runs()
    assert set(jobs) == {f"source:{name}" for name in world["names"]}
    assert any("reloaded" in e["msg"] for e in daemon.events())


def test_restart_after_sigkill_resumes_without_duplicates(world: dict[str, Any]) -> None:
    store, daemon = world["store"], world["daemon"]
    before = Counter(_urls(store))
    daemon.process.kill()
    daemon.process.wait()
    restarted = Daemon(world["workdir"], world["server"].base_url, "--grace", "5", log="2.log")
    world["restarted"] = restarted
    started = wait_for(
        "the restarted daemon's schedule",
        lambda: [e for e in restarted.events() if e.get("event") == "schedule"],
    )
    assert started[0]["kept"] and not started[0]["added"], started[0]  # resumed, not re-added
    last = _runs(store, "nrta-notices")[0]
    wait_for("a run after the restart", lambda: _runs(store, "nrta-notices")[0] > last)
    after = Counter(_urls(store))
    assert max(after.values()) == 1 and set(before) <= set(after)
    assert len(_crackdown_alerts(store)) == 1
    deliveries = [r.headers["x-dramawatch-delivery"] for r in world["receiver"].requests]
    assert len(set(deliveries)) == 1


def test_sigterm_exits_zero_in_bounded_time(world: dict[str, Any]) -> None:
    restarted: Daemon = world["restarted"]
    status, took = restarted.stop(signal.SIGTERM)
    assert status == 0, restarted.log.read_text()
    assert took < 5 + 10, took  # --grace 5, plus the scheduler's and dispatcher's wind-down
    events = restarted.events()  # every line is one JSON object
    assert events[-1]["event"] == "stopped"
    done = _cli(world["workdir"], restarted.env, "status", "--format", "json")
    assert json.loads(done.stdout)["daemon"] == {"running": False}


def test_a_second_signal_exits_at_once(world: dict[str, Any], tmp_path: Path) -> None:
    # Only the hanging site, with a long timeout: a crawl is running when the signals come.
    config = _config(world["receiver"], {"hanging-site"}, download_timeout=25)
    (tmp_path / "dramawatch.yaml").write_text(config, encoding="utf-8")
    daemon = Daemon(tmp_path, world["server"].base_url, "--grace", "60")
    wait_for("a crawl to start", lambda: _children(tmp_path), timeout=30)
    daemon.process.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    status, took = daemon.stop(signal.SIGTERM, timeout=10)
    assert status == 128 + signal.SIGTERM and took < 3
    wait_for("the crawl to be killed", lambda: not _children(tmp_path), timeout=5)


def _children(workdir: Path) -> list[int]:
    """Crawl processes started from ``workdir``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if b"crawl" in cmdline and cwd == str(workdir):
            found.append(int(entry.name))
    return found
