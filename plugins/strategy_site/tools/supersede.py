"""Marking an adopted version superseded once a later one is adopted (`strategi supersede`).

This is the year's one change to a published, frozen version: its `status` goes from
`adopted` to `superseded`. It is not a change of the version's text, so the lock and the
published manifest accept it (content/freezing.py, `accepted_hashes`) and the version
stays frozen. Only the value of `status` in its version.yml changes; every other byte,
comments and line endings included, stays (yaml_edit).
"""

from __future__ import annotations

from pathlib import Path

from ..files import read_exactly, write_atomically
from ..model import ADOPTED, SUPERSEDED, Strategy, Version
from .yaml_edit import set_value


class SupersedeRefused(Exception):
    """The version cannot be marked superseded: the message says why and what to do."""


def successor(strategy: Strategy, version: Version) -> Version | None:
    """The first adopted version after `version`, in the order of `versions`."""
    order = list(strategy.versions.values())
    later = order[order.index(version) + 1 :]
    return next((v for v in later if v.status == ADOPTED), None)


def supersede(strategy: Strategy, version_id: str) -> tuple[Path, Version]:
    """Set the status of the adopted `version_id` to superseded; returns its version.yml
    and the adopted version that supersedes it."""
    version = strategy.versions[version_id]
    if version.status == SUPERSEDED:
        raise SupersedeRefused(f"{version_id} is superseded already.")
    if version.status != ADOPTED:
        raise SupersedeRefused(
            f"{version_id} has status {version.status}: only an adopted version can be "
            "superseded (by a later adopted one). A draft or consultation draft that led "
            "nowhere keeps its status; the site shows which version is current."
        )
    after = successor(strategy, version)
    if after is None:
        raise SupersedeRefused(
            f"no version after {version_id} in strategy.yml is adopted: adopt the next "
            "version first (status: adopted, with its decision block), then supersede "
            f"{version_id}."
        )
    if strategy.current == version_id:
        raise SupersedeRefused(
            f"{version_id} is still 'current' in strategy.yml: make the version in force "
            f"current first ('current: {after.id}'), then supersede {version_id}."
        )
    path = version.path / "version.yml"
    write_atomically(path, set_value(read_exactly(path), "status", SUPERSEDED))
    return path, after
