"""What rich prints of a render, next to what the render writes of itself (render.paint.show)."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, RenderableType


def printed(
    render: RenderableType, width: int, color: str | None, no_color: bool = False, direct: Any = None
) -> tuple[str, str]:
    """Rich's print of `render`, and render.paint.show's of `direct` (the render itself unless given)."""
    from itinerary.render.paint import show

    outs = []
    for painted in (False, True):
        out = io.StringIO()
        console = Console(
            file=out, width=width, color_system=color, force_terminal=color is not None, no_color=no_color
        )
        if painted:
            show(console, [render if direct is None else direct])
        else:
            console.print(render)
        outs.append(out.getvalue())
    return outs[0], outs[1]
