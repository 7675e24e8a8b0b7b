"""Scale-out without Docker: real Redis and PostgreSQL on 127.0.0.1, two worker processes and
a scheduler of the real CLI, the recorded sites; then a worker SIGKILLed, Redis restarted and
PostgreSQL restarted mid-crawl. Each run is compared with a one-process ``crawl`` on SQLite."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from scrapy import Request
from sqlalchemy import select

from config import load_config
from crawler.distributed import queue as distributed
from crawler.distributed.spider import WorkerSpider
from dramawatch.demo.server import SiteServer, load_manifest, sites_root
from storage import Store
from storage.models import Alert, Article, Delivery, MetricObservation
from tests.support.alert_servers import HookReceiver, SmtpSink
from tests.support.e2e import demo_config_text
from tests.support.pg import PostgresServer
from tests.support.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]
SLOW_MANIFEST = "manifest-slow.yaml"


def entry_point() -> list[str]:
    """``python -m dramawatch``."""
    return [sys.executable, "-m", "dramawatch"]


def slow_sites(target: Path, hang: float) -> Path:
    """A copy of the recorded sites whose pages (not robots.txt) take ``hang`` seconds."""
    shutil.copytree(sites_root(), target)
    routes = []
    for route in load_manifest(target).values():
        entry = {key: value for key, value in asdict(route).items() if value not in (None, {})}
        entry["hang"] = 0 if route.path == "/robots.txt" else hang
        routes.append(entry)
    text = yaml.safe_dump({"routes": routes}, allow_unicode=True)
    (target / SLOW_MANIFEST).write_text(text, encoding="utf-8")
    return target


@dataclass(frozen=True)
class Outcome:
    """What a crawl left in the store, keyed by URL so two databases can be compared."""

    articles: Counter[str]
    stories: frozenset[frozenset[str]]
    observations: Counter[tuple[Any, ...]]
    keyword_alerts: Counter[tuple[str, frozenset[str]]]  # (rule, story)
    alert_keys: Counter[str]
    deliveries: dict[str, str]  # id -> status
    riders: dict[str, str]  # id -> the carrier whose message it rides in

    @classmethod
    def read(cls, database: str) -> Outcome:
        """Read the outcome of the crawl stored in ``database``."""
        store = Store(database)
        try:
            with store.transaction() as tx:
                return cls._read(tx.session)
        finally:
            store.dispose()

    @classmethod
    def _read(cls, session: Any) -> Outcome:
        rows = session.execute(select(Article.url, Article.story_id)).all()
        members: dict[int, set[str]] = {}
        for url, story in rows:
            members.setdefault(story, set()).add(url)
        story_of = {story: frozenset(urls) for story, urls in members.items()}
        observations = Counter(
            (story_of[o.story_id], o.metric, o.value, o.unit, o.period, o.kind)
            for o in session.scalars(select(MetricObservation))
        )
        alerts = session.scalars(select(Alert)).all()
        deliveries = session.scalars(select(Delivery)).all()
        return cls(
            articles=Counter(url for url, _story in rows),
            stories=frozenset(story_of.values()),
            observations=observations,
            keyword_alerts=Counter(
                (a.rule, story_of.get(a.story_id, frozenset()))
                for a in alerts
                if a.kind == "keyword"
            ),
            alert_keys=Counter(a.dedupe_key for a in alerts),
            deliveries={d.id: d.status for d in deliveries},
            riders={d.id: d.carrier_id for d in deliveries if d.carrier_id},
        )


class Cluster:
    """Worker and scheduler processes sharing one Redis and one PostgreSQL database."""

    def __init__(self, workdir: Path, database: str, env: dict[str, str], redis_url: str):
        self.workdir = workdir
        self.database = database
        self.config = workdir / "dramawatch.yaml"
        self.config.write_text(config_text(database), encoding="utf-8")
        self.env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
        self.env.pop("DRAMAWATCH_CONFIG", None)
        self.redis_url = redis_url
        self.workers: dict[str, subprocess.Popen[bytes]] = {}

    def command(self, *args: str) -> list[str]:
        """The CLI command line with this cluster's config."""
        return [*entry_point(), "--config", str(self.config), "-v", *args]

    def start_worker(self, name: str, *options: str) -> subprocess.Popen[bytes]:
        """Start ``dramawatch worker --id NAME``; its log goes to NAME.log."""
        args = ["worker", "--redis", self.redis_url, "--id", name, "--concurrency", "4", *options]
        with (self.workdir / f"{name}.log").open("ab") as log:
            process = subprocess.Popen(
                self.command(*args), cwd=self.workdir, env=self.env, stdout=log, stderr=log
            )
        self.workers[name] = process
        return process

    def schedule(self, *options: str) -> subprocess.CompletedProcess[str]:
        """Run ``dramawatch schedule`` to completion."""
        return subprocess.run(
            self.command("schedule", "--redis", self.redis_url, *options),
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def kill(self, name: str) -> None:
        """SIGKILL a worker: no clean-up of any kind."""
        self.workers[name].send_signal(signal.SIGKILL)
        self.workers[name].wait(timeout=10)

    def wait(self, timeout: float = 90) -> dict[str, int | str]:
        """Wait for every worker to exit (they use --idle-exit); return their exit codes, or
        "stuck" for a worker that had to be stopped (a stopped worker exits 0 too)."""
        deadline = time.monotonic() + timeout
        exits: dict[str, int | str] = {}
        for name, process in self.workers.items():
            try:
                exits[name] = process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.terminate()
                process.wait(timeout=30)
                exits[name] = "stuck"
        return exits

    def logs(self, *, full: bool = False) -> str:
        """Every worker's log (the tail of it unless ``full``), for assertions."""
        texts = {n: (self.workdir / f"{n}.log").read_text(errors="replace") for n in self.workers}
        return "\n".join(f"--- {n}\n{t if full else t[-3000:]}" for n, t in texts.items())


def leased_urls(server: Any, worker: str) -> set[str]:
    """URLs of the requests ``worker`` holds right now."""
    return {
        pickle.loads(raw)["url"]  # our own queue entries
        for raw in server.lrange(distributed.processing_key(worker), 0, -1)
    }


def wait_until(condition: Any, timeout: float, interval: float = 0.02) -> bool:
    """Poll ``condition()`` until it is true or ``timeout`` seconds passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def config_text(database: str) -> str:
    """The demo config on ``database``, without autothrottle (the local server is fast)."""
    return demo_config_text(database, autothrottle=False)


# --- fixtures ---------------------------------------------------------------------------------

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
HANG = 0.6  # seconds each page takes in the fault tests, so that there is a "mid-crawl"
DOWN_FOR = 3.0  # seconds Redis or PostgreSQL stays down
CLOSED_PORT_HOOK = "http://127.0.0.1:9/hook"  # the reference crawl's alerts go nowhere


@dataclass(frozen=True)
class World:
    """The sites, and what a single-process crawl of them fetched and stored."""

    site: SiteServer
    fetched: Counter[str]
    outcome: Outcome


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The recorded sites (plus a slow manifest) and the reference crawl on SQLite."""
    root = slow_sites(tmp_path_factory.mktemp("sites") / "sites", HANG)
    with SiteServer(root) as site:
        workdir = tmp_path_factory.mktemp("reference")
        database = f"sqlite:///{workdir / 'reference.db'}"
        (workdir / "dramawatch.yaml").write_text(config_text(database), encoding="utf-8")
        env = {
            **os.environ,
            "DEMO_BASE": site.base_url,
            "DEMO_HOOK_URL": CLOSED_PORT_HOOK,
            "PYTHONPATH": str(ROOT),
        }
        done = subprocess.run(
            [sys.executable, "-m", "dramawatch", "--config", "dramawatch.yaml", "crawl"],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        yield World(site, _pages(site.requests), Outcome.read(database))


@pytest.fixture
def receivers() -> Iterator[tuple[HookReceiver, SmtpSink]]:
    """A webhook receiver and an SMTP sink for the demo config's two channels."""
    hook, smtp = HookReceiver(), SmtpSink().start()
    yield hook, smtp
    hook.close()
    smtp.stop()


@pytest.fixture
def cluster(
    world: World,
    postgres_server: PostgresServer,
    redis_server: RedisServer,
    receivers: tuple[HookReceiver, SmtpSink],
    tmp_path: Path,
) -> Iterator[Cluster]:
    """A fresh PostgreSQL database, an empty Redis, the fast sites and the receivers."""
    name = postgres_server.create_database()
    with redis_server.client() as client:
        client.flushall()
    world.site.use_manifest("manifest.yaml")
    world.site.clear_requests()
    hook, smtp = receivers
    env = {
        "DEMO_BASE": world.site.base_url,
        "DEMO_HOOK_URL": hook.url,
        "DEMO_SMTP_PORT": str(smtp.port),
    }
    cluster = Cluster(tmp_path, postgres_server.url(name), env, redis_server.url)
    yield cluster
    cluster.wait(timeout=1)
    postgres_server.drop_database(name)


def _pages(requests: list[str]) -> Counter[str]:
    """Fetches per path; robots.txt is fetched once per crawler, so it is left out."""
    return Counter(path for path in requests if path != "/robots.txt")


def _assert_each_page_fetched_once(
    fetched: Counter[str], reference: Counter[str], logs: str
) -> None:
    """The reference crawl's pages, each fetched once, again only on a retry, never on a lease
    taken over: a timed-out download is retried, so exact counts depend on the machine's load."""
    assert set(fetched) == set(reference), logs  # nothing lost, nothing more
    assert "is gone" not in logs  # no live worker's lease was taken back
    again = sum(fetched.values()) - len(fetched)
    assert again <= _retries(logs), (fetched, logs)


def _retries(logs: str) -> int:
    """Retries the workers made (their Scrapy stats, logged when they exit)."""
    return sum(int(count) for count in re.findall(r"'retry/count': (\d+)", logs))


def _delivered_ids(hook: HookReceiver, smtp: SmtpSink) -> Counter[str]:
    ids = Counter(r.headers.get("x-dramawatch-delivery", "") for r in hook.requests)
    for message in smtp.messages:
        ids.update(part.strip() for part in str(message["X-Dramawatch-Delivery"]).split(","))
    return ids


def _assert_same_archive(got: Outcome, reference: Outcome) -> None:
    assert got.articles == reference.articles  # every article, each stored once
    assert got.stories == reference.stories
    assert got.observations == reference.observations
    # Whichever copy of a story comes first, each story raises the same keyword alerts once.
    assert got.keyword_alerts == reference.keyword_alerts
    assert max(got.keyword_alerts.values()) == 1  # one alert per (rule, story)
    assert max(got.alert_keys.values()) == 1


def _assert_delivered_once(got: Outcome, receivers: tuple[HookReceiver, SmtpSink]) -> None:
    assert got.deliveries and set(got.deliveries.values()) == {"delivered"}, got.deliveries
    delivered = _delivered_ids(*receivers)
    # A delivery riding in its carrier's message (another rule on the same story and webhook,
    # raised in the same transaction) arrives inside that message, under the carrier's id.
    carried = [delivery for delivery in got.deliveries if delivery not in got.riders]
    assert delivered == Counter(dict.fromkeys(carried, 1))
    assert set(got.riders.values()) <= set(carried)


def _stored(database: str) -> int:
    store = Store(database)
    try:
        with store.transaction() as tx:
            return len(tx.session.scalars(select(Article.id)).all())
    finally:
        store.dispose()


# --- tests --------------------------------------------------------------------------------------


def test_two_workers_and_a_scheduler_fetch_store_and_alert_once(
    world: World, cluster: Cluster, receivers: tuple[HookReceiver, SmtpSink]
) -> None:
    for name in ("w1", "w2"):
        cluster.start_worker(name, "--idle-exit", "2")
    scheduled = cluster.schedule("--wait")
    assert scheduled.returncode == 0, scheduled.stderr
    assert cluster.wait() == {"w1": 0, "w2": 0}, cluster.logs()
    _assert_each_page_fetched_once(
        _pages(world.site.requests), world.fetched, cluster.logs(full=True)
    )
    got = Outcome.read(cluster.database)
    _assert_same_archive(got, world.outcome)
    _assert_delivered_once(got, receivers)


def test_a_killed_workers_requests_are_finished_by_the_other(
    world: World,
    cluster: Cluster,
    redis_server: RedisServer,
    receivers: tuple[HookReceiver, SmtpSink],
) -> None:
    world.site.use_manifest(SLOW_MANIFEST)
    cluster.start_worker("doomed", "--heartbeat-ttl", "2", "--no-dispatch")
    cluster.start_worker("survivor", "--heartbeat-ttl", "2", "--idle-exit", "2")
    assert cluster.schedule().returncode == 0
    with redis_server.client() as client:
        assert wait_until(lambda: len(leased_urls(client, "doomed")) >= 3, 30), cluster.logs()
        time.sleep(HANG / 2)  # mid-download
        cluster.kill("doomed")
        held = leased_urls(client, "doomed")  # read before the survivor takes them back
    assert cluster.wait()["survivor"] == 0, cluster.logs()
    fetched = _pages(world.site.requests)
    assert set(fetched) == set(world.fetched)  # nothing lost
    twice = {path for path, count in fetched.items() if count > world.fetched[path]}
    held_paths = {url.split("/", 3)[3] for url in held}
    assert {path.lstrip("/") for path in twice} <= held_paths  # only the killed one's redone
    got = Outcome.read(cluster.database)
    _assert_same_archive(got, world.outcome)
    _assert_delivered_once(got, receivers)


def _start_slow_pass(world: World, cluster: Cluster) -> None:
    """Two workers on the slow site, a pass scheduled, and its first articles stored."""
    world.site.use_manifest(SLOW_MANIFEST)
    for name in ("w1", "w2"):
        cluster.start_worker(name, "--idle-exit", "2")
    assert cluster.schedule().returncode == 0
    assert wait_until(lambda: _stored(cluster.database) >= 3, 40, 0.2), cluster.logs()


def test_redis_restarted_mid_crawl(
    world: World,
    cluster: Cluster,
    redis_server: RedisServer,
    receivers: tuple[HookReceiver, SmtpSink],
) -> None:
    _start_slow_pass(world, cluster)
    redis_server.restart(down_for=DOWN_FOR)
    assert cluster.wait() == {"w1": 0, "w2": 0}, cluster.logs()
    _assert_each_page_fetched_once(
        _pages(world.site.requests), world.fetched, cluster.logs(full=True)
    )
    got = Outcome.read(cluster.database)
    _assert_same_archive(got, world.outcome)
    _assert_delivered_once(got, receivers)


def test_postgres_restarted_mid_crawl(
    world: World,
    cluster: Cluster,
    postgres_server: PostgresServer,
    receivers: tuple[HookReceiver, SmtpSink],
) -> None:
    _start_slow_pass(world, cluster)
    postgres_server.pg_ctl("stop")
    time.sleep(DOWN_FOR)  # pages keep arriving: their items cannot be stored meanwhile
    postgres_server.pg_ctl("start")
    assert cluster.wait() == {"w1": 0, "w2": 0}, cluster.logs()
    assert "worker paused until it answers" in cluster.logs(full=True)  # the fault did bite
    assert set(_pages(world.site.requests)) == set(world.fetched)  # nothing lost
    got = Outcome.read(cluster.database)
    _assert_same_archive(got, world.outcome)  # nothing doubled
    _assert_delivered_once(got, receivers)


def test_robots_txt_binds_every_request_that_waited_for_it(world: World, cluster: Cluster) -> None:
    # Three requests to a host whose robots.txt is not fetched yet; the forbidden one last
    # (Scrapy's own middleware lets every waiter but the first through).
    config = load_config(cluster.config, environ=cluster.env)
    spider = WorkerSpider(config=config)
    paths = [
        "/shio/jsp/zfxw_detail_en.jsp?id=20251207165434657",
        "/shio/jsp/zfxw_detail_en.jsp?id=20251211102315482",
        "/private/jsp/zfxw_detail_en.jsp?id=20251205090000001",
    ]
    requests = [
        spider.adopt(Request(world.site.url(path)), "shanghai-city-news", "p1") for path in paths
    ]
    for request in requests:
        request.meta[distributed.CALLBACK] = "parse_article"
    with distributed.connect(cluster.redis_url) as server:
        distributed.push_requests(server, spider, requests)
    cluster.start_worker("w1", "--idle-exit", "1", "--no-dispatch")
    assert cluster.wait() == {"w1": 0}, cluster.logs()
    assert _pages(world.site.requests) == Counter(paths[:2])
