"""``dramawatch serve``: the web app, the HTTP API and the feeds over the archive."""

from __future__ import annotations

import click

from config import web_settings
from dramawatch.cli.context import Context, open_database, pass_context
from storage import Store


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback needs DRAMAWATCH_WEB_TOKEN.",
)
@click.option(
    "--port",
    default=8080,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="TCP port to listen on.",
)
@click.option(
    "--database",
    metavar="URL",
    help="Serve this database instead of the config's (e.g. sqlite:///dramawatch.db).",
)
@pass_context
def serve(ctx: Context, host: str, port: int, database: str | None) -> None:
    """Serve the archive: pages, the JSON API under /api/v1 and Atom/JSON feeds.

    Example: dramawatch serve --port 8080
    """
    from web import serve as serve_app  # the web stack loads only for this command

    settings = web_settings(host, port)
    problem = settings.problem()
    if problem is not None:
        raise click.UsageError(problem)
    store = _store(ctx, database)
    click.echo(f"Serving {_shown(store)} at http://{_url_host(host)}:{port}/ (Ctrl-C stops)")
    serve_app(store, settings)


def _store(ctx: Context, database: str | None) -> Store:
    if database is None:
        return ctx.store
    return open_database(database, create=False, named_by="--database")


def _shown(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=True)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
