"""ruff and mypy as part of the suite, so CI keeps the code as clean as a developer's editor does.

Each runs as `python -m TOOL` with the interpreter running the tests, so the test extras of this very
environment are used, wherever it lives.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

SOURCES = ["itinerary", "tests", "benchmarks"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_lint():
    done = run("ruff", "check", *SOURCES)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format():
    done = run("ruff", "format", "--check", *SOURCES)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_mypy():
    done = run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_strict_on_the_whole_package():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config.get("strict") is True
    assert config.get("files") == ["itinerary"]
    loosened = [o for o in config.get("overrides", []) if set(o) - {"module", "ignore_missing_imports"}]
    assert loosened == [], "an override loosens mypy for part of the package"


MAX_FUNCTION_LINES = 50


def test_no_function_is_longer_than_fifty_lines():
    """Counted from the first statement after the docstring: a signature of option declarations does not count."""
    import ast

    long = []
    for path in sorted((ROOT / "itinerary").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            body = node.body
            if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            lines = (node.end_lineno or node.lineno) - body[0].lineno + 1
            if lines > MAX_FUNCTION_LINES:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines} lines)")
    assert long == []
