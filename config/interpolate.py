"""``${ENV}`` interpolation over a parsed YAML tree (the only place env is read)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


def interpolate(tree: Any, environ: Mapping[str, str] | None = None) -> tuple[Any, list[str]]:
    """Replace ``${VAR}`` / ``${VAR:-default}`` in every string; return (tree, problems)."""
    env = os.environ if environ is None else environ
    problems: list[str] = []
    return _walk(tree, "", env, problems), problems


def _walk(node: Any, path: str, env: Mapping[str, str], problems: list[str]) -> Any:
    if isinstance(node, dict):
        return {key: _walk(value, _join(path, key), env, problems) for key, value in node.items()}
    if isinstance(node, list):
        return [_walk(value, f"{path}[{i}]", env, problems) for i, value in enumerate(node)]
    if isinstance(node, str):
        return _substitute(node, path, env, problems)
    return node


def _substitute(text: str, path: str, env: Mapping[str, str], problems: list[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if name in env:
            return env[name]
        if default is not None:
            return default
        problems.append(
            f"{path}: environment variable {name} is not set; export {name}=... "
            f"or write ${{{name}:-default}}"
        )
        return ""

    return _VARIABLE.sub(replace, text)


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)
