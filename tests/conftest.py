from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
JAPAN = ROOT / "schedules" / "ecpg-japan-2009.yaml"
DATA = TESTS / "data"
JS = TESTS / "js"


@pytest.fixture(scope="session")
def japan():
    from itinerary.load import load

    return load(JAPAN)


@pytest.fixture(scope="session")
def node() -> str:
    """Node with Mozilla's ical.js (Thunderbird's parser) from tests/js, installed by `npm ci` the first time."""
    import shutil
    import subprocess

    found = shutil.which("node")
    if found is None:
        pytest.skip("node is not installed, so ical.js (Thunderbird's parser) cannot run here")
    if not (JS / "node_modules" / "ical.js").is_dir():
        npm = shutil.which("npm")
        assert npm is not None, "node is installed but npm is not: cannot install ical.js from tests/js"
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, capture_output=True, text=True)
        assert done.returncode == 0, f"npm ci in tests/js failed:\n{done.stdout}{done.stderr}"
    return found


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

    path = TESTS / "golden" / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden {name}: run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


def load_errors(text: str, name: str = "t.yaml") -> list[str]:
    """Every line the loader refuses `text` with (it must refuse it)."""
    from itinerary.load import LoadError, loads

    with pytest.raises(LoadError) as refused:
        loads(text, name)
    return [str(d) for d in refused.value.diagnostics]


def plain_env(**extra: str) -> dict[str, str]:
    """The environment for a real `itinerary` process: no colour settings or width of the developer's own."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env.update(extra)
    return env


def disk_full_at(monkeypatch, nth: int) -> list[Path]:
    """outfile's `nth` temporary fails as a full disk does; the paths asked for, in order, fill the list returned."""
    from itinerary import outfile

    real = outfile._temporary
    made: list[Path] = []

    def failing(path, data, sync=True):
        made.append(path)
        if len(made) == nth:
            raise OSError(28, "No space left on device")
        return real(path, data, sync)

    monkeypatch.setattr(outfile, "_temporary", failing)
    return made
