"""Which configured sources a command acts on."""

from __future__ import annotations

import click

from config import Config, SourceConfig


def choose_sources(config: Config, names: tuple[str, ...]) -> list[SourceConfig]:
    """The named sources, or every enabled one; an unknown name lists the known ones."""
    known = [source.name for source in config.sources]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise click.BadParameter(
            f"unknown source {', '.join(unknown)}. Try --source with one of: {', '.join(known)}",
            param_hint="--source",
        )
    chosen = [s for s in config.sources if (s.name in names if names else s.enabled)]
    if not chosen:
        raise click.UsageError("no sources to act on: add some under sources: in the config")
    return chosen
