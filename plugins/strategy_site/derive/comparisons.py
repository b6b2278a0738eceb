"""The comparisons a site needs, each computed once.

Every language build asks for the same source-language comparisons, and a preview
rebuilds after every save; diffing is the costliest step of planning. So comparisons
are kept for the build, and also for the process (`mkdocs serve` makes new plugin
objects per rebuild) under a digest of the texts compared: an edit to one version
recomputes only the comparisons that involve it.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from ..model import POPULAR, Strategy, Version
from .diff import VersionComparison, compare_with_based_on
from .diff.versions import forget_body_diffs

_KEPT = 32
_shared: OrderedDict[str, VersionComparison] = OrderedDict()


def _digest(strategy: Strategy, version: Version, lang: str | None) -> str:
    """Everything the comparison of `version` with its base depends on."""
    digest = hashlib.sha256()
    for compared in (strategy.versions[version.based_on or ""], version):
        digest.update(f"\x00{compared.id}\x00{compared.status}".encode())
        for section in compared.sections.values():
            parts = [section.id, section.title, section.body, section.number, section.parent or ""]
            parts += section.replaces
            translation = section.translations.get(lang or "")
            if translation is not None:
                parts += [translation.title, translation.body]
            digest.update("\x00".join(parts).encode("utf-8"))
    digest.update(f"\x00{lang}".encode())
    return digest.hexdigest()


class Comparisons:
    def __init__(self, strategy: Strategy, enabled: bool = True):
        self.strategy = strategy
        self.enabled = enabled  # off: no pages of changes at all (to measure their cost)
        self._cache: dict[tuple[str, str | None], VersionComparison] = {}

    def has_changes(self, version: Version) -> bool:
        """Versions compared with their base: all but the first and popular ones."""
        return (
            self.enabled
            and version.based_on is not None
            and version.based_on in self.strategy.versions
            and version.status != POPULAR
        )

    def get(self, version: Version, lang: str | None = None) -> VersionComparison | None:
        """The comparison with the base version; `lang` compares translations."""
        if not self.has_changes(version):
            return None
        if lang == self.strategy.source_language:
            lang = None
        key = (version.id, lang)
        if key not in self._cache:
            digest = _digest(self.strategy, version, lang)
            if digest not in _shared:
                _shared[digest] = compare_with_based_on(self.strategy, version, lang)
                while len(_shared) > _KEPT:
                    _shared.popitem(last=False)
            self._cache[key] = _shared[digest]
        return self._cache[key]


def forget() -> None:
    """Drop the comparisons and body diffs kept for the process."""
    _shared.clear()
    forget_body_diffs()
