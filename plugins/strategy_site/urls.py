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
PDF_SUFFIX = ".pdf"  # a version's printable document, beside its first page
# The open data: a folder of files shared by every language (the JSON, its schema, the
# CSV), and its documentation page per language at /data/ and /en/data/. "data" reads
# the same in Swedish and English, so one address serves both.
DATA = "data"
FEED = "feed.xml"  # the Atom feed of each language: /feed.xml, /en/feed.xml
# On a translated site: what changed in a section's source text since its translation.
SOURCE_CHANGES = "andringar-i-kallan"

# Names a section or version id may not take, or its page would collide with one of these.
_ENGINE_PATHS = {"index", "assets", "search", "sv", "en"}
RESERVED_SECTION_IDS = frozenset({CHANGES, INPUTS, OUTCOME, SOURCE_CHANGES} | _ENGINE_PATHS)
# Pages at the site's root: a version of that id would take their address.
RESERVED_VERSION_IDS = RESERVED_SECTION_IDS | {TRANSLATIONS, DATA}


def version_path(version_id: str) -> str:
    return f"{version_id}/"


def section_path(version_id: str, section_id: str) -> str:
    return f"{version_id}/{section_id}/"


def section_changes_path(version_id: str, section_id: str) -> str:
    return f"{version_id}/{section_id}/{CHANGES}/"


def source_changes_path(version_id: str, section_id: str) -> str:
    """What changed in the section's source text since it was translated (a page of the
    translated languages only, and only when the site's version history tells)."""
    return f"{version_id}/{section_id}/{SOURCE_CHANGES}/"


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


def pdf_path(version_id: str, changes: bool = False) -> str:
    """A version's PDF, `beslutad/beslutad.pdf`, or its changes edition (the text with the
    changes since the version it is based on), `beslutad/beslutad-andringar.pdf`.

    A file, not a folder: no section id can take the name (ids have no dot), but a
    version's own document could, which the loader refuses (`pdf_names`)."""
    name = f"{version_id}-{CHANGES}" if changes else version_id
    return f"{version_id}/{name}{PDF_SUFFIX}"


def pdf_names(version_id: str) -> tuple[str, str]:
    """The file names, within the version's folder, that the site's PDFs take."""
    whole, changes = pdf_path(version_id), pdf_path(version_id, changes=True)
    return whole.rsplit("/", 1)[1], changes.rsplit("/", 1)[1]


def translations_path() -> str:
    return f"{TRANSLATIONS}/"


def data_path() -> str:
    """The page that documents the open data (one per language)."""
    return f"{DATA}/"


def data_file_path(name: str) -> str:
    """A file of the open data, one for every language: "data/strategy.json"."""
    return f"{DATA}/{name}"


def feed_path() -> str:
    """A language's Atom feed (localized like a page: "en/feed.xml")."""
    return FEED


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
