"""Write a run of tokens with <ins>/<del> marks, so that the Markdown stays well formed.

A mark wraps only tokens that cannot pair with anything outside it: words, punctuation,
code spans, entities, escapes. Markup (emphasis delimiters, link brackets and targets,
inline HTML, attribute lists, cell pipes) stays outside, so a change across markup is
marked piece by piece and no mark ever crosses an element. New-side markup is written
as it stands; deleted markup only when the deleted run is balanced on its own (a whole
link, a whole emphasis), otherwise it is dropped and the text around it is kept apart.

Characters that are literal in the text they come from but could start something next
to text from the other side are written so that they render the same but cannot: a
backtick that opens no code span as "&#96;" (a backslash would not do: Python-Markdown
lets an escaped backtick close a code span), a "(" right after a "]" as "\\(", and an "&"
that starts no entity as "&amp;" (Python-Markdown 3.11 corrupts its HTML stash when a
literal "&#" is followed by an entity and inline HTML, and reads "&#1" before a tag as
"&#1;"). A code span that closes with fewer backticks than it opens with is rewritten
with equal fences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .labels import DEL, INS, DiffLabels, mark
from .tokens import CLOSE, CODE, EMPH, OPEN, PAREN, TAG, TICK, WRAPPABLE, Token, Tokenized
from .words import EQUAL, Op

_GAP = "gap"  # whitespace of the text shown
_SOFT = "soft"  # whitespace the diff adds: never at a line start, never doubled
_BARE = "bare"
_BREAK = "break"  # where markup was dropped: the text on either side must not join

VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")


class _Line:
    """Collects (text, mode) pieces and writes them with as few marks as possible."""

    def __init__(self, labels: DiffLabels) -> None:
        self.labels = labels
        self.items: list[tuple[str, str]] = []

    def add(self, text: str, mode: str) -> None:
        if text or mode == _BREAK:
            self.items.append((text, mode))

    def render(self) -> str:
        items = self.items
        out: list[str] = []
        i = 0
        while i < len(items):
            text, mode = items[i]
            if mode == _SOFT:
                if out and not out[-1][-1:].isspace():
                    out.append(text)
                i += 1
                continue
            if mode not in (INS, DEL):
                if text:
                    if text[0] == "(" and out and out[-1].endswith("]"):
                        # "](" made here, of pieces from both texts, could start a link
                        # target that runs through the marks; literal either way.
                        text = "\\" + text
                    out.append(text)
                i += 1
                continue
            buf = [text]
            k = i + 1
            while k < len(items):
                t2, m2 = items[k]
                if m2 == mode or (
                    m2 in (_GAP, _SOFT)
                    and "\n" not in t2
                    and k + 1 < len(items)
                    and items[k + 1][1] == mode
                ):
                    buf.append(t2)
                    k += 1
                else:
                    break
            label = self.labels.inserted if mode == INS else self.labels.deleted
            out.append(mark(mode, label, "".join(buf)))
            i = k
        return "".join(out)


def _self_contained_code(text: str) -> str:
    """A code span that closes with fewer backticks than it opens with (Python-Markdown
    accepts that) would pair with the next run of its opening length, which may come
    from the other text; rewrite it with equal fences, which renders the same."""
    opening = len(text) - len(text.lstrip("`"))
    closing = len(text) - len(text.rstrip("`"))
    if opening == closing:
        return text
    content = text[closing : len(text) - closing]
    fence = "`" * (max((len(run) for run in re.findall(r"`+", content)), default=0) + 1)
    return f"{fence} {content} {fence}"


def _escaped(token: Token) -> str | None:
    """The escaped form of a token that Markdown would misread where it stands."""
    if token.text == "&":
        return "&amp;"
    if token.kind == TICK:
        return "&#96;" * len(token.text)
    if token.kind == PAREN:
        return "\\("
    return None


def _plain(token: Token) -> str:
    """A wrappable token as it may stand inside a mark: on one line, ticks disarmed."""
    escaped = _escaped(token)
    if escaped is not None:
        return escaped
    if token.kind == CODE:
        return _self_contained_code(token.key)
    return token.key


def new_text(token: Token) -> str:
    """A new-side token outside any mark (escaped where it must be)."""
    escaped = _escaped(token)
    if escaped is not None:
        return escaped
    if token.kind == CODE and "\n" not in token.text:
        return _self_contained_code(token.text)
    return token.text


def _collapse(gap: str) -> str:
    """A deleted token's gap, kept on the current line."""
    return " " if "\n" in gap else gap


