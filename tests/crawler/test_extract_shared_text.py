"""The extraction modules share their text helpers (``meta.py``) instead of spelling them out."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from crawler.extract.meta import norm

EXTRACT = Path(__file__).resolve().parents[2] / "crawler" / "extract"


def _collapses_whitespace(node: ast.AST) -> bool:
    """``" ".join(<x>.split())``: the body of :func:`norm`."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "join"
        and isinstance(node.func.value, ast.Constant)
        and node.func.value.value == " "
        and len(node.args) == 1
        and isinstance(call := node.args[0], ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "split"
        and not call.args
    )


@pytest.mark.parametrize("path", sorted(EXTRACT.glob("*.py")), ids=lambda path: path.name)
def test_whitespace_is_collapsed_in_one_place(path: Path) -> None:
    if path.name == "meta.py":
        return
    spelled = [
        node.lineno for node in ast.walk(ast.parse(path.read_text())) if _collapses_whitespace(node)
    ]
    assert spelled == [], f"{path.name}: use meta.norm at lines {spelled}"


def test_norm_collapses_every_kind_of_space() -> None:
    assert norm(" a\u00a0 b\u3000c\n") == "a b c"
