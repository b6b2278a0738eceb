"""Cut a block's inline Markdown into tokens that a word diff can compare.

A token is a word, a punctuation mark, an atom that must stay whole (a code span, an
entity, a backslash escape, a footnote reference, an autolink) or a piece of markup
(emphasis delimiters, link brackets and targets, inline HTML tags, attribute lists,
table cell pipes). Whitespace is not a token: it hangs after the token before it as its
`gap`, together with line breaks and the next line's container prefix. So re-wrapping a
paragraph or re-indenting a list changes no token, and `lead + tokens + tail` is the
block's source again, exactly.

Code spans are found the way Python-Markdown 3.11 finds them (its backtick processor
runs before every other inline pattern), so a backtick counts as markup exactly when the
renderer will treat it so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from .blocks import TABLE_HEAD, TABLE_ROW, Block
from .tables import split_table_row

# Token kinds.
WORD = "word"
PUNCT = "punct"
CODE = "code"  # a code span
ATOM = "atom"  # entity, escape, footnote reference, autolink
TICK = "tick"  # backticks that open no code span
PAREN = "paren"  # "(" right after a "]" that starts no link target
EMPH = "emph"  # * or _ delimiter run
OPEN = "open"  # [ or ![
CLOSE = "close"  # ] with or without (target) / [ref]
TAG = "tag"  # inline HTML tag or comment
ATTR = "attr"  # {: .class }
CELL = "cell"  # table cell pipe
RAW = "raw"  # the whole text of an atomic block

# May sit inside an <ins>/<del>: none of these can pair with anything outside.
WRAPPABLE = frozenset({WORD, PUNCT, CODE, ATOM, TICK, PAREN})
# What "words added/removed" counts.
COUNTED = frozenset({WORD, CODE})

WORD_PATTERN = r"[^\W_]+(?:(?:[-\u2010\u2011\u2013'\u2019_]|(?<=\d)[.,:/](?=\d))[^\W_]+)*"
WORD_RE = re.compile(WORD_PATTERN)

# Python-Markdown 3.11's HTML_RE (inline tags, comments, processing instructions, CDATA).
_HTML = (
    r"<(?:/?+[a-zA-Z][^\s\"'<>@]*+(?:\s+[^\s\"'=<>]++(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'"
    r"|[^\s\"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]"
    r"|!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>"
)
_TOKEN_RE = re.compile(
    rf"(?P<word>{WORD_PATTERN})"
    r"|(?P<space>\s+)"
    r"|(?P<atom>\\[\\`*_{}\[\]()>#+\-.!|]"
    r"|<[A-Za-z][A-Za-z0-9+.-]*://[^<>]*>"
    r"|<[^<> !]+@[^@<> ]+>"
    r"|&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);"
    r"|\[\^[^\]\s]+\](?![(\[]))"
    rf"|(?P<tag>{_HTML}|<!--|-->)"
    r"|(?P<open>!?\[)"
    r"|(?P<close>\](?:[ ]?\[[^\]]*\])?)"
    r"|(?P<attr>\{:?[ ]*[^}\n ][^}\n]*\})"
    r"|(?P<emph>\*+|_+)"
    r"|(?P<punct>.)",
    re.DOTALL,
)
_KINDS = {
    "word": WORD,
    "atom": ATOM,
    "tag": TAG,
    "open": OPEN,
    "close": CLOSE,
    "attr": ATTR,
    "emph": EMPH,
    "punct": PUNCT,
}


class Token(NamedTuple):
    """A named tuple rather than a dataclass: a long body has a few hundred thousand."""

    kind: str
    text: str  # source text, line breaks and container prefixes included
    gap: str  # source text between this token and the next one
    key: str  # what the diff compares: the text, with a line break read as a space


@dataclass(frozen=True, slots=True)
class Tokenized:
    """A block as tokens: `lead + Σ(text + gap) + tail` is its source."""

    lead: str
    tokens: tuple[Token, ...]
    tail: str

    @property
    def text(self) -> str:
        return self.lead + "".join(t.text + t.gap for t in self.tokens) + self.tail

    @property
    def words(self) -> int:
        return count_words(self.tokens)


def count_words(tokens: tuple[Token, ...] | list[Token]) -> int:
    count = 0
    for t in tokens:
        if t.kind in COUNTED:
            count += 1
        elif t.kind == RAW:
            count += len(WORD_RE.findall(_strip_tags(t.text)))
    return count


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^<>]*>", " ", text)


def code_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Code spans and lone backtick runs in `text[lo:hi]`, as Python-Markdown 3.11 sees them.

    A run opens only if an even number of backslashes precedes it; it closes at the next
    run of the same length, else at the longest shorter run; else it is literal.
    """
    spans: list[tuple[int, int, str]] = []
    i = lo
    floor = lo
    while True:
        p = text.find("`", i, hi)
        if p < 0:
            return spans
        b = p
        while b > floor and text[b - 1] == "\\":
            b -= 1
        if (p - b) % 2:
            i = p + 1
            continue
        q = p
        while q < hi and text[q] == "`":
            q += 1
        size = q - p
        j = q
        longest = 0
        longest_end = 0
        found = -1
        while True:
            j = text.find("`", j, hi)
            if j < 0:
                break
            r = j
            while r < hi and text[r] == "`":
                r += 1
            if r - j == size:
                found = r
                break
            if r - j > longest:
                longest = r - j
                longest_end = r
            j = r
        if found < 0 and 0 < longest < size:
            found = longest_end
        if found < 0:
            spans.append((p, q, TICK))
            i = q
        else:
            spans.append((p, found, CODE))
            i = floor = found


