"""Where a body's Markdown is code, read the way Python-Markdown reads it.

The body policy blanks out code before it looks for HTML, so that a code example may
show `<script>`. Blanking text that the site renders as HTML would let that HTML past
the policy, so this module errs one way only: what it calls code, Python-Markdown (3.11,
with MkDocs' `fenced_code`) renders as code; what it is unsure of, it leaves to be checked.

- Fenced code: Python-Markdown's own pattern, which runs on the whole text before any
  other parsing (a fence at the start of a line, closed by the same fence).
- Indented code: a block indented four columns after a blank line, unless it continues
  a list item, admonition or footnote.
- Code spans: Python-Markdown's backtick pairing, line by line, as long as every line of
  the paragraph so far closes each span it opens (else the pairing may run across lines).
- Nothing inside raw HTML blocks, where Markdown is not read.
"""

from __future__ import annotations

import functools
import re

from ..fences import fences

# markdown.inlinepatterns.BACKTICK_RE: an escaped pair of backslashes, or a backtick
# not escaped; BacktickInlineProcessor then looks for the closing run.
BACKTICK = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)")
TAB = 4  # columns of indentation that make code
CONTAINER_START = re.compile(r" {0,3}(?:(?:[*+-]|\d+\.)[ \t]|!!!|\?\?\?|\[\^[^\]]+\]:)")
HTML_START = re.compile(r" {0,3}<(!--|[A-Za-z][A-Za-z0-9-]*|/|!|\?)")
VOID = frozenset({"br", "hr", "img", "input", "wbr", "col", "area", "source", "track", "embed"})


def html_lines(lines: list[str], skip: set[int]) -> set[int]:
    """Lines that may lie in a raw HTML block: from a line that starts with a tag (or a
    comment) to the line that closes it, or to the end when nothing closes it."""
    result: set[int] = set()
    index = 0
    while index < len(lines):
        match = HTML_START.match(lines[index]) if index not in skip else None
        if not match:
            index += 1
            continue
        name = match.group(1).lower()
        end = len(lines) - 1
        if name == "!--":
            end = next((j for j in range(index, len(lines)) if "-->" in lines[j]), end)
        elif name in VOID or not name[0].isalpha():
            end = index
        else:
            opening = re.compile(rf"<{name}(?=[\s/>])", re.I)
            closing = re.compile(rf"</{name}\s*>", re.I)
            depth = 0
            for j in range(index, len(lines)):
                depth += len(opening.findall(lines[j])) - len(closing.findall(lines[j]))
                if depth <= 0:
                    end = j
                    break
        result.update(range(index, end + 1))
        index = end + 1
    return result


def _indent(line: str) -> int:
    expanded = line.expandtabs(TAB)
    return len(expanded) - len(expanded.lstrip(" "))


def indented_code(lines: list[str], fenced: set[int], raw: set[int]) -> set[int]:
    """Lines of indented code blocks (see the module docstring). Fenced code ends a
    paragraph like a blank line; lines that may be raw HTML are never called code."""
    result: set[int] = set()
    previous = "start"  # what the last block was: start, plain, code or container
    starts = True  # does the line at `index` start a block?
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip() or index in fenced:
            previous = "plain" if index in fenced else previous
            starts = True
            index += 1
            continue
        if starts and _indent(line) >= TAB and previous != "container" and index not in raw:
            while index < len(lines) and index not in fenced and index not in raw:
                if lines[index].strip() and _indent(lines[index]) < TAB:
                    break  # the rest of the block is a block of its own
                result.add(index)
                index += 1
            previous = "code"
            starts = True
            continue
        if starts and _indent(line) < TAB:
            previous = "container" if CONTAINER_START.match(line) else "plain"
        elif starts:
            previous = "plain" if previous != "container" else previous  # raw HTML, unsure
        starts = False
        index += 1
    return result


@functools.cache
def _closing(ticks: int) -> re.Pattern[str]:
    """A run of exactly `ticks` backticks, which closes a span opened by as many."""
    return re.compile(rf"(?<!`)`{{{ticks}}}(?!`)")


def _code_spans(line: str) -> tuple[list[tuple[int, int]], bool]:
    """The code spans on one line as Python-Markdown pairs them, and whether every
    backtick run that opens a span is closed on this line by a run of the same length."""
    spans: list[tuple[int, int]] = []
    if "`" not in line:
        return spans, True
    index = 0
    while match := BACKTICK.search(line, index):
        if match.group(1):  # escaped backslashes: a backtick after them may open a span
            index = match.end()
            continue
        begin = match.start()
        end = begin
        while end < len(line) and line[end] == "`":
            end += 1
        ticks = end - begin
        close = _closing(ticks).search(line, end)
        if close is None:
            return spans, False  # unpaired or paired with a shorter run: unsure from here
        spans.append((begin, close.end()))
        index = close.end()
    return spans, True


def masked(body: str) -> str:
    """The body with what is certainly code blanked out (same length, newlines kept)."""
    lines = body.split("\n")
    fenced: set[int] = set()
    for fence in fences(body):
        fenced.update(range(fence.first, fence.last + 1))
    raw = html_lines(lines, fenced)
    code = fenced | indented_code(lines, fenced, raw)
    out = []
    sure = True  # every line of the paragraph so far closed the spans it opened
    for index, line in enumerate(lines):
        if index in code or not line.strip():
            out.append(" " * len(line))
            sure = True  # a block of its own: a paragraph ends before it
        elif index in raw:
            out.append(line)  # perhaps raw HTML, where backticks are no code
            sure = sure and "`" not in line  # or perhaps a paragraph's line
        else:
            if sure:
                spans, sure = _code_spans(line)
                pieces, position = [], 0
                for begin, end in spans:
                    pieces += [line[position:begin], " " * (end - begin)]
                    position = end
                line = "".join(pieces) + line[position:]
            out.append(line)
    return "\n".join(out)
