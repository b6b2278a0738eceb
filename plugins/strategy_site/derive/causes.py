"""Cause notes (after legislation.gov.uk's F-notes): which block of a changed section
carries the marker of each input whose decision changed it.

An editor ties an item to the text with `passage:`, a few words quoted from the new text
(the loader checks they occur exactly once in the section). The marker goes at the end of
the paragraph or list item that holds them; in a translation that keeps the structure of
its source, at the end of the block in the same place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diff import EQUAL, NOTE_KINDS, BodyDiff, parse_blocks
from .inputs import TracedItem


@dataclass(frozen=True)
class CauseNote:
    number: int  # 1, 2, ... in reading order on the page
    traced: TracedItem
    block: int | None  # the new text's block that takes the marker; None: no block can


def passage_block(body: str, passage: str) -> int | None:
    """The index of the block of `body` that holds `passage` (whitespace runs as one)."""
    wanted = " ".join(passage.split())
    for index, block in enumerate(parse_blocks(body)):
        if wanted in " ".join(block.text.split()):
            return index
    return None


def in_unchanged_text(diff: BodyDiff, body: str, passage: str) -> bool:
    """Whether the block of `body` (the new side of `diff`) that holds `passage` is
    unchanged: a decision cannot have caused text that was there before it. False when
    no single block holds the passage (the loader reports a passage that is not found)."""
    index = passage_block(body, passage)
    if index is None:
        return False
    return any(bd.new_index == index and bd.status == EQUAL for bd in diff.blocks)


def _same_place(source_body: str, shown_body: str, index: int) -> int | None:
    """The block at `index` of the source, in a text of the same structure."""
    source = [b.kind for b in parse_blocks(source_body)]
    shown = parse_blocks(shown_body)
    return index if [b.kind for b in shown] == source else None


def cause_notes(
    items: list[TracedItem], source_body: str, shown_body: str | None = None
) -> list[CauseNote]:
    """The notes of a changed section: every item with a passage, numbered in the order
    of their blocks. `shown_body` is the text the page shows when it is a translation."""
    placed: list[tuple[int | None, TracedItem]] = []
    for traced in items:
        if traced.item.passage is None:
            continue
        index = passage_block(source_body, traced.item.passage)
        if index is not None and shown_body is not None:
            index = _same_place(source_body, shown_body, index)
        body = shown_body if shown_body is not None else source_body
        if index is not None and parse_blocks(body)[index].kind not in NOTE_KINDS:
            index = None
        placed.append((index, traced))
    placed.sort(key=lambda pair: (pair[0] is None, pair[0] or 0))
    return [CauseNote(n, traced, index) for n, (index, traced) in enumerate(placed, start=1)]
