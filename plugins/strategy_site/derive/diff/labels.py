"""The words a screen reader says before a change, and the mark that carries them."""

from __future__ import annotations

import html
from dataclasses import dataclass

INS = "ins"
DEL = "del"


@dataclass(frozen=True)
class DiffLabels:
    """Words a screen reader says before a change; the marks themselves are silent."""

    inserted: str = "Added:"
    deleted: str = "Removed:"

    @classmethod
    def for_language(cls, lang: str) -> DiffLabels:
        if lang == "sv":
            return cls("Tillagt:", "Borttaget:")
        return cls()


def mark(tag: str, label: str, content: str) -> str:
    """One <ins>/<del> with its screen-reader label (escaped; `content` is Markdown)."""
    span = f'<span class="sr-only">{html.escape(label)} </span>' if label else ""
    return f"<{tag}>{span}{content}</{tag}>"
