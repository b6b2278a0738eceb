"""Word diff of a renamed section's title, as safe inline HTML.

A title is plain text (it is escaped wherever the site shows it), so unlike a body it
is diffed as words and punctuation only and every character is HTML-escaped.
"""

from __future__ import annotations

import html

from .labels import DiffLabels, mark
from .tokens import tokenize_text
from .words import DELETE, EQUAL, INSERT, REPLACE, Op, diff_tokens


def diff_titles(old: str, new: str, labels: DiffLabels | None = None) -> str:
    """`new` as escaped HTML with <ins>/<del> around what differs from `old`."""
    labels = labels or DiffLabels()
    a = tokenize_text(old.strip())
    b = tokenize_text(new.strip())
    diff = diff_tokens(a, b)
    ops = diff.ops
    if a and b and diff.rewritten(heading=True):  # a title never alternates either
        ops = (Op(REPLACE, tuple(a), tuple(b)),)
    out: list[str] = []
    for op in ops:
        if op.tag == EQUAL:
            out.append(html.escape("".join(t.text + t.gap for t in op.new)))
            continue
        if op.tag in (DELETE, REPLACE):
            text = "".join(t.text + t.gap for t in op.old).rstrip()
            out.append(mark("del", labels.deleted, html.escape(text)))
            out.append(" " if op.old[-1].gap or op.tag == REPLACE else "")
        if op.tag in (INSERT, REPLACE):
            text = "".join(t.text + t.gap for t in op.new)
            body = text.rstrip()
            out.append(mark("ins", labels.inserted, html.escape(body)))
            out.append(html.escape(text[len(body) :]))
    return "".join(out).strip()
