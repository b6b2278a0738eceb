"""Freezing a published version: its text may not change by accident.

`strategi freeze <id>` records a hash of every source file of the version (version.yml,
the sections in the source language, figures and documents) in `version.lock` beside
them. From then on loading the strategy compares the files with the lock and refuses a
frozen version whose text differs. Translations are not locked: the English text of an
adopted version often comes after the decision.

One change to a frozen version is not a change of its text: an adopted version becomes
superseded when a later one is adopted (`strategi supersede <id>`, which changes the
`status` value and nothing else). So the hash of a superseded version's version.yml is
also taken as it was while adopted (`accepted_hashes`), and the lock and the published
manifest (`strategi check --published`) accept that; any other change, a reverted
status of a version locked as superseded included, is still found.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode

from ..files import write_atomically
from ..model import ADOPTED, SUPERSEDED
from .markdown_links import ASSET_SUFFIXES
from .problems import ProblemLog
from .yamlfile import LANGUAGE_PATTERN

LOCK_NAME = "version.lock"
TRANSLATION = re.compile(rf"^[^.]+\.{LANGUAGE_PATTERN}\.(?:md|yml)$")  # sections and figures


def locked_files(folder: Path) -> list[Path]:
    """The files a lock covers, in a stable order."""
    result = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.name == LOCK_NAME:
            continue
        if TRANSLATION.match(path.name):
            continue
        if path.suffix in (".md", ".yml") or path.suffix.lower() in ASSET_SUFFIXES:
            result.append(path)
    return result


def file_hash(path: Path) -> str:
    """The hash of a file's content, with line endings normalised (a Windows checkout of
    the same text is the same text)."""
    return _hash(path.read_bytes(), path.suffix)


def _hash(data: bytes, suffix: str) -> str:
    if suffix in (".md", ".yml"):
        data = data.replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


VERSION_FILE = "version.yml"


def accepted_hashes(path: Path, folder: Path) -> set[str]:
    """The hashes under which a locked file counts as unchanged: its own, and for the
    version.yml of a superseded version, that of the same text with `status: adopted`
    (what it was when an adopted version was locked; see the module's docstring)."""
    found = {file_hash(path)}
    if path != folder / VERSION_FILE:
        return found
    text = path.read_bytes().decode("utf-8", errors="replace")
    adopted = _with_status(text, SUPERSEDED, ADOPTED)
    if adopted is not None:
        found.add(_hash(adopted.encode("utf-8"), path.suffix))
    return found


def _with_status(text: str, old: str, new: str) -> str | None:
    """`text` (a version.yml) with its top-level `status: <old>` changed to `new` in
    place, in the same quoting, every other byte kept (as tools/yaml_edit.set_value
    changes it); None when its status is not `old`."""
    try:
        node = YAML(typ="rt").compose(text)
    except YAMLError:
        return None
    if not isinstance(node, MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "status":
            if not isinstance(value, ScalarNode) or value.value != old:
                return None
            quote = value.style if value.style in ("'", '"') else ""
            start, end = value.start_mark.index, value.end_mark.index
            return text[:start] + quote + new + quote + text[end:]
    return None


def lock_path(folder: Path) -> Path:
    return folder / LOCK_NAME


def is_frozen(folder: Path) -> bool:
    return lock_path(folder).is_file()


def freeze(folder: Path, today: date) -> Path:
    lines = [
        f"# Written by 'strategi freeze {folder.name}' on {today.isoformat()}.",
        "# This version is published: its text must not change. To change the strategy,",
        f"# make a new version: strategi new-version <id> --from {folder.name}",
        f"# 'strategi unfreeze {folder.name}' removes this lock.",
        f"version: {folder.name}",
        "files:",
    ]
    for path in locked_files(folder):
        lines.append(f"  {path.relative_to(folder).as_posix()}: {file_hash(path)}")
    target = lock_path(folder)
    write_atomically(target, "\n".join(lines) + "\n")
    return target


def check_lock(folder: Path, log: ProblemLog) -> None:
    """Report every file of a frozen version that changed, appeared or disappeared."""
    path = lock_path(folder)
    if not path.is_file():
        return
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        recorded = {str(k): str(v) for k, v in (data.get("files") or {}).items()}
    except Exception:
        log.add(
            path,
            None,
            "the lock file cannot be read",
            f"Restore it from git, or run 'strategi freeze {folder.name}' again.",
        )
        return
    hint = (
        f"'{folder.name}' is frozen: it has been published and its text must not change. "
        f"Undo the change (git checkout -- <file>), or make a new version with "
        f"'strategi new-version <id> --from {folder.name}' and change that. If the change "
        f"is deliberate, 'strategi unfreeze {folder.name}' lifts the lock."
    )
    present = {p.relative_to(folder).as_posix(): p for p in locked_files(folder)}
    for name, digest in recorded.items():
        if name not in present:
            log.add(folder / name, None, "a file of a frozen version has been removed", hint)
        elif digest not in accepted_hashes(present[name], folder):
            log.add(present[name], None, "a file of a frozen version has changed", hint)
    for name, file in present.items():
        if name not in recorded:
            log.add(file, None, "a file has been added to a frozen version", hint)


MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1


def manifest(frozen: dict[str, Path]) -> dict[str, object]:
    """What the site publishes about its frozen versions (version id -> folder): every
    locked file and its hash, so that anyone can check later that the published text of
    a version never changed (`strategi check --published`)."""
    return {
        "format": MANIFEST_FORMAT,
        "hash": "sha256, line endings of .md and .yml files normalised to \\n",
        "versions": {
            version_id: {
                "files": {
                    path.relative_to(folder).as_posix(): file_hash(path)
                    for path in locked_files(folder)
                }
            }
            for version_id, folder in sorted(frozen.items())
        },
    }
