"""The PDFs of a language's build: the rendered text of its section and changes pages,
collected as MkDocs renders them, made into one document per version and edition once
every page of the language is rendered (on_env), written into the site, and linked from
each version's first page.

mkdocs-static-i18n builds each language in a build of its own, so this runs once per
language, into that language's folder of the site (the English under /en/).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .. import urls
from ..clock import build_time
from ..derive.comparisons import Comparisons
from ..files import write_bytes_atomically
from ..model import Strategy, Version
from ..plan.flavour import Flavour
from ..plan.pages import CHANGES, OVERVIEW, SECTION, VERSION, PlannedPage
from ..plan.render_downloads import PrintedFile, downloads
from ..plan.templating import Fragments, TemplateProblem
from ..publish.pdf import STYLESHEET, PdfError, render_pdf
from ..publish.print_document import Edition, MissingPages, PrintedPage, print_document

log = get_plugin_logger(__name__)

PRINT_STYLESHEET = Path(__file__).parent / "templates" / "assets" / "strategy" / "print.css"
PRINTED_KINDS = (SECTION, CHANGES, OVERVIEW)


@dataclass
class PrintRun:
    """One language's build: what was rendered, and what it cost."""

    lang: str
    pages: dict[tuple[str, str], dict[str, PrintedPage]] = field(default_factory=dict)
    overviews: dict[str, PrintedPage] = field(default_factory=dict)
    seconds: float = 0.0  # spent making PDFs
    pdf_pages: int = 0

    def collect(self, planned: PlannedPage, html: str) -> None:
        """Keep a rendered page that a printed edition is made of."""
        if planned.kind not in PRINTED_KINDS or planned.version is None:
            return
        page = PrintedPage(
            planned.path, html, planned.print_before, planned.print_after, planned.text_lang
        )
        if planned.kind == OVERVIEW:
            self.overviews[planned.version] = page
        elif planned.section is not None:
            self.pages.setdefault((planned.version, planned.kind), {})[planned.section] = page


def make_pdfs(
    run: PrintRun,
    strategy: Strategy,
    comparisons: Comparisons,
    site_dir: Path,
    *,
    site_url: str,
    notice: str,
    today: date,
    flavour: Flavour,
    fragments: Fragments,
) -> dict[str, list[PrintedFile]]:
    """Every version's PDFs in `run.lang`, written into the site at `site_dir` (under the
    language's folder, as its pages are); by version id, the files made."""
    started = time.perf_counter()
    made: dict[str, list[PrintedFile]] = {}
    created = build_time()
    for version in strategy.versions.values():
        made[version.id] = []
        for edition in _editions(strategy, comparisons, version, run.lang):
            kind = SECTION if edition.base is None else CHANGES
            try:
                document = print_document(
                    strategy,
                    edition,
                    run.pages.get((version.id, kind), {}),
                    overview=run.overviews.get(version.id) if edition.base else None,
                    site_url=site_url,
                    notice=notice,
                    created=created,
                    today=today,
                    flavour=flavour,
                    fragments=fragments,
                )
            except MissingPages as missing:
                log.info(f"/{edition.path}: not made, pages not rendered: {missing}")
                continue
            except TemplateProblem as problem:
                raise PluginError(f"strategy: {problem}") from None
            try:
                pdf = render_pdf(document, [PRINT_STYLESHEET, STYLESHEET])
            except PdfError as error:
                raise PluginError(
                    f"strategy: the PDF /{_address(edition, strategy)} could not be made: {error}"
                ) from None
            for warning in dict.fromkeys(pdf.warnings):
                log.warning(f"/{_address(edition, strategy)}: WeasyPrint: {warning}")
            target = site_dir / _address(edition, strategy)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(target, pdf.data)
            made[version.id].append(
                PrintedFile(edition.path, pdf.pages, len(pdf.data), edition.base)
            )
            run.pdf_pages += pdf.pages
    run.seconds += time.perf_counter() - started
    return made


def _editions(
    strategy: Strategy, comparisons: Comparisons, version: Version, lang: str
) -> list[Edition]:
    editions = [Edition(version, lang)]
    base = strategy.based_on(version)
    if base is not None and comparisons.has_changes(version):
        editions.append(Edition(version, lang, base))
    return editions


def _address(edition: Edition, strategy: Strategy) -> str:
    return urls.localized(edition.path, edition.lang, strategy.source_language)


def link_pdfs(
    planned: list[PlannedPage],
    strategy: Strategy,
    lang: str,
    today: date,
    made: dict[str, list[PrintedFile]] | None,
    *,
    flavour: Flavour,
    fragments: Fragments,
) -> None:
    """Each version's first page links its PDFs (`made` None: a preview, which says it
    makes none)."""
    for page in planned:
        if page.kind != VERSION or page.version is None:
            continue
        version = strategy.versions[page.version]
        files = None if made is None else made.get(version.id, [])
        try:
            page.before_html += downloads(
                strategy, lang, version, today, files, flavour=flavour, fragments=fragments
            )
        except TemplateProblem as problem:
            raise PluginError(f"strategy: {problem}") from None
