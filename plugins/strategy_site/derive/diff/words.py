"""Word diff of two token lists, shaped the way a person edits.

difflib's SequenceMatcher (autojunk off: with it, frequent words become junk and
near-identical texts look unrelated) compares token keys. Its cost grows with the
product of the lengths, so three things keep it small and bounded: the common head and
tail are cut off first, long texts are first aligned sentence by sentence, and a region
that is still too big is reported as replaced rather than compared.

Then the raw result is reshaped: a changed link target takes the whole link with it
(a link with half an old and half a new target would not work), and changes separated
only by a word or two are merged into one, so a rewritten sentence reads as one
deletion and one insertion rather than confetti.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .tokens import CLOSE, COUNTED, OPEN, PUNCT, WORD, Token

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"
REPLACE = "replace"

# When a block counts as rewritten (shown as the whole old block deleted, then the whole
# new block inserted), measured on what a reader would see: `kept` is the share of
# counted words shown unchanged (2 x kept words / (old + new words)) after the confetti
# has been merged, and `alternations` the number of places that change. Measured on the
# example and on a small constructed corpus (pairs the team wrote, not real revisions) in
# benchmarks/rewrites.py (see benchmarks/README.md).
# - Less than a third kept: rewritten, however the changes fall (ENGINE-NOTES: "about 0.3").
REWRITE_THRESHOLD = 1 / 3
# - Less than half kept and changed in two places or more: rewritten (old and new text
#   would alternate; "I en" / "Styrkeområdet ... bygger på" / "cirkulär" / ... ).
SCATTERED_THRESHOLD = 1 / 2
SCATTERED_ALTERNATIONS = 2
# - A heading changed in more than this many places: rewritten (headings never alternate).
HEADING_ALTERNATIONS = 1
# Largest len(a) * len(b) compared token by token in one go.
DIRECT_BUDGET = 1_500_000
# Unchanged words this short, at most this many, do not split a change in two.
SHORT_WORD = 5
SHORT_RUN = 2

_SENTENCE_END = frozenset({".", "!", "?", ";", ":"})


@dataclass(frozen=True, slots=True)
class Op:
    """One step of a diff: tokens that stay, go, come, or are swapped."""

    tag: str  # EQUAL, DELETE, INSERT or REPLACE
    old: tuple[Token, ...]
    new: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class WordDiff:
    ops: tuple[Op, ...]
    ratio: float  # share of counted words in common before merging confetti, 0..1

    @property
    def kept(self) -> float:
        """Share of counted words shown unchanged, as the reader sees the diff, 0..1."""
        old = new = same = 0
        for op in self.ops:
            n = _counted(op.old)
            old += n
            new += _counted(op.new)
            if op.tag == EQUAL:
                same += n
        if not old + new:
            return 1.0 if self.alternations == 0 else 0.0
        return 2.0 * same / (old + new)

    @property
    def alternations(self) -> int:
        """How many places change: runs of changed tokens between unchanged ones."""
        return sum(1 for op in self.ops if op.tag != EQUAL)

    def rewritten(self, heading: bool = False) -> bool:
        """Whether to show the block as deleted whole and inserted whole (see above)."""
        if not self.alternations:
            return False
        if heading and self.alternations > HEADING_ALTERNATIONS:
            return True
        kept = self.kept
        if kept < REWRITE_THRESHOLD:
            return True
        return kept < SCATTERED_THRESHOLD and self.alternations >= SCATTERED_ALTERNATIONS


Opcode = list[Any]  # [tag, i1, i2, j1, j2], mutable while reshaping


def quick_ratio(a: Counter[str], b: Counter[str]) -> float:
    """Upper bound of the similarity, from word counts alone (SequenceMatcher.quick_ratio)."""
    total = a.total() + b.total()
    if not total:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    common = 0
    for w, n in a.items():
        m = get(w)
        if m:
            common += n if n < m else m
    return 2.0 * common / total


def word_counter(tokens: Sequence[Token]) -> Counter[str]:
    return Counter(t.key for t in tokens if t.kind in COUNTED)


def diff_tokens(a: Sequence[Token], b: Sequence[Token]) -> WordDiff:
    """The reshaped diff of two token lists and how similar they are."""
    codes = opcodes([t.key for t in a], [t.key for t in b])
    codes = _expand_links(codes, a, b)
    ratio = _ratio(codes, a, b)  # before merging: merged confetti is still similar text
    codes = _merge_confetti(codes, a, b)
    ops = tuple(Op(c[0], tuple(a[c[1] : c[2]]), tuple(b[c[3] : c[4]])) for c in codes)
    return WordDiff(ops, ratio)


def _counted(tokens: Sequence[Token]) -> int:
    counted = COUNTED
    return len([1 for t in tokens if t[0] in counted])


def _ratio(codes: list[Opcode], a: Sequence[Token], b: Sequence[Token]) -> float:
    old = _counted(a)
    new = _counted(b)
    if not old + new:
        return 1.0 if all(c[0] == EQUAL for c in codes) else 0.0
    same = sum(_counted(a[c[1] : c[2]]) for c in codes if c[0] == EQUAL)
    return 2.0 * same / (old + new)


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """SequenceMatcher opcodes, computed within budget; see the module docstring."""
    n, m = len(a), len(b)
    head = 0
    while head < n and head < m and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a[n - 1 - tail] == b[m - 1 - tail]:
        tail += 1
    codes: list[Opcode] = []
    if head:
        codes.append([EQUAL, 0, head, 0, head])
    if (n - head - tail) * (m - head - tail) > DIRECT_BUDGET:
        codes += _by_sentences(a, b, head, n - tail, head, m - tail)
    else:
        codes += _middle(a, b, head, n - tail, head, m - tail)
    if tail:
        codes.append([EQUAL, n - tail, n, m - tail, m])
    return _join(codes)


def _middle(
    a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int
) -> list[Opcode]:
    if alo == ahi and blo == bhi:
        return []
    if alo == ahi:
        return [[INSERT, alo, ahi, blo, bhi]]
    if blo == bhi:
        return [[DELETE, alo, ahi, blo, bhi]]
    if (ahi - alo) * (bhi - blo) > DIRECT_BUDGET:
        return [[REPLACE, alo, ahi, blo, bhi]]
    matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
    return [
        [tag, i1 + alo, i2 + alo, j1 + blo, j2 + blo]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _sentences(keys: Sequence[str], lo: int, hi: int) -> list[tuple[int, int]]:
    spans = []
    start = lo
    for i in range(lo, hi):
        if keys[i] in _SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < hi:
        spans.append((start, hi))
    return spans


def _by_sentences(
    a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int
) -> list[Opcode]:
    """Align sentences first, then compare words only between sentences that differ."""
    sa = _sentences(a, alo, ahi)
    sb = _sentences(b, blo, bhi)
    ka = ["\x00".join(a[s:e]) for s, e in sa]
    kb = ["\x00".join(b[s:e]) for s, e in sb]
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    codes: list[Opcode] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a1 = sa[i1][0] if i1 < len(sa) else ahi
        a2 = sa[i2 - 1][1] if i2 > i1 else a1
        b1 = sb[j1][0] if j1 < len(sb) else bhi
        b2 = sb[j2 - 1][1] if j2 > j1 else b1
        if tag == EQUAL:
            codes.append([EQUAL, a1, a2, b1, b2])
        else:
            codes += _middle(a, b, a1, a2, b1, b2)
    return codes


def _join(codes: list[Opcode]) -> list[Opcode]:
    """Merge neighbouring opcodes: equal with equal, and any changes into one."""
    out: list[Opcode] = []
    for code in codes:
        if code[1] == code[2] and code[3] == code[4]:
            continue
        if out and (out[-1][0] == EQUAL) == (code[0] == EQUAL):
            prev = out[-1]
            prev[2], prev[4] = code[2], code[4]
            if prev[0] != EQUAL:
                prev[0] = _tag(prev[1], prev[2], prev[3], prev[4])
        else:
            out.append(list(code))
    return out


def _tag(i1: int, i2: int, j1: int, j2: int) -> str:
    if i1 == i2:
        return INSERT
    if j1 == j2:
        return DELETE
    return REPLACE


def _link_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(open, close) index pairs of links and images that carry a target or reference."""
    spans = []
    stack: list[int] = []
    for i, t in enumerate(tokens):
        if t.kind == OPEN:
            stack.append(i)
        elif t.kind == CLOSE and stack:
            start = stack.pop()
            if len(t.text) > 1:
                spans.append((start, i))
    return spans


