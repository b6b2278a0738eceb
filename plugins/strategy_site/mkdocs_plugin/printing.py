"""The PDFs of a language's build: the rendered text of its section and changes pages,
collected as MkDocs renders them, made into one document per version and edition once
every page of the language is rendered (on_env), written into the site, and linked from
each version's first page.

mkdocs-static-i18n builds each language in a build of its own, so this runs once per
language, into that language's folder of the site (the English under /en/).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
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
from ..publish.pdf import STYLESHEET, Pdf, PdfError, render_pdf
from ..publish.print_document import (
    Edition,
    MissingPages,
    PrintDocument,
    PrintedPage,
    print_document,
)

log = get_plugin_logger(__name__)

PRINT_STYLESHEET = Path(__file__).parent / "templates" / "assets" / "strategy" / "print.css"
STYLESHEETS = [PRINT_STYLESHEET, STYLESHEET]  # the site's print rules, then the PDF's own
PRINTED_KINDS = (SECTION, CHANGES, OVERVIEW)


@dataclass
class PrintRun:
    """One language's build: what was rendered, and what it cost."""

    lang: str
    pages: dict[tuple[str, str], dict[str, PrintedPage]] = field(default_factory=dict)
    overviews: dict[str, PrintedPage] = field(default_factory=dict)
    seconds: float = 0.0  # spent making PDFs
    cpu_seconds: float = 0.0  # of the processor's time (the machine may be busy)
    pdf_pages: int = 0

    def add_cost(self, pdf_pages: int, seconds: float, cpu_seconds: float) -> None:
        self.pdf_pages += pdf_pages
        self.seconds += seconds
        self.cpu_seconds += cpu_seconds

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
    started, cpu_started = time.perf_counter(), _cpu_time()
    created = build_time()
    documents: list[tuple[Edition, PrintDocument]] = []
    for version in strategy.versions.values():
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
            documents.append((edition, document))
    made: dict[str, list[PrintedFile]] = {version: [] for version in strategy.versions}
    pdf_pages = 0
    for (edition, _), pdf in zip(documents, _render_all([d for _, d in documents]), strict=True):
        address = _address(edition, strategy)
        if isinstance(pdf, PdfError):
            raise PluginError(f"strategy: the PDF /{address} could not be made: {pdf}")
        for warning in dict.fromkeys(pdf.warnings):
            log.warning(f"/{address}: WeasyPrint: {warning}")
        target = site_dir / address
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(target, pdf.data)
        made[edition.version.id].append(
            PrintedFile(edition.path, pdf.pages, len(pdf.data), edition.base)
        )
        pdf_pages += pdf.pages
    run.add_cost(pdf_pages, time.perf_counter() - started, _cpu_time() - cpu_started)
    return made


def _render_all(documents: list[PrintDocument]) -> list[Pdf | PdfError]:
    """Every document's PDF, on as many processors as there are (each document on its
    own: WeasyPrint is Python, one processor per process); in order."""
    workers = min(os.cpu_count() or 1, len(documents))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_render(document) for document in documents]
    context = multiprocessing.get_context("fork")  # the build's modules, loaded already
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_render, documents))


def _render(document: PrintDocument) -> Pdf | PdfError:
    try:
        return render_pdf(document, STYLESHEETS)
    except PdfError as error:
        return error


def _cpu_time() -> float:
    """Processor time of this process and of its finished children (the renderers)."""
    try:
        import resource  # not on Windows, which has no fork either
    except ImportError:
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


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


def pdf_links(
    planned: list[PlannedPage],
    strategy: Strategy,
    lang: str,
    today: date,
    made: dict[str, list[PrintedFile]] | None,
    *,
    flavour: Flavour,
    fragments: Fragments,
) -> dict[str, str]:
    """For each version's first page (by source URI), the HTML that links its PDFs
    (`made` None: a preview, which says it makes none)."""
    links = {}
    for page in planned:
        if page.kind != VERSION or page.version is None:
            continue
        version = strategy.versions[page.version]
        files = None if made is None else made.get(version.id, [])
        try:
            links[page.source_uri] = downloads(
                strategy, lang, version, today, files, flavour=flavour, fragments=fragments
            )
        except TemplateProblem as problem:
            raise PluginError(f"strategy: {problem}") from None
    return links
