"""``dramawatch sources test`` and ``sources add``: dry runs and discovery of a new source."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import click

from config import Config, ConfigError, SourceConfig
from config.append import append_sources, render_entries
from config.loader import default_metric_definitions
from crawler.discover import Candidate, classify, discover, http_fetcher, json_list
from crawler.trial import DEFAULT_LIMIT, Trial, run_trial
from dramawatch.cli.context import ConfigProblem, Context, pass_context
from dramawatch.cli.source_files import writable_config
from dramawatch.output import console, format_option, write_rows

KINDS = ("rss", "html", "sitemap", "json")
ARTICLE_COLUMNS = (
    "title",
    "published_at",
    "language",
    "length",
    "on_topic",
    "figures",
    "chrome_removed",
)


@click.command("test")
@click.argument("target", metavar="NAME|URL")
@click.option("--kind", type=click.Choice(KINDS), help="Source kind of a URL (default: guessed).")
@click.option(
    "--limit",
    type=click.IntRange(1, 200),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="Articles to fetch and extract at most.",
)
@format_option("table", "json")
@pass_context
def test_command(ctx: Context, target: str, kind: str | None, limit: int, fmt: str) -> None:
    """Dry-run one source: links taken and skipped, each article extracted; nothing is written.

    Fetches as a crawl would (settings, robots.txt, domain fence, decoding). Exits 1 when the
    verdict is failing.

    Example: dramawatch sources test nrta-notices --format json
    """
    config = _config(ctx)
    source = _source(config, target, kind)
    trial = run_trial(
        config.model_copy(update={"sources": (*config.sources, source)})
        if source not in config.sources
        else config,
        source,
        limit,
    )
    show_trial(trial, fmt)
    if trial.verdict.status == "failing":
        raise SystemExit(1)


@click.command("add")
@click.argument("url")
@click.option("--name", help="Name of the new source (default: from the host).")
@click.option("--write", is_flag=True, help="Append the entry to the config file.")
@click.option(
    "--limit",
    type=click.IntRange(1, 200),
    default=5,
    show_default=True,
    help="Articles to try from the best option.",
)
@pass_context
def add_command(ctx: Context, url: str, name: str | None, write: bool, limit: int) -> None:
    """Find the site's feeds, sitemaps, JSON lists and listings, try the best, print its entry.

    Example: dramawatch sources add https://www.example.com/news/ --write
    """
    config = _config(ctx)
    candidates = discover(url, _fetcher(config))
    if not candidates:
        raise click.ClickException(
            f"found no feed, sitemap, JSON list or listing with article links at {url}; "
            "check the URL in a browser, or try `dramawatch sources test URL --kind html`"
        )
    _show_candidates(candidates)
    entry = candidate_entry(candidates[0], name or source_name(url, config))
    source = SourceConfig.model_validate(entry)
    trial = run_trial(
        config.model_copy(update={"sources": (*config.sources, source)}), source, limit
    )
    show_trial(trial, "table")
    click.echo("\n".join(["", "sources:", *render_entries([entry])]))
    if write:
        _write(ctx, entry)


def show_trial(trial: Trial, fmt: str) -> None:
    """Print a dry run as the contract's JSON object or as tables."""
    if fmt == "json":
        click.echo(json.dumps(trial.as_dict(), ensure_ascii=False, indent=2))
        return
    data = trial.as_dict()
    out = console()
    out.print(f"[bold]{trial.source.name}[/bold] ({trial.source.kind}) {trial.source.url}")
    links = [{"link": "taken", **row} for row in data["links"]]
    links += [{"link": "skipped", **row} for row in data["skipped"]]
    write_rows(links, "table", ("link", "url", "reason"), title="Links")
    rows = [_article_row(article) for article in data["articles"]]
    write_rows(rows, "table", ("url", *ARTICLE_COLUMNS), title="Articles")
    if data["errors"]:
        write_rows(data["errors"], "table", ("url", "error"), title="Pages that failed")
    verdict = data["verdict"]
    out.print(f"Verdict: [bold]{verdict['status']}[/bold]: {verdict['summary']}", markup=True)
    for hint in verdict["hints"]:
        out.print(f"  hint: {hint}", markup=False)


def candidate_entry(candidate: Candidate, name: str) -> dict[str, Any]:
    """The YAML entry for a discovered way to follow a site."""
    return {"name": name, "kind": candidate.kind, "url": candidate.url, **candidate.options}


def source_name(url: str, config: Config) -> str:
    """A free source name from the URL's host (www.sixthtone.com -> sixthtone), or its path."""
    parts = urlsplit(url)
    host = (parts.hostname or "source").removeprefix("www.")
    if re.fullmatch(r"[\d.:]+", host):
        host = next((p for p in parts.path.split("/") if p), "source")
    labels = [p for p in host.split(".") if p not in ("com", "cn", "org", "net", "gov", "co")]
    base = re.sub(r"[^a-z0-9-]+", "-", "-".join(labels or [host]).lower()).strip("-") or "source"
    taken = {source.name for source in config.sources}
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


def _source(config: Config, target: str, kind: str | None) -> SourceConfig:
    for source in config.sources:
        if source.name == target:
            return source.model_copy(update={"kind": kind}) if kind else source
    if not target.startswith(("http://", "https://")):
        known = ", ".join(s.name for s in config.sources) or "none configured"
        raise click.BadParameter(f"{target!r} is neither a source name ({known}) nor a URL")
    entry = {"name": source_name(target, config), "url": target, "kind": kind or "html"}
    if kind is None or kind == "json":
        entry.update(_guess(target, config))
    return SourceConfig.model_validate(entry)


def _guess(url: str, config: Config) -> dict[str, Any]:
    fetched = _fetcher(config)(url)
    document = classify(fetched.body, fetched.content_type) if fetched.ok else None
    if document is None or document.kind not in ("rss", "sitemap", "news-sitemap", "json"):
        return {}
    kind = {"news-sitemap": "sitemap"}.get(document.kind, document.kind)
    found = json_list(json.loads(fetched.body)) if kind == "json" else None
    options = (
        {
            "items": found.items,
            "item_link": found.link,
            "item_title": found.title,
            "item_date": found.date,
        }
        if found
        else {}
    )
    return {"kind": kind, **{k: v for k, v in options.items() if v is not None}}


def _fetcher(config: Config) -> Any:
    crawl = config.crawl
    return http_fetcher(
        crawl.user_agent, crawl.download_timeout, crawl.download_maxsize, crawl.obey_robots
    )


def _config(ctx: Context) -> Config:
    """The config, or the defaults when the file does not exist yet (``add --write`` makes it)."""
    if ctx.config_path.exists():
        return ctx.config
    return Config(metrics=default_metric_definitions())


def _write(ctx: Context, entry: dict[str, Any]) -> None:
    path = writable_config(ctx)
    try:
        append_sources(path, [entry])
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from None
    click.echo(f"Added source {entry['name']!r} to {path}")


def _show_candidates(candidates: list[Candidate]) -> None:
    rows = [{"kind": c.kind, "url": c.url, "score": c.score, "why": c.reason} for c in candidates]
    write_rows(rows, "table", ("kind", "url", "score", "why"), title="What the site offers")


def _article_row(article: dict[str, Any]) -> dict[str, Any]:
    chrome = article["chrome_removed"]
    figures = [f"{f['metric']}={f['value']:g} {f['unit']}" for f in article["figures"]]
    removed = f"{chrome['chars']} chars: " + " | ".join(chrome["samples"][:4])
    return {**article, "figures": "; ".join(figures), "chrome_removed": removed}
