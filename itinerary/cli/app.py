"""The `itinerary` command itself: its name, --version, and the entry point that keeps tracebacks from users.

Each command lives in a module of its own beside this one (`agenda.py`, `export.py`...)
and registers itself on `app`; `itinerary/cli/__init__.py` lists them.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any, NoReturn, TextIO

import typer
from typer.core import TyperGroup

EXIT_CODES = """\
Exit codes: 0 success; 1 findings (`check`: errors, or warnings with --strict;
`diff`: the versions differ; `publish`: an event edited on the server was left
alone); 2 the input could not be used (a file that does not load, a bad option,
a server that refused); 3 an internal error (a bug: please report it)."""


class _OneLineErrors(TyperGroup):
    """Usage errors in one line, like every other error of the program, instead of click's usage block.

    `itinerary agenda p.yaml --format xml` says what is wrong and where the help is in one
    line on stderr, exit 2; a bare `itinerary` still prints the help.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from typer._click import exceptions as errors  # typer >= 0.26 carries its own click

        def run() -> Any:
            return super(_OneLineErrors, self).main(
                args, prog_name, complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra
            )

        if not standalone_mode:
            return run()
        try:
            code = run()
        except errors.NoArgsIsHelpError as error:
            error.show()
            sys.exit(error.exit_code)
        except errors.UsageError as error:
            from itinerary.cli.output import say

            where = error.ctx.command_path if error.ctx else "itinerary"
            say(f"itinerary: {error.format_message().rstrip('.')} (see '{where} --help')")
            sys.exit(error.exit_code)
        except errors.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except typer.Abort:
            sys.stderr.write("itinerary: aborted\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="itinerary",
    cls=_OneLineErrors,
    help=f"Plan study visits and delegations from one programme file.\n\n{EXIT_CODES}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from itinerary import version_line

        sys.stdout.write(version_line())
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Plan study visits and delegations from one programme file."""


class _QuietPipe:
    """Standard output that ends the program with exit 0 when its reader goes away (`| head -1`).

    Click turns a broken pipe into exit 1, which a script reads as a failure; here it is
    caught where the write happens, before click sees it.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        try:
            return self._out.write(text)
        except BrokenPipeError:
            _reader_gone()

    def flush(self) -> None:
        try:
            self._out.flush()
        except BrokenPipeError:
            _reader_gone()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._out, name)


def _reader_gone() -> NoReturn:
    # What is still buffered goes nowhere, so that the interpreter's last flush cannot fail again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno() if sys.__stdout__ else 1)
    raise SystemExit(0)


_OWN_PROCESS = False
"""Set by main(): the process is the command's, not a program that imports the library (or a test)."""


def settled() -> None:
    """What the command keeps (the programme) is made: in the command's own process, the cycle collector
    leaves everything made so far out of its full passes from now on. Elsewhere, nothing happens."""
    if _OWN_PROCESS:
        import gc

        gc.freeze()


def main() -> None:
    """Entry point: no traceback reaches the user unless ITINERARY_DEBUG is set."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    sys.stdout = _QuietPipe(sys.stdout)
    try:
        _named(sys.argv[1:])()
    except KeyboardInterrupt:
        sys.stderr.write("itinerary: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("ITINERARY_DEBUG"):
            raise
        from itinerary.cli.output import say

        say(f"itinerary: internal error: {type(exc).__name__}: {exc} (set ITINERARY_DEBUG=1 for details)")
        sys.exit(3)


def _named(argv: list[str]) -> typer.Typer:
    """The app with only the command `argv` starts with, when it starts with one: typer makes every registered
    command into click's options before it runs any, a sixth of a command's start-up for the ten not run.
    Anything else (--help, a misspelt command) gets the whole app, and says what it always said."""
    from typer.main import get_command_name  # typer's own name for a command, as click will know it

    wanted = [
        info
        for info in app.registered_commands
        if argv and (info.name or (get_command_name(info.callback.__name__) if info.callback else None)) == argv[0]
    ]
    if len(wanted) != 1:
        return app
    only = copy.copy(app)
    only.registered_commands = wanted
    return only
