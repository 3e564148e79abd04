from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JAPAN = ROOT / "schedules" / "ecpg-japan-2009.yaml"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def japan():
    from itinerary.load import load

    return load(JAPAN)


def render_text(renderables, width: int = 100) -> str:
    """What a terminal of `width` columns without colour would show, trailing blanks trimmed."""
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False, highlight=False)
    for renderable in renderables:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it (review the diff before committing)."""
    import os

    path = Path(__file__).resolve().parent / "golden" / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden {name}: run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")
