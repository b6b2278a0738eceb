"""Render a body diff as annotated Markdown: the new text with <ins> and <del> added.

The site renders this through the same Markdown pipeline as a normal page, so all
structure survives. Inside a block, `inline` decides where marks may go; here, blocks
are put back together:

- Unchanged and changed blocks are the new text's blocks, with the new separators.
- Whole deleted or inserted blocks keep their own structure (a row stays a row, an item
  an item, a heading a heading) and stand where they stood, with the separators they
  had; between blocks from different texts a blank line is put unless both are list
  items or rows of one table (which must stay tight).
- Blocks without inline text to mark (fenced and indented code, rules, raw HTML that is
  balanced) are wrapped in `<div class="diff-deleted-block" markdown>` /
  `diff-inserted-block` with a screen-reader label; md_in_html renders the block
  unchanged inside it. Where that cannot work (raw HTML not balanced on its own, or
  content with "&#", on which md_in_html 3.11 emits a stray </div>) a deleted block is
  shown as a deleted paragraph of its source lines, escaped to show as written, and an
  inserted one as it stands.
- A block moved across sections (`BlockDiff.move`, see moves.py) keeps its marks, with
  a visible note before it that says where to or from, linked, instead of the
  screen-reader labels.
- A deleted heading is struck through but is no heading any more: a paragraph with the
  class `diff-deleted-heading` (attr_list), so that it stays out of the outline, the
  table of contents and the heading ids.
- A removed table delimiter row is dropped unless its whole table went; a removed link
  reference definition is dropped (it renders as nothing, and would redefine the
  label); a removed footnote whose label is still defined is shown as a paragraph.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from .blocks import (
    ADMONITION,
    BLANK,
    FENCE,
    FOOTNOTE,
    HEADING,
    HTML,
    LIST_ITEM,
    PARAGRAPH,
    REFDEF,
    RULE,
    SETEXT_RE,
    TAB,
    TABLE_DELIM,
    TABLE_HEAD,
    TABLE_ROW,
    Block,
)
from .blocks import CODE as CODE_BLOCK
from .body import CHANGED, DELETED, EQUAL, INSERTED, BlockDiff, BodyDiff, Move
from .inline import VOID_TAGS, new_text, render_ops, render_whole
from .labels import DEL, INS, DiffLabels, mark
from .tokens import ATTR, Tokenized, tokenize_block

__all__ = ["DiffLabels", "MoveNotes", "mark", "markdown_text", "render_markdown"]

_TABLE_KINDS = frozenset({TABLE_HEAD, TABLE_DELIM, TABLE_ROW})
_TIGHT_KINDS = _TABLE_KINDS | {LIST_ITEM}
_WRAPPED_KINDS = frozenset({FENCE, CODE_BLOCK, RULE})
_OWNING_KINDS = frozenset({LIST_ITEM, FOOTNOTE, ADMONITION})  # own lines indented under them


def _blank_line(container: str) -> str:
    """An empty line that stays inside the container (a quote needs its marker)."""
    if ">" in container:
        return container[: container.rindex(">") + 1] + "\n"
    return "\n"


def _with_eol(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _wrapper(block: Block, css: str, label: str, note: str = "") -> str:
    cp = block.container
    blank = _blank_line(cp)
    parts = [f'{cp}<div class="{css}" markdown>\n', blank]
    if note:
        parts += [f"{cp}{note}\n", blank]
    if label:
        parts += [f'{cp}<span class="sr-only">{html.escape(label)}</span>\n', blank]
    parts += [_with_eol(block.text), blank, f"{cp}</div>\n"]
    return "".join(parts)


class _BalanceCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.ok = False


def html_balanced(text: str) -> bool:
    checker = _BalanceCheck()
    checker.feed(text)
    checker.close()
    return checker.ok and not checker.stack


_LITERAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "&#96;"}
_LITERAL_RE = re.compile(r"[&<>`]|([\\*_{}\[\]()#+\-.!|])")


def _literal(text: str) -> str:
    """Source text as Markdown that shows it character for character, marks safe."""
    return _LITERAL_RE.sub(lambda m: "\\" + m.group(1) if m.group(1) else _LITERAL[m.group()], text)


def _lines_as_text(block: Block, labels: DiffLabels) -> str:
    """A deleted block that cannot be wrapped: its source lines as deleted text.

    Not as code spans: a literal "&#" in a code span is one of the things that corrupt
    Python-Markdown 3.11's HTML stash.
    """
    lines = []
    cp = block.container
    for src in block.text.splitlines():
        body = src.strip()
        if body:
            lines.append(cp + mark(DEL, labels.deleted, _literal(body)))
    return "\n".join(lines) + "\n" if lines else ""


@dataclass(frozen=True)
class MoveNotes:
    """How text that moved across sections is shown (see moves.py).

    `note` gives the visible note put before each moved block, e.g. "Flyttat till
    <a>6.2 Jord, skog och vatten</a>:": inline HTML whose text is safe as Markdown (see
    `markdown_text`), made by the page planner, which knows the addresses. Read before
    the block, it replaces the marks' screen-reader labels; where no note fits (a table
    row) `labels` replace "Tillagt:"/"Borttaget:" instead.
    """

    note: Callable[[Move], str]
    labels: DiffLabels


_MARKDOWN_PUNCT_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def markdown_text(text: str) -> str:
    """Plain text as Markdown inline text that renders as itself, safe inside raw HTML:
    HTML-escaped without numeric entities (a literal "&#" upsets Python-Markdown 3.11's
    HTML stash) and Markdown punctuation backslash-escaped."""
    return _MARKDOWN_PUNCT_RE.sub(r"\\\1", html.escape(text, quote=False))


_SILENT = DiffLabels("", "")

_ATX_MARKER_RE = re.compile(r"#+[ \t]*$")
DELETED_HEADING_CLASS = "diff-deleted-heading"


def _deleted_heading(tokens: Tokenized, block: Block, labels: DiffLabels) -> str | None:
    """A deleted heading as a struck paragraph: its "#" marker, closing hashes, setext
    underline and attribute list (an old id must not come back) are dropped."""
    words = tuple(t for t in tokens.tokens if t.kind != ATTR)
    if not words:
        return None
    prefix = block.lines[0].prefix
    lead = _ATX_MARKER_RE.sub("", prefix) + tokens.lead[len(prefix) :]
    last = words[-1]
    words = (*words[:-1], last._replace(gap=""))
    body = render_whole(Tokenized(lead, words, ""), DEL, labels)
    return f"{body}\n{block.container}{{: .{DELETED_HEADING_CLASS} }}\n"


@dataclass
class _Piece:
    diff: BlockDiff
    text: str
    side_block: Block  # the block whose separator and container apply
    boxed: bool  # needs blank lines around it (wrapper, code-as-paragraph)
    owns: bool = True  # may own the indented lines after it (false: shown as a paragraph)


def _footnote_label(block: Block) -> str:
    return block.lines[0].prefix.strip().rstrip(":")


def _render_block(
    bd: BlockDiff,
    labels: DiffLabels,
    prev: _Piece | None,
    new_footnotes: set[str],
    disarm: bool,
    note: str = "",
) -> _Piece | None:
    """`note`: HTML put before the block's text (a moved block's note), with a space."""
    if bd.status == EQUAL:
        assert bd.new is not None
        if disarm and not bd.new.atomic and any(c in bd.new.text for c in ("`", "](", "&")):
            # A lone backtick or "](" here could pair with text in a neighbouring changed
            # block if Python-Markdown joins the two, and a literal "&#" anywhere before
            # a mark corrupts Python-Markdown 3.11's HTML stash; escaped, they render
            # the same.
            tokens = tokenize_block(bd.new)
            text = tokens.lead + "".join(new_text(t) + t.gap for t in tokens.tokens) + tokens.tail
            return _Piece(bd, text, bd.new, False)
        return _Piece(bd, bd.new.text, bd.new, False)
    if bd.status == CHANGED:
        assert bd.new is not None and bd.new_tokens is not None
        body = render_ops(bd.ops, labels)
        return _Piece(bd, bd.new_tokens.lead + body + bd.new_tokens.tail, bd.new, False)
    inserted = bd.status == INSERTED
    block = bd.new if inserted else bd.old
    assert block is not None
    if note and block.kind in _TABLE_KINDS:
        note = ""  # in a row it would stand outside the cells: the labels say it
    elif note:
        labels = _SILENT  # the note, read first, says what happened to the whole block
    mode = INS if inserted else DEL
    label = labels.inserted if inserted else labels.deleted
    css = "diff-inserted-block" if inserted else "diff-deleted-block"
    kind = block.kind
    if kind == BLANK:
        return _Piece(bd, "", block, False) if inserted else None
    if kind == REFDEF:
        # Renders as nothing; a removed one must not redefine the label.
        return _Piece(bd, block.text, block, False) if inserted else None
    if kind == TABLE_DELIM:
        if inserted:
            return _Piece(bd, block.text, block, False)
        whole_table = (
            prev is not None and prev.diff.status == DELETED and prev.side_block.kind == TABLE_HEAD
        )
        return _Piece(bd, block.text, block, False) if whole_table else None
    if kind in _WRAPPED_KINDS or kind == HTML:
        # md_in_html (3.11) closes one </div> too many when the content holds "&#".
        if "&#" not in block.text and (kind != HTML or html_balanced(block.text)):
            return _Piece(bd, _wrapper(block, css, label, note), block, True)
        if inserted:
            return _Piece(bd, block.text, block, True)
        text = _lines_as_text(block, labels)
        return _Piece(bd, text, block, True) if text else None
    tokens = (bd.new_tokens if inserted else bd.old_tokens) or tokenize_block(block)
    if note:
        tokens = Tokenized(tokens.lead + note + " ", tokens.tokens, tokens.tail)
    if kind == HEADING and not inserted:
        heading = _deleted_heading(tokens, block, labels)
        return _Piece(bd, heading, block, True, owns=False) if heading else None
    if kind == FOOTNOTE and not inserted and _footnote_label(block) in new_footnotes:
        # The label lives on in the new text; a second definition would replace one of
        # them, so the removed one is shown as a paragraph.
        lead = re.sub(r"([\[\]])", r"\\\1", tokens.lead)
        tokens = Tokenized(lead, tokens.tokens, tokens.tail)
        return _Piece(bd, render_whole(tokens, mode, labels), block, False, owns=False)
    return _Piece(bd, render_whole(tokens, mode, labels), block, False)


def _separator(u: _Piece, v: _Piece, old_seps: dict[int, str], new_seps: dict[int, str]) -> str:
    a, b = u.diff, v.diff
    a_new = a.new_index if a.status != DELETED else None
    b_new = b.new_index if b.status != DELETED else None
    mixed = False
    if a_new is not None and b_new is not None and b_new == a_new + 1:
        sep = new_seps[a_new]
    elif a.old_index is not None and b.old_index is not None and b.old_index == a.old_index + 1:
        sep = old_seps[a.old_index]
    else:
        mixed = True
        kinds = (u.side_block.kind, v.side_block.kind)
        if kinds == (LIST_ITEM, LIST_ITEM):
            tight = True  # a blank line would change how the list is parsed
        elif kinds[0] in _TABLE_KINDS and kinds[1] in (TABLE_DELIM, TABLE_ROW):
            tight = True  # a blank line would end the table
        else:
            before = _sep_before(b, old_seps, new_seps)
            tight = (
                u.side_block.sep == ""
                and before == ""
                and kinds[0] in _TIGHT_KINDS
                and kinds[1] in _TIGHT_KINDS
            )
        sep = "" if tight else _between(u, v)
    if not sep and (
        u.boxed or v.boxed or u.side_block.kind == BLANK or (mixed and _underlines(v.side_block))
    ):
        sep = _between(u, v)
    return sep


def _dedent(text: str, columns: int) -> str:
    """Take up to `columns` columns of leading whitespace off every line."""
    lines = []
    for line in text.split("\n"):
        width = cut = 0
        while cut < len(line) and line[cut] in " \t" and width < columns:
            width += TAB - (width % TAB) if line[cut] == "\t" else 1
            cut += 1
        lines.append(line[cut:])
    return "\n".join(lines)


def _keep_in_containers(pieces: list[_Piece]) -> None:
    """A whole inserted or deleted block indented deeper than what precedes it allows
    (its list item or footnote is gone, or changed container) would become indented
    code; such a block is moved out to the deepest container still open."""
    inner = 0
    for piece in pieces:
        block = piece.side_block
        columns, quoted = block.depth
        if quoted or block.kind == BLANK:
            inner = 0 if quoted else inner
            continue
        if piece.diff.status in (INSERTED, DELETED) and columns > inner:
            piece.text = _dedent(piece.text, columns - inner)
            columns = inner
        inner = columns + TAB if block.kind in _OWNING_KINDS and piece.owns else columns


def _between(u: _Piece, v: _Piece) -> str:
    """A blank line between two pieces: a bare ">" keeps both in their quote, but only
    a really empty line ends a table or paragraph that is not quoted."""
    if u.side_block.depth[1] and v.side_block.depth[1]:
        return _blank_line(v.side_block.container)
    return "\n"


def _underlines(block: Block) -> bool:
    """Would this block, right under a line, turn that line into a setext heading?"""
    return bool(block.lines) and bool(SETEXT_RE.match(block.lines[0].text.strip(" \t\n")))


def _sep_before(b: BlockDiff, old_seps: dict[int, str], new_seps: dict[int, str]) -> str:
    if b.status == DELETED:
        assert b.old_index is not None
        return old_seps.get(b.old_index - 1, "\n")
    assert b.new_index is not None
    return new_seps.get(b.new_index - 1, "\n")


NOTE_KINDS = frozenset({PARAGRAPH, LIST_ITEM, TABLE_ROW})  # blocks that take a note at their end


def _add_note(piece: _Piece, notes: dict[int, str]) -> None:
    index = piece.diff.new_index
    if piece.diff.status == DELETED or index is None or index not in notes:
        return
    if piece.side_block.kind not in NOTE_KINDS:
        return
    text = piece.text.rstrip("\n")
    end = text.rstrip()
    if piece.side_block.kind == TABLE_ROW and end.endswith("|") and not end.endswith("\\|"):
        text = end[:-1].rstrip()  # in the last cell, not after the row
        piece.text = text + notes[index] + " |" + piece.text[len(end) :]
        return
    piece.text = text + notes[index] + piece.text[len(text) :]


def render_markdown(
    diff: BodyDiff,
    labels: DiffLabels,
    moves: MoveNotes | None = None,
    notes: dict[int, str] | None = None,
) -> str:
    """The annotated Markdown of a body diff (see the module docstring); `moves`: how
    blocks moved across sections are shown (without it, as plain deletions/insertions).

    `notes` maps a block of the new text (its index) to inline HTML put at the end of
    that block, e.g. a cause note's marker; only paragraphs, list items and table rows
    take one.
    """
    old_seps: dict[int, str] = {}
    new_seps: dict[int, str] = {}
    for bd in diff.blocks:
        if bd.old is not None and bd.old_index is not None:
            old_seps[bd.old_index] = bd.old.sep
        if bd.new is not None and bd.new_index is not None:
            new_seps[bd.new_index] = bd.new.sep
    new_footnotes = {
        _footnote_label(bd.new)
        for bd in diff.blocks
        if bd.new is not None and bd.new.kind == FOOTNOTE
    }
    changed = diff.changed
    pieces: list[_Piece] = []
    for bd in diff.blocks:
        own, note = labels, ""
        if moves is not None and bd.move is not None and bd.status in (DELETED, INSERTED):
            own, note = moves.labels, moves.note(bd.move)
        piece = _render_block(bd, own, pieces[-1] if pieces else None, new_footnotes, changed, note)
        if piece is not None:
            pieces.append(piece)
    _keep_in_containers(pieces)
    for piece in pieces:
        _add_note(piece, notes or {})
    out: list[str] = []
    for n, piece in enumerate(pieces):
        if n:
            out.append(_separator(pieces[n - 1], piece, old_seps, new_seps))
        text = piece.text
        if n + 1 < len(pieces) and text and not text.endswith("\n"):
            text += "\n"
        out.append(text)
    if pieces:
        out.append(pieces[-1].side_block.sep)
    return "".join(out)
