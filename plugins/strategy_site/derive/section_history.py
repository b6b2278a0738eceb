"""A section's history: every version its lineage appears in, oldest first, with what
happened to it there and the inputs that concern it.

The lineage followed is the section's own, in both directions of time: the versions
before hold what it came from (renamed, moved, merged from, split from), the versions
after what it became (split into, merged into, summarised by), as `lineage.counterparts`
finds them for the version selector. Sections that only share an origin or a successor
with it (the other half of a split, the other sources of a merge) are named where that
happened, not followed further: the history of "Jord, skog och vatten" is not the
history of "Hållbar energi". So if A is in B's history, B is in A's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lineage import Lineage
from ..model import POPULAR, Strategy, Version
from .comparisons import Comparisons
from .diff import SectionChange
from .inputs import TracedItem, effects_index, trace

PRESENT = "present"  # the lineage has sections in this version
REMOVED = "removed"  # it had sections in the version this one is based on, and none here
NOT_SUMMARISED = "not_summarised"  # a popular version that leaves it out

ItemsIndex = dict[tuple[str, str], list[TracedItem]]  # (version, section) -> items


@dataclass(frozen=True)
class HistoryEntry:
    """One section of the lineage in one version."""

    section_id: str
    # Compared with the version it is based on; None in a first version, a popular one,
    # or a build without comparisons.
    change: SectionChange | None
    effects: list[TracedItem] = field(default_factory=list)  # decisions that took effect here
    about: list[TracedItem] = field(default_factory=list)  # inputs about this section here


@dataclass(frozen=True)
class HistoryStep:
    """One version of the history."""

    version: Version
    base: Version | None  # the version it is based on
    state: str  # PRESENT, REMOVED or NOT_SUMMARISED
    entries: list[HistoryEntry]  # in the version's reading order
    # Sections of the lineage in `base` that have no successor here: removed (or, in a
    # popular version, not summarised), in the base's reading order.
    ended: list[str] = field(default_factory=list)


def items_about_sections(strategy: Strategy) -> ItemsIndex:
    """(version, section) -> the items of inputs about that version that name that
    section, in file and item order. Built once per site plan."""
    index: ItemsIndex = {}
    for found in strategy.inputs:
        for item in found.items:
            if item.section:
                index.setdefault((found.about, item.section), []).append(
                    trace(strategy, found, item)
                )
    return index


class Histories:
    """Section histories of one strategy. A site plan asks for every section's, so what
    they share (the lineage's indices, the items, each comparison by section) is found
    once."""

    def __init__(
        self,
        strategy: Strategy,
        comparisons: Comparisons,
        effects: ItemsIndex | None = None,
        about: ItemsIndex | None = None,
    ):
        self.strategy = strategy
        self.comparisons = comparisons
        self.effects = effects if effects is not None else effects_index(strategy)
        self.about = about if about is not None else items_about_sections(strategy)
        self.lineage = Lineage(strategy)
        self._changes: dict[str, dict[str, SectionChange]] = {}

    def changes(self, version: Version) -> dict[str, SectionChange]:
        """The comparison of `version` with its base, by section id (empty without one)."""
        if version.id not in self._changes:
            comparison = self.comparisons.get(version)
            found = [c for c in comparison if c.in_new_version] if comparison else []
            self._changes[version.id] = {c.section_id: c for c in found}
        return self._changes[version.id]

    def of(self, version: Version, section_id: str) -> list[HistoryStep]:
        """The history of `section_id` of `version`: a step for every version its
        lineage appears in, and one for the version where it ended (removed, or not
        summarised)."""
        strategy, lineage = self.strategy, self.lineage
        same = {
            other.id: lineage.counterparts(version, section_id, other)
            for other in strategy.versions.values()
        }
        steps = []
        for other in strategy.versions.values():
            ids = same[other.id]
            base = strategy.based_on(other)
            before = same.get(base.id, []) if base is not None else []
            ended = [old for old in before if not lineage.successors(other, old)]
            if ids:
                state = PRESENT
            elif before:
                state = NOT_SUMMARISED if other.status == POPULAR else REMOVED
            else:
                continue  # not yet, no longer, or on another branch
            changes = self.changes(other)
            entries = [
                HistoryEntry(
                    section_id=sid,
                    change=changes.get(sid),
                    effects=self.effects.get((other.id, sid), []),
                    about=self.about.get((other.id, sid), []),
                )
                for sid in ids
            ]
            steps.append(HistoryStep(other, base, state, entries, ended))
        return steps
