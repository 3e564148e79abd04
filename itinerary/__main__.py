"""`python -m itinerary` and the `itinerary` script.

`itinerary --version` alone is answered here, before typer (most of a command's
start-up) is imported; everything else goes to the command line in itinerary.cli.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from itinerary import version_line

        sys.stdout.write(version_line())
        return
    # Start-up makes some hundred thousand objects that live as long as the process; the cycle
    # collector would only scan them again and again (a tenth of a command's start-up): it waits
    # until they are made, and then leaves them out of its scans for good.
    gc.disable()
    from itinerary.cli import main as run

    gc.freeze()
    gc.enable()
    run()


if __name__ == "__main__":
    main()
