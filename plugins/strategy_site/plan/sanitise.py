"""Defence in depth: the rendered text of a section passes an HTML sanitiser (nh3).

`content/body_policy.py` refuses, with a line number, everything a section may not hold;
this keeps, of the HTML that Markdown rendered, only what that policy allows plus the
markup the site itself adds (paragraph numbers, changes, footnotes, heading links). If
the two ever disagree, the sanitiser has the last word and the build says what it
removed, so the gap is closed instead of published.
"""

from __future__ import annotations

from collections import Counter
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
    everywhere = set(GLOBAL_ATTRIBUTES - {"markdown"}) | GENERATED_ATTRIBUTES
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


def _filter(tag: str, name: str, value: str) -> str | None:
    if name == "style":
        return value if value in TABLE_ALIGNMENTS else None
    if name == "start":
        return value if value.isdigit() else None
    return value


def sanitise(html: str) -> tuple[str, list[str]]:
    """The HTML with everything outside the allow-list removed, and what was removed
    (as `<tag>` and `<tag attribute>`), so that the build can say so."""
    clean = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=_filter,
        strip_comments=False,
        link_rel=None,
        url_schemes=set(LINK_SCHEMES),
    )
    before, after = _markup(html), _markup(clean)
    removed = sorted((before - after).keys())
    return clean, removed


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
