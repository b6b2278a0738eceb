"""A section's text as plain text: what a reader reads, without the Markdown.

Blocks come from the diff's own Markdown reader (derive/diff/blocks.py, which follows
Python-Markdown's), so that a paragraph here is a paragraph in the export's changes;
inside a block, markup is taken off by a few patterns after Python-Markdown's inline
ones, cheap enough to run for every section in every language on every build. The rules:

- blocks (paragraphs, headings, list items, table rows, code) are separated by a blank
  line; markup (emphasis, link targets, inline HTML, attribute lists) is left out, and
  so are rules and link reference definitions;
- a list item starts with "- " (or "1. " in a numbered list), nested ones indented by
  two spaces per level;
- table cells are separated by " | ";
- a footnote reference `[^2]` is "[2]", and its definition starts with "[2] ";
- a figure placed in the text (`![[figur: id]]`) is "[<figure title>]" (its data is in
  the export's figures); an image is its alternative text; a code block keeps its lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

from ...content.figures import PLACEMENT
from ...derive.diff.blocks import (
    BLANK,
    CODE,
    FENCE,
    FOOTNOTE,
    HTML,
    REFDEF,
    RULE,
    TABLE_DELIM,
    TABLE_HEAD,
    TABLE_ROW,
    Block,
    parse_blocks,
)

_LEFT_OUT = frozenset({RULE, REFDEF, BLANK, TABLE_DELIM})
_LIST_MARKER = re.compile(r"(?:[*+-]|(\d+)\.)[ \t]+$")
_FOOTNOTE_LABEL = re.compile(r"\[\^([^\]\n]+)\]:")
_FENCE_LINE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")
_TAGS = re.compile(r"<[^<>]*>")


# Every figure id a body could place, wherever it stands: the titles a text depends on.
_ANY_PLACEMENT = re.compile(r"!\[\[figur:\s*([^\]\s]*)")


def plain_text(body: str, figure_title: Callable[[str], str | None]) -> str:
    """The plain text of a section body; `figure_title` names a placed figure."""
    titles = tuple((id_, figure_title(id_)) for id_ in sorted(set(_ANY_PLACEMENT.findall(body))))
    return _plain_text(body, titles)


@lru_cache(maxsize=8192)
def _plain_text(body: str, titles: tuple[tuple[str, str | None], ...]) -> str:
    """Kept by text and figure titles: a preview's rebuild makes the open data of every
    section again, and most texts did not change (about 0.4 s at 100 sections a version)."""
    named = dict(titles).get
    blocks = [_block(block, named) for block in parse_blocks(body)]
    return "\n\n".join(text for text in blocks if text)


def _block(block: Block, figure_title: Callable[[str], str | None]) -> str:
    if block.kind in _LEFT_OUT:
        return ""
    if block.kind in (FENCE, CODE):
        return _code(block)
    if block.kind == HTML:
        return _words(html.unescape(_TAGS.sub(" ", block.text)))
    placed = PLACEMENT.match(block.text.strip())
    if placed:
        figure_id = placed.group("id")
        return f"[{figure_title(figure_id) or figure_id}]"
    text = " ".join(line.content for line in block.lines)
    text = _cells(text) if block.kind in (TABLE_HEAD, TABLE_ROW) else _inline(text)
    return _prefix(block) + text if text else ""


# Python-Markdown's inline patterns that leave text behind, in the order that matters:
# code spans and backslash escapes are kept aside first (nothing inside them is markup).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!|:])")
_KEPT = re.compile("\ue001(\\d+)\ue001")
_IMAGE = re.compile(r"!\[([^\]]*)\](?:\((?:[^()]|\([^)]*\))*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\](?:\((?:[^()]|\([^)]*\))*\)|\[[^\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_AUTOLINK = re.compile(
    r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>\s]*|mailto:[^<>\s]+|[^<>\s@!/]+@[^<>\s@]+)>"
)
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{:?[ ]*[^}\n ][^}\n]*\}")
_STARS = re.compile(r"\*+(?=\S)|(?<=\S)\*+")
_UNDERSCORES = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")


def _inline(text: str) -> str:
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return f"\ue001{len(kept) - 1}\ue001"

    text = _CODE_SPAN.sub(lambda found: keep(found.group(2).strip()), text)
    text = _ESCAPE.sub(lambda found: keep(found.group(1)), text)
    text = _IMAGE.sub(lambda found: found.group(1), text)
    text = _LINK.sub(lambda found: found.group(1), text)
    text = _FOOTNOTE_REF.sub(lambda found: keep(f"[{found.group(1)}]"), text)
    text = _AUTOLINK.sub(lambda found: keep(found.group(1).removeprefix("mailto:")), text)
    text = _BREAK.sub(" ", text)
    text = _TAG.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _STARS.sub("", text)
    text = _UNDERSCORES.sub("", text)
    text = html.unescape(text)
    text = _KEPT.sub(lambda found: kept[int(found.group(1))], text)
    return _words(text)


def _cells(row: str) -> str:
    """A table row's cells; a pipe inside a code span or escaped is text."""
    kept: list[str] = []

    def keep(found: re.Match[str]) -> str:
        kept.append(found.group(0))
        return f"\ue002{len(kept) - 1}\ue002"

    protected = _ESCAPE.sub(keep, _CODE_SPAN.sub(keep, row.strip()))
    cells = protected.strip("|").split("|")

    def restore(cell: str) -> str:
        return re.sub("\ue002(\\d+)\ue002", lambda found: kept[int(found.group(1))], cell)

    return " | ".join(_inline(restore(cell)) for cell in cells)


def _prefix(block: Block) -> str:
    """A list item's marker, indented by its nesting; a footnote's label."""
    first = block.lines[0].prefix
    if block.kind == FOOTNOTE:
        label = _FOOTNOTE_LABEL.search(first)
        return f"[{label.group(1)}] " if label else ""
    marker = _LIST_MARKER.search(first)
    if marker is None:
        return ""
    level = block.depth[0] // 4
    return "  " * level + (f"{marker.group(1)}. " if marker.group(1) else "- ")


def _code(block: Block) -> str:
    if block.kind == CODE:  # indented code: the lines without the four spaces
        lines = [line.text.rstrip("\n")[len(block.container) :] for line in block.lines]
        lines = [line.removeprefix("    ").removeprefix("\t") for line in lines]
    else:
        lines = [line.content for line in block.lines if not _FENCE_LINE.match(line.content)]
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _words(text: str) -> str:
    return " ".join(text.split())
