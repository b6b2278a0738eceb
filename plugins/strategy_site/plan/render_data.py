"""The open data page: what the files are, how big, under which licence.

The files themselves are made by `export/`; this page lists the ones the site writes,
with their real sizes, so that it cannot describe a file that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal

from .. import urls
from .markdown_text import markdown_text
from .render import PageContext
from .texts import BABEL_LOCALES, t


@dataclass(frozen=True)
class ListedFile:
    path: str  # site path, language-independent for shared files, e.g. "data/strategy.json"
    localized: bool  # a file of one language (the feed), linked in the page's language
    content_key: str  # the interface string that says what it holds
    format: str
    size: int  # bytes


def file_size(size: int, lang: str) -> str:
    """ "663,7 kB" in Swedish, "663.7 kB" in English: decimal units, as downloads show."""
    locale = BABEL_LOCALES.get(lang, lang).replace("-", "_")
    if size < 1000:
        return f"{size} B"
    value, unit = (size / 1000, "kB") if size < 1_000_000 else (size / 1_000_000, "MB")
    try:
        number = format_decimal(round(value, 1), format="#,##0.0", locale=locale)
    except ValueError:  # a language Babel does not know: the number as Python writes it
        number = f"{value:.1f}"
    return f"{number}\u00a0{unit}"


def open_data_page(ctx: PageContext, files: list[ListedFile], feed: str | None) -> str:
    """The page's Markdown below its title (`feed`: this language's feed's site path):
    headings in Markdown, for the table of contents; each part from the partial."""
    strategy, lang = ctx.strategy, ctx.lang
    licence = strategy.licence
    source = strategy.source_language
    page = urls.localized(ctx.path, lang, source)

    def href(path: str, localized: bool) -> str:
        target = urls.localized(path, lang, source) if localized else path
        return urls.relative(page, target)

    listed = [
        {
            "name": file.path.rsplit("/", 1)[-1],
            "href": href(file.path, file.localized),
            "content": t(lang, file.content_key),
            "format": file.format,
            "size": file_size(file.size, lang),
        }
        for file in files
    ]
    values = {
        "licence": None
        if licence is None
        else {
            "name": ctx.text(licence.name),
            "href": licence.url,
            "note": ctx.text(licence.note) if licence.note else "",
        },
        "files": listed,
        "feed": href(feed, True) if feed else None,
        "built": ctx.today,
    }

    def part(name: str) -> str:
        return str(ctx.fragment("open-data.html", part=name, **values))

    body = [part("intro"), ""]
    for name, heading in [
        ("licence", "data.licence"),
        ("files", "data.files"),
        ("fields", "data.structure"),
        ("table", "data.csv_heading"),
    ] + ([("feed", "data.feed_heading")] if feed else []):
        body += [f"## {markdown_text(t(lang, heading))}", "", part(name), ""]
    return "\n".join(body)
