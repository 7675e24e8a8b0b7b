"""One writer for every command that prints data: table, json, jsonl or csv."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

F = TypeVar("F", bound=Callable[..., Any])
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMATS = ("table", "json", "jsonl", "csv")


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """The shared ``--format`` option."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices or FORMATS),
        default=default,
        show_default=True,
        help="Output format.",
    )


def write_rows(
    rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str], *, title: str | None = None
) -> None:
    """Print ``rows`` in ``fmt``; the table shows ``columns``, the others every field."""
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=_json_default))
    elif fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=_json_default))
    elif fmt == "csv":
        _write_csv(rows)
    else:
        _write_table(list(rows), columns, title)


def _write_csv(rows: Iterable[dict[str, Any]]) -> None:
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow({key: _cell(value) for key, value in row.items()})


def _write_table(rows: list[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(literal(_table_cell(row.get(column))) for column in columns))
    console().print(table)


def literal(value: str) -> Text:
    """Crawled text as rich shows it: no markup, no emoji codes, control characters removed."""
    # ESC and the C1 controls (CSI is 0x9b) would reach the terminal as escape sequences.
    return Text(_CONTROL.sub("", value))


# The fraction of a second in an ISO timestamp: noise in a table.
_FRACTION = re.compile(r"(?<=T\d\d:\d\d:\d\d)\.\d+")


def console() -> Console:
    """The stdout console (wide enough in tests and pipes to keep rows readable)."""
    return Console(width=None if sys.stdout.isatty() else 160)


def _table_cell(value: Any) -> str:
    """A table cell: times to the second (JSON and CSV keep what is stored)."""
    return _FRACTION.sub("", _cell(value))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")
