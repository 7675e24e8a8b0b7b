"""``dramawatch demo``: serve the bundled recorded sites and run the whole pipeline on them."""

from __future__ import annotations

import os
from pathlib import Path

import click

from config import DEMO_CONFIG, Config, load_config
from dramawatch.crawl_command import run_crawl
from dramawatch.demo.server import SiteServer, sites_root
from dramawatch.output import console, write_rows
from dramawatch.views import article_json
from storage import open_store

DEMO_QUERIES = ("短剧", "micro-drama")


def demo_config(base_url: str, workdir: Path) -> Config:
    """The demo config pointed at the local server, with its database in ``workdir``."""
    config = load_config(DEMO_CONFIG, environ={**os.environ, "DEMO_BASE": base_url})
    database = f"sqlite:///{(workdir / 'dramawatch-demo.db').resolve()}"
    return config.model_copy(update={"database": database})


def run_demo(workdir: Path) -> None:
    """Crawl the recorded sites into a fresh database and show what came out."""
    workdir.mkdir(parents=True, exist_ok=True)
    for leftover in workdir.glob("dramawatch-demo.db*"):
        leftover.unlink()
    with SiteServer(sites_root()) as server:
        config = demo_config(server.base_url, workdir)
        click.echo(f"Serving the recorded sites at {server.base_url}; database {config.database}")
        run_crawl(config, config.sources, "table")
    _show_results(config)


def _show_results(config: Config) -> None:
    store = open_store(config.database)
    with store.transaction() as tx:
        for query in DEMO_QUERIES:
            found = tx.articles.search(query, limit=10)
            rows = [article_json(a, with_text=False) for a in found]
            write_rows(rows, "table", ("id", "published_at", "source", "title", "story_id"),
                       title=f"dramawatch search {query!r}: {len(rows)} articles")  # fmt: skip
    console().print(
        "Try: dramawatch --config <your.yaml> search 监管 --format json; "
        "dramawatch export --format jsonl"
    )
