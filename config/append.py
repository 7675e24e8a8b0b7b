"""Append source entries to a config file as text, keeping its comments and layout."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from config.errors import ConfigError

_SOURCES = re.compile(r"^sources:\s*(\[\s*\])?\s*(#.*)?$")
_ITEM = re.compile(r"^(\s*)-\s")


def append_sources(path: Path, entries: Sequence[dict[str, Any]]) -> None:
    """Add ``entries`` at the end of the file's ``sources:`` list (created when missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = with_sources(text, entries)
    _check(updated, str(path), [entry["name"] for entry in entries])
    path.write_text(updated, encoding="utf-8")


def with_sources(text: str, entries: Sequence[dict[str, Any]]) -> str:
    """``text`` with ``entries`` added to its top-level ``sources:`` block sequence."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _SOURCES.match(line)), None)
    if start is None:
        lines += ([""] if lines and lines[-1].strip() else []) + ["sources:"]
        start = len(lines) - 1
    elif "[" in lines[start]:
        lines[start] = "sources:"  # an empty flow list becomes a block list
    end, indent = _block_end(lines, start)
    lines[end + 1 : end + 1] = render_entries(entries, indent)
    return "\n".join(lines) + "\n"


def render_entries(entries: Sequence[dict[str, Any]], indent: str = "  ") -> list[str]:
    """Entries as YAML block-sequence lines at ``indent``."""
    dumped = yaml.safe_dump(list(entries), allow_unicode=True, sort_keys=False, width=100)
    return [indent + line if line else line for line in dumped.splitlines()]


def _block_end(lines: list[str], start: int) -> tuple[int, str]:
    """The last line of the block under ``sources:`` and the indent of its items."""
    end, indent = start, None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace() and not line.startswith("-"):
            break
        end = index
        match = _ITEM.match(line)
        if indent is None and match:
            indent = match.group(1)
    return end, "  " if indent is None else indent


def _check(text: str, file: str, names: list[str]) -> None:
    try:
        tree = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(file, [f"the entry could not be added ({exc}); add it by hand"]) from None
    known = [entry.get("name") for entry in tree.get("sources") or [] if isinstance(entry, dict)]
    for name in names:
        if known.count(name) != 1:
            raise ConfigError(file, [f"sources: {name!r} is already there; pick another --name"])
