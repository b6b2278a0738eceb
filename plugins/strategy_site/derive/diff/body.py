"""Diff of two section bodies: blocks aligned first, then words inside aligned blocks.

Identical blocks are matched first by their keys (SequenceMatcher on one hashable key
per block, which is cheap: a section has tens to a few thousand blocks). Between two
matched blocks lies a gap of changed blocks; inside it, blocks of the same kind are
paired by word similarity (a monotone best matching), so an inserted paragraph is one
inserted block and not a rewrite of everything after it. A pair whose words mostly
changed (`WordDiff.rewritten`: less than a third kept, or less than half kept and
changed in several places, or a heading changed in more than one place) is shown as the
old block deleted and the new one inserted, as an editor would describe a rewrite.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .blocks import ATOMIC_KINDS, FOOTNOTE, HEADING, TABLE_HEAD, TABLE_KINDS, Block, parse_blocks
from .tokens import Tokenized, count_words, tokenize_block
from .words import EQUAL as OP_EQUAL
from .words import REWRITE_THRESHOLD, Op, WordDiff, diff_tokens, quick_ratio, word_counter

EQUAL = "equal"
CHANGED = "changed"
INSERTED = "inserted"
DELETED = "deleted"

# Kinds paired whatever their similarity (a table has one header; a label one footnote).
_FORCED = frozenset({TABLE_HEAD, FOOTNOTE})
# Gaps bigger than this are not searched for pairs: everything in them is replaced.
MAX_GAP_PAIRS = 40_000
MAX_GAP_WORK = 4_000_000  # pairs x distinct words, the cost of the similarity table


# Directions of a move across sections (see moves.py).
MOVED_OUT = "moved_out"  # deleted here, and the text is in another section now
MOVED_IN = "moved_in"  # inserted here, and the text was deleted from another section


@dataclass(frozen=True, slots=True)
class Move:
    """Text that left one section for another; set on the block by `moves.mark_moves`."""

    direction: str  # MOVED_OUT or MOVED_IN
    section_id: str  # out: the new version's section it went to; in: the old one it left


@dataclass(eq=False)
class BlockDiff:
    """One block of the merged sequence, with what happened to it."""

    status: str  # EQUAL, CHANGED, INSERTED or DELETED
    old: Block | None
    new: Block | None
    old_index: int | None = None
    new_index: int | None = None
    ops: tuple[Op, ...] = ()  # word-level steps, for CHANGED blocks
    old_tokens: Tokenized | None = None
    new_tokens: Tokenized | None = None
    words_added: int = 0
    words_removed: int = 0
    move: Move | None = None  # for DELETED and INSERTED blocks that moved across sections
    # DELETED or INSERTED as one half of a rewritten block: the share of words kept.
    rewrite: float | None = None

    def old_text(self) -> str:
        """This block's part of the old text, rebuilt from the diff."""
        if self.old is None:
            return ""
        if self.status == CHANGED:
            assert self.old_tokens is not None
            body = "".join(t.text + t.gap for op in self.ops for t in op.old)
            return self.old_tokens.lead + body + self.old_tokens.tail + self.old.sep
        return self.old.text + self.old.sep

    def new_text(self) -> str:
        """This block's part of the new text, rebuilt from the diff."""
        if self.new is None:
            return ""
        if self.status == CHANGED:
            assert self.new_tokens is not None
            body = "".join(t.text + t.gap for op in self.ops for t in op.new)
            return self.new_tokens.lead + body + self.new_tokens.tail + self.new.sep
        return self.new.text + self.new.sep


@dataclass(eq=False)
class BodyDiff:
    """The diff of two bodies: blocks in a reading order that keeps both texts' order."""

    blocks: list[BlockDiff] = field(default_factory=list)

    @property
    def words_added(self) -> int:
        return sum(b.words_added for b in self.blocks)

    @property
    def words_removed(self) -> int:
        return sum(b.words_removed for b in self.blocks)

    @property
    def changed(self) -> bool:
        """Whether any word or block differs (whitespace and list numbering do not count)."""
        return any(b.status != EQUAL for b in self.blocks)

    def __iter__(self) -> Iterator[BlockDiff]:
        return iter(self.blocks)

    def old_text(self) -> str:
        return "".join(b.old_text() for b in self.blocks)

    def new_text(self) -> str:
        return "".join(b.new_text() for b in self.blocks)


def diff_body(old: str, new: str) -> BodyDiff:
    """Compare two Markdown bodies."""
    old_blocks = parse_blocks(old)
    new_blocks = parse_blocks(new)
    return diff_blocks(old_blocks, new_blocks)


