"""``dramawatch check-config`` and ``dramawatch init``: the config file and the schema."""

from __future__ import annotations

import click

from config.masking import mask_url
from dramawatch.cli.context import ConfigProblem, Context, pass_context
from storage import DatabaseSetupError, parse_database_url


@click.command("check-config")
@pass_context
def check_config(ctx: Context) -> None:
    """Validate the config file and its database URL (scheme, driver); exit 2 when invalid.

    Example: dramawatch --config dramawatch.yaml check-config
    """
    config = ctx.config
    try:
        parse_database_url(config.database)
    except DatabaseSetupError as exc:
        raise ConfigProblem(f"{ctx.config_path}: database: {exc}") from None
    database = mask_url(config.database)  # the password may come from the environment
    click.echo(
        f"{ctx.config_path}: OK: {len(config.sources)} sources, {len(config.metrics)} metrics, "
        f"{len(config.rules)} rules, {len(config.channels)} channels; database {database}"
    )


@click.command()
@pass_context
def init(ctx: Context) -> None:
    """Create or upgrade the database schema.

    Example: dramawatch init
    """
    ctx.writable_store  # noqa: B018 (opening it creates or upgrades the schema)
    click.echo(f"Database ready: {mask_url(ctx.config.database)}")
