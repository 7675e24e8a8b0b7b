"""``dramawatch search``, ``show`` and ``export``: reading the archive."""

from __future__ import annotations

import difflib
import json
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import click
from rich.panel import Panel
from rich.text import Text

from config import parse_duration
from dramawatch.cli.context import Context, pass_context
from dramawatch.cli.sources import choose_sources
from dramawatch.output import console, format_option, literal, write_rows
from storage import ArticleRevision, Store
from storage.shapes import article_json

ARTICLE_COLUMNS = ("id", "published_at", "source", "title", "story_id")
COUNT_AT_MOST = 10_000
"""Matches counted at most for "20 of N" (a very common term matches much of the archive)."""


def _since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.now(UTC) - timedelta(seconds=parse_duration(value))
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r}: use a date (2025-12-01), a datetime or a duration (7d)",
            param_hint="--since",
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _check_entity(ctx: Context, entity: str | None) -> None:
    """An unknown entity key is a typo: say so, with the known keys."""
    keys = {known.key for known in ctx.config.entities}
    if entity is not None and entity not in keys:
        raise click.BadParameter(
            f"{entity!r} is not in the entity catalogue; use one of: {', '.join(sorted(keys))}",
            param_hint="--entity",
        )


def _filters(func: Any) -> Any:
    func = click.option("--source", help="Only articles from this (configured) source.")(func)
    return click.option("--since", help="Published since: 2025-12-01, or 7d, 24h ...")(func)


# "-term" excludes a term, so unknown options are query terms; "-h" would shadow "-home".
@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
@click.argument("query", nargs=-1)
@_filters
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--rank", is_flag=True, help="Order by relevance instead of newest first.")
@click.option("--stories", is_flag=True, help="One row per story, with its number of copies.")
@click.option("--entity", help="Only articles that name this entity (a catalogue key: reelshort).")
@format_option()
@pass_context
def search(
    ctx: Context, query: tuple[str, ...], since: str | None, source: str | None,
    limit: int, rank: bool, stories: bool, entity: str | None, fmt: str,
) -> None:  # fmt: skip
    """Search the archive (full text; Chinese and English; "quoted phrases", OR, -term, NOT term).

    Latin terms match their spellings: micro-drama, micro dramas and microdrama alike.

    Example: dramawatch search 短剧 -招聘 --since 30d --entity hongguo --format json
    """
    if source is not None:
        choose_sources(ctx.config, (source,))
    _check_entity(ctx, entity)
    text, after = " ".join(query) or None, _since(since)
    with ctx.store.transaction() as tx:
        found = tx.archive.search(
            text, since=after, source=source, limit=limit, rank=rank, stories=stories,
            entity=entity,
        )  # fmt: skip
        total = len(found)
        if total == limit:  # a full page: there may be more
            total = tx.archive.count(
                text, since=after, source=source, stories=stories, entity=entity,
                at_most=COUNT_AT_MOST + 1,
            )  # fmt: skip
        rows = [article_json(article, with_text=fmt != "table") for article in found]
        if stories:
            for row, article in zip(rows, found, strict=True):
                row["copies"] = article.story.article_count if article.story else 1
    columns = (*ARTICLE_COLUMNS, "copies") if stories else ARTICLE_COLUMNS
    noun = "stories" if stories else "articles"
    write_rows(rows, fmt, columns, title=f"{_shown(len(rows), total)} {noun}")
    if total > len(rows):
        more = (
            f"--limit {total}" if total <= COUNT_AT_MOST else "a higher --limit or a narrower query"
        )
        click.echo(f"{_shown(len(rows), total)} {noun} shown; see more with {more}", err=True)


def _shown(rows: int, total: int) -> str:
    if total <= rows:
        return str(rows)
    return (
        f"{rows} of {total}" if total <= COUNT_AT_MOST else f"{rows} of more than {COUNT_AT_MOST:,}"
    )


@click.command()
@_filters
@format_option("jsonl", "json", "csv", default="jsonl")
@pass_context
def export(ctx: Context, since: str | None, source: str | None, fmt: str) -> None:
    """Export every stored article (one JSON object a line by default).

    Example: dramawatch export --format jsonl > archive.jsonl
    """
    if source is not None:
        choose_sources(ctx.config, (source,))
    with ctx.store.transaction() as tx:
        articles = tx.archive.iter_all(since=_since(since), source=source)
        write_rows((article_json(article) for article in articles), fmt, ARTICLE_COLUMNS)


@click.command()
@click.argument("article_id", type=int)
@click.option("--diff", is_flag=True, help="Show what changed between revisions.")
@format_option("table", "json")
@pass_context
def show(ctx: Context, article_id: int, diff: bool, fmt: str) -> None:
    """Show an article with its story siblings and its revisions.

    Example: dramawatch show 42 --diff
    """
    show_article(ctx.store, article_id, diff=diff, fmt=fmt)


def show_article(store: Store, article_id: int, *, diff: bool, fmt: str) -> None:
    """Print one article with its story and revision history (and diffs on request)."""
    with store.transaction() as tx:
        article = tx.articles.get(article_id)
        if article is None:
            raise click.ClickException(
                f"no article {article_id}; find ids with `dramawatch search`"
            )
        data = article_json(article)
        data["seen_urls"] = sorted(u.url for u in article.urls)
        siblings = [
            article_json(a, with_text=False)
            for a in tx.articles.story_articles(article.story_id or -1)
        ]
        revisions = list(tx.articles.revisions(article_id))
        history = [
            {"revision": r.revision, "fetched_at": r.fetched_at.isoformat(), "title": r.title}
            for r in revisions
        ]
        diffs = [_diff(old, new) for old, new in pairwise(revisions)] if diff else []
    if fmt == "json":
        data.update(story=siblings, revisions=history, diffs=diffs)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print(data, siblings, history, diffs)


def _print(data: dict, siblings: list[dict], history: list[dict], diffs: list[str]) -> None:  # type: ignore[type-arg]
    out = console()
    meta = f"{data['source']} · {data['published_at']} · story {data['story_id']}"
    heading = Text(data["title"], style="bold").append(f"\n{data['url']}\n{meta}")
    out.print(Panel(heading, title=f"article {data['id']}"))
    out.print(literal(data["text"]))
    write_rows(
        siblings, "table", ("id", "source", "published_at", "title"), title="Copies of this story"
    )
    write_rows(history, "table", ("revision", "fetched_at", "title"), title="Revisions")
    for patch in diffs:
        out.print(patch, markup=False, highlight=False)


def _diff(old: ArticleRevision, new: ArticleRevision) -> str:
    lines = difflib.unified_diff(
        old.text.splitlines(), new.text.splitlines(),
        fromfile=f"revision {old.revision}", tofile=f"revision {new.revision}", lineterm="",
    )  # fmt: skip
    return "\n".join(lines)
