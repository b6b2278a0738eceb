"""What changed in an outdated section's source since it was translated, from git.

The site says how much and since when (the translation status page, the notice above an
outdated section). Without history (a tarball, no git, a shallow clone, an uncommitted
hash) it knows neither, and the pages say only that the source changed.
"""

from __future__ import annotations

from pathlib import Path

from ..content.history import FoundText, HistoryUnavailable, find_committed
from ..derive.translations import SourceChange, source_change, source_hash, text_hash
from ..model import Section


def find_source_text(path: Path, wanted_hash: str) -> FoundText:
    """The committed text of `path` whose title and body hash to `wanted_hash` (the
    text a translation was made from); raises HistoryUnavailable."""
    return find_committed(
        path,
        lambda title, body: text_hash(title, body) == wanted_hash,
        f"the text the translation records ({wanted_hash})",
    )


class SourceChanges:
    """Looks each outdated section up once per build (each look-up runs git)."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], SourceChange | None] = {}

    def __call__(self, section: Section, lang: str) -> SourceChange | None:
        translation = section.translations.get(lang)
        if translation is None or translation.source_hash is None:
            return None
        wanted = translation.source_hash
        if wanted == source_hash(section):
            return None
        key = (str(section.path), wanted, source_hash(section))
        if key not in self.found:
            self.found[key] = _look_up(section, wanted)
        return self.found[key]


def _look_up(section: Section, wanted: str) -> SourceChange | None:
    try:
        found = find_source_text(section.path, wanted)
    except HistoryUnavailable:
        return None
    return source_change(section, found.title, found.body, found.changed_on)