def _inline_spans(text: str, lo: int, hi: int, out: list[tuple[int, int, str]]) -> None:
    spans: list[tuple[int, int, str]] = []
    pos = lo
    for start, end, kind in code_spans(text, lo, hi):
        _scan(text, pos, start, spans)
        spans.append((start, end, kind))
        pos = end
    _scan(text, pos, hi, spans)
    out += _fuse_links(text, hi, spans)


_RE_LINK = re.compile(r"""\(\s*(?:(<[^<>]*>)\s*(?:('[^']*'|"[^"]*")\s*)?\))?""", re.DOTALL)


def link_end(data: str, index: int) -> int | None:
    """Where the target of `[text](` ends, if Python-Markdown 3.11 finds one.

    A port of `LinkInlineProcessor.getLink`: it scans on through the whole inline text,
    nesting parentheses and guessing at quoted titles, so only the same scan can say
    which `)` (if any) it will take.
    """
    m = _RE_LINK.match(data, index)
    if not m:
        return None
    if m.group(1):
        return m.end(0)
    bracket_count = 1
    backtrack_count = 1
    index = m.end()
    last_bracket = -1
    quote: str | None = None
    exit_quote = -1
    ignore_matches = False
    alt_quote: str | None = None
    exit_alt_quote = -1
    last = ""
    for pos in range(index, len(data)):
        c = data[pos]
        if c == "(":
            if not ignore_matches:
                bracket_count += 1
            elif backtrack_count > 0:
                backtrack_count -= 1
        elif c == ")":
            if (exit_quote != -1 and quote == last) or (exit_alt_quote != -1 and alt_quote == last):
                bracket_count = 0
            elif not ignore_matches:
                bracket_count -= 1
            elif backtrack_count > 0:
                backtrack_count -= 1
                if backtrack_count == 0:
                    last_bracket = index + 1
        elif c in ("'", '"'):
            if not quote:
                ignore_matches = True
                backtrack_count = bracket_count
                bracket_count = 1
                quote = c
            elif c != quote and not alt_quote:
                alt_quote = c
            elif c == quote:
                exit_quote = index + 1
            elif alt_quote and c == alt_quote:
                exit_alt_quote = index + 1
        index += 1
        if bracket_count == 0:
            break
        if c != " ":
            last = c
    if bracket_count != 0 and backtrack_count == 0:
        return last_bracket
    return index if bracket_count == 0 else None


