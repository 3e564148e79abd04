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
