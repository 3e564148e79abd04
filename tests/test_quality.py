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
