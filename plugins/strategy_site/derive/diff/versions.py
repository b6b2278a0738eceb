"""Section-by-section comparison of two versions of the strategy.

Sections are matched by id and only by id: a title or a place in the table of contents
may change, the id says "this is the same section". `Section.replaces` links a new
section to the old ids it continues (one id: a replacement; two or more: a merge;
one old id continued by two or more new sections: a split).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ...model import POPULAR, Section, Strategy, Version
from .body import BlockDiff, BodyDiff, diff_body
from .labels import DiffLabels
from .moves import Compared, mark_moves
from .titles import diff_titles

# Body diffs by the digest of the two texts, for the process: a preview's rebuild after
# an edit to one section compares the whole version again, and every other section's
# texts are the same as last time. Kept as `diff_body` made them, before `mark_moves`
# set `move` on their blocks; each comparison gets blocks of its own (`_body_diff`).
_KEPT_DIFFS = 20_000  # about five versions of 400 sections, each language
_diffs: OrderedDict[bytes, BodyDiff] = OrderedDict()


def _body_diff(old: str, new: str) -> BodyDiff:
    """`diff_body(old, new)`, computed once per pair of texts."""
    key = hashlib.blake2b(
        b"%d\x00" % len(old) + (old + "\x00" + new).encode("utf-8", "surrogatepass")
    ).digest()
    kept = _diffs.get(key)
    if kept is None:
        kept = _diffs[key] = diff_body(old, new)
        while len(_diffs) > _KEPT_DIFFS:
            _diffs.popitem(last=False)
    else:
        _diffs.move_to_end(key)
    # Every field but `move` is only read after diff_body; `mark_moves` sets `move`.
    return BodyDiff([replace(block, move=None) for block in kept.blocks])


def forget_body_diffs() -> None:
    """Drop the body diffs kept for the process."""
    _diffs.clear()


ADDED = "added"
REMOVED = "removed"
UNCHANGED = "unchanged"
CHANGED = "changed"  # body text
RENAMED = "renamed"  # title
MOVED = "moved"  # parent, or order among siblings present in both versions
SPLIT = "split"  # one of several sections continuing one old section
MERGED = "merged"  # continues several old sections
REPLACES = "replaces"  # continues exactly one old section under a new id
MERGED_INTO = "merged_into"  # old section, now part of a merged section
SPLIT_INTO = "split_into"  # old section, now continued by several sections


@dataclass(eq=False)
class SectionChange:
    """What happened to one section; old-only entries (removed, merged/split into) too."""

    section_id: str  # the new id; for old-only entries the old id
    kinds: tuple[str, ...]
    old_number: str | None = None
    new_number: str | None = None
    old_title: str | None = None
    new_title: str | None = None
    old_ids: tuple[str, ...] = ()  # old sections this one continues (also its own id)
    new_ids: tuple[str, ...] = ()  # for merged_into / split_into: where the text went
    body: BodyDiff | None = None

    @property
    def words_added(self) -> int:
        return self.body.words_added if self.body else 0

    @property
    def words_removed(self) -> int:
        return self.body.words_removed if self.body else 0

    @property
    def in_new_version(self) -> bool:
        return self.new_number is not None

    def has(self, kind: str) -> bool:
        return kind in self.kinds

    def title_html(self, labels: DiffLabels | None = None) -> str | None:
        """The renamed title's word diff as escaped HTML; None unless renamed."""
        if RENAMED not in self.kinds or self.old_title is None or self.new_title is None:
            return None
        return diff_titles(self.old_title, self.new_title, labels)


@dataclass(eq=False)
class VersionComparison:
    """Every section's change, in the new version's reading order."""

    old_version: str | None
    new_version: str
    sections: list[SectionChange] = field(default_factory=list)

    def __iter__(self) -> Iterator[SectionChange]:
        return iter(self.sections)

    def get(self, section_id: str) -> SectionChange | None:
        """The entry for a section id (new id first, then old-only entries)."""
        found = [s for s in self.sections if s.section_id == section_id]
        found.sort(key=lambda s: not s.in_new_version)
        return found[0] if found else None

    @property
    def words_added(self) -> int:
        return sum(s.words_added for s in self.sections)

    @property
    def words_removed(self) -> int:
        return sum(s.words_removed for s in self.sections)

    @property
    def changed(self) -> list[SectionChange]:
        return [s for s in self.sections if s.kinds != (UNCHANGED,)]


def _texts(section: Section, lang: str | None, source_language: str) -> tuple[str, str]:
    if lang and lang != source_language and lang in section.translations:
        tr = section.translations[lang]
        return tr.title, tr.body
    return section.title, section.body


