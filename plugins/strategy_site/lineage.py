"""Which sections of another version are "the same section".

Sections keep their id across versions; a section that was merged, split or summarised
names its origins in `replaces` or `summarises`. Following those links along the chain
of `based_on` lets a reader on an old page land on what became of it, and back.

Lineage is many-to-many: a split section has several successors, a merged one several
predecessors, so every question here answers with a list, in the goal's reading order.
It lives on the ground floor because both the loader (is an input's section split?)
and the derived facts (where did an input take effect?) ask it.
"""

from __future__ import annotations

from .model import Strategy, Version


def _ancestors(strategy: Strategy, version: Version) -> list[Version]:
    """The version itself, then what it is based on, and so on."""
    chain = [version]
    seen = {version.id}
    while chain[-1].based_on and chain[-1].based_on in strategy.versions:
        base = strategy.versions[chain[-1].based_on]
        if base.id in seen:
            break
        chain.append(base)
        seen.add(base.id)
    return chain


def _path(strategy: Strategy, start: Version, goal: Version) -> list[Version] | None:
    """Versions from start to goal through their nearest common ancestor."""
    up = _ancestors(strategy, start)
    down = _ancestors(strategy, goal)
    down_ids = [v.id for v in down]
    for index, version in enumerate(up):
        if version.id in down_ids:
            return up[: index + 1] + list(reversed(down[: down_ids.index(version.id)]))
    return None


def _origins(version: Version, section_id: str) -> list[str]:
    section = version.sections[section_id]
    return section.replaces + section.summarises


def counterparts(strategy: Strategy, start: Version, section_id: str, goal: Version) -> list[str]:
    """Every section of `goal` that continues (or preceded) `section_id` of `start`.

    Several when the section was split (going forward) or merged (going back); empty
    when it has no counterpart there.
    """
    path = _path(strategy, start, goal)
    ids: set[str] = set()
    if path is not None:
        ids = {section_id}
        for previous, following in zip(path, path[1:], strict=False):
            if following.based_on == previous.id:  # forward in time
                ids = {
                    s
                    for s in following.sections
                    if s in ids or ids.intersection(_origins(following, s))
                }
            else:  # backward: previous is based on following
                ids = {i for i in ids if i in following.sections} | {
                    origin
                    for i in ids
                    if i in previous.sections
                    for origin in _origins(previous, i)
                }
            if not ids:
                break
    if section_id in goal.sections:  # the same id is the same section, whatever the path
        ids.add(section_id)
    return [s for s in goal.sections if s in ids]


def counterpart(strategy: Strategy, start: Version, section_id: str, goal: Version) -> str | None:
    """The first of `counterparts`, for places that can show only one."""
    return next(iter(counterparts(strategy, start, section_id, goal)), None)


class Lineage:
    """`counterparts` for many questions about one strategy, from indices built once.

    A section's history asks for the counterparts of every section in every version;
    walking every section of every version on the way for each question would cost
    sections² per version. Same answers as `counterparts` (tests/test_section_history.py
    compares them on every pair), for a strategy that is not changed meanwhile.
    """

    def __init__(self, strategy: Strategy):
        self.strategy = strategy
        self._origins: dict[str, dict[str, list[str]]] = {}  # version -> section -> origins
        self._named_by: dict[str, dict[str, list[str]]] = {}  # version -> origin -> sections
        self._order: dict[str, dict[str, int]] = {}  # version -> section -> reading order
        for version in strategy.versions.values():
            origins = {sid: _origins(version, sid) for sid in version.sections}
            named_by: dict[str, list[str]] = {}
            for sid, found in origins.items():
                for origin in found:
                    named_by.setdefault(origin, []).append(sid)
            self._origins[version.id] = origins
            self._named_by[version.id] = named_by
            self._order[version.id] = {sid: n for n, sid in enumerate(version.sections)}
        self._paths: dict[tuple[str, str], list[Version] | None] = {}

    def path(self, start: Version, goal: Version) -> list[Version] | None:
        key = (start.id, goal.id)
        if key not in self._paths:
            self._paths[key] = _path(self.strategy, start, goal)
        return self._paths[key]

    def successors(self, version: Version, old_id: str) -> list[str]:
        """The sections of `version` that continue `old_id` of the version it is based
        on, one step: the same id, or a section naming it in `replaces` or `summarises`."""
        found = self._named_by[version.id].get(old_id, [])
        return [old_id, *found] if old_id in version.sections else list(found)

    def counterparts(self, start: Version, section_id: str, goal: Version) -> list[str]:
        path = self.path(start, goal)
        ids: set[str] = set()
        if path is not None:
            ids = {section_id}
            for previous, following in zip(path, path[1:], strict=False):
                kept = {i for i in ids if i in following.sections}
                if following.based_on == previous.id:  # forward in time
                    named_by = self._named_by[following.id]
                    ids = kept | {s for i in ids for s in named_by.get(i, ())}
                else:  # backward: previous is based on following
                    origins = self._origins[previous.id]
                    ids = kept | {o for i in ids for o in origins.get(i, ())}
                if not ids:
                    break
        if section_id in goal.sections:
            ids.add(section_id)
        order = self._order[goal.id]
        return sorted((s for s in ids if s in order), key=order.__getitem__)
