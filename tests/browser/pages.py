"""THE sample of pages the browser tests visit: every kind of page, in every language.

`sample_pages()` builds the one list. Most of it is found on its own, so that it grows
with the site:

- the start page of every language;
- every version's first page, from strategy.yml, in every language;
- sections of every version: the first one, the first subsection and the first with a
  table in the source language, and one of them in every other language;
- every other page directly under a language's root in the built site: the hand-written
  docs pages (om-webbplatsen, redaktorer, ...) and generated pages such as a
  translation status page;
- pages inside a version folder that are not sections (a changes overview, an inputs
  page) and pages inside a section folder (its highlighted changes): in every language,
  the first of each name, in reading order.

Kinds of page that cannot be found like that (search results, a section with a missing
or outdated translation, ...) go in EXTRA below.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import NamedTuple

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from strategy_site import urls
from strategy_site.content.loader import load_strategy
from strategy_site.model import Version


class SamplePage(NamedTuple):
    path: str  # from the site root, with leading and trailing slashes: "/remiss/"
    description: str
    kind: str = "page"  # start, version, section, docs, page, search, ...
    search: str | None = None  # a word to type into Material's search box once loaded

    @property
    def label(self) -> str:
        query = f" searching {self.search!r}" if self.search else ""
        return f"{self.path}{query} ({self.description})"


# Add kinds of page here that the rules in sample_pages() do not find by themselves.
EXTRA: list[SamplePage] = [
    SamplePage("/", "search results for a Swedish word, sv", "search", search="bioekonomi"),
    SamplePage("/en/", "search results for an English word, en", "search", search="bioeconomy"),
    SamplePage("/en/remiss/regionala-forutsattningar/", "missing translation, en", "missing"),
    SamplePage("/en/remiss/genomforande/", "outdated translation, en", "outdated"),
    SamplePage(
        "/en/remiss/genomforande/andringar/", "changes, translation outdated, en", "changes"
    ),
    SamplePage(
        "/beslutad/hallbar-energi/andringar/", "changes, text moved to another section", "changes"
    ),
    SamplePage(
        "/beslutad/jord-skog-och-vatten/andringar/", "changes, deleted headings, sv", "changes"
    ),
    SamplePage(
        "/en/beslutad/regionala-forutsattningar/andringar/",
        "changes with a cause note in a wide table row, en",
        "changes",
    ),
    SamplePage("/remiss/cirkular-bioekonomi/", "a split section: every successor, sv", "section"),
    SamplePage("/beslutad/styrkeomraden/", "a mapping figure, sv", "figures"),
    SamplePage("/en/beslutad/metod-och-process/", "a process figure, en", "figures"),
    SamplePage("/remiss/metod-och-process/andringar/", "a changed figure, sv", "figures"),
]


def sample_pages(project: Path, site: Path) -> list[SamplePage]:
    """The sample for the site built from `project` into `site`."""
    strategy = load_strategy(project / "strategy")
    source = strategy.source_language
    languages = [lang for lang in strategy.languages if (site / at("", lang, source)).is_dir()]
    found: list[SamplePage] = []

    for lang in languages:
        found.append(SamplePage("/" + at("", lang, source), f"start page, {lang}", "start"))
    for lang in languages:
        for version in strategy.versions.values():
            facts = f"{version.status}, {lang}"
            path = at(urls.version_path(version.id), lang, source)
            found.append(
                SamplePage("/" + path, f"first page of version {version.id}, {facts}", "version")
            )
            for section_id, why in _sections(version, site, lang, source, lang == source):
                path = at(urls.section_path(version.id, section_id), lang, source)
                found.append(
                    SamplePage("/" + path, f"{why} of version {version.id}, {facts}", "section")
                )
    docs = project / "docs"
    for lang in languages:
        root = site / at("", lang, source)
        for folder in sorted(root.iterdir()):
            if folder.name in strategy.versions or folder.name in strategy.languages:
                continue
            if not (folder / "index.html").is_file():
                continue
            handwritten = any(docs.glob(f"{folder.name}.*md")) or (docs / folder.name).is_dir()
            kind = "docs" if handwritten else "page"
            what = "hand-written page" if handwritten else "page"
            found.append(
                SamplePage(f"/{at(folder.name + '/', lang, source)}", f"{what}, {lang}", kind)
            )

    for lang in languages:
        seen: set[tuple[str, str]] = set()
        for version in strategy.versions.values():
            version_path = urls.version_path(version.id)
            for name in _subpages(site / at(version_path, lang, source), set(version.sections)):
                if ("version", name) not in seen:
                    seen.add(("version", name))
                    found.append(
                        SamplePage(
                            f"/{at(version_path + name + '/', lang, source)}",
                            f"the {name!r} page of version {version.id}, {lang}",
                            "version-page",
                        )
                    )
            for section in version.sections.values():
                section_path = urls.section_path(version.id, section.id)
                for name in _subpages(site / at(section_path, lang, source), set()):
                    if ("section", name) not in seen:
                        seen.add(("section", name))
                        found.append(
                            SamplePage(
                                f"/{at(section_path + name + '/', lang, source)}",
                                f"the {name!r} page of section {version.id}/{section.id}, {lang}",
                                "section-page",
                            )
                        )

    unique: dict[tuple[str, str | None], SamplePage] = {}
    for page in found + EXTRA:
        unique.setdefault((page.path, page.search), page)
    return list(unique.values())


KIND = re.compile(r'<div class="st-page[^"]*" data-st-kind="([a-z-]+)"')


def site_pages(site: Path) -> list[SamplePage]:
    """EVERY page of the built site that carries the site's own markup (each generated
    page says its kind in `data-st-kind`), found by walking `site`: new kinds of page
    are covered as soon as the site has them. Plus each language's 404 page, at an
    address that does not exist."""
    found = []
    for file in sorted(site.rglob("index.html")):
        match = KIND.search(file.read_text(encoding="utf-8"))
        if match is None:
            continue
        folder = file.parent.relative_to(site).as_posix()
        path = "/" if folder == "." else f"/{folder}/"
        found.append(SamplePage(path, f"{match[1]}, {page_language(site, path)}", match[1]))
    for page in sorted(site.rglob("404.html")):
        folder = page.parent.relative_to(site).as_posix()
        prefix = "/" if folder == "." else f"/{folder}/"
        found.append(SamplePage(f"{prefix}finns-inte/", f"404 page of {prefix}", "404"))
    return found


def at(path: str, lang: str, source: str) -> str:
    return urls.localized(path, lang, source)


def _subpages(folder: Path, sections: set[str]) -> list[str]:
    """The names of the pages in subfolders of `folder`, other than `sections`."""
    if not folder.is_dir():
        return []
    return [
        sub.name
        for sub in sorted(folder.iterdir())
        if sub.name not in sections and (sub / "index.html").is_file()
    ]


def _sections(
    version: Version, site: Path, lang: str, source: str, all_kinds: bool
) -> list[tuple[str, str]]:
    """(section id, why) for the sections of `version` to visit."""
    sections = list(version.sections.values())
    if not sections:
        return []
    chosen = {sections[0].id: "the first section"}
    nested = next((s.id for s in sections if s.parent is not None), None)
    if nested is not None:
        chosen.setdefault(nested, "the first subsection")
    if not all_kinds:
        return [next(reversed(chosen.items()))]
    for section in sections:
        page = site / at(urls.section_path(version.id, section.id), lang, source) / "index.html"
        if page.is_file() and "<table" in page.read_text(encoding="utf-8"):
            chosen.setdefault(section.id, "the first section with a table")
            break
    return list(chosen.items())


def page_language(site: Path, path: str) -> str:
    """The `lang` of the built page at site path `path` (a file, or a folder's index)."""
    file = site / path.lstrip("/")
    if not file.is_file():
        file = file / "index.html"
    html = file.read_text(encoding="utf-8")
    found = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", html)
    return found.group(1) if found else ""


def first_of_each_kind(site: Path, sample: list[SamplePage]) -> list[SamplePage]:
    """The first sample page (search results left out) of every kind in every language:
    for checks of what is the same on every page but for what it holds (a selector, the
    print stylesheet), where every page's markup is checked by axe and vnu anyway."""
    firsts: dict[tuple[str, str], SamplePage] = {}
    for entry in sample:
        if not entry.search:
            firsts.setdefault((entry.kind, page_language(site, entry.path)), entry)
    return list(firsts.values())


def visit(page: Page, sample: SamplePage, *, settle: bool = False) -> None:
    """Load the sample page (and show its search results).

    `settle`: then wait until the network is idle, scroll to the bottom so that anything
    lazy loads, and wait until no request has been in flight for a short while more."""
    finish_visit(page, sample, start_visit(page, sample, settle=settle))


def start_visit(page: Page, sample: SamplePage, *, settle: bool = False) -> _InFlight | None:
    """The first half of `visit`: the page starts loading; `finish_visit` waits for it,
    so that several tabs can load side by side. What `finish_visit` needs to settle."""
    requests = _InFlight(page) if settle else None
    try:
        page.goto(sample.path, wait_until="commit")
    except BaseException:
        if requests is not None:
            requests.detach()
        raise
    return requests


def finish_visit(page: Page, sample: SamplePage, requests: _InFlight | None) -> None:
    try:
        page.wait_for_load_state("load")
        if sample.search:
            show_search_results(page, sample.search)
        if requests is not None:
            page.wait_for_load_state("networkidle")
            page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
            requests.wait_until_quiet(quiet_ms=300)
    finally:
        if requests is not None:
            requests.detach()


class _InFlight:
    """Counts the page's requests in flight, and when the last one started or ended."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0
        self.last = time.monotonic()
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, _request: object) -> None:
        self.count += 1
        self.last = time.monotonic()

    def _end(self, _request: object) -> None:
        self.count = max(0, self.count - 1)
        self.last = time.monotonic()

    def wait_until_quiet(self, quiet_ms: int, timeout_ms: int = 10_000) -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            if self.count == 0 and time.monotonic() - self.last >= quiet_ms / 1000:
                return
            self.page.wait_for_timeout(50)  # lets Playwright deliver the page's events

    def detach(self) -> None:
        self.page.remove_listener("request", self._start)
        self.page.remove_listener("requestfinished", self._end)
        self.page.remove_listener("requestfailed", self._end)


def wait_until(page: Page, expression: str, arg: object = None, timeout_ms: int = 5_000) -> None:
    """Poll `expression` (a JavaScript function of `arg`) until it is true.

    Playwright's `wait_for_function` compiles its predicate with eval inside the page,
    which the site's Content-Security-Policy forbids; `evaluate` goes through the
    browser's debugging protocol, which the policy does not govern."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise PlaywrightTimeoutError(f"{expression} stayed false for {timeout_ms} ms")
        page.wait_for_timeout(50)


def settle_animations(page: Page) -> None:
    """Wait until no CSS transition or animation is running: colours and layout as they
    stay, not half-way through a fade (axe would measure a half-faded contrast)."""
    wait_until(page, "() => document.getAnimations().every(a => a.playState !== 'running')")


def show_search_results(page: Page, word: str) -> None:
    """Type `word` into Material's search box, key by key as a person does (Material
    reacts to key events, not to a filled-in value), and wait until results are listed.
    A word typed before the search worker is ready is typed again."""
    opener = page.locator("label.md-header__button[for='__search']")
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item").first
    if opener.is_visible():  # a small screen: the box opens from the header's icon
        opener.click()
    else:
        box.click()
    for _ in range(5):
        box.fill("")
        box.press_sequentially(word)
        try:
            results.wait_for(state="visible", timeout=2_000)
        except PlaywrightTimeoutError:
            continue
        settle_animations(page)  # the results fade in
        return
    raise AssertionError(f"{page.url}: Material's search lists no result for {word!r}")
