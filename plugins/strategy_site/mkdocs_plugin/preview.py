"""Fast previews: `mkdocs serve --dirty` renders only the generated pages that changed.

MkDocs' dirty builds skip a page when its file reports `is_modified() == False`, which a
generated file never does. Here every planned page gets a fingerprint of everything it
shows (its Markdown and HTML, its language links and its version's navigation); a page
whose fingerprint and output file are as after the previous build is marked unmodified.

State lives at module level because `mkdocs serve` creates new plugin objects for every
rebuild; it is keyed by the site folder, so separate builds never share it. Fingerprints
are recorded only once a build has finished, so a failed build leaves nothing skipped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from mkdocs.structure.files import File

from ..plan.pages import NavItem, PlannedPage

TEMPLATES = Path(__file__).parent / "templates"

_dirty = False  # set once per process by on_startup: only `serve --dirty` skips pages
_recorded: dict[str, dict[str, str]] = {}  # site folder -> output file -> fingerprint


def set_dirty(dirty: bool) -> None:
    global _dirty
    _dirty = dirty


def is_dirty() -> bool:
    return _dirty


def environment_key(config_file: str) -> str:
    """What every page depends on besides its plan: the configuration and our templates."""
    paths = [Path(config_file), *sorted(p for p in TEMPLATES.rglob("*") if p.is_file())]
    return ";".join(f"{p}:{p.stat().st_mtime_ns}" for p in paths if p.exists())


def nav_fingerprint(nav: list[NavItem] | None, site_nav: str, environment: str) -> str:
    """What every page of a version shares: computed once per version, not per page."""
    data = json.dumps([[asdict(item) for item in nav or []], site_nav, environment])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def fingerprint(page: PlannedPage, shared: str) -> str:
    data = json.dumps([asdict(page), shared], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class PreviewCache:
    """The fingerprints of one build of one language, committed when it has finished."""

    def __init__(self, site_dir: str):
        self.site_dir = site_dir
        self.pending: dict[str, str] = {}

    def consider(self, file: File, print_: str) -> None:
        """Mark `file` unmodified if it is exactly as the previous build left it."""
        previous = _recorded.get(self.site_dir, {})
        unchanged = (
            _dirty and previous.get(file.dest_uri) == print_ and Path(file.abs_dest_path).exists()
        )
        if unchanged:
            file.is_modified = lambda: False  # an instance attribute shadows File's method
        self.pending[file.dest_uri] = print_

    def commit(self) -> None:
        _recorded.setdefault(self.site_dir, {}).update(self.pending)
        self.pending = {}
