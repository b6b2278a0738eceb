"""A section's text as plain text: what a reader reads, without the Markdown.

Read with the diff's own Markdown reader (its leaf blocks and inline tokens, which follow
Python-Markdown closely; see derive/diff/blocks.py and tokens.py), so that it is cheap
enough to run for every section in every language on every build, and a word here is a
word in the export's change counts. The rules:

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
from ...derive.diff.tokens import (
    ATOM,
    ATTR,
    CELL,
    CLOSE,
    EMPH,
    OPEN,
    TAG,
    Token,
    tokenize_block,
)
from ...derive.diff.tokens import CODE as CODE_SPAN

_LEFT_OUT = frozenset({RULE, REFDEF, BLANK, TABLE_DELIM})
_MARKUP = frozenset({EMPH, OPEN, CLOSE, ATTR})
_LIST_MARKER = re.compile(r"(?:[*+-]|(\d+)\.)[ \t]+$")
_FOOTNOTE_LABEL = re.compile(r"\[\^([^\]\n]+)\]:")
_FENCE_LINE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")
_TAGS = re.compile(r"<[^<>]*>")


def plain_text(body: str, figure_title: Callable[[str], str | None]) -> str:
    """The plain text of a section body; `figure_title` names a placed figure."""
    blocks = [_block(block, figure_title) for block in parse_blocks(body)]
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
    tokens = tokenize_block(block).tokens
    pieces: list[str] = []
    for token in tokens:
        piece = _token(token)
        if piece is not None:
            pieces.append(piece)
        if token.gap:  # a skipped token's space stays: "*emph* and" is "emph and"
            pieces.append(" ")
    text = _words("".join(pieces))
    if block.kind in (TABLE_HEAD, TABLE_ROW):
        text = text.strip("| ").strip()
    return _prefix(block) + text if text else ""


def _token(token: Token) -> str | None:
    """What a reader sees of a token; None for markup."""
    if token.kind in _MARKUP:
        return None
    if token.kind == TAG:
        return " " if token.text.lower().startswith("<br") else None
    if token.kind == CELL:
        return " | "
    if token.kind == CODE_SPAN:
        return token.key.strip("`").strip()
    if token.kind == ATOM:
        text = token.key
        if text.startswith("\\"):
            return text[1:]
        if text.startswith("[^"):
            return f"[{text[2:-1]}]"
        if text.startswith("<"):
            return text[1:-1].removeprefix("mailto:")
        return html.unescape(text)
    return token.key


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
