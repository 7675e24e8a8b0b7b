"""Turn pydantic validation errors into 'key path (line N): problem' messages."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import ValidationError


def describe_validation_error(exc: ValidationError, text: str) -> list[str]:
    """One message per error, with the YAML key path, its line and a hint at the fix."""
    root = _compose(text)
    return [_describe(error, root) for error in exc.errors()]


def _describe(error: Any, root: yaml.Node | None) -> str:
    loc = _clean_loc(error["loc"])
    if error["type"].startswith("union_tag"):
        loc = (*loc, "kind")
    path = format_path(loc)
    line = _line_of(root, loc)
    where = f"{path} (line {line})" if line else path
    return f"{where}: {_message(error)}"


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # Discriminated unions add the tag ('webhook', 'keyword', ...) to the path; drop it.
    tags = {"keyword", "metric_change", "source_health", "webhook", "email", "apprise"}
    return tuple(part for part in loc if part not in tags or isinstance(part, int))


def format_path(loc: tuple[Any, ...]) -> str:
    """``('sources', 2, 'kind')`` -> ``sources[2].kind``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _message(error: Any) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "extra_forbidden":
        return "unknown key; check its spelling against config/example.yaml"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tags = str(ctx.get("expected_tags", "")).replace("'", "")
        return f"{ctx.get('tag')!r} is not one of {tags}"
    if kind == "union_tag_not_found":
        return "missing 'kind'; add kind: with one of the supported kinds"
    if kind == "missing":
        return "required key is missing; add it"
    if kind == "literal_error":
        return f"{error['input']!r} is not allowed: {msg.removeprefix('Input should be ')}"
    return msg.removeprefix("Value error, ")


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text)
    except yaml.YAMLError:
        return None


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    line = None
    for part in loc:
        node = _child(node, part)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node | None, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
