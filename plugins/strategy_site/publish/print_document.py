"""One printable HTML document per version, language and edition, from its rendered pages.

The document is what a registrar files: a title page (the strategy, the version, its
status and date, with the marks of a planned or approximate date, its decision and
reference number), a table of contents, and every section with the numbers, paragraph
numbers, footnotes and figures of the site, because it is made of the very HTML the
site shows. A changes edition is made of the changes views instead, with the overview
of what changed first.

Everything the content says reaches the document through autoescaping templates (the
section text as the sanitised HTML of the site); the document embeds no file that is
not one of the version's own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import urls
from ..model import CONSULTATION, POPULAR, Section, Strategy, Version
from ..plan.flavour import Flavour
from ..plan.render import (
    PageContext,
    consultation_notice,
    partial_helpers,
    section_title,
)
from ..plan.templating import PACKAGE_TEMPLATES, Fragments
from ..plan.texts import format_date, t
from .rewrite import Placement, page_ids, rewrite

TEMPLATES = Path(__file__).parent / "templates"
TITLE_ID = "st-title"
CONTENTS_ID = "st-contents"
OVERVIEW_ID = "st-overview"  # section anchors are "s-<id>": "st-" cannot be one


def section_anchor(section_id: str) -> str:
    return f"s-{section_id}"


@dataclass(frozen=True)
class PrintedPage:
    """A page of the site as the engine rendered it, for a printed document."""

    path: str  # language-independent site path: "v2/skog/", "v2/skog/andringar/"
    html: str  # the page's text as the site shows it (sanitised), its title included
    before: str = ""  # what the plan prints above it (PlannedPage.print_before)
    after: str = ""  # and below it
    text_lang: str = ""  # the text's language, when it is not the document's


@dataclass(frozen=True)
class Edition:
    """Which document: a version in a language, or its changes since `base`."""

    version: Version
    lang: str
    base: Version | None = None

    @property
    def path(self) -> str:
        return urls.pdf_path(self.version.id, changes=self.base is not None)


@dataclass(frozen=True)
class PrintDocument:
    html: str
    title: str
    lang: str
    files: frozenset[Path] = field(default_factory=frozenset)  # what it may embed
    style: str = ""  # CSS of this document's own (its language's word for "page")


class MissingPages(Exception):
    """Not every section of the version was rendered (a partial preview build)."""


def print_document(
    strategy: Strategy,
    edition: Edition,
    pages: Mapping[str, PrintedPage],
    *,
    overview: PrintedPage | None = None,
    site_url: str = "",
    notice: str = "",
    created: datetime,
    today: date,
    flavour: Flavour,
    fragments: Fragments,
) -> PrintDocument:
    """The document of `edition`, from its sections' rendered `pages` (by section id)
    and, for a changes edition, the version's `overview` of its changes."""
    version, lang, base = edition.version, edition.lang, edition.base
    missing = [s for s in version.sections if s not in pages]
    if missing:
        raise MissingPages(", ".join(missing))
    source = strategy.source_language
    site_url = site_url.rstrip("/") + "/" if site_url else ""

    anchors = {urls.localized(urls.version_path(version.id), lang, source): CONTENTS_ID}
    for section_id in version.sections:
        anchors[urls.localized(urls.section_path(version.id, section_id), lang, source)] = (
            section_anchor(section_id)
        )
        if base is not None:
            changes = urls.section_changes_path(version.id, section_id)
            anchors[urls.localized(changes, lang, source)] = section_anchor(section_id)
    if overview is not None:
        anchors[urls.localized(urls.version_changes_path(version.id), lang, source)] = OVERVIEW_ID
    version_files = {
        urls.localized(f"{version.id}/{asset}", lang, source): version.path / asset
        for asset in version.assets
    }
    placement = Placement(anchors, site_url, embedded=version_files.get)

    placed: list[tuple[str, PrintedPage]] = [
        (section_anchor(s), pages[s]) for s in version.sections
    ]
    if overview is not None:
        placed.append((OVERVIEW_ID, overview))
    for anchor, page in placed:
        placement.ids.update(
            f"{anchor}.{i}" for i in page_ids(page.before + page.html + page.after)
        )

    files: set[Path] = set()

    def body(anchor: str, page: PrintedPage, depth: int) -> dict[str, Any]:
        path = urls.localized(page.path, lang, source)
        parts = {}
        text = labels_before_marks(page.html)
        for name, html, drop in (("before", page.before, False), ("text", text, True)):
            done = rewrite(html, path, anchor, placement, shift=depth, drop_title=drop)
            files.update(done.files)
            parts[name] = Markup(done.html)
        after = rewrite(page.after, path, anchor, placement, shift=depth)
        files.update(after.files)
        return parts | {"after": Markup(after.html), "text_lang": page.text_lang}

    def entry(section: Section) -> dict[str, Any]:
        translation = section.translations.get(lang) if lang != source else None
        return {
            "anchor": section_anchor(section.id),
            "title": section_title(strategy, version, section.id, lang),
            "title_lang": "" if lang == source or translation is not None else source,
            "level": min(6, section.depth + 1),
            **body(section_anchor(section.id), pages[section.id], section.depth),
            "children": [entry(version.sections[child]) for child in section.children],
        }

    entries = []
    if overview is not None and base is not None:
        entries.append(
            {
                "anchor": OVERVIEW_ID,
                "title": t(lang, "changes.overview", base=strategy.text(base.title, lang)),
                "title_lang": "",
                "level": 2,
                **body(OVERVIEW_ID, overview, 1),
                "children": [],
            }
        )
    entries += [entry(section) for section in version.top_level]

    title_text = strategy.text(strategy.title, lang)
    name = strategy.text(version.title, lang)
    heading, lead = (title_text, name) if version.status == POPULAR else (name, title_text)
    document_title = f"{name} – {title_text}"
    if base is not None:
        document_title += " – " + t(
            lang, "pdf.changes_edition", base=strategy.text(base.title, lang)
        )
    ctx = PageContext(
        strategy,
        lang,
        urls.version_path(version.id),
        today,
        fragments=fragments,
        flavour=flavour,
    )
    front = urls.localized(urls.version_path(version.id), lang, source)
    address = site_url + front
    values = {
        "version": version,
        "base": base,
        "heading": heading,
        "lead": lead,
        "document_title": document_title,
        "publisher": strategy.text(strategy.publisher, lang) if strategy.publisher else "",
        "decision": ctx.fragment("decision.html", decision=version.decision)
        if version.decision is not None
        else Markup(""),
        # Its links (to the outcome page) are the site's: absolute, like every other.
        "consultation": Markup(
            rewrite(_consultation(ctx, version), front, TITLE_ID, placement).html
        ),
        "notice": notice,
        "address": address if site_url else "",
        "made": format_date(today, lang),
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "entries": entries,
        "ids": {"title": TITLE_ID, "contents": CONTENTS_ID},
    }
    environment = _environment(fragments)
    template = environment.get_template("print-document.html")
    html = template.render(partial_helpers(strategy, lang, flavour) | values)
    # A link to another section says on which page it is: "(s. 12)".
    word = css_string(t(lang, "pdf.page"))
    style = f'.st-xref::after {{ content: " (" {word} " " target-counter(attr(href), page) ")" }}'
    return PrintDocument(html, document_title, lang, frozenset(files), style)


