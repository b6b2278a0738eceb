"""Fast previews: `mkdocs serve --dirty` renders only the generated pages that changed.

MkDocs' dirty builds skip a page whose file reports `is_modified() == False`. For a file
backed by a file on disk that means: its output is newer than its source
(`File.is_modified` in mkdocs/structure/files.py). A page generated from memory is
always "modified", so in a dirty preview every generated page is backed by a file in
the site folder (`.strategy-preview/<lang>/`) holding its Markdown, and that file is
rewritten only when the page's fingerprint changes: a fingerprint of everything the page
shows (its Markdown and HTML, its language links and its version's navigation). MkDocs'
own rule then renders exactly the pages whose fingerprint changed, and those whose
output is missing. A build that fails half way leaves sources newer than their output,
so the next build renders them again.

The fingerprints of the previous build live at module level because `mkdocs serve`
creates new plugin objects for every rebuild; they are keyed by the backing folder, so
separate sites never share them.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict
from pathlib import Path

from ..plan.pages import NavItem, PlannedPage

TEMPLATES = Path(__file__).parent / "templates"
FOLDER = ".strategy-preview"  # in the site folder, which `mkdocs serve` removes at the end

_dirty = False  # set once per process by on_startup: only `serve --dirty` skips pages
_recorded: dict[Path, dict[str, str]] = {}  # backing folder -> source URI -> fingerprint


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
    data = json.dumps([page.field_values(), shared], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class PreviewSources:
    """The backing files of one language's generated pages in a dirty preview."""

    def __init__(self, site_dir: str, lang: str):
        self.folder = Path(site_dir) / FOLDER / lang
        self.recorded = _recorded.setdefault(self.folder, {})

    def source(self, src_uri: str, markdown: str, print_: str, dest: str) -> str:
        """The path of the file holding `markdown`, rewritten (and so newer than the
        page's output `dest`) only when the fingerprint changed."""
        path = self.folder / src_uri
        if self.recorded.get(src_uri) != print_ or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
            _make_newer(path, Path(dest))
            self.recorded[src_uri] = print_
        return str(path)


def _make_newer(source: Path, output: Path) -> None:
    """MkDocs compares modification times: make sure the source is the newer, even on a
    file system with coarse timestamps."""
    try:
        written = output.stat().st_mtime_ns
    except FileNotFoundError:
        return
    stamp = max(time.time_ns(), written + 10_000_000)
    os.utime(source, ns=(stamp, stamp))
