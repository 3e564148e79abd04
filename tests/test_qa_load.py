"""Found in QA: the loader on names without Latin letters, day parts that are not whole hours, and its messages."""

from __future__ import annotations

import pytest

from itinerary.load import LoadError, loads

HEAD = """\
programme:
  id: t
  title: T
  timezone: Asia/Tokyo
  start: 2009-10-05
  end: 2009-10-09
"""


def errors(text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        loads(text, "t.yaml")
    return [str(d) for d in caught.value.diagnostics]


def test_a_name_without_latin_letters_needs_an_id():
    found = errors(HEAD + "participants:\n  - name: 山田太郎\n  - name: 李小龍\n")
    assert len(found) == 2, found
    assert found[0].startswith("t.yaml:8:5: error: participants[0]"), found
    assert all("`id`" in line and "''" not in line for line in found), found


def test_a_name_without_latin_letters_with_an_id_loads():
    programme = loads(HEAD + "participants:\n  - name: 山田太郎\n    id: yamada-taro\n", "t.yaml")
    assert programme.participants["yamada-taro"].name == "山田太郎"
