"""YAML text composed into a node tree that keeps every value's line and column."""

from __future__ import annotations

import yaml
from yaml import MappingNode, Node, ScalarNode, SequenceNode

from itinerary.load.diagnostics import LoadError
from itinerary.model import Diagnostic, Source

NULLS = frozenset(("", "~", "null", "Null", "NULL"))


_TAGS = {
    ScalarNode: "tag:yaml.org,2002:str",
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Every scalar stays text: fields interpret their own values. The parser asks the resolver about
    every node (three calls each): answered without looking, that is a fifth of composing."""

    def resolve(self, kind: type[Node], value: object, implicit: object) -> str:
        return _TAGS[kind]

    def descend_resolver(self, parent: object, index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def compose(text: str, name: str) -> Node | None:
    try:
        node: Node | None = yaml.compose(text, Loader=_Loader)
        return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        source = Source(name, mark.line + 1, mark.column + 1) if mark else None
        problem = exc.problem or exc.context or "not valid YAML"
        if mark and text[mark.index : mark.index + 1] == "\t":
            problem += " (a tab: YAML is indented with spaces only)"
        raise LoadError([Diagnostic(source, f"YAML syntax: {problem}")]) from None
    except yaml.reader.ReaderError as exc:
        raise LoadError([_unreadable(text, name, exc.position)]) from None
    except yaml.YAMLError as exc:
        raise LoadError([Diagnostic(None, f"{name}: YAML syntax: {exc}")]) from None
    except RecursionError:
        raise LoadError([Diagnostic(None, f"{name}: nested too deeply to be a programme file")]) from None


def _unreadable(text: str, name: str, position: int) -> Diagnostic:
    """YAML refuses a control character written as is: say which, and where (PyYAML gives only a position)."""
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = ord(text[position]) if position < len(text) else 0
    return Diagnostic(
        Source(name, line, column),
        f"YAML syntax: a control character (U+{code:04X}) cannot be written as is: "
        f"remove it, or write it as \\x{code:02x} inside double quotes",
    )


def is_null(node: Node) -> bool:
    """A plain (unquoted) empty or null scalar: written as nothing.

    A plain scalar's style is None in the pure-Python loader and '' in the C one; quoted
    ('null', "~") it is text.
    """
    return isinstance(node, ScalarNode) and not node.style and node.value in NULLS


def describe(node: Node | None) -> str:
    """What a node is, for a message that says what was expected instead."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        value = str(node.value)
        return f"the value {value[:40]!r}" if value else "nothing"
    return "nothing"
