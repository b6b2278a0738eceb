"""Starting a new version as a copy of an existing one, the way editors work.

The copy keeps every file byte for byte except for what must change for it to be a
correct new version: `based_on` and `status` in its version.yml, a consultation or
decision block that does not fit the new status, `replaces` in section front matter
(it says how a section came about in the version it was written for), and `summarises`
when a popular version is copied into one that is not (only a popular text summarises).
The new id is appended to `versions` in strategy.yml. YAML is edited where it stands
(yaml_edit), so comments and layout survive.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..content.freezing import LOCK_NAME
from ..files import read_exactly, write_atomically
from ..model import ADOPTED, CONSULTATION, POPULAR, SUPERSEDED, Strategy
from .yaml_edit import (
    add_block,
    append_to_list,
    edit_front_matter,
    remove_key,
    scalar,
    set_value,
)


@dataclass
class NewVersion:
    folder: Path
    removed_blocks: list[str] = field(default_factory=list)
    cleared_replaces: list[str] = field(default_factory=list)
    cleared_summarises: list[str] = field(default_factory=list)  # popular -> full version
    added_blocks: list[str] = field(default_factory=list)  # skeletons to fill in


def consultation_skeleton(strategy: Strategy, today: date) -> str:
    """A consultation block that `check` accepts, to be corrected before publishing:
    dates from today, address and reference from the latest consultation, if any."""
    latest = _latest(strategy, "consultation")
    respond_to = latest.respond_to if latest else "registrator@example.org"
    reference = latest.reference if latest else "RS 0000/0000"
    return (
        "consultation:  # written by 'strategi new-version': set the real values\n"
        f"  opens: {today.isoformat()}\n"
        f"  closes: {(today + timedelta(weeks=8)).isoformat()}\n"
        f"  respond_to: {scalar(respond_to)}\n"
        f"  reference: {scalar(reference)}\n"
    )


def decision_skeleton(strategy: Strategy, today: date) -> str:
    """A decision block that `check` accepts, to be corrected before publishing."""
    latest = _latest(strategy, "decision")
    by = latest.by if latest else {strategy.source_language: "Regionfullmäktige"}
    reference = latest.reference if latest else "RS 0000/0000"
    by_lines = "".join(f"    {lang}: {scalar(text)}\n" for lang, text in by.items())
    return (
        "decision:  # written by 'strategi new-version': set the real values\n"
        f"  by:\n{by_lines}"
        f"  date: {today.isoformat()}\n"
        f"  reference: {scalar(reference)}\n"
    )


def _latest(strategy: Strategy, block: str) -> Any:
    found = [getattr(v, block) for v in strategy.versions.values() if getattr(v, block)]
    return found[-1] if found else None


def create_version(
    strategy: Strategy, new_id: str, from_id: str, status: str, today: date
) -> NewVersion:
    source = strategy.versions[from_id].path
    target = source.parent / new_id
    # Copy to a temporary name first, so that a failure leaves no half-made version.
    staging = source.parent / f".{new_id}.new"
    if staging.exists():
        shutil.rmtree(staging)
    # symlinks=True: a link is copied as a link (which `check` refuses), never its target.
    shutil.copytree(source, staging, symlinks=True, ignore=shutil.ignore_patterns(LOCK_NAME))
    result = NewVersion(target)
    try:
        toc = staging / "version.yml"
        text = read_exactly(toc)
        text = set_value(text, "status", status)
        popular_copy = strategy.versions[from_id].status == POPULAR and status == POPULAR
        if not popular_copy:  # a new popular text summarises what the old one did
            text = set_value(text, "based_on", from_id, after="date")
        for block, fits in (
            ("consultation", status == CONSULTATION),
            ("decision", status in (ADOPTED, SUPERSEDED)),
        ):
            if not fits and _has_key(text, block):
                text = remove_key(text, block)
                result.removed_blocks.append(block)
        skeletons = (
            ("consultation", status == CONSULTATION, consultation_skeleton),
            ("decision", status == ADOPTED, decision_skeleton),
        )
        for block, needed, skeleton in skeletons:
            if needed and not _has_key(text, block):
                text = add_block(text, skeleton(strategy, today), after="based_on")
                result.added_blocks.append(block)
        write_atomically(toc, text)
        for section in sorted(staging.glob("*.md")):
            original = read_exactly(section)
            changed = edit_front_matter(original, lambda front: remove_key(front, "replaces"))
            if changed != original:
                result.cleared_replaces.append(section.name)
            if status != POPULAR:
                kept = changed
                changed = edit_front_matter(kept, lambda front: remove_key(front, "summarises"))
                if changed != kept:
                    result.cleared_summarises.append(section.name)
            if changed != original:
                write_atomically(section, changed)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    strategy_yml = strategy.root / "strategy.yml"
    write_atomically(strategy_yml, append_to_list(read_exactly(strategy_yml), "versions", new_id))
    return result


def _has_key(text: str, key: str) -> bool:
    return remove_key(text, key) != text
