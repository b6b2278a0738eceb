"""Headings in a changes view: ids and table-of-contents names without the marks.

A heading with words inserted or deleted holds `<ins>`/`<del>` and their screen-reader
labels ("Tillagt:", "Borttaget:"). Python-Markdown's toc extension would make the
heading's id and its entry in the table of contents from all of that text:
`#borttaget-vad-menar-vi-med-tillagt-en-...`. This extension (the renderer of the
content format, whatever the site engine) runs just before toc and, on a page with such
a heading, gives every heading the id the section page gives it (the new text's words,
slugified and made unique the way toc does, in the same order) and names marked ones
in the table of contents by their new text. Deleted headings are no headings at all
(`annotate.py` renders them as struck paragraphs), so the headings of a changes view are
the headings of the section page, and so are their ids.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags, unique
from markdown.treeprocessors import Treeprocessor

_HEADING_RE = re.compile(r"[Hh][1-6]$")
_LABEL = r'<span class="sr-only">[^<]*</span>'
_MARKED_RE = re.compile(rf"<(?:ins|del)>{_LABEL}")
# What a reader of the new text does not see: deleted words and the labels.
_HIDDEN_RE = re.compile(rf"<del>.*?</del>|{_LABEL}", re.DOTALL)


def new_text(inner_html: str) -> str:
    """A heading's text as it reads in the new version: marks, deleted words and labels
    taken out, whitespace collapsed (entities stay, as in toc's names)."""
    return " ".join(strip_tags(_HIDDEN_RE.sub("", inner_html)).split())


class _ChangeHeadings(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        headings = [
            el for el in root.iter() if isinstance(el.tag, str) and _HEADING_RE.match(el.tag)
        ]
        inner = [render_inner_html(remove_fnrefs(el), self.md) for el in headings]
        if not any(_MARKED_RE.search(text) for text in inner):
            return
        registry = self.md.treeprocessors  # a Registry: no .get()
        # Without toc, headings get no ids (it makes them): only the names are set.
        slug = _toc_slugify(registry["toc"]) if "toc" in registry else None
        used = {el.attrib["id"] for el in root.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        for el, text in zip(headings, inner, strict=True):
            if not _MARKED_RE.search(text):
                plain = strip_tags(text)
            else:
                plain = new_text(text)
                el.set("data-toc-label", plain)
            if "id" not in el.attrib and slug is not None:
                el.set("id", unique(slug(html.unescape(plain)), used, counters))


class TocChanged(RuntimeError):
    """Python-Markdown's toc extension no longer works the way this module relies on."""


def _toc_slugify(toc: object) -> Callable[[str], str]:
    """toc's own slugify with its separator, so that the ids made here are the ids toc
    makes. Upstream: `TocTreeprocessor.__init__` sets `self.slugify` and `self.sep` from
    its config, and `run` calls `self.slugify(text, self.sep)` (markdown/extensions/toc.py).
    A toc without them stops the build: ids made otherwise would not match the section
    page's, and links to a heading of a changes view would quietly break."""
    try:
        slugify, separator = toc.slugify, toc.sep  # type: ignore[attr-defined]
    except AttributeError:
        raise TocChanged(
            "strategy_site.plan.change_headings: Python-Markdown's toc treeprocessor has no "
            "'slugify' or 'sep' attribute any more (markdown/extensions/toc.py "
            "TocTreeprocessor); update _toc_slugify for this release of Markdown."
        ) from None
    if not callable(slugify) or not isinstance(separator, str):
        raise TocChanged(
            "strategy_site.plan.change_headings: Python-Markdown's toc treeprocessor's "
            "'slugify' or 'sep' changed type (markdown/extensions/toc.py); update "
            "_toc_slugify for this release of Markdown."
        )

    def slug(text: str) -> str:
        return str(slugify(text, separator))

    return slug


class ChangeHeadings(Extension):
    """Register as `strategy_site.plan.change_headings` in mkdocs.yml's markdown_extensions."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (8) has set editors' own ids and the paragraph numbering (7)
        # its anchors; before toc (5) makes ids and names from the headings' text.
        md.treeprocessors.register(_ChangeHeadings(md), "strategy_change_headings", 6)


def makeExtension(**kwargs: object) -> ChangeHeadings:  # noqa: N802
    return ChangeHeadings(**kwargs)
