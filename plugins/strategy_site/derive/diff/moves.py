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

Moves within one section are not looked for: the section's own diff shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .body import CHANGED, DELETED, EQUAL, INSERTED, MOVED_IN, MOVED_OUT, BlockDiff, BodyDiff, Move
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


def mark_moves(compared: list[Compared]) -> None:
    """Set `move` on the blocks that moved across sections (see the module docstring)."""
    kept: dict[tuple[str, str], list[str]] = {}  # (origin, old block key) -> sections
    inserted: list[tuple[str, BlockDiff, tuple[str, ...]]] = []
    continues = {entry.section_id: set(entry.origins) for entry in compared}
    for entry in compared:
        if not entry.in_new_version:
            continue
        for bd in entry.body.blocks:
            rewritten = bd.status == DELETED and (bd.rewrite or 0.0) >= REWRITE_KEPT
            lives_on = bd.status in (EQUAL, CHANGED) or rewritten
            if lives_on and bd.old is not None and bd.old_index is not None:
                where = (entry.origins[bd.old_index], bd.old.key)
                kept.setdefault(where, []).append(entry.section_id)
            elif bd.status == INSERTED:
                words = _words(bd.new_tokens)
                if len(words) >= MIN_WORDS:
                    inserted.append((entry.section_id, bd, words))
    by_words: dict[tuple[str, ...], list[tuple[str, BlockDiff]]] = {}
    for section_id, bd, words in inserted:
        by_words.setdefault(words, []).append((section_id, bd))
    left: list[tuple[str, str, BlockDiff]] = []
    for entry in compared:
        for bd in entry.body.blocks:
            if bd.status != DELETED or bd.old is None or bd.old_index is None:
                continue
            if (bd.rewrite or 0.0) >= REWRITE_KEPT:  # rewritten here: not moved away
                continue
            origin = entry.origins[bd.old_index]
            homes = [s for s in kept.get((origin, bd.old.key), []) if s != entry.section_id]
            if homes:
                bd.move = Move(MOVED_OUT, homes[0])
                continue
            words = _words(bd.old_tokens)
            if len(words) < MIN_WORDS:
                continue
            for section_id, target in by_words.get(words, []):
                if section_id != entry.section_id and target.move is None:
                    _move(bd, section_id, target, origin, continues)
                    break
            else:
                if len(words) >= FUZZY_WORDS:
                    left.append((entry.section_id, origin, bd))
    fuzzy = [(s, bd) for s, bd, words in inserted if len(words) >= FUZZY_WORDS]
    _fuzzy(left, fuzzy, continues)


def _move(
    bd: BlockDiff, section_id: str, target: BlockDiff, origin: str, continues: dict[str, set[str]]
) -> None:
    bd.move = Move(MOVED_OUT, section_id)
    if origin not in continues[section_id]:
        target.move = Move(MOVED_IN, origin)


def _fuzzy(
    deleted: list[tuple[str, str, BlockDiff]],
    inserted: list[tuple[str, BlockDiff]],
    continues: dict[str, set[str]],
) -> None:
    """Moved and edited: the most similar inserted block elsewhere, if similar enough."""
    inserted = [(s, bd) for s, bd in inserted if bd.move is None]
    if not deleted or not inserted or len(deleted) * len(inserted) > FUZZY_BUDGET:
        return
    counters = [word_counter(_tokens(bd.new_tokens)) for _s, bd in inserted]
    for section_id, origin, bd in deleted:
        own = word_counter(_tokens(bd.old_tokens))
        best: tuple[float, int] | None = None
        for n, (target_section, target) in enumerate(inserted):
            if target_section == section_id or target.move is not None:
                continue
            if quick_ratio(own, counters[n]) < FUZZY_KEPT:
                continue
            kept = diff_tokens(_tokens(bd.old_tokens), _tokens(target.new_tokens)).kept
            if kept >= FUZZY_KEPT and (best is None or kept > best[0]):
                best = (kept, n)
        if best is not None:
            target_section, target = inserted[best[1]]
            _move(bd, target_section, target, origin, continues)
