"""Text that moved from one section to another between two versions.

Each section's diff is computed on its own (against the old sections it continues), so
a paragraph that left a section reads there as deleted, though the reader finds it in
another section of the new version. This pass looks across the sections of one
comparison and marks such blocks (`BlockDiff.move`):

- A block deleted in one section is *moved out* when another section of the new version
  keeps the same old block (equal, edited, or rewritten keeping at least `REWRITE_KEPT`
  of its words): the case of a split, where the
  old text went partly to one successor and partly to another, and of a merge whose
  section dropped text that a sibling kept.
- A block deleted in one section is *moved out*, and a block inserted in another
  section *moved in*, when the inserted block has the same words (or, for blocks of
  `FUZZY_WORDS` words or more, keeps at least `FUZZY_KEPT` of them): text cut from one
  section and pasted into another, perhaps lightly edited. An inserted block is not
  "moved in" from a section it continues itself: there it is its own rewrite.

- A block of a split section that none of its successors kept is deleted in each of
  them; it is shown deleted in one only, the successor that kept most of the split
  section's words (the first of them in reading order on a tie), and the others
  mark it *shown elsewhere*, pointing there, and leave it out of their counts.

Each move knows the block at its other end: both blocks get a fragment id (`anchor`,
"flytt-1", "flytt-2", ... in the comparison's reading order), so that a changes view can
link to the very block on the other section's changes view, and back. Blocks that
cannot carry an id (code, raw HTML, rules) get none; links to them go to the page.

Moves within one section are not looked for: the section's own diff shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW
from .body import (
    CHANGED,
    DELETED,
    EQUAL,
    INSERTED,
    MOVED_IN,
    MOVED_OUT,
    SHOWN_ELSEWHERE,
    BlockDiff,
    BodyDiff,
    Move,
)
from .tokens import COUNTED, Token, Tokenized
from .words import diff_tokens, quick_ratio, word_counter

# A rewritten block (see words.py) lives on in its section when it keeps this share.
REWRITE_KEPT = 0.25
# Fewer words than this are too common to say "this text moved" when the words match.
MIN_WORDS = 3
# Moved and edited: blocks this long at least, keeping this share of their words.
FUZZY_WORDS = 8
FUZZY_KEPT = 0.6
# The fuzzy search compares every remaining deleted block with every remaining inserted
# one; above this many pairs it is skipped (exact moves are still found).
FUZZY_BUDGET = 40_000
# Blocks that can carry a fragment id at their start (see annotate.py).
ANCHOR_KINDS = frozenset({PARAGRAPH, LIST_ITEM, HEADING, TABLE_ROW})
ANCHOR = "flytt-{}"


@dataclass(eq=False)
class Compared:
    """One entry of a comparison, as the search for moves needs it."""

    section_id: str  # the new section's id; for a removed section its old id
    in_new_version: bool
    body: BodyDiff
    origins: list[str]  # the old section each old block comes from, by old_index


def _words(tokens: Tokenized | None) -> tuple[str, ...]:
    if tokens is None:
        return ()
    return tuple(t.key for t in tokens.tokens if t.kind in COUNTED)


def _tokens(tokens: Tokenized | None) -> tuple[Token, ...]:
    """A block's word tokens; none for a block compared whole (it has no words to move)."""
    return tokens.tokens if tokens is not None else ()