def _block_opcodes(
    old_blocks: list[Block], new_blocks: list[Block]
) -> Sequence[tuple[str, int, int, int, int]]:
    keys_old = [b.key for b in old_blocks]
    keys_new = [b.key for b in new_blocks]
    return SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes()


def diff_blocks(old_blocks: list[Block], new_blocks: list[Block]) -> BodyDiff:
    result: list[BlockDiff] = []
    for tag, i1, i2, j1, j2 in _block_opcodes(old_blocks, new_blocks):
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                result.append(BlockDiff(EQUAL, old_blocks[i], new_blocks[j], i, j))
        else:
            result += _gap(old_blocks, new_blocks, i1, i2, j1, j2)
    return BodyDiff(result)


def _deleted(blocks: list[Block], i: int, known: dict[int, Tokenized]) -> BlockDiff:
    tokens = known.get(i) or tokenize_block(blocks[i])
    return BlockDiff(
        DELETED, blocks[i], None, i, None, old_tokens=tokens, words_removed=tokens.words
    )


def _inserted(blocks: list[Block], j: int, known: dict[int, Tokenized]) -> BlockDiff:
    tokens = known.get(j) or tokenize_block(blocks[j])
    return BlockDiff(
        INSERTED, None, blocks[j], None, j, new_tokens=tokens, words_added=tokens.words
    )


def candidate_pairs(old: str, new: str) -> list[tuple[Block, Block, WordDiff]]:
    """Every pair of changed blocks the alignment considers, word-diffed, before the
    rewrite rule decides: what benchmarks/rewrites.py measures the rule on."""
    old_blocks, new_blocks = parse_blocks(old), parse_blocks(new)
    found = []
    for tag, i1, i2, j1, j2 in _block_opcodes(old_blocks, new_blocks):
        if tag != "equal":
            old_tok, new_tok = _tokenize_gap(old_blocks, new_blocks, i1, i2, j1, j2)
            candidates = _candidates(old_blocks, new_blocks, old_tok, new_tok, i1, i2, j1, j2)
            found += [(old_blocks[i], new_blocks[j], diff) for i, j, diff in candidates]
    return found


def _tokenize_gap(
    old: list[Block], new: list[Block], i1: int, i2: int, j1: int, j2: int
) -> tuple[dict[int, Tokenized], dict[int, Tokenized]]:
    old_tok = {i: tokenize_block(old[i]) for i in range(i1, i2) if old[i].kind not in ATOMIC_KINDS}
    new_tok = {j: tokenize_block(new[j]) for j in range(j1, j2) if new[j].kind not in ATOMIC_KINDS}
    return old_tok, new_tok


def _gap(old: list[Block], new: list[Block], i1: int, i2: int, j1: int, j2: int) -> list[BlockDiff]:
    """Blocks between two matched ones: pair what is similar, the rest is deleted/inserted."""
    old_tok, new_tok = _tokenize_gap(old, new, i1, i2, j1, j2)
    pairs = []
    rewritten_old: dict[int, float] = {}
    rewritten_new: dict[int, float] = {}
    for i, j, diff in _candidates(old, new, old_tok, new_tok, i1, i2, j1, j2):
        if old[i].kind in _FORCED or not diff.rewritten(heading=old[i].kind == HEADING):
            pairs.append((i, j, diff.ops))
        else:
            rewritten_old[i] = rewritten_new[j] = diff.kept
    out: list[BlockDiff] = []
    i, j = i1, j1
    for pi, pj, ops in pairs:
        out += _interleave(
            [_deleted(old, k, old_tok) for k in range(i, pi)],
            [_inserted(new, k, new_tok) for k in range(j, pj)],
        )
        added = removed = 0
        for op in ops:
            if op.tag != OP_EQUAL:
                removed += count_words(op.old)
                added += count_words(op.new)
        out.append(
            BlockDiff(
                CHANGED if _differs(ops) or old[pi].key != new[pj].key else EQUAL,
                old[pi],
                new[pj],
                pi,
                pj,
                ops,
                old_tok[pi],
                new_tok[pj],
                added,
                removed,
            )
        )
        i, j = pi + 1, pj + 1
    out += _interleave(
        [_deleted(old, k, old_tok) for k in range(i, i2)],
        [_inserted(new, k, new_tok) for k in range(j, j2)],
    )
    for bd in out:
        if bd.status == DELETED and bd.old_index is not None:
            bd.rewrite = rewritten_old.get(bd.old_index)
        elif bd.status == INSERTED and bd.new_index is not None:
            bd.rewrite = rewritten_new.get(bd.new_index)
    return out


