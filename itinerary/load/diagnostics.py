"""Every problem found while reading, collected so the user sees all of them at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from itinerary.model import Diagnostic, Source

if TYPE_CHECKING:
    from yaml import Node

MAX_ERRORS = 100


class LoadError(Exception):
    """The file cannot become a programme; `diagnostics` says every reason found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


class Abort(Exception):
    """Stop reading: what is left cannot be understood."""


class Diagnostics:
    """The errors and warnings of one file, each pointing at the node it is about."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def src(self, node: Node) -> Source:
        mark = node.start_mark
        return Source(self.name, mark.line + 1, mark.column + 1)

    def error(self, node: Node | None, field: str, message: str) -> None:
        source = self.src(node) if node is not None else Source(self.name, 1)
        self.errors.append(Diagnostic(source, f"{field}: {message}" if field else message))
        if len(self.errors) >= MAX_ERRORS:
            self.errors.append(Diagnostic(None, f"{self.name}: stopped after {MAX_ERRORS} errors"))
            raise Abort

    def fatal(self, node: Node | None, field: str, message: str) -> NoReturn:
        self.error(node, field, message)
        raise Abort

    def warn(self, node: Node, message: str) -> None:
        self.warnings.append(Diagnostic(self.src(node), message, "warning"))
