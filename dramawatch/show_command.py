"""``dramawatch show ID``: an article, its story siblings and its revisions."""

from __future__ import annotations

import difflib
import json
from itertools import pairwise

import click
from rich.panel import Panel

from dramawatch.output import console, write_rows
from dramawatch.views import article_json
from storage import ArticleRevision, Store


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
    heading = f"[bold]{data['title']}[/bold]\n{data['url']}\n{meta}"
    out.print(Panel(heading, title=f"article {data['id']}"))
    out.print(data["text"])
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
