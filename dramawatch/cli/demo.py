"""``dramawatch demo``: the whole pipeline on the bundled recorded sites."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("dramawatch-demo"),
    show_default=True,
    help="Where the demo's fresh SQLite database is written.",
)
def demo(workdir: Path) -> None:
    """Run the whole pipeline on the bundled recorded sites (no network needed).

    Example: dramawatch demo --workdir /tmp/dw-demo
    """
    from dramawatch.demo.run import run_demo

    run_demo(workdir)