def _depth(bd: BlockDiff) -> tuple[int, int]:
    block = bd.old if bd.status == DELETED else bd.new
    return block.depth if block is not None else (0, 0)


def _in_table(bd: BlockDiff) -> bool:
    block = bd.old if bd.status == DELETED else bd.new
    return block is not None and block.kind in TABLE_KINDS


def _interleave(deleted: list[BlockDiff], inserted: list[BlockDiff]) -> list[BlockDiff]:
    """Deleted blocks before inserted ones, except where that would tear a structure: a
    table row goes before a block that is not one (a row after it would leave the table),
    and a block nested deeper goes first (after one that left its container it would
    fall out of it)."""
    out: list[BlockDiff] = []
    d = n = 0
    while d < len(deleted) and n < len(inserted):
        row_first = _in_table(inserted[n]) and not _in_table(deleted[d])
        if not _in_table(deleted[d]) and (row_first or _depth(inserted[n]) > _depth(deleted[d])):
            out.append(inserted[n])
            n += 1
        else:
            out.append(deleted[d])
            d += 1
    return out + deleted[d:] + inserted[n:]


def _differs(ops: tuple[Op, ...]) -> bool:
    return any(op.tag != OP_EQUAL for op in ops)


def _candidates(
    old: list[Block],
    new: list[Block],
    old_tok: dict[int, Tokenized],
    new_tok: dict[int, Tokenized],
    i1: int,
    i2: int,
    j1: int,
    j2: int,
) -> list[tuple[int, int, WordDiff]]:
    """A monotone best matching of similar blocks of the same kind, word-diffed; the
    caller drops the rewritten pairs.

    Pairs of a forced kind (table header rows, footnotes with the same label) are kept
    even when their texts have little in common.
    """
    if not old_tok or not new_tok:
        return []
    n, m = i2 - i1, j2 - j1
    counters_old = {i: word_counter(t.tokens) for i, t in old_tok.items()}
    counters_new = {j: word_counter(t.tokens) for j, t in new_tok.items()}

    def similarity(i: int, j: int) -> float:
        """Score of pairing old block i with new block j; 0 if not allowed."""
        if i not in old_tok or j not in new_tok:
            return 0.0
        a, b = old[i], new[j]
        if a.kind != b.kind or a.depth != b.depth:
            return 0.0  # a block that changed container is deleted there, inserted here
        sim = quick_ratio(counters_old[i], counters_new[j])
        if a.kind in _FORCED:
            if a.kind == FOOTNOTE and a.lines[0].prefix != b.lines[0].prefix:
                return 0.0  # another label: another footnote
            return max(sim, REWRITE_THRESHOLD) + 1.0  # one header per table, one text per label
        return sim if sim >= REWRITE_THRESHOLD else 0.0

    # The usual gap: each block edited in place. Then the diagonal is the best matching
    # and the n x m table is not needed.
    diagonal = [similarity(i1 + k, j1 + k) for k in range(n)] if n == m else []
    if diagonal and all(diagonal):
        best = [(k, k) for k in range(n)]
    else:
        widest = min(
            max((len(c) for c in counters_old.values()), default=0),
            max((len(c) for c in counters_new.values()), default=0),
        )
        if n * m > MAX_GAP_PAIRS or n * m * (1 + widest) > MAX_GAP_WORK:
            return []
        score = [[similarity(i, j) for j in range(j1, j2)] for i in range(i1, i2)]
        best = _best_matching(score, n, m)
    return [
        (bi + i1, bj + j1, diff_tokens(old_tok[bi + i1].tokens, new_tok[bj + j1].tokens))
        for bi, bj in best
    ]


def _best_matching(score: list[list[float]], n: int, m: int) -> list[tuple[int, int]]:
    """Pairs (i, j), increasing in both, with the largest total score (weighted LCS)."""
    if n == 1 or m == 1:
        best = max(
            ((score[i][j], -(i + j), i, j) for i in range(n) for j in range(m)), default=None
        )
        return [(best[2], best[3])] if best and best[0] > 0 else []
    total = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = total[i], total[i + 1]
        srow = score[i]
        for j in range(m - 1, -1, -1):
            value = below[j] if below[j] >= row[j + 1] else row[j + 1]
            if srow[j] > 0:
                take = srow[j] + below[j + 1]
                if take > value:
                    value = take
            row[j] = value
    pairs = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] > 0 and total[i][j] == score[i][j] + total[i + 1][j + 1]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif total[i + 1][j] >= total[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs
