"""Where every page lives. One place decides, so links and pages cannot disagree.

Paths are language-independent and directory-style (`remiss/inledning/`); the source
language sits at the site root and every other language under `/<lang>/`.
"""

from __future__ import annotations

import posixpath

CHANGES = "andringar"  # the highlighted view of a section, and a version's overview
INPUTS = "inspel"  # a version's inputs
OUTCOME = "remissutfall"  # the outcome of the consultation a version answers
TRANSLATIONS = "oversattning"  # the translation status page
HISTORY = "historik"  # a section's history across versions

# Names a section or version id may not take, or its page would collide with one of these.
_ENGINE_PATHS = {"index", "assets", "search", "sv", "en"}
RESERVED_SECTION_IDS = frozenset({CHANGES, INPUTS, OUTCOME} | _ENGINE_PATHS)
RESERVED_VERSION_IDS = RESERVED_SECTION_IDS | {TRANSLATIONS}


def version_path(version_id: str) -> str:
    return f"{version_id}/"


def section_path(version_id: str, section_id: str) -> str:
    return f"{version_id}/{section_id}/"


def section_changes_path(version_id: str, section_id: str) -> str:
    return f"{version_id}/{section_id}/{CHANGES}/"


def section_history_path(version_id: str, section_id: str) -> str:
    """Every version the section (what it came from, what it became) appears in."""
    return f"{version_id}/{section_id}/{HISTORY}/"


def version_changes_path(version_id: str) -> str:
    return f"{version_id}/{CHANGES}/"


def inputs_path(version_id: str) -> str:
    return f"{version_id}/{INPUTS}/"


def outcome_path(version_id: str) -> str:
    """The outcome of the consultation that the version `version_id` answers."""
    return f"{version_id}/{OUTCOME}/"


def response_template_path(version_id: str, suffix: str = "txt") -> str:
    return f"{version_id}/remissvar.{suffix}"


def translations_path() -> str:
    return f"{TRANSLATIONS}/"


def localized(path: str, lang: str, source_language: str) -> str:
    """The site path of a page in `lang`: the source language has no prefix."""
    return path if lang == source_language else f"{lang}/{path}"


def source_uri(path: str) -> str:
    """The (virtual) Markdown file name of a page; every page is a folder's index."""
    return f"{path}index.md"


def relative(from_path: str, to_path: str) -> str:
    """A link from the page at site path `from_path` to `to_path`, both directory-style."""
    target, _, fragment = to_path.partition("#")
    link = posixpath.relpath("/" + target, "/" + from_path)
    if link == ".":
        link = "./"
    elif target.endswith("/") and not link.endswith("/"):
        link += "/"
    return f"{link}#{fragment}" if fragment else link
