"""The extraction modules share their text functions (whitespace: ``meta.py``; an element's names:
``chrome.py``) instead of spelling them out."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from lxml.html import fragment_fromstring

from crawler.extract.chrome import name_parts
from crawler.extract.meta import norm
from crawler.extract.site_header import drop_site_header

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


def _measures_text(node: ast.AST) -> bool:
    """``squashed_len(<element>.text_content())``: the body of :func:`text_len`."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "squashed_len"
        and len(node.args) == 1
        and isinstance(call := node.args[0], ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "text_content"
    )


@pytest.mark.parametrize("path", sorted(EXTRACT.glob("*.py")), ids=lambda path: path.name)
def test_whitespace_is_collapsed_and_text_measured_in_one_place(path: Path) -> None:
    if path.name == "meta.py":
        return
    tree = ast.parse(path.read_text())
    spelled = [node.lineno for node in ast.walk(tree) if _collapses_whitespace(node)]
    assert spelled == [], f"{path.name}: use meta.norm at lines {spelled}"
    spelled = [node.lineno for node in ast.walk(tree) if _measures_text(node)]
    assert spelled == [], f"{path.name}: use meta.text_len at lines {spelled}"


def test_norm_collapses_every_kind_of_space() -> None:
    assert norm(" a\u00a0 b\u3000c\n") == "a b c"


def test_an_elements_names_are_the_parts_of_its_id_and_class() -> None:
    element = fragment_fromstring('<div id="Site_Header" class="top-bar  sticky">x</div>')
    assert name_parts(element) - {""} == {"site", "header", "top", "bar", "sticky"}


def test_a_header_named_in_its_class_parts_loses_its_tag_line() -> None:
    page = fragment_fromstring(
        '<div><div class="site-masthead"><a href="https://a.example/">Home</a>'
        "<p>One viewer, too many cliffhangers.</p></div><h1>The title</h1></div>"
    )
    title = page.find("h1")
    drop_site_header(page, title, "https://a.example/2026/post")
    assert "cliffhangers" not in page.text_content()