class _Anchors:
    """Fragment ids for the blocks at either end of a move, in the order asked for."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, bd: BlockDiff) -> str | None:
        block = bd.old if bd.status == DELETED else bd.new
        if block is None or block.kind not in ANCHOR_KINDS:
            return None
        if bd.anchor is None:
            self.count += 1
            bd.anchor = ANCHOR.format(self.count)
        return bd.anchor


def mark_moves(compared: list[Compared]) -> None:
    """Set `move` on the blocks that moved across sections (see the module docstring)."""
    anchor = _Anchors()
    # (origin, old block key) -> (section, the block that holds that text now)
    kept: dict[tuple[str, str], list[tuple[str, BlockDiff]]] = {}
    inserted: list[tuple[str, BlockDiff, tuple[str, ...]]] = []
    continues = {entry.section_id: set(entry.origins) for entry in compared}
    for entry in compared:
        if not entry.in_new_version:
            continue
        by_new = {bd.new_index: bd for bd in entry.body.blocks if bd.status == INSERTED}
        for bd in entry.body.blocks:
            rewritten = bd.status == DELETED and (bd.rewrite or 0.0) >= REWRITE_KEPT
            lives_on = bd.status in (EQUAL, CHANGED) or rewritten
            if lives_on and bd.old is not None and bd.old_index is not None:
                where = (entry.origins[bd.old_index], bd.old.key)
                holder = by_new.get(bd.rewritten_as) if rewritten else bd
                kept.setdefault(where, []).append((entry.section_id, holder or bd))
            elif bd.status == INSERTED:
                words = _words(bd.new_tokens)
                if len(words) >= MIN_WORDS:
                    inserted.append((entry.section_id, bd, words))
    by_words: dict[tuple[str, ...], list[tuple[str, BlockDiff]]] = {}
    for section_id, bd, words in inserted:
        by_words.setdefault(words, []).append((section_id, bd))
    left: list[tuple[Compared, str, BlockDiff]] = []
    for entry in compared:
        for bd in entry.body.blocks:
            if bd.status != DELETED or bd.old is None or bd.old_index is None:
                continue
            if (bd.rewrite or 0.0) >= REWRITE_KEPT:  # rewritten here: not moved away
                continue
            origin = entry.origins[bd.old_index]
            homes = [
                (s, holder)
                for s, holder in kept.get((origin, bd.old.key), [])
                if s != entry.section_id
            ]
            if homes:
                anchor(bd)
                bd.move = Move(MOVED_OUT, homes[0][0], anchor=anchor(homes[0][1]))
                continue
            words = _words(bd.old_tokens)
            if len(words) < MIN_WORDS:
                continue
            for section_id, target in by_words.get(words, []):
                if section_id != entry.section_id and target.move is None:
                    _move(entry, bd, section_id, target, origin, continues, anchor)
                    break
            else:
                if len(words) >= FUZZY_WORDS:
                    left.append((entry, origin, bd))
    fuzzy = [(s, bd) for s, bd, words in inserted if len(words) >= FUZZY_WORDS]
    _fuzzy(left, fuzzy, continues, anchor)
    _shown_once(compared, anchor)


def _move(
    entry: Compared,
    bd: BlockDiff,
    section_id: str,
    target: BlockDiff,
    origin: str,
    continues: dict[str, set[str]],
    anchor: _Anchors,
) -> None:
    bd.move = Move(MOVED_OUT, section_id, anchor=anchor(target))
    if origin not in continues[section_id]:
        peer = entry.section_id if entry.in_new_version else None
        target.move = Move(MOVED_IN, origin, anchor=anchor(bd) if peer else None, peer=peer)
    else:
        anchor(bd)  # the target continues the origin: no note there, but a fragment here


def _fuzzy(
    deleted: list[tuple[Compared, str, BlockDiff]],
    inserted: list[tuple[str, BlockDiff]],
    continues: dict[str, set[str]],
    anchor: _Anchors,
) -> None:
    """Moved and edited: the most similar inserted block elsewhere, if similar enough."""
    inserted = [(s, bd) for s, bd in inserted if bd.move is None]
    if not deleted or not inserted or len(deleted) * len(inserted) > FUZZY_BUDGET:
        return
    counters = [word_counter(_tokens(bd.new_tokens)) for _s, bd in inserted]
    for entry, origin, bd in deleted:
        own = word_counter(_tokens(bd.old_tokens))
        best: tuple[float, int] | None = None
        for n, (target_section, target) in enumerate(inserted):
            if target_section == entry.section_id or target.move is not None:
                continue
            if quick_ratio(own, counters[n]) < FUZZY_KEPT:
                continue
            kept = diff_tokens(_tokens(bd.old_tokens), _tokens(target.new_tokens)).kept
            if kept >= FUZZY_KEPT and (best is None or kept > best[0]):
                best = (kept, n)
        if best is not None:
            target_section, target = inserted[best[1]]
            _move(entry, bd, target_section, target, origin, continues, anchor)


def _shown_once(compared: list[Compared], anchor: _Anchors) -> None:
    """A split section's text that no successor kept: shown deleted in one of them."""
    deleted: dict[tuple[str, str], list[tuple[Compared, BlockDiff]]] = {}
    for entry in compared:
        if not entry.in_new_version:
            continue
        for bd in entry.body.blocks:
            if bd.status == DELETED and bd.move is None and bd.old is not None:
                assert bd.old_index is not None
                where = (entry.origins[bd.old_index], bd.old.key)
                deleted.setdefault(where, []).append((entry, bd))
    kept_words: dict[tuple[str, str], int] = {}  # (section, origin) -> words kept from it
    for entry in compared:
        for bd in entry.body.blocks:
            if bd.status in (EQUAL, CHANGED) and bd.old is not None:
                assert bd.old_index is not None
                key = (entry.section_id, entry.origins[bd.old_index])
                kept_words[key] = kept_words.get(key, 0) + len(bd.old.text.split())
    for (origin, _key), places in deleted.items():
        sections = [entry.section_id for entry, _bd in places]
        if len(set(sections)) < 2:
            continue
        primary = max(places, key=lambda pair: kept_words.get((pair[0].section_id, origin), 0))
        target = anchor(primary[1])
        for entry, bd in places:
            if entry is not primary[0]:
                bd.move = Move(SHOWN_ELSEWHERE, primary[0].section_id, anchor=target, origin=origin)
