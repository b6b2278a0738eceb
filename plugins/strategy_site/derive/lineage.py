"""Which section of another version is "the same section".

Sections keep their id across versions; a section that was merged, split or summarised
names its origins in `replaces` or `summarises`. Following those links along the chain
of `based_on` lets a reader on an old page land on what became of it, and back.
"""

from __future__ import annotations

from ..model import Strategy, Version


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


def counterpart(strategy: Strategy, start: Version, section_id: str, goal: Version) -> str | None:
    """The section of `goal` that continues (or preceded) `section_id` of `start`."""
    if section_id in goal.sections:
        return section_id
    path = _path(strategy, start, goal)
    if path is None:
        return None
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
                origin for i in ids if i in previous.sections for origin in _origins(previous, i)
            }
        if not ids:
            return None
    return next((s for s in goal.sections if s in ids), None)
