"""``dramawatch demo``: the whole pipeline on the bundled recorded sites, with local sinks.

Two crawls run, each in its own process as the daemon runs them: the first reads the
recorded sites; the second sees them a little later, with a new NRTA regulation notice and
a CNSA report whose market-size figure changed. Alerts go to a webhook receiver and an SMTP
server on 127.0.0.1 started here; the archive, stories, metrics and alerts are shown.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import click

from config import DEMO_CONFIG
from dramawatch.demo.server import SiteServer, sites_root
from dramawatch.demo.sinks import SmtpSink, WebhookSink
from dramawatch.output import console

DATABASE = "dramawatch-demo.db"
SHOWN = (
    ("The archive: a Chinese two-character search", ["search", "短剧", "--limit", "8"]),
    ("Stories: syndicated copies grouped", ["search", "--stories", "--limit", "8"]),
    ("Metrics: latest value per figure", ["metrics"]),
    ("Market size history", ["metrics", "market_value", "--plot"]),
    ("Alerts and their deliveries", ["alerts"]),
)


def run_demo(workdir: Path) -> None:
    """Serve the sites and sinks, crawl twice, then show what came out."""
    workdir.mkdir(parents=True, exist_ok=True)
    for leftover in workdir.glob(f"{DATABASE}*"):
        leftover.unlink()
    smtp_port = _free_port()
    with SiteServer(sites_root()) as server, WebhookSink() as hook, SmtpSink(smtp_port) as mail:
        env = {**os.environ, "DEMO_BASE": server.base_url, "DEMO_HOOK_URL": hook.url,
               "DEMO_SMTP_PORT": str(smtp_port), "DRAMAWATCH_CONFIG": str(DEMO_CONFIG)}  # fmt: skip
        _heading(f"Crawl 1: the recorded sites at {server.base_url}")
        _dramawatch(["crawl"], workdir, env)
        server.use_manifest("manifest-update.yaml")
        _heading("Crawl 2: a new NRTA notice and a revised CNSA report appear")
        _dramawatch(["crawl"], workdir, env)
        for title, args in SHOWN:
            _heading(title)
            _dramawatch(args, workdir, env)
        _show_sinks(hook, mail)
    click.echo(f"\nThe archive is {workdir / DATABASE}. Try, with DRAMAWATCH_CONFIG={DEMO_CONFIG}:")
    click.echo("  dramawatch search 监管 --format json    dramawatch show 1 --diff")
    click.echo("\nRead it in a browser at http://127.0.0.1:8080/ (the API is under /api/v1):")
    click.echo(f"  {serve_command(workdir / DATABASE)}")


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
    _heading(f"Local sinks: {len(hook.received)} webhook posts, {len(mail.messages)} emails")
    for headers, body in hook.received:
        delivery = headers.get("x-dramawatch-delivery")
        click.echo(f"  webhook {delivery}  {body.get('rule')}: {body.get('title')}")
    for message in mail.messages:
        click.echo(f"  email   {message['Subject']}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
