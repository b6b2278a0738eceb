"""Numbered, linkable paragraphs: so that a response can cite "3.2 ¶4" and link to it.

A Python-Markdown extension (the renderer of the content format, whatever the site
engine). The page planner marks a section's title with what the numbering needs, as a
base64 JSON attribute that cannot clash with anything an editor writes; pages without
the mark (hand-written pages, change views) are left alone.

Numbered, in reading order: top-level paragraphs, tables, block quotes, admonitions and
details blocks, and each item of a top-level list. Footnotes, headings and rules are
not. Numbers depend on the structure of the text only, so a translation that keeps the
structure of its source keeps its numbers.
"""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as etree
from dataclasses import asdict, dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

MARK = "data-st-paragraphs"
PLACEHOLDER = re.compile(r"^\s*\x02wzxhzdk:\d+\x03\s*$")  # a raw HTML block, stashed


@dataclass(frozen=True)
class ParagraphMark:
    number: str  # the section's number, "3.2"
    anchor_hidden: str  # the word a screen reader says for ¶: "stycke"
    comment_href: str | None = None  # mailto: with {p}, while a consultation is open
    comment_text: str = ""  # shown
    comment_hidden: str = ""  # read out after it, with {p}: "på avsnitt 3.2, stycke {p}"

    def encode(self) -> str:
        data = json.dumps(asdict(self), ensure_ascii=False).encode("utf-8")
        return base64.b64encode(data).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> ParagraphMark:
        return cls(**json.loads(base64.b64decode(text).decode("utf-8")))

    def attribute(self) -> str:
        """The attr_list attribute that carries the mark on the section's title."""
        return f'{{: {MARK}="{self.encode()}" }}'


def paragraph_id(paragraph: int) -> str:
    return f"p{paragraph}"


class _Numbering(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        mark = self._find_mark(root)
        if mark is None:
            return
        count = 0
        for element in list(root):
            if element.tag in ("ul", "ol"):
                for item in element.findall("li"):
                    count += 1
                    self._tools(root, item, count, mark, inline=True)
            elif self._is_unit(element):
                count += 1
                self._tools(root, element, count, mark, inline=element.tag == "p")

    @staticmethod
    def _find_mark(root: etree.Element) -> ParagraphMark | None:
        for heading in root.iter("h1"):
            if MARK in heading.attrib:
                return ParagraphMark.decode(heading.attrib.pop(MARK))
        return None

    def _is_unit(self, element: etree.Element) -> bool:
        classes = (element.get("class") or "").split()
        if element.tag == "p":
            return bool(len(element)) or not PLACEHOLDER.match(element.text or "")
        if element.tag in ("table", "blockquote", "details"):
            return True
        return element.tag == "div" and "admonition" in classes

    @staticmethod
    def _tools(
        root: etree.Element,
        element: etree.Element,
        paragraph: int,
        mark: ParagraphMark,
        inline: bool,
    ) -> None:
        """`element` is a child of `root`, or an item of a list that is."""
        element.set("id", paragraph_id(paragraph))
        if element.tag != "table":  # a class would cost a table Material's table styling
            classes = (element.get("class") or "").split()
            element.set("class", " ".join([*classes, "st-numbered"]))
        # Left out of the search index. Not a span: Material's indexer matches elements
        # by tag, so the first span inside an excluded span would end the exclusion.
        holder = etree.Element(
            "small" if inline else "div", {"class": "st-para-tools", "data-search-exclude": ""}
        )
        anchor = etree.SubElement(
            holder, "a", {"class": "st-para-link", "href": f"#{paragraph_id(paragraph)}"}
        )
        # Shown "3.2 ¶4", read "3.2 stycke 4": the sign is a picture of the word.
        anchor.text = f"{mark.number} " if mark.number else ""
        sign = etree.SubElement(anchor, "span", {"aria-hidden": "true"})
        sign.text = "¶"
        _hidden(anchor, f" {mark.anchor_hidden} " if mark.number else f"{mark.anchor_hidden} ")
        anchor[-1].tail = str(paragraph)
        if mark.comment_href:
            comment = etree.SubElement(
                holder,
                "a",
                {
                    "class": "st-para-comment",
                    "href": mark.comment_href.replace("{p}", str(paragraph)),
                },
            )
            comment.text = mark.comment_text
            _hidden(comment, " " + mark.comment_hidden.format(p=paragraph))
        if element.tag == "table":
            # Before the table, not in its caption: the number is no name for the table.
            holder.set("class", "st-para-tools st-para-tools--table")
            root.insert(list(root).index(element), holder)
            return
        if inline and len(element) == 0 and element.text:
            element.text = element.text.rstrip() + " "
        elif inline and len(element):
            last = element[-1]
            if last.tag in ("ul", "ol"):  # a list item with a nested list
                element.insert(list(element).index(last), holder)
                holder.tail = (holder.tail or "") + "\n"
                return
        element.append(holder)


def _hidden(parent: etree.Element, text: str) -> etree.Element:
    """Text for screen readers only; the visible text stays part of the link's name."""
    span = etree.SubElement(parent, "span", {"class": "sr-only"})
    span.text = text
    return span


class ParagraphNumbers(Extension):
    """Register as `strategy_site.plan.paragraphs` in mkdocs.yml's markdown_extensions."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After footnotes (50) have added their block, which is not numbered, and
        # attr_list (8) has set the mark; before toc and MkDocs collect ids and anchors (5).
        md.treeprocessors.register(_Numbering(md), "strategy_paragraphs", 7)


def makeExtension(**kwargs: object) -> ParagraphNumbers:  # noqa: N802
    return ParagraphNumbers(**kwargs)