def _fuse_links(
    text: str, hi: int, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Make `](target)` one CLOSE token where Python-Markdown sees a link target there.

    Code spans, escapes and footnote references are already placeholders when links are
    parsed, so the scan does not see into them. A "(" right after a "]" that starts no
    target becomes PAREN (written escaped), so that text the diff puts after it cannot
    complete a target.
    """
    if not spans or "]" not in text[spans[0][0] : hi]:
        return spans
    lo = spans[0][0]
    scan = list(text[lo:hi])
    for start, end, kind in spans:
        placeholder = kind == CODE or (kind == ATOM and text.startswith(("\\", "[^"), start))
        if placeholder:
            scan[start - lo : end - lo] = "\x00" * (end - start)
    data = "".join(scan)
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(spans):
        start, end, kind = spans[k]
        if kind == CLOSE and end == start + 1 and end < hi and text[end] == "(":
            stop = link_end(data, end - lo)
            if stop is not None and stop > 0:
                stop += lo
                m = k
                while m + 1 < len(spans) and spans[m + 1][0] < stop:
                    m += 1
                out.append((start, max(stop, spans[m][1]), CLOSE))
                k = m + 1
                continue
            out.append(spans[k])
            if k + 1 < len(spans) and spans[k + 1][0] == end:
                nxt = spans[k + 1]
                out.append((nxt[0], nxt[1], PAREN if nxt[1] == nxt[0] + 1 else nxt[2]))
                k += 2
                continue
            k += 1
            continue
        out.append(spans[k])
        k += 1
    return out


def _scan(text: str, lo: int, hi: int, out: list[tuple[int, int, str]]) -> None:
    if lo < hi:
        kinds = _KINDS
        out += [
            (m.start(), m.end(), kinds[m.lastgroup])  # type: ignore[index]
            for m in _TOKEN_RE.finditer(text, lo, hi)
            if m.lastgroup != "space"
        ]


class _Source:
    """Maps positions in the joined line contents back to source text."""

    def __init__(self, block: Block) -> None:
        self.lines = block.lines
        self.text = "\n".join(line.content for line in block.lines)
        starts = [0]
        for line in block.lines[:-1]:
            starts.append(starts[-1] + len(line.content) + 1)
        self.starts = starts

    def raw(self, lo: int, hi: int) -> str:
        text = self.text
        nl = text.find("\n", lo, hi)
        if nl < 0:
            return text[lo:hi]
        parts = []
        pos = lo
        while nl >= 0:
            parts.append(text[pos:nl])
            k = bisect_right(self.starts, nl) - 1
            here, after = self.lines[k], self.lines[k + 1]
            parts.append(here.suffix + here.eol + after.prefix)
            pos = nl + 1
            nl = text.find("\n", pos, hi)
        parts.append(text[pos:hi])
        return "".join(parts)


def tokenize_block(block: Block) -> Tokenized:
    """The block as tokens; atomic blocks are one RAW token."""
    if block.atomic:
        text = block.text
        body = text[:-1] if text.endswith("\n") else text
        if not body:
            return Tokenized(text, (), "")
        return Tokenized("", (Token(RAW, body, "", body),), text[len(body) :])
    source = _Source(block)
    text = source.text
    spans: list[tuple[int, int, str]] = []
    if block.kind in (TABLE_HEAD, TABLE_ROW):
        _table_spans(text, spans)
    else:
        _inline_spans(text, 0, len(text), spans)
    first, last = block.lines[0], block.lines[-1]
    if not spans:
        return Tokenized(first.prefix + source.raw(0, len(text)), (), last.suffix + last.eol)
    raw = source.raw
    starts = [start for start, _end, _kind in spans[1:]]
    starts.append(spans[-1][1])
    if len(block.lines) == 1:  # the common case: slices are source text as they stand
        new = tuple.__new__  # skips NamedTuple's Python-level __new__: this loop is hot
        tokens = [
            new(Token, (kind, (piece := text[start:end]), text[end:nxt], piece))
            for (start, end, kind), nxt in zip(spans, starts, strict=True)
        ]
    else:
        tokens = []
        for (start, end, kind), nxt in zip(spans, starts, strict=True):
            logical = text[start:end]
            if "\n" in logical:
                tokens.append(
                    Token(kind, raw(start, end), raw(end, nxt), logical.replace("\n", " "))
                )
            else:
                tokens.append(Token(kind, logical, raw(end, nxt), logical))
    lead = first.prefix + raw(0, spans[0][0])
    tail = raw(spans[-1][1], len(text)) + last.suffix + last.eol
    return Tokenized(lead, tuple(tokens), tail)


def _table_spans(text: str, out: list[tuple[int, int, str]]) -> None:
    start, end, pipes = split_table_row(text)
    left = len(text) - len(text.lstrip(" "))
    if left < len(text) and text[left] == "|" and left < start:
        out.append((left, left + 1, CELL))
    pos = start
    for pipe in pipes:
        _inline_spans(text, pos, pipe, out)
        out.append((pipe, pipe + 1, CELL))
        pos = pipe + 1
    _inline_spans(text, pos, end, out)
    if end < len(text) and text[end] == "|":
        out.append((end, end + 1, CELL))


def tokenize_text(text: str) -> list[Token]:
    """Plain text (a title) as word and punctuation tokens; no Markdown meaning."""
    tokens: list[Token] = []
    spans = [
        (m.start(), m.end(), WORD if m.lastgroup == "w" else PUNCT)
        for m in re.finditer(rf"(?P<w>{WORD_PATTERN})|(?P<p>\S)", text)
    ]
    for n, (start, end, kind) in enumerate(spans):
        nxt = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        piece = text[start:end]
        tokens.append(Token(kind, piece, text[end:nxt], piece))
    return tokens
