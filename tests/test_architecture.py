"""The package direction: imports only go down (dramawatch -> crawler -> alerts -> storage).

Every import of every module is read with ``ast``, including imports inside functions and
under ``TYPE_CHECKING``: a lazy import is still an arrow in the graph.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = frozenset({"alerts", "bench", "config", "crawler", "dramawatch", "storage", "tests", "web"})

# Package -> the packages of ours it may import (besides itself).
ALLOWED: dict[str, frozenset[str]] = {
    "storage": frozenset(),
    "config": frozenset(),
    "alerts": frozenset({"storage", "config"}),
    "crawler": frozenset({"alerts", "storage", "config"}),
    "web": frozenset({"storage", "config"}),
}


def imported_packages(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, top-level package) of every import in ``source``, the module named ``module``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, _absolute(node, module).split(".")[0]


def _absolute(node: ast.ImportFrom, module: str) -> str:
    """The absolute module name of a ``from`` import (relative ones resolved from ``module``)."""
    if not node.level:
        return node.module or ""
    base = module.split(".")[: -node.level]
    return ".".join([*base, node.module] if node.module else base)


def violations(package: str, source: str, module: str) -> list[str]:
    """The imports in ``source`` that break ``package``'s direction rule."""
    allowed = ALLOWED[package] | {package}
    return [
        f"{module}:{line} imports {target}"
        for line, target in imported_packages(source, module)
        if target in OURS and target not in allowed
    ]


def _modules(package: str) -> Iterator[tuple[str, str]]:
    """(dotted name, source) of every module in ``package``."""
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_go_down(package: str) -> None:
    if not (ROOT / package).is_dir():
        pytest.skip(f"no {package}/ package")
    found = [v for name, source in _modules(package) for v in violations(package, source, name)]
    assert found == []


@pytest.mark.parametrize("package", sorted({*ALLOWED, "dramawatch"} - {"storage"}))
def test_only_storage_imports_sqlalchemy(package: str) -> None:
    if not (ROOT / package).is_dir():
        pytest.skip(f"no {package}/ package")
    found = [
        f"{name}:{line}"
        for name, source in _modules(package)
        for line, target in imported_packages(source, name)
        if target == "sqlalchemy"
    ]
    assert found == []


@pytest.mark.parametrize(
    ("package", "source"),
    [
        ("storage", "from crawler.fingerprint import identify"),
        ("storage", "import alerts.rules"),
        ("storage", "def f():\n    from dramawatch import cli"),
        ("config", "from storage import Store"),
        ("alerts", "from crawler.topic import topic_matcher"),
        ("alerts", "if TYPE_CHECKING:\n    from dramawatch.runner import run_pass"),
        ("crawler", "from dramawatch.logs import setup"),
        ("web", "from alerts.rules import evaluate"),
    ],
)
def test_an_upward_import_is_caught(package: str, source: str) -> None:
    assert violations(package, source, f"{package}.sub.module")


@pytest.mark.parametrize(
    ("package", "source"),
    [
        ("storage", "from storage.models import Article\nimport sqlalchemy"),
        ("alerts", "from storage.keywords import KeywordMatcher\nfrom config import Config"),
        ("web", "from storage import Store\nfrom config import load_config"),
        ("storage", "from . import models"),
    ],
)
def test_a_downward_import_passes(package: str, source: str) -> None:
    assert violations(package, source, f"{package}.sub.module") == []
