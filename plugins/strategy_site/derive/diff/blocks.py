"""Split a section body into Markdown leaf blocks, without losing a single character.

The diff aligns these blocks before it compares words, so the split has to follow
Python-Markdown closely enough that a block here is a block there: a paragraph, a list
item (nested ones too), a table row, a heading, an admonition title line, a footnote
definition, a fenced or indented code block, a raw HTML chunk, a rule. Containers
(lists, admonitions, footnotes, block quotes) are not blocks of their own: their markers
and indentation live in each line's `prefix`, so a block can be emitted on its own in
the annotated output and still land in the right container.

Every line of the input ends up in exactly one `Line` or one separator, so joining
`block.text + block.sep` over all blocks gives the input back byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...fences import fences
from .tables import is_table

# Kinds of leaf block.
PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list_item"
TABLE_HEAD = "table_head"
TABLE_DELIM = "table_delim"
TABLE_ROW = "table_row"
ADMONITION = "admonition"
FOOTNOTE = "footnote"
FENCE = "fence"
CODE = "code"  # indented code block
HTML = "html"
RULE = "rule"
REFDEF = "refdef"  # link reference definition: renders as nothing
BLANK = "blank"  # blank lines before the first block

# Blocks compared as a whole: a change anywhere replaces the block.
ATOMIC_KINDS = frozenset({FENCE, CODE, HTML, RULE, TABLE_DELIM, BLANK, REFDEF})
TABLE_KINDS = frozenset({TABLE_HEAD, TABLE_DELIM, TABLE_ROW})

TAB = 4

_QUOTE_RE = re.compile(r"(?:>[ \t]?)+")
_FENCE_RE = re.compile(r"(`{3,}|~{3,})")
_HEADING_RE = re.compile(r"(#{1,6})[ \t]*")  # "#0" is a heading too, as in Python-Markdown
_HEADING_CLOSE_RE = re.compile(r"[ \t]*#*[ \t]*$")
_RULE_RE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
SETEXT_RE = re.compile(r"[=-]+[ \t]*$")
_INDENT_RE = re.compile(r"[ \t]*")
_ADMONITION_RE = re.compile(
    r'(?P<head>(?:!!!|\?\?\?\+?) ?[\w\-]+(?: +[\w\-]+)*)(?P<title> +"(?P<text>.*?)")? *$'
)
_LIST_RE = re.compile(r"(?:[*+-]|\d+\.)[ \t]+")
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\n]+\]:[ \t]*")
# Python-Markdown's ReferenceProcessor, for definitions on one line.
_REFDEF_RE = re.compile(r"\[[^\[\]]*\]:[ ]*[^\s]+[ ]*(?:([\"'])(?:.*)\1[ ]*|\((?:.*)\)[ ]*)?$")
_BLOCK_TAGS = (
    "address|article|aside|blockquote|details|div|dl|fieldset|figcaption|figure|footer|"
    "form|h[1-6]|header|hgroup|hr|main|menu|nav|ol|p|pre|section|table|ul|canvas|colgroup|"
    "dd|body|dt|group|html|iframe|li|legend|math|map|noscript|output|object|option|"
    "progress|script|style|summary|tbody|td|textarea|tfoot|th|thead|tr|video|center"
)
_HTML_BLOCK_RE = re.compile(rf"<(?:!--|/?(?:{_BLOCK_TAGS})(?=[\s/>]|$))", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"\d+\.")


@dataclass(frozen=True, slots=True)
class Line:
    """One source line: container markup, the text the inline parser sees, and the rest."""

    prefix: str  # indentation, quote markers, list/heading/footnote markers
    content: str  # inline Markdown, no leading whitespace
    suffix: str = ""  # closing heading hashes, admonition title quote, setext underline
    eol: str = "\n"  # "" only on the last line of a text without a final newline

    @property
    def text(self) -> str:
        return self.prefix + self.content + self.suffix + self.eol


@dataclass(frozen=True, slots=True)
class Block:
    """A leaf block, its source lines, and the blank lines after it."""

    kind: str
    lines: tuple[Line, ...]
    sep: str  # blank (or quote-only) lines that follow, part of no block
    container: str  # indentation and quote markers of the container the block sits in
    key: str  # what "the same block" means for alignment

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def atomic(self) -> bool:
        return self.kind in ATOMIC_KINDS

    @property
    def depth(self) -> tuple[int, int]:
        """How deep the block is nested: (indentation columns, quote level)."""
        return _columns(self.container.replace(">", "")), self.container.count(">")


def block_key(kind: str, lines: tuple[Line, ...]) -> str:
    """Identity for alignment: whitespace and list numbering do not make a block new."""
    if kind in ATOMIC_KINDS:
        return kind + "\x00" + "".join(line.text for line in lines).rstrip()
    lead = _ORDINAL_RE.sub("1.", lines[0].prefix).rstrip()
    words = " ".join(" ".join(line.content.split()) for line in lines)
    suffix = lines[-1].suffix.strip()
    return f"{kind}\x00{lead}\x00{words}\x00{suffix}"


def _columns(ws: str) -> int:
    """Width of leading whitespace, a tab reaching the next multiple of four."""
    width = 0
    for ch in ws:
        width += TAB - (width % TAB) if ch == "\t" else 1
    return width


def _cut_columns(ws: str, cols: int) -> str:
    """The part of `ws` that covers the first `cols` columns."""
    width = 0
    for i, ch in enumerate(ws):
        if width >= cols:
            return ws[:i]
        width += TAB - (width % TAB) if ch == "\t" else 1
    return ws


@dataclass(slots=True)
class _Row:
    """A source line taken apart: where its container markup ends and its text begins."""

    body: str
    eol: str
    ws: str  # leading whitespace
    quote: str  # quote markers after the whitespace, with their spaces
    rest: str  # what follows
    depth: int  # quote level; a lazy line inside a quote gets the quote's
    inner: int = 0  # columns of indentation inside the quote (after its markers)

    @property
    def blank(self) -> bool:
        return not self.rest.strip()

    @property
    def cols(self) -> int:
        return _columns(self.ws)


def _analyse(body: str, eol: str) -> _Row:
    stripped = body.lstrip(" \t")
    ws = body[: len(body) - len(stripped)]
    quote = ""
    inner = 0
    if _columns(ws) < TAB:
        m = _QUOTE_RE.match(stripped)
        if m:
            quote = m.group()
            after = stripped[len(quote) :]
            extra = after[: len(after) - len(after.lstrip(" \t"))]
            if after.strip():
                inner = _columns(extra)
                quote += extra
    return _Row(body, eol, ws, quote, stripped[len(quote) :], quote.count(">"), inner)


def _split_lines(text: str) -> list[_Row]:
    parts = text.split("\n")
    rows = [_analyse(part, "\n") for part in parts[:-1]]
    if parts[-1]:
        rows.append(_analyse(parts[-1], ""))
    return rows


class _Parser:
    """A line-by-line state machine; see the module docstring for what it aims at."""

    def __init__(self, text: str) -> None:
        self.rows = _split_lines(text)
        self.blocks: list[Block] = []
        self.lead_sep = ""
        self.pending: list[Line] | None = None  # lines of the block being built
        self.kind = PARAGRAPH
        self.container = ""
        self.depth = 0  # quote depth of the open block
        self.open = False  # can the next line continue the open block?
        self.blank_seen = False
        self.blank_lines = 0
        self.at_start = True  # does the next block begin a Markdown block (not interrupt one)?
        self.block_start = True  # did the open block?
        self.inner = 0  # columns at which container content may start
        self.base = 0  # columns at which the open block's container content starts
        self.owners: dict[int, str] = {}  # content column -> kind of the container
        self.quote_level = 0  # a quote runs from its first ">" line to a blank line
        # Fenced code as MkDocs' fenced_code finds it, before anything else: first -> last.
        self.fenced = {fence.first: fence.last for fence in fences(text)}

    # -- building blocks -------------------------------------------------------------

    def _start(self, kind: str, line: Line, container: str, depth: int, is_open: bool) -> None:
        self._flush()
        self.pending = [line]
        self.blank_lines = 0
        self.block_start = self.at_start
        self.kind = kind
        self.container = container
        self.depth = depth
        self.open = is_open
        self.blank_seen = False

    def _flush(self) -> None:
        if self.pending:
            lines = tuple(self.pending)
            self.blocks.append(
                Block(self.kind, lines, "", self.container, block_key(self.kind, lines))
            )
        self.pending = None
        self.open = False

    def _add_sep(self, raw: str) -> None:
        self._flush()
        if self.blocks:
            last = self.blocks[-1]
            self.blocks[-1] = Block(last.kind, last.lines, last.sep + raw, last.container, last.key)
        else:
            self.lead_sep += raw

    # -- the main loop -----------------------------------------------------------------

    def run(self) -> list[Block]:
        i = 0
        rows = self.rows
        while i < len(rows):
            i = self._line(i)
        self._flush()
        if self.lead_sep:
            lead = Block(BLANK, (), self.lead_sep, "", BLANK)
            return [lead, *self.blocks]
        return self.blocks

    def _line(self, i: int) -> int:
        if i in self.fenced:
            return self._fenced_code(i, self.fenced[i])
        row = self.rows[i]
        if row.quote:
            self.quote_level = row.depth
        elif row.blank or self._splits(row):
            self.quote_level = 0
        elif self.quote_level:
            row.depth = self.quote_level  # lazy: Python-Markdown keeps it in the quote
            row.inner = row.cols
        in_table = self.open and not self.blank_seen and self.kind in TABLE_KINDS
        if row.blank and row.quote and in_table:
            return self._table_row(i)  # the table claims every line up to a blank one
        if row.blank:
            if row.quote and row.cols < self.inner:
                self._quote_ends_containers(row)
            self._add_sep(row.body + row.eol)
            self.blank_seen = True
            if not row.quote:
                self.blank_lines += 1
            return i + 1
        if self.pending is not None and self.open and not self.blank_seen:
            if self.kind in TABLE_KINDS:
                return self._table_row(i)
            if self._setext(row):
                return i + 1
            if not self._interrupts(i):
                self._continue(row)
                return i + 1
            self.at_start = False
        else:
            # A Markdown block starts after a blank line (a bare ">" does not count: the
            # quote goes on) or after a line Python-Markdown splits blocks at.
            self.at_start = (
                self.blank_lines > 0
                or not self.blocks
                or self.blocks[-1].kind in (HEADING, RULE, ADMONITION, CODE, HTML, REFDEF, FENCE)
            )
        if self.blank_lines > 1:
            self._close_footnotes()
        return self._begin(i)

    def _quote_ends_containers(self, row: _Row) -> None:
        """A bare ">" is blank inside a quote but not to the containers around it: one
        it is not indented into ends if it is an admonition, or any after a blank line."""
        level = row.cols // TAB * TAB
        ends = [
            lvl
            for lvl, kind in self.owners.items()
            if lvl > level and (kind == ADMONITION or self.blank_lines > 0)
        ]
        if ends:
            cut = min(ends)
            self.owners = {lvl: kind for lvl, kind in self.owners.items() if lvl < cut}
            self.inner = min(self.inner, cut - TAB)

    def _close_footnotes(self) -> None:
        """After two blank lines nothing more belongs to a footnote (Python-Markdown's
        `detectTabbed` sees a block starting with a newline, not with four spaces)."""
        levels = [level for level, kind in self.owners.items() if kind == FOOTNOTE]
        if levels:
            cut = min(levels)
            self.owners = {level: kind for level, kind in self.owners.items() if level < cut}
            self.inner = min(self.inner, cut - TAB)

    def _splits(self, row: _Row) -> bool:
        """Lines Python-Markdown splits a block at before it looks for quotes, so they
        are never lazy quote lines: rules, headings, admonitions, raw HTML."""
        rest = row.rest
        if row.cols >= TAB:
            return False
        if _RULE_RE.match(rest) or _HTML_BLOCK_RE.match(rest):
            return True
        return not row.ws and bool(_HEADING_RE.match(rest) or _ADMONITION_RE.match(rest))

    def _leaves_admonition(self, row: _Row) -> bool:
        """Admonition content has no lazy lines: Python-Markdown detabs it line by line."""
        return any(
            kind == ADMONITION and row.cols < level <= self.base
            for level, kind in self.owners.items()
        )

    def _setext(self, row: _Row) -> bool:
        """A one-line block at the start of a Markdown block, underlined: a heading.

        Python-Markdown tests this before lists and footnotes, so "- a" over "-" is a
        heading too; its marker then is heading text.
        """
        assert self.pending is not None
        if not (
            self.block_start
            and len(self.pending) == 1
            and self.kind in (PARAGRAPH, LIST_ITEM, FOOTNOTE)
            and row.cols < TAB
            and row.depth == self.depth
            and SETEXT_RE.match(row.rest)
            and not self._leaves_admonition(row)
        ):
            return False
        first = self.pending[0]
        keep = _INDENT_RE.match(first.prefix)
        cut = keep.end() if keep else 0
        # Python-Markdown tests this before quotes, lists and footnotes: their markers
        # on the first line become heading text.
        first = Line(
            first.prefix[:cut], first.prefix[cut:] + first.content, first.suffix, first.eol
        )
        self.pending = [first, Line("", "", row.body, row.eol)]
        self.kind = HEADING
        self._flush()
        # A heading owns nothing: what the list item or footnote would have owned is gone.
        self.inner = self.base
        self.owners = {level: kind for level, kind in self.owners.items() if level <= self.base}
        return True

    def _continue(self, row: _Row) -> None:
        assert self.pending is not None
        self.pending.append(Line(row.ws + row.quote, row.rest, "", row.eol))

    def _interrupts(self, i: int) -> bool:
        """Does this line end the open paragraph-like block instead of continuing it?"""
        row = self.rows[i]
        rest = row.rest
        if row.depth > self.depth:
            return True
        if self._leaves_admonition(row):
            return True
        if row.cols >= TAB:
            # Indented: a nested list item under a list item, else a continuation line.
            return self.kind == LIST_ITEM and bool(_LIST_RE.match(rest))
        at_base = row.cols == self.base
        if (at_base and _HEADING_RE.match(rest)) or _FOOTNOTE_RE.match(rest):
            return True
        if at_base and _ADMONITION_RE.match(rest):
            return True
        if _HTML_BLOCK_RE.match(rest) or _REFDEF_RE.match(rest):
            return True
        if _RULE_RE.match(rest):
            return True
        return self.kind == LIST_ITEM and bool(_LIST_RE.match(rest))

    def _begin(self, i: int) -> int:
        """A line that starts a new block."""
        row = self.rows[i]
        cols = row.cols
        base_cols = 0 if row.depth else min(cols // TAB * TAB, self.inner)
        container = _cut_columns(row.ws, base_cols) + (row.quote or "> " * row.depth)
        depth = row.depth
        rest = row.rest
        prefix = row.ws + row.quote
        if not row.depth and cols - base_cols >= TAB:
            return self._indented_code(i, base_cols)
        if row.depth and row.inner >= TAB:
            return self._quoted_code(i, container)
        self.inner = base_cols
        self.base = base_cols
        self.owners = {level: kind for level, kind in self.owners.items() if level <= base_cols}
        m = _FENCE_RE.match(rest)
        if m:
            end = self._fence_end(i, m.group(1))
            if end is not None:
                lines = [Line(prefix, rest, "", row.eol)]
                lines += [Line("", r.body, "", r.eol) for r in self.rows[i + 1 : end + 1]]
                self._start(FENCE, lines[0], container, depth, False)
                assert self.pending is not None
                self.pending.extend(lines[1:])
                self._flush()
                return end + 1
        m = _HEADING_RE.match(rest) if cols == base_cols else None
        if m:
            content = rest[m.end() :]
            close = _HEADING_CLOSE_RE.search(content)
            cut = close.start() if close else len(content)
            line = Line(prefix + rest[: m.end()], content[:cut], content[cut:], row.eol)
            self._start(HEADING, line, container, depth, False)
            self._flush()
            return i + 1
        m = _ADMONITION_RE.match(rest) if cols == base_cols else None
        if m:
            if m.group("title") is not None:
                cut = m.start("text")
                line = Line(prefix + rest[:cut], m.group("text"), rest[m.end("text") :], row.eol)
            else:
                line = Line(prefix + rest, "", "", row.eol)
            self._start(ADMONITION, line, container, depth, False)
            self._flush()
            self._own(base_cols, ADMONITION)
            return i + 1
        if _HTML_BLOCK_RE.match(rest) and not row.depth:
            return self._html(i, container, depth)
        if _RULE_RE.match(rest):
            self._start(RULE, Line(prefix, rest, "", row.eol), container, depth, False)
            self._flush()
            return i + 1
        m = _LIST_RE.match(rest)
        if m:
            line = Line(prefix + m.group(), rest[m.end() :], "", row.eol)
            # With nothing on the marker line, what follows starts a block of its own.
            self._start(LIST_ITEM, line, container, depth, bool(line.content.strip()))
            self._own(base_cols, LIST_ITEM)
            return i + 1
        m = _FOOTNOTE_RE.match(rest)
        if m:
            line = Line(prefix + m.group(), rest[m.end() :], "", row.eol)
            self._start(FOOTNOTE, line, container, depth, bool(line.content.strip()))
            self._own(base_cols, FOOTNOTE)
            return i + 1
        if _REFDEF_RE.match(rest):
            self._start(REFDEF, Line(prefix, rest, "", row.eol), container, depth, False)
            self._flush()
            return i + 1
        if i + 1 < len(self.rows):
            nxt = self.rows[i + 1]
            nxt_depth = nxt.depth or (self.quote_level if not self._splits(nxt) else 0)
            if nxt_depth == row.depth and not nxt.blank and is_table(rest, nxt.rest):
                self._start(TABLE_HEAD, Line(prefix, rest, "", row.eol), container, depth, False)
                self._start(
                    TABLE_DELIM,
                    Line(nxt.ws + nxt.quote, nxt.rest, "", nxt.eol),
                    container,
                    depth,
                    True,
                )
                return i + 2
        self._start(PARAGRAPH, Line(prefix, rest, "", row.eol), container, depth, True)
        return i + 1

    def _own(self, base_cols: int, kind: str) -> None:
        """The block just started owns the lines indented one step deeper.

        Not inside a block quote: a line without the quote marker has left the quote,
        whatever its indentation (and quoted lines are not measured by indentation).
        """
        if self.depth:
            self.inner = base_cols
            return
        self.inner = base_cols + TAB
        self.owners[self.inner] = kind

    def _table_row(self, i: int) -> int:
        row = self.rows[i]
        self._start(
            TABLE_ROW,
            Line(row.ws + row.quote, row.rest, "", row.eol),
            self.container,
            self.depth,
            True,
        )
        return i + 1

    def _fenced_code(self, i: int, end: int) -> int:
        """Lines i to end: a fence that fenced_code takes out of the text before any
        other parsing, so it ends what was open (a paragraph, a list, a quote) and holds
        nothing but code, whatever its lines look like."""
        self._flush()
        rows = self.rows[i : end + 1]
        lines = [Line("", r.body, "", r.eol) for r in rows]
        self._start(FENCE, lines[0], "", 0, False)
        assert self.pending is not None
        self.pending.extend(lines[1:])
        self._flush()
        self.inner = self.base = 0
        self.owners = {}
        self.quote_level = 0
        return end + 1

    def _fence_end(self, i: int, fence: str) -> int | None:
        """The closing line of a fence that fenced_code does not take (indented, in a
        quote): a paragraph holding one code span, which a blank line, a heading line or
        the edge of a quote would cut in two. Such a fence is left to the inline
        code-span logic, as is one that follows paragraph text (it continues that
        paragraph).
        """
        char, size = fence[0], len(fence)
        closing = re.compile(rf"{re.escape(char)}{{{size},}}[ \t]*$")
        depth = self.rows[i].depth
        for j in range(i + 1, len(self.rows)):
            row = self.rows[j]
            if row.blank or row.depth != depth or (not row.quote and self._splits(row)):
                return None  # a blank line, a quote edge or a heading would cut it
            if closing.match(row.rest):
                return j
        return None

    def _indented_code(self, i: int, base_cols: int) -> int:
        row = self.rows[i]
        container = _cut_columns(row.ws, base_cols)
        end = i
        j = i + 1
        while j < len(self.rows):
            nxt = self.rows[j]
            if nxt.blank:
                j += 1
                continue
            if nxt.quote or self.quote_level or nxt.cols - base_cols < TAB:
                break
            end = j
            j += 1
        lines = [Line("", r.body, "", r.eol) for r in self.rows[i : end + 1]]
        self._start(CODE, lines[0], container, 0, False)
        assert self.pending is not None
        self.pending.extend(lines[1:])
        self._flush()
        self.inner = base_cols
        return end + 1

    def _quoted_code(self, i: int, container: str) -> int:
        """An indented code line inside a block quote (one line: enough to keep marks out)."""
        row = self.rows[i]
        quote = container[: container.rindex(">") + 1] + " " if ">" in container else container
        self._start(CODE, Line("", row.body, "", row.eol), quote, row.depth, False)
        self._flush()
        return i + 1

    def _html(self, i: int, container: str, depth: int) -> int:
        end = i
        while end + 1 < len(self.rows) and not self.rows[end + 1].blank:
            end += 1
        lines = [Line("", r.body, "", r.eol) for r in self.rows[i : end + 1]]
        self._start(HTML, lines[0], container, depth, False)
        assert self.pending is not None
        self.pending.extend(lines[1:])
        self._flush()
        return end + 1


def parse_blocks(text: str) -> list[Block]:
    """The leaf blocks of `text`, in order; `join(b.text + b.sep)` gives `text` back."""
    return _Parser(text).run()
