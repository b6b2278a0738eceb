"""Defence in depth: the rendered text of a section passes an HTML sanitiser (nh3).

`content/body_policy.py` refuses, with a line number, everything a section may not hold;
this keeps, of the HTML that Markdown rendered, only what that policy allows plus the
markup the site itself adds (paragraph numbers, changes, footnotes, heading links). If
the two ever disagree, the sanitiser has the last word and the build says what it
removed, so the gap is closed instead of published.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser

import nh3

from ..content.body_policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    GLOBAL_ATTRIBUTES,
    LINK_SCHEMES,
)

# Markup that Markdown, its extensions and the site's own renderers put into a page's text.
GENERATED_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "blockquote", "hr", "img", "a"}
)
GENERATED_ATTRIBUTES = frozenset(
    {"aria-hidden", "aria-label", "aria-describedby", "role", "hidden", "data-search-exclude"}
)
# Charts the site draws from figure data (plan/figures/): inline SVG, never from editors
# (the body policy refuses <svg> in a section), with presentation attributes only.
SVG_TAGS = frozenset(
    {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
     "text", "tspan", "title", "desc", "defs", "pattern"}
)  # fmt: skip
SVG_ATTRIBUTES = frozenset(
    {"viewBox", "viewbox", "xmlns", "width", "height", "x", "y", "x1", "x2", "y1", "y2",
     "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "fill", "fill-opacity",
     "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "stroke-linecap",
     "stroke-linejoin", "font-size", "font-weight", "text-anchor", "dominant-baseline",
     "dx", "dy", "opacity", "preserveAspectRatio", "focusable", "aria-labelledby", "patternUnits",
     "patternunits", "patternTransform", "patterntransform"}
)  # fmt: skip
TABLE_ALIGNMENTS = ("text-align: left;", "text-align: center;", "text-align: right;")


def _attributes() -> dict[str, set[str]]:
    tags = ALLOWED_TAGS | GENERATED_TAGS
    # `markdown` is md_in_html's; where it does not apply, it stays in the page, harmless.
    everywhere = set(GLOBAL_ATTRIBUTES) | GENERATED_ATTRIBUTES
    result = {tag: set(everywhere) for tag in tags}
    for tag, names in ALLOWED_ATTRIBUTES.items():
        result[tag] |= set(names)
    for tag in ("td", "th"):
        result[tag].add("style")  # the tables extension's column alignment, checked below
    result["a"] |= {"rel", "target"}
    result["details"].add("open")
    # The second part of a list split by a changes view's fold (paragraphs.py) goes on
    # counting where the first part stopped.
    result["ol"].add("start")
    for tag in SVG_TAGS:
        result[tag] = set(everywhere) | SVG_ATTRIBUTES
    return result


TAGS = set(ALLOWED_TAGS | GENERATED_TAGS | SVG_TAGS)
ATTRIBUTES = _attributes()


# SVG element names the HTML parser writes in camelCase (the HTML standard's table).
SVG_CAMEL_CASE = frozenset(
    {"altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion",
     "animateTransform", "clipPath", "feBlend", "feColorMatrix", "feComponentTransfer",
     "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
     "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
     "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
     "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
     "foreignObject", "glyphRef", "linearGradient", "radialGradient", "textPath"}
)  # fmt: skip
NAME = re.compile(r"<\s*/?\s*([A-Za-z][^\s/>]*)")
ATTRIBUTE_NAME = re.compile(r"[\s/\"']([^\s/>=\"']+)")
URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)\s*:")


def image_source_problem(src: str, page_path: str) -> str | None:
    """Why an image source on the page at `page_path` ("v1/skog/") is refused: it must be
    a relative address of a file on the site itself (the version's folder), so that
    showing it contacts no other host."""
    if not src or SCHEME_OR_HOST.match(src) or "\\" in src or any(c < " " for c in src):
        return "not a relative address on the site"
    path = src.split("#", 1)[0].split("?", 1)[0]
    depth = page_path.strip("/").count("/") + 1 if page_path.strip("/") else 0
    for part in path.split("/"):
        depth += -1 if part == ".." else (0 if part in ("", ".") else 1)
        if depth < 0:
            return "outside the site"
    return None


SCHEME_OR_HOST = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|/)")


def _filter_for(page_path: str) -> Callable[[str, str, str], str | None]:
    def keep(tag: str, name: str, value: str) -> str | None:
        if name == "style":
            return value if value in TABLE_ALIGNMENTS else None
        if name == "start":  # an ordered list's first number (a list split by a fold)
            return value if value.isdigit() else None
        if tag == "img" and name == "src" and image_source_problem(value, page_path):
            return None
        return value

    return keep


def sanitise(html: str, page_path: str = "") -> tuple[str, list[str]]:
    """The HTML of the page at site path `page_path` with everything outside the
    allow-list removed, and what was removed (as `<tag>` and `<tag attribute>`), so
    that the build can say so."""
    clean = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=_filter_for(page_path),
        strip_comments=False,
        link_rel=None,
        url_schemes=set(LINK_SCHEMES),
    )
    before, after = _markup(as_parsed(html)), _markup(clean)
    removed = sorted((before - after).keys())
    return clean, removed


def as_parsed(html: str) -> str:
    """The HTML as the sanitiser's parser (html5ever, the HTML standard's) reads it, with
    nothing removed: what was removed is then what differs between two texts that one
    parser wrote (a comment such as `<!-->` ends where a browser ends it)."""
    names = {m.group(1) for m in NAME.finditer(html)}
    tags = {n.lower() for n in names} | names | SVG_CAMEL_CASE
    attributes = {m.group(1).lower() for m in ATTRIBUTE_NAME.finditer(html)}
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags=set(),
        attributes={"*": attributes},
        strip_comments=False,
        link_rel=None,
        url_schemes={m.group(1).lower() for m in URL_SCHEME.finditer(html)},
    )


class _Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[f"<{tag}>"] += 1
        for name, _ in attrs:
            self.found[f"<{tag} {name}>"] += 1


def _markup(html: str) -> Counter[str]:
    counter = _Counter()
    counter.feed(html)
    counter.close()
    return counter.found
