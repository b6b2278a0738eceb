"""Every internal link and fragment of a built site, checked against its files. No browser.

Links are `a[href]`, `link[href]`, `script[src]` and `img[src]`, resolved against the page's
own URL as the site is published (its `site_url`), with directory URLs mapped to their
index.html. A fragment must name an element id (or an `<a name>`) in the target page.
Links to other hosts, mailto: and the like are not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

LINKS = {"a": "href", "link": "href", "script": "src", "img": "src"}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page's file, relative to the site: "remiss/index.html"
    element: str  # "a href", "img src", ...
    link: str  # as written in the page
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: <{self.element}={self.link!r}>: {self.problem}"


class _Page(HTMLParser):
    """The ids (and `<a name>`s) of one page and the links it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # element, attribute, value
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "base" and "href" in values and self.base is None:
            self.base = values["href"]
        attr = LINKS.get(tag)
        if attr is not None and attr in values:
            self.links.append((tag, attr, values[attr]))

    handle_startendtag = handle_starttag


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def page_url(site: Path, file: Path, site_url: str) -> str:
    relative = file.relative_to(site).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return site_url + relative


def check_links(site: Path, site_url: str) -> list[BrokenLink]:
    """Every broken internal link in every HTML page of `site`, published at `site_url`."""
    _parse.cache_clear()
    root = urlsplit(site_url)
    broken = []
    for file in sorted(site.rglob("*.html")):
        page = _parse(file)
        here = page_url(site, file, site_url)
        base = urljoin(here, page.base) if page.base else here
        for tag, attr, value in page.links:
            problem = _problem(site, root, value.strip(), urljoin(base, value.strip()))
            if problem:
                broken.append(
                    BrokenLink(file.relative_to(site).as_posix(), f"{tag} {attr}", value, problem)
                )
    return broken


def _problem(site: Path, root: SplitResult, written: str, url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != root.netloc:
        return None  # another host, mailto:, data: ...: not ours to check
    if not parts.path.startswith(root.path):
        if urlsplit(written).netloc:
            return None  # a full URL of another site on the same host
        return f"leaves the site: resolves to {parts.path}, outside {root.path}"
    relative = unquote(parts.path[len(root.path) :])
    target = site / relative
    if relative in ("", ".") or relative.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"no such file: {target.relative_to(site).as_posix()}"
    fragment = unquote(parts.fragment)
    checkable = fragment and target.suffix == ".html" and fragment.lower() != "top"
    if checkable and fragment not in _parse(target).ids:
        return f"no id {fragment!r} in {target.relative_to(site).as_posix()}"
    return None


def report(broken: list[BrokenLink]) -> str:
    pages = len({b.page for b in broken})
    return "\n".join([f"{len(broken)} broken internal links on {pages} pages:", *map(str, broken)])