# A change's label for screen readers, first in its mark: `<del><span class="sr-only">
# Borttaget: </span>...` (derive/diff/labels.py, as the sanitiser writes it back).
MARK_LABEL = re.compile(r'<(ins|del)><span class="sr-only">([^<>]*)</span>')


def labels_before_marks(html: str) -> str:
    """Each change's label printed before its mark rather than inside it: a label inside
    would be struck through or underlined with the text, and keeping it clear inside
    (an inline block) costs WeasyPrint a fifth of a changes edition's time."""
    return MARK_LABEL.sub(
        lambda m: f'<span class="st-change-label">{m[2].strip()}</span> <{m[1]}>', html
    )


def css_string(text: str) -> str:
    """`text` as a quoted CSS string, every character but letters and digits escaped."""
    return '"' + "".join(c if c.isalnum() else f"\\{ord(c):x} " for c in text) + '"'


def _consultation(ctx: PageContext, version: Version) -> str:
    if version.status != CONSULTATION or version.consultation is None:
        return ""
    return str(consultation_notice(ctx, version))


def _environment(fragments: Fragments) -> Environment:
    """The document's template, with the page plan's macros (a region's first)."""
    return Environment(
        loader=FileSystemLoader([TEMPLATES, *fragments.folders, PACKAGE_TEMPLATES]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
