"""`python -m itinerary` and the `itinerary` script.

`itinerary --version` alone is answered here, before typer (most of a command's
start-up) is imported; everything else goes to the command line in itinerary.cli.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from itinerary import version_line

        sys.stdout.write(version_line())
        return
    from itinerary.cli import main as run

    run()


if __name__ == "__main__":
    main()