def _find(codes: list[Opcode], side: int, pos: int) -> int:
    lo = 1 if side == 0 else 3
    for k, code in enumerate(codes):
        if code[lo] <= pos < code[lo + 1]:
            return k
    raise ValueError(pos)


def _expand_links(codes: list[Opcode], a: Sequence[Token], b: Sequence[Token]) -> list[Opcode]:
    """A link whose target changed is replaced as a whole, so both versions still work."""
    links = (_link_spans(a), _link_spans(b))
    if not links[0] and not links[1]:
        return codes
    changed = True
    while changed:
        changed = False
        for side in (0, 1):
            for start, close in links[side]:
                k_close = _find(codes, side, close)
                if codes[k_close][0] == EQUAL:
                    continue
                k_open = _find(codes, side, start)
                if k_open == k_close:
                    continue
                first, last = codes[k_open], codes[k_close]
                if first[0] == EQUAL:
                    # Keep the equal text before the link out of the change.
                    cut = start - first[1 if side == 0 else 3]
                    if cut:
                        before = [EQUAL, first[1], first[1] + cut, first[3], first[3] + cut]
                        first = [EQUAL, first[1] + cut, first[2], first[3] + cut, first[4]]
                        codes[k_open : k_open + 1] = [before, first]
                        k_open += 1
                        k_close += 1
                merged = [REPLACE, first[1], last[2], first[3], last[4]]
                merged[0] = _tag(*merged[1:])
                codes[k_open : k_close + 1] = [merged]
                changed = True
                break
            if changed:
                break
    return codes


def _is_short(code: Opcode, a: Sequence[Token]) -> bool:
    words = 0
    for t in a[code[1] : code[2]]:
        if t.kind == WORD:
            words += 1
            if words > SHORT_RUN or len(t.text) > SHORT_WORD:
                return False
        elif t.kind != PUNCT:
            return False
    return True


def _merge_confetti(codes: list[Opcode], a: Sequence[Token], b: Sequence[Token]) -> list[Opcode]:
    """Join changes separated by one or two short unchanged words into one change.

    Two pure insertions (or two pure deletions) stay apart: "Jämtland har en lång" ->
    "Jämtland Härjedalen har en mycket lång" is two insertions, not a rewrite.
    """
    out: list[Opcode] = []
    for code in codes:
        out.append(list(code))
        while (
            len(out) >= 3
            and out[-1][0] != EQUAL
            and out[-2][0] == EQUAL
            and out[-3][0] != EQUAL
            and _is_short(out[-2], a)
            and not (out[-1][0] == out[-3][0] and out[-1][0] in (INSERT, DELETE))
        ):
            last = out.pop()
            out.pop()
            first = out.pop()
            out.append([REPLACE, first[1], last[2], first[3], last[4]])
    return out
