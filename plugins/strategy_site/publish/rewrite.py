"""One page's HTML made part of a longer document: ids that cannot collide, links that
work on paper and in a PDF.

A section page's ids (`p3`, `fn:1`, a heading's slug) are unique within the page only:
in a document of every section they take the section's prefix, and so do the links to
them. A link to another page of the same document becomes a link within it; a link to
any other page of the site becomes an absolute address on the site, since a PDF has no
"here" to be relative to. The HTML comes from the site's own renderer and sanitiser;
the rewriting keeps every tag it does not need to change byte for byte.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ID_LISTS = ("aria-labelledby", "aria-describedby")  # attributes that name ids
HEADING = re.compile(r"h[1-6]")
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
XREF_CLASS = "st-xref"  # a link to another section of the document: gets a page number
# A figure's text on a dark mark (a step's number): the site's stylesheet colours it to
# follow the colour scheme, but WeasyPrint reads an SVG's colours from attributes only,
# so on paper it is made white by attribute (the site's SVG keeps no fixed colour).
ON_FILL_CLASS = "st-fig__on-fill"


@dataclass
class Placement:
    """Where the pages of one document are, for the links between them."""

    anchors: dict[str, str]  # a page's site path ("en/v2/skog/") -> its anchor in the document
    site_url: str  # the site's address, ending in "/", or "" when it has none
    # The file behind an embedded file's site path ("v2/karta.png"), if it may be embedded.
    embedded: Callable[[str], Path | None] = lambda path: None
    ids: set[str] = field(default_factory=set)  # every id of the document, once rewritten


@dataclass
class Rewritten:
    html: str
    files: set[Path]  # files the HTML embeds (images), which the renderer may read
    title_id: str | None  # the id of the heading that was dropped


def prefixed(anchor: str, page_id: str) -> str:
    """The id in the document of `page_id` on the page placed at `anchor`: "s-skog.p3"
    (a dot, which no section id has, so that no two pages' ids can meet)."""
    return f"{anchor}.{page_id}"


def page_ids(html: str) -> list[str]:
    """The ids a page's HTML defines."""
    collector = _Ids()
    collector.feed(html)
    collector.close()
    return collector.ids


def rewrite(
    html: str,
    page_path: str,
    anchor: str,
    placement: Placement,
    *,
    shift: int = 0,
    drop_title: bool = False,
) -> Rewritten:
    """`html` of the page at site path `page_path` ("en/v2/skog/"), placed in the
    document at `anchor` ("s-skog"): its ids prefixed with the anchor ("s-skog.p3"), its
    links resolved by `placement`, its headings `shift` levels down (at most h6) and,
    with `drop_title`, its first h1 left out."""
    rewriter = _Rewriter(page_path, anchor, placement, shift, drop_title)
    rewriter.feed(html)
    rewriter.close()
    return Rewritten("".join(rewriter.out), rewriter.files, rewriter.title_id)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


class _Rewriter(HTMLParser):
    def __init__(
        self, page_path: str, anchor: str, placement: Placement, shift: int, drop_title: bool
    ) -> None:
        super().__init__(convert_charrefs=False)  # text passes through as written
        self.page_path = page_path
        self.anchor = anchor
        self.prefix = prefixed(anchor, "")
        self.placement = placement
        self.shift = shift
        self.drop_title = drop_title
        self.skipping = False
        self.title_id: str | None = None
        self.xref = False  # the tag being rewritten links to another section
        self.out: list[str] = []
        self.files: set[Path] = set()

    # -- tags ----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping = tag != "h1"
            return
        self.out.append(f"</{self._name(tag)}>")

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if self.skipping:
            return
        if tag == "h1" and self.drop_title:
            self.drop_title, self.skipping = False, True
            self.title_id = dict(attrs).get("id")
            return
        raw = self.get_starttag_text() or ""
        self.xref = False
        changed: list[tuple[str, str | None]] = []
        for name, value in attrs:
            new = self._value(tag, name, value)
            if new is not None or value is None:  # a link with nowhere to go loses its href
                changed.append((name, new))
        if self.xref:
            classes = [value for name, value in changed if name == "class" and value]
            changed = [(n, v) for n, v in changed if n != "class"]
            changed.append(("class", " ".join([*classes, XREF_CLASS])))
        if tag == "text" and ON_FILL_CLASS in (dict(attrs).get("class") or "").split():
            changed = [(n, v) for n, v in changed if n != "fill"] + [("fill", "#fff")]
        if changed == attrs and self._name(tag) == tag:
            self.out.append(raw)
            return
        parts = [self._name(tag)]
        parts += [name if value is None else f'{name}="{escape(value)}"' for name, value in changed]
        self.out.append("<" + " ".join(parts) + (" />" if closed else ">"))

    def _name(self, tag: str) -> str:
        if self.shift and HEADING.fullmatch(tag):
            return f"h{min(6, int(tag[1]) + self.shift)}"
        return tag

    def _value(self, tag: str, name: str, value: str | None) -> str | None:
        if value is None:
            return None
        if name == "id":
            return self.prefix + value
        if name in ID_LISTS:
            return " ".join(self.prefix + part for part in value.split())
        if name == "href":
            return self._href(value)
        if name == "src" and tag == "img":
            return self._src(value)
        return value

    # -- links ---------------------------------------------------------------------

    def _href(self, href: str) -> str | None:
        if href.startswith("#"):
            return self._fragment(self.anchor, href[1:])
        if SCHEME.match(href) or href.startswith("//"):
            return href  # an address elsewhere (https:, mailto:): as it is
        path, fragment = self._site_path(href)
        anchor = self.placement.anchors.get(path)
        if anchor is not None:
            self.xref = anchor != self.anchor
            return self._fragment(anchor, fragment)
        if not self.placement.site_url:
            return None  # no address to give: the text stays, without a link
        return self.placement.site_url + path + (f"#{fragment}" if fragment else "")

    def _fragment(self, anchor: str, fragment: str) -> str:
        """A link to `fragment` of the page placed at `anchor`: to the id it has in the
        document, or to the page itself when the document does not have it (the page's
        title, which the document replaces, or something left out)."""
        target = prefixed(anchor, fragment)
        if fragment and (not self.placement.ids or target in self.placement.ids):
            return f"#{target}"
        return f"#{anchor}"

    def _site_path(self, link: str) -> tuple[str, str]:
        """A relative link from this page as (site path, fragment)."""
        parts = urlsplit(link)
        target = posixpath.normpath(posixpath.join("/" + self.page_path, parts.path))
        if parts.path.endswith("/") or not parts.path:
            target = target.rstrip("/") + "/"
        return target.lstrip("/") if target != "/" else "", parts.fragment

    def _src(self, src: str) -> str | None:
        if SCHEME.match(src) or src.startswith("//"):
            return None  # never fetched: a PDF holds what it shows
        path, _ = self._site_path(src)
        file = self.placement.embedded(path)
        if file is None:
            return None
        self.files.add(file)
        return file.as_uri()

    # -- everything else, as it was written --------------------------------------------

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        if not self.skipping:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.skipping:
            self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        if not self.skipping:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        pass  # a doctype has no place inside a document

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass
