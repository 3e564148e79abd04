"""`itinerary publish`: to a folder and to a real Radicale, through typer's runner and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from caldav_server import radicale
from conftest import DATA, JAPAN, ROOT
from typer.testing import CliRunner

from itinerary.cli import app

__all__ = ["radicale"]  # the fixture, used below
runner = CliRunner()
REVISION = DATA / "publish" / "ecpg-japan-2009-r2.yaml"


def run(*args, env=None):
    return runner.invoke(app, ["publish", *map(str, args)], env=env)


def process(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "itinerary", "publish", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=300,
    )


def test_to_a_folder_with_webcal_links(tmp_path):
    result = run(JAPAN, "--to", tmp_path / "site", "--base-url", "https://example.org/japan", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "tea-petrin.ics" in data["written"] and data["removed"] == []
    assert "webcal://example.org/japan/tea-petrin.ics" in (tmp_path / "site" / "index.html").read_text()
    revised = run(REVISION, "--to", tmp_path / "site")
    assert revised.exit_code == 0, revised.output
    assert "removed rene-tonnisson.ics" in revised.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give either --to DIR"),
        (["--to", "x", "--caldav", "http://127.0.0.1:1/"], "give either --to DIR"),
        (
            ["--caldav", "http://127.0.0.1:1/", "--base-url", "https://example.org/"],
            "--base-url is used only with --to",
        ),
        (["--to", "x", "--base-url", "ftp://example.org/"], "--base-url 'ftp://example.org/'"),
        (["--caldav", "https://me:pw@dav.example.org/"], "put no user or password in the URL"),
        (["--caldav", "http://127.0.0.1:1/"], "Connection refused"),
    ],
)
def test_bad_options_and_an_unreachable_server_are_one_line_and_exit_2(tmp_path, args, message):
    result = run(JAPAN, *args, env={"NETRC": str(tmp_path / "none")})
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


@pytest.mark.slow
def test_to_radicale_as_a_real_process_with_credentials_from_the_environment(radicale, tmp_path):
    env = {"ITINERARY_CALDAV_USER": radicale.user, "ITINERARY_CALDAV_PASSWORD": radicale.password}
    first = process(JAPAN, "--caldav", radicale.url, "--format", "json", env=env)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert len(summary["calendars_created"]) == 13 and summary["created"] and not summary["conflicts"]
    second = process(REVISION, "--caldav", radicale.url, env=env)
    assert second.returncode == 0, second.stderr
    assert "deleted calendar ecpg-japan-2009.rene-tonnisson" in second.stdout
    assert "updated ecpg-japan-2009.tea-petrin: Shinkansen HIKARI 476" in second.stdout
    assert "deleted ecpg-japan-2009.tea-petrin: Lunch at Argo (French)" in second.stdout
    assert radicale.password not in second.stdout + second.stderr


@pytest.mark.slow
def test_credentials_from_a_netrc_file_and_a_refusal_in_one_line(radicale, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {radicale.user} password wrong-one\n", encoding="utf-8")
    netrc.chmod(0o600)
    refused = process(JAPAN, "--caldav", radicale.url, "--netrc", netrc, env={})
    assert refused.returncode == 2 and "401" in refused.stderr and "wrong-one" not in refused.stderr
    netrc.write_text(f"machine 127.0.0.1 login {radicale.user} password {radicale.password}\n", encoding="utf-8")
    done = process(JAPAN, "--caldav", radicale.url, "--netrc", netrc, env={})
    assert done.returncode == 0, done.stderr
