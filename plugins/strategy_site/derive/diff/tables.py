"""Table rows cut into cells as Python-Markdown's tables extension cuts them.

A pipe inside a code span or after a backslash does not separate cells, and which
backticks pair up is decided over the whole row (its `TableProcessor._split`), so the
cut is ported rather than guessed.
"""

from __future__ import annotations

import re

_END_BORDER_RE = re.compile(r"(?<!\\)(?:\\\\)*\|$")
_CODE_PIPES_RE = re.compile(r"(?:(\\\\)|(\\`+)|(`+)|(\\\|)|(\|))")


def split_table_row(row: str) -> tuple[int, int, list[int]]:
    """Where a table row's cells are cut: (start, end, inner pipe positions) in `row`.

    `row[start:end]` is the row without its border pipes and outer spaces; a pipe inside
    a code span or escaped with a backslash does not separate cells (as in
    Python-Markdown's `TableProcessor._split`).
    """
    start = len(row) - len(row.lstrip(" "))
    end = len(row.rstrip(" "))
    if start < end and row[start] == "|":
        start += 1
    m = _END_BORDER_RE.search(row, start, end) if start < end else None
    if m and row.endswith("|", 0, end):
        end -= 1
    segment = row[start:end]
    pipes: list[int] = []
    tics: list[int] = []
    tic_points: list[tuple[int, int, int]] = []
    for m in _CODE_PIPES_RE.finditer(segment):
        if m.group(2):
            tics.append(len(m.group(2)) - 1)
            tic_points.append((m.start(2), m.end(2) - 1, 1))
        elif m.group(3):
            tics.append(len(m.group(3)))
            tic_points.append((m.start(3), m.end(3) - 1, 0))
        elif m.group(5):
            pipes.append(m.start(5))
    regions: list[tuple[int, int]] = []
    pos = 0
    while pos < len(tics):
        size = tics[pos] - tic_points[pos][2]
        try:
            if size == 0:
                raise ValueError
            index = tics[pos + 1 :].index(size) + 1
            regions.append((tic_points[pos][0], tic_points[pos + index][1]))
            pos += index + 1
        except ValueError:
            pos += 1
    good = []
    for pipe in pipes:
        inside = False
        for lo, hi in regions:
            if pipe < lo:
                break
            if lo <= pipe <= hi:
                inside = True
                break
        if not inside:
            good.append(start + pipe)
    return start, end, good


def _has_border(row: str) -> bool:
    row = row.strip(" ")
    return row.startswith("|") or bool(_END_BORDER_RE.search(row))


def _cell_count(row: str) -> int:
    return len(split_table_row(row)[2]) + 1


def is_table(header: str, delim: str) -> bool:
    """Python-Markdown's test: a header row, then a delimiter row with as many cells."""
    cells = _cell_count(header)
    if cells < 2 and not (_has_border(header) and _has_border(delim)):
        return False
    if _cell_count(delim) != cells:
        return False
    return set(delim.strip(" ")) <= set("|:- ") and "-" in delim
