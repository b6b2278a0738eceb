"""A version's PDFs, linked from its first page with their pages and size; or, in a live
preview, which makes none, the reason there are none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import urls
from ..model import Strategy, Version
from .flavour import Flavour
from .render import PageContext
from .templating import Fragments
from .texts import format_size, t


@dataclass(frozen=True)
class PrintedFile:
    """A PDF the build made of a version."""

    path: str  # language-independent site path: "beslutad/beslutad.pdf"
    pages: int
    size: int  # bytes
    base: Version | None = None  # a changes edition: the version whose changes it shows


def downloads(
    strategy: Strategy,
    lang: str,
    version: Version,
    today: date,
    files: list[PrintedFile] | None,
    *,
    flavour: Flavour,
    fragments: Fragments,
) -> str:
    """The links to `files` (None: a preview, which says that it makes no PDFs; none
    made, as in a `--dirty` build that rendered only some pages: nothing)."""
    if files is not None and not files:
        return ""
    ctx = PageContext(
        strategy, lang, urls.version_path(version.id), today, fragments=fragments, flavour=flavour
    )
    entries = []
    for file in files or []:
        pages = t(lang, f"pdf.pages.{'one' if file.pages == 1 else 'many'}", count=file.pages)
        size = format_size(file.size, lang)
        text = (
            t(lang, "pdf.changes", base=ctx.text(file.base.title), pages=pages, size=size)
            if file.base is not None
            else t(lang, "pdf.whole", pages=pages, size=size)
        )
        entries.append({"href": ctx.link(file.path), "text": text})
    return str(ctx.fragment("downloads.html", files=entries, preview=files is None))
