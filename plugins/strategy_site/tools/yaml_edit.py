"""Changing one value in an editor's YAML while every other byte stays as written.

A full round trip through ruamel.yaml keeps comments and key order but re-indents lists,
re-spaces comments and flow collections. So the tools ask ruamel.yaml where a value
stands (its composed nodes carry exact start and end positions) and replace only those
characters. Comments, quoting, key order and layout elsewhere survive byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


class YamlEditError(ValueError):
    """The YAML is not shaped as the edit expects (e.g. not a mapping at the top)."""


def _top_mapping(text: str) -> MappingNode | None:
    node = YAML(typ="rt").compose(text)
    if node is None:
        return None
    if not isinstance(node, MappingNode):
        raise YamlEditError("the YAML is not a mapping of keys and values")
    return node


def _find(mapping: MappingNode | None, key: str) -> tuple[ScalarNode, Node] | None:
    if mapping is None:
        return None
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


YAML11_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}
NEEDS_QUOTES = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|:\s|\s#|:$|\s$|\n")


def scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same string, plain when it can be."""
    plain = value and not NEEDS_QUOTES.search(value) and value.lower() not in YAML11_WORDS
    if plain and YAML(typ="safe").load(f"k: {value}") == {"k": value}:
        return value
    return "'" + value.replace("'", "''") + "'"


def _quoted_like(old: Node, value: str) -> str:
    style = getattr(old, "style", None)
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return scalar(value)


def _line_after(node: Node) -> int:
    """The index of the first line after `node`: block values end at column 0 of it."""
    end = node.end_mark
    line: int = end.line  # ruamel.yaml's marks are untyped
    return line if end.column == 0 else line + 1


def set_value(text: str, key: str, value: str, after: str | None = None) -> str:
    """`text` with top-level `key` set to `value`.

    An existing scalar value is replaced in place, in its old quoting style. A missing
    key is added on a line of its own after the line of `after` (or at the end).
    """
    mapping = _top_mapping(text)
    found = _find(mapping, key)
    if found is not None:
        key_node, node = found
        if not isinstance(node, ScalarNode):
            raise YamlEditError(f"'{key}' holds a list or mapping, not a single value")
        start, end = node.start_mark.index, node.end_mark.index
        if start == end:  # `key:` with nothing after it
            colon = text.index(":", key_node.end_mark.index) + 1
            return text[:colon] + " " + scalar(value) + text[colon:]
        return text[:start] + _quoted_like(node, value) + text[end:]
    line = f"{key}: {scalar(value)}{newline_of(text)}"
    anchor = _find(mapping, after) if after else None
    if anchor is not None:
        end_line = _line_after(anchor[1])
        lines = text.splitlines(keepends=True)
        return "".join(lines[:end_line]) + line + "".join(lines[end_line:])
    if text and not text.endswith("\n"):
        text += newline_of(text)
    return text + line


def newline_of(text: str) -> str:
    """The file's line ending: CRLF if it has any, else LF."""
    return "\r\n" if "\r\n" in text else "\n"


def remove_key(text: str, key: str) -> str:
    """`text` without the lines of top-level `key` and its value (nested ones too).

    A block value's end, as the parser sees it, is the next key: the blank lines and
    comments between them belong to what follows and stay, as do comments above `key`.
    """
    found = _find(_top_mapping(text), key)
    if found is None:
        return text
    key_node, value = found
    lines = text.splitlines(keepends=True)
    end = _line_after(value)
    while end > key_node.start_mark.line + 1 and _is_blank_or_comment(lines[end - 1]):
        end -= 1
    return "".join(lines[: key_node.start_mark.line] + lines[end:])


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def add_block(text: str, block: str, after: str | None = None) -> str:
    """`text` with `block` (whole lines, LF endings) added after the value of top-level
    `after` (or at the end), written with the file's own line endings."""
    newline = newline_of(text)
    block = block.replace("\n", newline)
    anchor = _find(_top_mapping(text), after) if after else None
    if anchor is None:
        if text and not text.endswith("\n"):
            text += newline
        return text + block
    lines = text.splitlines(keepends=True)
    end = _line_after(anchor[1])
    while end > anchor[0].start_mark.line + 1 and _is_blank_or_comment(lines[end - 1]):
        end -= 1
    return "".join(lines[:end]) + block + "".join(lines[end:])


def append_to_list(text: str, key: str, item: str) -> str:
    """`text` with `item` appended to the top-level list under `key`, in its own style."""
    found = _find(_top_mapping(text), key)
    if found is None or not isinstance(found[1], SequenceNode):
        raise YamlEditError(f"'{key}' is not a list")
    node = found[1]
    if node.flow_style:
        close = text.rindex("]", 0, node.end_mark.index)
        before = text[:close].rstrip()
        separator = "" if before.endswith("[") else ", "
        return before + separator + scalar(item) + text[len(before) :]
    last = node.value[-1]
    lines = text.splitlines(keepends=True)
    item_line: int = last.start_mark.line
    column: int = last.start_mark.column
    prefix = lines[item_line][:column]
    end_line = _line_after(last)
    new_line = prefix + scalar(item) + newline_of(text)
    return "".join(lines[:end_line]) + new_line + "".join(lines[end_line:])


FRONT_MATTER = re.compile(
    r"\A(\ufeff?---[ \t]*\r?\n)(.*?)(^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S | re.M
)


def edit_front_matter(document: str, change: Callable[[str], str]) -> str:
    """A Markdown file with its front matter changed by `change`; the body untouched."""
    match = FRONT_MATTER.match(document)
    if match is None:
        raise YamlEditError("the file has no front matter")
    return document[: match.start(2)] + change(match.group(2)) + document[match.end(2) :]


def set_front_matter_value(document: str, key: str, value: str, after: str | None = None) -> str:
    """A Markdown file with one front matter key set; the body is left untouched."""
    return edit_front_matter(document, lambda front: set_value(front, key, value, after=after))
