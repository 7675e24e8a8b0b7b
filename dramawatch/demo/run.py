"""``dramawatch demo``: the whole pipeline on the bundled recorded sites, with local sinks.

Two crawls run, each in its own process as the daemon runs them: the first reads the
recorded sites; the second sees them a little later, with a new NRTA regulation notice and
a CNSA report whose market-size figure changed. Alerts go to a webhook receiver and an SMTP
server on 127.0.0.1 started here; the archive, stories, metrics and alerts are shown.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import click

from config import DEMO_CONFIG, load_config
from dramawatch.demo.server import SiteServer, sites_root
from dramawatch.demo.sinks import SmtpSink, WebhookSink
from dramawatch.output import console
from storage import open_store

DATABASE = "dramawatch-demo.db"
CONFIG_NAME = "dramawatch.yaml"
EXPECTED_FAILURES = (
    "Expected below: broken-listing and broken-feed serve broken pages on purpose (truncated, "
    "empty, 404, 500, over-size, a malformed feed), as does one dead Variety link. Their "
    "warnings and errors show how failures are recorded while the crawl carries on."
)
SHOWN = (
    ("The archive: a Chinese two-character search", ["search", "短剧", "--limit", "8"]),
    (
        "Stories: an NRTA notice and its Traditional-Chinese copy are one story (copies 2)",
        ["search", "总局", "--stories", "--limit", "8"],
    ),
    ("Metrics: latest value per figure", ["metrics"]),
    ("Market size history", ["metrics", "market_value", "--plot"]),
    ("Alerts and their deliveries", ["alerts"]),
)


def run_demo(workdir: Path) -> None:
    """Serve the sites and sinks, crawl twice, then show what came out."""
    workdir.mkdir(parents=True, exist_ok=True)
    for leftover in workdir.glob(f"{DATABASE}*"):
        leftover.unlink()
    # A copy beside the database: its relative path then names the database the demo writes,
    # from any directory the commands below are run in.
    config = workdir / CONFIG_NAME
    shutil.copyfile(DEMO_CONFIG, config)
    absolute = config.resolve()
    smtp_port = _free_port()
    with SiteServer(sites_root()) as server, WebhookSink() as hook, SmtpSink(smtp_port) as mail:
        env = {
            **os.environ,
            "DEMO_BASE": server.base_url,
            "DEMO_HOOK_URL": hook.url,
            "DEMO_SMTP_PORT": str(smtp_port),
            "DRAMAWATCH_CONFIG": str(absolute),
        }
        _heading(f"Crawl 1: the recorded sites at {server.base_url}")
        click.echo(EXPECTED_FAILURES)
        _dramawatch(["crawl"], workdir, env)
        server.use_manifest("manifest-update.yaml")
        _heading("Crawl 2: a new NRTA notice and a revised CNSA report appear")
        _dramawatch(["crawl"], workdir, env)
        for title, args in SHOWN:
            _heading(title)
            _dramawatch(args, workdir, env)
        _show_sinks(hook, mail)
    _hints(config)
    click.echo("\nRead it in a browser at http://127.0.0.1:8080/ (the API is under /api/v1):")
    click.echo(f"  {serve_command(workdir / DATABASE)}")


def _hints(config: Path) -> None:
    """Commands to try next, runnable as printed from the directory the demo ran in."""
    command = f"{_executable()} --config {shlex.quote(str(config))}"
    click.echo(f"\nThe archive is {config.parent / DATABASE} ({config} names it). Try:")
    click.echo(f"  {command} search 监管 --format json")
    revised = _revised_article(config)
    if revised is not None:
        click.echo(f"  {command} show {revised} --diff")
    click.echo(f"  {command} alerts")


def _executable() -> str:
    """How to run dramawatch without the virtual environment on PATH: the script's path."""
    script = Path(sys.executable).parent / "dramawatch"
    if not script.is_file():
        return f"{shlex.quote(sys.executable)} -m dramawatch"
    try:
        return shlex.quote(str(script.relative_to(Path.cwd())))
    except ValueError:
        return shlex.quote(str(script))


def _revised_article(config: Path) -> int | None:
    """An article the second crawl revised: ``show --diff`` has something to show."""
    store = open_store(load_config(config).database, create=False)
    with store.transaction() as tx:
        article_id = tx.articles.latest_revised()
    store.dispose()
    return article_id


def serve_command(database: Path) -> str:
    """The one command that serves the demo's archive, runnable as printed from anywhere."""
    script = Path(sys.executable).with_name("dramawatch")
    program = [str(script)] if script.is_file() else [sys.executable, "-m", "dramawatch"]
    url = f"sqlite:///{database.resolve()}"
    return shlex.join([*program, "serve", "--database", url])


def _dramawatch(args: list[str], workdir: Path, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "dramawatch", *args]
    subprocess.run(command, cwd=workdir, env=env, check=True)


def _heading(text: str) -> None:
    console().rule(f"[bold]{text}")


def _show_sinks(hook: WebhookSink, mail: SmtpSink) -> None:
    """What each sink received, by rule and title (deliveries run in parallel)."""
    _heading(f"Local sinks: {len(hook.received)} webhook posts, {len(mail.messages)} emails")
    posts = sorted(
        hook.received, key=lambda post: (str(post[1].get("rule")), str(post[1].get("title")))
    )
    for headers, body in posts:
        delivery = headers.get("x-dramawatch-delivery")
        click.echo(f"  webhook {delivery}  {body.get('rule')}: {body.get('title')}")
    for subject in sorted(str(message["Subject"]) for message in mail.messages):
        click.echo(f"  email   {subject}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
