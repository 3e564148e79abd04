"""A real Radicale on 127.0.0.1, started for the publish tests on a free port with its own storage (fixtures `radicale`, one per module, and `fresh_radicale`, one per test)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

USER, PASSWORD = "organiser", "s3cret-pw"


@dataclass(frozen=True)
class Radicale:
    url: str
    """The organiser's home: the collections are made under it."""
    user: str
    password: str
    storage: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(folder: Path) -> tuple[subprocess.Popen[bytes], Radicale]:
    port = free_port()
    (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    config = folder / "radicale.conf"
    config.write_text(
        "\n".join(
            [
                "[server]",
                f"hosts = 127.0.0.1:{port}",
                "[auth]",
                "type = htpasswd",
                f"htpasswd_filename = {folder / 'users'}",
                "htpasswd_encryption = plain",
                "delay = 0",
                "[rights]",
                "type = owner_only",
                "[storage]",
                f"filesystem_folder = {folder / 'storage'}",
                "strict_preconditions = True",
                "[logging]",
                "level = warning",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    log = (folder / "radicale.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)], stdout=log, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("Radicale stopped: " + (folder / "radicale.log").read_text(errors="replace"))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("Radicale did not start listening within 30 s")
    return process, Radicale(f"http://127.0.0.1:{port}/{USER}/", USER, PASSWORD, folder / "storage")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    process, server = start(tmp_path_factory.mktemp("radicale"))
    try:
        yield server
    finally:
        stop(process)


@pytest.fixture
def fresh_radicale(tmp_path: Path) -> Iterator[Radicale]:
    process, server = start(tmp_path)
    try:
        yield server
    finally:
        stop(process)
