"""The manual and `--help` agree: every command and option is documented, under the metavar `--help` shows.

docs/manual.md has a section per command (`### \\`agenda\\``) whose text names each of its
options, short forms included; a table row written `--who NAME` uses the metavar of `--help`.
The README is the short tour and points to the manual.
"""

from __future__ import annotations

import re

import pytest
import typer.main
from conftest import ROOT
from typer.testing import CliRunner

from itinerary.cli import app

MANUAL = ROOT / "docs" / "manual.md"
README = ROOT / "README.md"
COMMANDS = dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def section(name: str) -> str:
    """The manual's text about command `name`: from its heading to the next heading."""
    text = MANUAL.read_text(encoding="utf-8")
    found = re.search(rf"^### `{re.escape(name)}`\n(.*?)(?=^#{{1,3}} )", text + "\n## end", re.M | re.S)
    assert found, f"docs/manual.md has no section ### `{name}`"
    return found.group(1)


def options(command):
    """The options of a command (typer's own copy of click: told by what they are, not by class)."""
    return [p for p in command.params if p.param_type_name == "option" and p.name != "help"]


def named(text: str, flag: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text) is not None


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_is_in_its_commands_section(name):
    text = section(name)
    missing = [flag for option in options(COMMANDS[name]) for flag in option.opts if not named(text, flag)]
    assert not missing, f"docs/manual.md, ### `{name}`, does not name {missing}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_manual_writes_each_option_with_the_metavar_of_help(name):
    rows = [line.split(" | ")[0] for line in section(name).splitlines() if line.startswith("| `-")]
    documented = dict(re.findall(r"`(?:-\w, )?(--[a-z-]+) ([^`]+)`", " ".join(rows)))
    for option in options(COMMANDS[name]):
        if option.is_flag or "Choice" in type(option.type).__name__:
            continue
        assert option.metavar, f"{name} {option.opts[0]} shows a generic metavar in --help; declare one"
        long = max(option.opts, key=len)
        if long in documented:
            assert documented[long] == option.metavar, (
                f"{name} {long}: manual {documented[long]!r}, --help {option.metavar!r}"
            )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_shows_no_generic_metavar_and_every_option(name):
    shown = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert not re.search(r"<(str|int|float|path|int range|float range)>", shown.stdout), shown.stdout
    for option in options(COMMANDS[name]):
        assert all(named(shown.stdout, flag) for flag in option.opts), option.opts


def test_who_says_a_name_works_in_help_and_manual():
    for name, command in COMMANDS.items():
        for option in options(command):
            if "--who" in option.opts:
                assert "name" in (option.help or ""), name
                assert f"`--who {option.metavar}`" in section(name), name


def test_the_readme_is_short_and_points_to_the_manual():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 150
    assert "docs/manual.md" in text and "docs/format.md" in text
    for name in ("agenda", "check", "export", "import", "diff"):
        assert f"itinerary {name} " in text, name


def test_ci_runs_exactly_the_readmes_test_command():
    blocks = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.S)
    setup = [b for b in blocks if b.startswith("python3 -m venv")]
    assert len(setup) == 2, setup
    assert "itinerary agenda schedules/ecpg-japan-2009.yaml" in setup[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == setup[1], (ci, setup[1])


def test_the_readmes_programme_loads_and_passes_the_check(tmp_path):
    text = README.read_text(encoding="utf-8")
    programme = tmp_path / "readme.yaml"
    programme.write_text(re.search(r"```yaml\n(.*?)```", text, re.S).group(1), encoding="utf-8")
    checked = CliRunner().invoke(app, ["check", str(programme)])
    assert checked.exit_code == 0 and "no findings" in " ".join(checked.stdout.split()), checked.output
    agenda = CliRunner().invoke(app, ["agenda", str(programme), "--who", "Tea Petrin"])
    assert agenda.exit_code == 0 and "Meeting with DG GROW" in agenda.stdout, agenda.output
