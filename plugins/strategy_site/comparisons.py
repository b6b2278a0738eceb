"""The comparisons a site needs, each computed once.

Every language build asks for the same source-language comparisons; diffing is the
costliest step, so they are kept here for the whole build rather than per page.
"""

from __future__ import annotations

from .diff import VersionComparison, compare_with_based_on
from .model import POPULAR, Strategy, Version


class Comparisons:
    def __init__(self, strategy: Strategy):
        self.strategy = strategy
        self._cache: dict[tuple[str, str | None], VersionComparison] = {}

    def has_changes(self, version: Version) -> bool:
        """Versions compared with their base: all but the first and popular ones."""
        return (
            version.based_on is not None
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
            self._cache[key] = compare_with_based_on(self.strategy, version, lang)
        return self._cache[key]
