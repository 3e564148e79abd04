"""The text of `itinerary check`: colour on the severity only, wrapping within the width."""

from __future__ import annotations

from conftest import render_text


def _ansi_lines(renderables, width: int) -> list[str]:
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system="standard", highlight=False)
    for renderable in renderables:
        console.print(renderable)
    return out.getvalue().splitlines()


def test_check_colours_the_severity_not_the_whole_finding():
    from itinerary.checks.finding import Finding
    from itinerary.render import findings

    finding = Finding("T202", "error", "travel-gap", "word " * 40, "do this", participants=("Ann",))
    lines = _ansi_lines(findings.render([finding], "f.yaml", width=60), 60)
    assert "\x1b[1;31merror T202 travel-gap: " in lines[0]
    red = "\x1b[1;31m"
    assert not any(red in line for line in lines[1:]), lines


def test_check_wraps_wide_characters_within_the_width():
    from rich.cells import cell_len

    from itinerary.checks.finding import Finding
    from itinerary.render import findings

    finding = Finding(
        "C101",
        "error",
        "clash",
        "'自由日の会議' と '東京での夕食会' " * 6,
        "山田太郎を 一つから 外す " * 5,
        participants=("山田太郎",),
    )
    text = render_text(findings.render([finding], "f.yaml", width=60), width=60)
    lines = text.splitlines()
    assert all(cell_len(line) <= 60 for line in lines), text
    assert lines[1].startswith("  "), text  # the continuation is the block's, not rich folding an overlong line
