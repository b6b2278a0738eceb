"""A printable document as a PDF, made by WeasyPrint: the one module that knows it.

The file is PDF/A-3a, WeasyPrint's archival variant with the tagged structure (headings,
lists, tables, figures with their titles as alternative text, links) and the document
language that the "a" level asks for, and it carries PDF/UA-1's identification as well:
WeasyPrint makes either variant but not both, and its PDF/UA-1 adds nothing to a tagged
PDF/A-3a but that line in the metadata, which the finisher below writes. Fonts are
embedded (subsets of Debian's Liberation and DejaVu fonts, named in the stylesheet).

The same document gives the same bytes: WeasyPrint takes its dates from the document
(the build's time, from SOURCE_DATE_EPOCH when set) and its file identifier from a hash
of the content. It reads nothing from the network and no file but the stylesheets and
the few files the document embeds.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .print_document import PrintDocument

STYLESHEET = Path(__file__).parent / "pdf.css"  # the page; print.css comes before it
VARIANT = "pdf/a-3a"
UA_IDENTIFICATION = (
    b'<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
    b"<pdfuaid:part>1</pdfuaid:part></rdf:Description>"
)
INSTALL_HINT = (
    "WeasyPrint needs Debian's libpango-1.0-0 and libpangoft2-1.0-0 and a font "
    "(fonts-liberation, fonts-dejavu-core); scripts/build installs them. To build the site "
    "without PDFs, set 'pdf: false' under the strategy plugin in mkdocs.yml."
)


class PdfError(Exception):
    """The PDF could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)  # what WeasyPrint said about it


def render_pdf(document: PrintDocument, stylesheets: Sequence[Path]) -> Pdf:
    """The PDF of `document`, laid out with `stylesheets` (and the document's own style)."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: a native library is missing
        raise PdfError(f"WeasyPrint cannot start ({error}). {INSTALL_HINT}") from None
    try:
        with _captured_warnings() as warnings:
            css = [weasyprint.CSS(string=path.read_text(encoding="utf-8")) for path in stylesheets]
            css.append(weasyprint.CSS(string=document.style))
            html = weasyprint.HTML(string=document.html, url_fetcher=_fetcher(document.files))
            laid_out = html.render(stylesheets=css)
            data = laid_out.write_pdf(pdf_variant=VARIANT, finisher=_identify_as_ua)
    except PdfError:
        raise
    except Exception as error:  # the engine's own failure: said in one line, not a traceback
        raise PdfError(f"WeasyPrint failed: {type(error).__name__}: {error}") from None
    if not isinstance(data, bytes):
        raise PdfError("WeasyPrint returned no PDF")
    return Pdf(data, len(laid_out.pages), warnings)


def _identify_as_ua(document: Any, pdf: Any) -> None:
    """Add PDF/UA-1's identification to the XMP metadata WeasyPrint wrote for PDF/A."""
    reference = pdf.catalog.get("Metadata", b"")  # "12 0 R", as bytes
    reference = reference.decode("ascii") if isinstance(reference, bytes) else str(reference)
    number = int(reference.split()[0]) if reference[:1].isdigit() else -1
    stream = pdf.objects[number] if 0 <= number < len(pdf.objects) else None
    content = b"".join(getattr(stream, "stream", None) or [])
    if stream is None or b"</rdf:RDF>" not in content:
        raise PdfError("the PDF/A metadata that the PDF/UA identification belongs in is missing")
    stream.stream = [content.replace(b"</rdf:RDF>", UA_IDENTIFICATION + b"</rdf:RDF>", 1)]


def _fetcher(allowed: frozenset[Path]) -> Any:
    """A URL fetcher that reads only the files the document embeds: never the network."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    files = {path.resolve(): path for path in allowed}

    class LocalFiles(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type information
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or path not in files:
                raise ValueError(f"not a file of the document: {url[:200]}")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

    return LocalFiles()


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings and errors, collected for the build to report."""
    found: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(logging.WARNING)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