def balanced(tokens: Sequence[Token]) -> bool:
    """Whether the markup in a deleted run closes all it opens (so it can be written)."""
    stack: list[str] = []
    for t in tokens:
        if t.kind == EMPH:
            if stack and stack[-1] == t.text:
                stack.pop()
            else:
                stack.append(t.text)
        elif t.kind == OPEN:
            stack.append("[")
        elif t.kind == CLOSE:
            if not stack or stack[-1] != "[":
                return False
            stack.pop()
        elif t.kind == TAG:
            text = t.text
            if text in ("<!--", "-->"):
                return False
            if text.startswith(("<!", "<?")) or text.endswith("/>"):
                continue
            m = _TAG_NAME_RE.match(text)
            if not m:
                return False
            name = m.group(2).lower()
            if name in VOID_TAGS:
                continue
            if m.group(1):
                if not stack or stack[-1] != "<" + name:
                    return False
                stack.pop()
            else:
                stack.append("<" + name)
    return not stack


def _deleted_run(line: _Line, tokens: Sequence[Token]) -> None:
    keep_markup = balanced(tokens)
    for n, t in enumerate(tokens):
        if t.kind in WRAPPABLE:
            line.add(_plain(t), DEL)
        elif keep_markup and t.kind in (EMPH, OPEN, CLOSE, TAG):
            line.add(t.key, _BARE)
        else:
            line.add("", _BREAK)
        if n + 1 < len(tokens):
            line.add(_collapse(t.gap), _SOFT)


def _inserted_run(line: _Line, tokens: Sequence[Token]) -> None:
    for t in tokens:
        if t.kind in WRAPPABLE:
            line.add(_plain(t), INS)
        else:
            line.add(t.text, _BARE)
        line.add(t.gap, _GAP)


def _word_edge(left: str, right: str) -> bool:
    """Would a deletion and an insertion that touch here read as one word?"""
    return left.isalnum() and right.isalnum()


def render_ops(ops: Sequence[Op], labels: DiffLabels) -> str:
    """The inline part of a changed block (between its lead and tail)."""
    line = _Line(labels)
    prev_old_gap = ""
    for op in ops:
        if op.tag == EQUAL:
            for t in op.new:
                line.add(new_text(t), _BARE)
                line.add(t.gap, _GAP)
            prev_old_gap = op.old[-1].gap if op.old else ""
            continue
        if op.old:
            if prev_old_gap:
                line.add(" ", _SOFT)
            _deleted_run(line, op.old)
            last_gap = op.old[-1].gap
            if op.new and (last_gap or _word_edge(op.old[-1].key[-1:], op.new[0].key[:1])):
                line.add(_collapse(last_gap) or " ", _SOFT)
            elif last_gap:
                line.add(" ", _SOFT)
        if op.new:
            _inserted_run(line, op.new)
        prev_old_gap = op.old[-1].gap if op.old else prev_old_gap
    return line.render()


def render_whole(tokens: Tokenized, mode: str, labels: DiffLabels) -> str:
    """A block that is all inserted or all deleted, in its own structure."""
    line = _Line(labels)
    line.add(tokens.lead, _BARE)
    for t in tokens.tokens:
        if t.kind in WRAPPABLE:
            line.add(_plain(t), mode)
        else:
            line.add(t.text, _BARE)
        line.add(t.gap, _GAP)
    line.add(tokens.tail, _BARE)
    return line.render()
