"""itinerary.hashes gives hashlib's digests, without loading OpenSSL where CPython has its own."""

from __future__ import annotations

import builtins
import hashlib
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from itinerary import hashes

TEXT = st.text(st.characters(blacklist_categories=("Cs",)))


@given(TEXT)
def test_the_digests_are_hashlibs(text):
    assert hashes.sha256(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert hashes.sha1(text) == hashlib.sha1(text.encode("utf-8")).hexdigest()


def test_without_cpythons_own_modules_hashlib_gives_the_same(monkeypatch):
    real = builtins.__import__

    def without(name, *args, **kwargs):
        if name in ("_sha2", "_sha256", "_sha1"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    hashes._constructor.cache_clear()
    try:
        assert hashes.sha256("Tokyo") == hashlib.sha256(b"Tokyo").hexdigest()
        assert hashes.sha1("Tokyo") == hashlib.sha1(b"Tokyo").hexdigest()
        assert hashes._constructor("sha256") is hashlib.sha256
    finally:
        hashes._constructor.cache_clear()


def test_a_digest_does_not_load_openssl():
    code = "import sys; from itinerary import hashes; hashes.sha256('x'); hashes.sha1('x'); print('_hashlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