def _joined(bodies: list[tuple[str, str]]) -> tuple[str, list[tuple[int, str]]]:
    """Old bodies of merged sections, one after the other, as separate blocks; and
    where each section's text starts in it, as (offset, section id)."""
    parts = [(b.rstrip("\n"), sid) for sid, b in bodies if b.strip()]
    starts = []
    offset = 0
    for text, sid in parts:
        starts.append((offset, sid))
        offset += len(text) + 2
    return ("\n\n".join(t for t, _ in parts) + "\n" if parts else ""), starts


def _origins(diff: BodyDiff, starts: list[tuple[int, str]]) -> list[str]:
    """The old section of each old block (by old_index), from where its text starts."""
    old = sorted((bd for bd in diff.blocks if bd.old_index is not None), key=_old_index)
    origins = []
    offset = 0
    for bd in old:
        assert bd.old is not None
        origins.append(next((sid for at, sid in reversed(starts) if at <= offset), starts[0][1]))
        offset += len(bd.old.text) + len(bd.old.sep)
    return origins


def _old_index(bd: BlockDiff) -> int:
    return bd.old_index or 0


def _siblings(version: Version, parent: str | None) -> list[str]:
    return [s.id for s in version.sections.values() if s.parent == parent]


def _lcs(a: list[str], b: list[str]) -> set[str]:
    """Ids on a longest common subsequence of two id lists (both without duplicates)."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    keep: set[str] = set()
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            keep.add(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return keep


class _Comparer:
    def __init__(self, strategy: Strategy, old: Version | None, new: Version, lang: str | None):
        self.source_language = strategy.source_language
        self.lang = lang
        self.old_secs: dict[str, Section] = dict(old.sections) if old else {}
        self.old = old
        self.new = new
        self.old_order = {sid: n for n, sid in enumerate(self.old_secs)}
        self.new_order = {sid: n for n, sid in enumerate(new.sections)}
        # old id -> new sections that name it in `replaces`
        self.replaced_by: dict[str, list[str]] = {}
        for s in new.sections.values():
            for x in dict.fromkeys(s.replaces):
                if x in self.old_secs and x != s.id:
                    self.replaced_by.setdefault(x, []).append(s.id)
        self._sibling_cache: dict[tuple[str | None, str | None], set[str]] = {}
        self.compared: list[Compared] = []  # every body diff, for the search for moves

    def texts(self, section: Section) -> tuple[str, str]:
        return _texts(section, self.lang, self.source_language)

    def sources(self, s: Section) -> list[str]:
        """Old sections the new section `s` continues, in old reading order."""
        ids = {x for x in s.replaces if x in self.old_secs}
        if s.id in self.old_secs:
            ids.add(s.id)
        return sorted(ids, key=self.old_order.__getitem__)

    def successors(self, old_id: str) -> list[str]:
        succ = list(self.replaced_by.get(old_id, []))
        if old_id in self.new.sections:
            succ.insert(0, old_id)
        return succ

    def canon(self, old_id: str) -> str | None:
        """The new id that continues `old_id` one to one, if any."""
        if old_id in self.new.sections:
            return old_id
        succ = self.replaced_by.get(old_id, [])
        if len(succ) == 1 and self.sources(self.new.sections[succ[0]]) == [old_id]:
            return succ[0]
        return None

    def moved(self, s: Section, x: str) -> bool:
        old_parent = self.old_secs[x].parent
        new_parent = s.parent
        if (old_parent is None) != (new_parent is None):
            return True
        if old_parent is not None and new_parent not in self.successors(old_parent):
            return True
        key = (old_parent, new_parent)
        if key not in self._sibling_cache:
            assert self.old is not None
            old_ids = [self.canon(o) for o in _siblings(self.old, old_parent)]
            new_ids = _siblings(self.new, new_parent)
            common = {o for o in old_ids if o} & set(new_ids)
            a = [o for o in old_ids if o in common]
            b = [o for o in new_ids if o in common]
            self._sibling_cache[key] = _lcs(a, b)
        return s.id not in self._sibling_cache[key]

    def new_entry(self, s: Section) -> SectionChange:
        title, body = self.texts(s)
        sources = self.sources(s)
        if not sources:
            added = _body_diff("", body)
            self.compared.append(Compared(s.id, True, added, []))  # text may have moved here
            return SectionChange(s.id, (ADDED,), new_number=s.number, new_title=title, body=added)
        kinds: list[str] = []
        if len(sources) >= 2:
            kinds.append(MERGED)
        elif any(len(self.successors(x)) >= 2 for x in sources):
            kinds.append(SPLIT)
        elif sources[0] != s.id:
            kinds.append(REPLACES)
        old_titles_bodies = [self.texts(self.old_secs[x]) for x in sources]
        if len(sources) > 1:
            old_body, starts = _joined(
                [(x, b) for x, (_, b) in zip(sources, old_titles_bodies, strict=True)]
            )
        else:
            old_body, starts = old_titles_bodies[0][1], [(0, sources[0])]
        diff = _body_diff(old_body, body)
        if starts:
            self.compared.append(Compared(s.id, True, diff, _origins(diff, starts)))
        old_title = old_titles_bodies[0][0] if len(sources) == 1 else None
        old_number = self.old_secs[sources[0]].number if len(sources) == 1 else None
        if len(sources) == 1 and MERGED not in kinds:
            x = sources[0]
            if old_title != title:
                kinds.append(RENAMED)
            if SPLIT not in kinds and self.moved(s, x):
                kinds.append(MOVED)
        if diff.changed:
            kinds.append(CHANGED)
        return SectionChange(
            s.id,
            tuple(kinds) or (UNCHANGED,),
            old_number=old_number,
            new_number=s.number,
            old_title=old_title,
            new_title=title,
            old_ids=tuple(sources),
            body=diff,
        )

    def old_entry(self, x: str) -> SectionChange | None:
        """The entry for an old section that is not in the new version, if it needs one."""
        section = self.old_secs[x]
        title, body = self.texts(section)
        succ = self.replaced_by.get(x, [])
        if not succ:
            kinds: tuple[str, ...] = (REMOVED,)
            diff: BodyDiff | None = _body_diff(body, "")
            assert diff is not None
            self.compared.append(Compared(x, False, diff, [x] * len(diff.blocks)))
        elif len(succ) >= 2:
            kinds, diff = (SPLIT_INTO,), None
        elif len(self.sources(self.new.sections[succ[0]])) >= 2:
            kinds, diff = (MERGED_INTO,), None
        else:
            return None  # continued one to one: reported on the new section
        return SectionChange(
            x,
            kinds,
            old_number=section.number,
            old_title=title,
            old_ids=(x,),
            new_ids=tuple(succ),
            body=diff,
        )

    def anchor(self, x: str, entry: SectionChange) -> tuple[str | None, bool]:
        """Where an old-only section is listed: (new section id, before it?).

        A removed section goes where it stood: before the new section that followed it
        in the old order (the first later old section still there, under its id or
        continued); a merged or split one goes after the first section it went into.
        None: at the end.
        """
        if entry.new_ids:
            return min(entry.new_ids, key=self.new_order.__getitem__), False
        for y in list(self.old_secs)[self.old_order[x] + 1 :]:
            succ = self.successors(y)
            if succ:
                return min(succ, key=self.new_order.__getitem__), True
        return None, False

    def run(self) -> VersionComparison:
        entries = [self.new_entry(s) for s in self.new.sections.values()]
        before: dict[str | None, list[SectionChange]] = {}
        after: dict[str | None, list[SectionChange]] = {}
        for x in self.old_secs:
            if x in self.new.sections:
                continue
            entry = self.old_entry(x)
            if entry is not None:
                where, is_before = self.anchor(x, entry)
                (before if is_before else after).setdefault(where, []).append(entry)
        ordered: list[SectionChange] = []
        for entry in entries:
            ordered += before.pop(entry.section_id, [])
            ordered.append(entry)
            ordered += after.pop(entry.section_id, [])
        for rest in [*before.values(), *after.values()]:
            ordered += rest
        mark_moves(self.compared)
        return VersionComparison(self.old.id if self.old else None, self.new.id, ordered)


def compare_versions(
    strategy: Strategy, old: Version | None, new: Version, lang: str | None = None
) -> VersionComparison:
    """Compare `new` with `old` (normally `strategy.based_on(new)`; None: all added).

    `lang` compares translations where both sections have one in that language, else
    the source text. A popular version summarises rather than revises: use
    `popular_review_flags` for it.
    """
    if new.status == POPULAR:
        raise ValueError(f"version {new.id!r} is popular: it summarises, compare it with nothing")
    return _Comparer(strategy, old, new, lang).run()


def compare_with_based_on(
    strategy: Strategy, version: Version, lang: str | None = None
) -> VersionComparison:
    """Compare a version with the one it is based on."""
    return compare_versions(strategy, strategy.based_on(version), version, lang)
