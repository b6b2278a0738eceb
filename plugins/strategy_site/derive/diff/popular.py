"""Which sections of a popular version need review because their source changed.

A popular version is a free summary of the version it is based on. When a later version
(one whose chain of `based_on` leads back to that same version) changes a section the
summary `summarises`, the summary may be out of date, as a translation would be.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import POPULAR, Strategy, Version

CHANGED = "changed"  # body or title differs from the version before
REMOVED = "removed"  # gone, with nothing replacing it
REPLACED = "replaced"  # continued under other ids (followed from there on)


@dataclass(frozen=True)
class ReviewFlag:
    summarised: str  # id of the summarised section, as it is called in `version`'s base
    version: str  # the later version in which it changed
    change: str  # CHANGED, REMOVED or REPLACED
    replaced_by: tuple[str, ...] = ()


def _descends_from(strategy: Strategy, version: Version, ancestor: str) -> bool:
    seen = {version.id}
    current = version.based_on
    while current and current not in seen:
        if current == ancestor:
            return True
        seen.add(current)
        nxt = strategy.versions.get(current)
        current = nxt.based_on if nxt else None
    return False


def popular_review_flags(strategy: Strategy) -> dict[tuple[str, str], list[ReviewFlag]]:
    """(popular version id, section id) -> why it needs review; sections with no flag are absent."""
    result: dict[tuple[str, str], list[ReviewFlag]] = {}
    for popular in strategy.versions.values():
        if popular.status != POPULAR or popular.based_on not in strategy.versions:
            continue
        base = popular.based_on
        later = [
            v
            for v in strategy.versions.values()
            if v.status != POPULAR and _descends_from(strategy, v, base)
        ]
        for section in popular.sections.values():
            if not section.summarises:
                continue
            flags = _flags_for(strategy, base, later, section.summarises)
            if flags:
                result[(popular.id, section.id)] = flags
    return result


def _flags_for(
    strategy: Strategy, base: str, later: list[Version], ids: list[str]
) -> list[ReviewFlag]:
    """Follow the summarised ids through each later version, noting every change."""
    tracked: dict[str, set[str]] = {base: set(ids)}
    flags: list[ReviewFlag] = []
    pending = list(later)
    while pending:  # parents before children, whatever the order of `later`
        progress = False
        for version in list(pending):
            if version.based_on not in tracked:
                continue
            pending.remove(version)
            progress = True
            before = strategy.versions[version.based_on]
            now: set[str] = set()
            for x in sorted(tracked[version.based_on]):
                old = before.sections.get(x)
                if old is None:
                    continue
                new = version.sections.get(x)
                if new is not None:
                    now.add(x)
                    if (new.title, new.body) != (old.title, old.body):
                        flags.append(ReviewFlag(x, version.id, CHANGED))
                    continue
                succ = tuple(s.id for s in version.sections.values() if x in s.replaces)
                if succ:
                    flags.append(ReviewFlag(x, version.id, REPLACED, succ))
                    now.update(succ)
                else:
                    flags.append(ReviewFlag(x, version.id, REMOVED))
            tracked[version.id] = now
        if not progress:
            break
    return flags
