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
    # A changes view: wholly deleted units are not counted (the numbers stay those of
    # the section page), and every change gets links to the previous and next one.
    changes: bool = False
    previous_text: str = ""  # "Föregående ändring"
    next_text: str = ""  # "Nästa ändring"
    # The unchanged text before the first change folds under this summary, with {first}
    # and {last} the numbers of its paragraphs: "Oförändrat, stycke {first}–{last}".
    unchanged_one: str = ""
    unchanged_many: str = ""

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
        stops: list[etree.Element] = []  # changed elements, in reading order
        reader = _ChangeReader(self.md)
        for element in list(root):
            if element.tag in ("ul", "ol"):
                units = [(item, True) for item in element.findall("li")]
            else:
                units = [(element, self._is_unit(element))]
            for unit, numbered in units:
                changed, deleted = reader.read(unit) if mark.changes else (False, False)
                if changed:
                    stops.append(unit)
                if numbered and not deleted:
                    count += 1
                    self._tools(root, unit, count, mark, inline=unit.tag in ("p", "li"))
        link_changes(stops, mark)
        if mark.changes and stops and mark.unchanged_many:
            fold_unchanged_start(root, stops[0], mark)

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


CHANGE_ID = "andring-{}"  # the fragment of the n-th change on a changes page
_STASHED = re.compile(r"\x02wzxhzdk:(\d+)\x03")
_OPENING = re.compile(r"<(del|ins|span)\b[^>]*>")
_CLOSING = re.compile(r"</(del|ins|span)>")


class _ChangeReader:
    """Whether a unit of a changes view holds a change, and whether all of it is deleted.

    The diff's <ins> and <del> are inline HTML, which Python-Markdown has stashed by now;
    the stash says which placeholder is which. Screen-reader labels do not count as text.
    """

    def __init__(self, md: Markdown):
        self.stash = md.htmlStash.rawHtmlBlocks

    def read(self, element: etree.Element) -> tuple[bool, bool]:
        blocks = [e for e in element.iter() if "diff-" in (e.get("class") or "")]
        if any("diff-deleted-block" in (e.get("class") or "") for e in blocks[:1]):
            return True, element is blocks[0]
        changed = bool(blocks)
        depth = {"del": 0, "ins": 0, "span": 0}
        hidden: list[bool] = []  # for each open span: whether it is a screen-reader label
        kept = deleted = 0
        for text in element.itertext():
            for n, part in enumerate(_STASHED.split(text)):
                if n % 2 == 0:
                    words = len(part.split())
                    if hidden and any(hidden):
                        continue
                    if depth["del"]:
                        deleted += words
                    else:
                        kept += words
                    continue
                raw = str(self.stash[int(part)]) if int(part) < len(self.stash) else ""
                opening, closing = _OPENING.match(raw), _CLOSING.match(raw)
                if opening:
                    name = opening.group(1)
                    depth[name] += 1
                    changed = changed or name in ("del", "ins")
                    if name == "span":
                        # A label, or the note on text moved out ("Moved to ..."): not text.
                        hidden.append("sr-only" in raw or "diff-move" in raw)
                elif closing:
                    name = closing.group(1)
                    depth[name] = max(0, depth[name] - 1)
                    if name == "span" and hidden:
                        hidden.pop()
        return changed, deleted > 0 and kept == 0


def link_changes(stops: list[etree.Element], mark: ParagraphMark) -> None:
    """Give the n-th change the id andring-n at its start and, where text may follow,
    links to the previous and next change: plain links, for the keyboard, without
    JavaScript. Headings and tables take the anchor only (their text is their name)."""
    for n, element in enumerate(stops, start=1):
        anchor = etree.Element("span", {"id": CHANGE_ID.format(n), "class": "st-change-stop"})
        target = element
        if element.tag == "table":
            target = next((c for c in element.iter() if c.tag in ("th", "td")), element)
        anchor.tail, target.text = target.text, None
        target.insert(0, anchor)
        if element.tag not in ("p", "li", "div", "blockquote") or len(stops) < 2:
            continue
        if "diff-deleted-heading" in (element.get("class") or ""):
            continue  # a deleted heading: its text is its name
        holder = etree.SubElement(
            element, "span", {"class": "st-change-nav", "data-search-exclude": ""}
        )
        if n > 1:
            previous = etree.SubElement(holder, "a", {"href": f"#{CHANGE_ID.format(n - 1)}"})
            _arrow(previous, "↑").tail = f" {mark.previous_text}"
        if n < len(stops):
            following = etree.SubElement(holder, "a", {"href": f"#{CHANGE_ID.format(n + 1)}"})
            following.text = f"{mark.next_text} "
            _arrow(following, "↓")
            if n > 1:
                holder[0].tail = " · "


def fold_unchanged_start(root: etree.Element, first: etree.Element, mark: ParagraphMark) -> None:
    """Fold the unchanged text before the first change under a summary that names its
    paragraphs, so that a changes view opens at a change, on a phone too. Headings right
    before the change stay out (they head it), and so does nothing but headings: there
    must be at least one numbered paragraph to fold. The fold is a plain disclosure, so
    it opens with the keyboard, without JavaScript, and when a link or a search in the
    page leads into it."""
    children = list(root)
    top = first if first in children else next(c for c in children if first in c.iter())
    if top.tag in ("ul", "ol") and first in top and list(top).index(first) > 0:
        # The change is in a list: its unchanged first items fold too, as a list of their own.
        head = _split_list(root, top, list(top).index(first))
        children = list(root)
        top = children[children.index(head) + 1]
    lead = children[: children.index(top)]
    titles = [n for n, element in enumerate(lead) if element.tag == "h1"]
    if titles:  # the page's title, which the banner follows, stays where it is
        lead = lead[titles[-1] + 1 :]
    while lead and (
        re.fullmatch(r"h[1-6]", lead[-1].tag) or "st-para-tools--table" in lead[-1].get("class", "")
    ):
        lead.pop()  # the change's heading, or the number of a changed table
    numbers = [
        int(unit.get("id", "p0")[1:])
        for element in lead
        for unit in [element, *element.findall("li")]
        if re.fullmatch(r"p\d+", unit.get("id", ""))
    ]
    if not numbers:
        return
    if numbers[0] == numbers[-1]:
        label = mark.unchanged_one.format(first=numbers[0], last=numbers[-1])
    else:
        label = mark.unchanged_many.format(first=numbers[0], last=numbers[-1])
    label = label.replace("–", "–\u2060")  # a word joiner: "1–6" is not broken at the dash
    fold = etree.Element("details", {"class": "st-unchanged"})
    summary = etree.SubElement(fold, "summary")
    summary.text = label
    root.insert(children.index(lead[0]), fold)
    for element in lead:
        root.remove(element)
        fold.append(element)


def _split_list(root: etree.Element, element: etree.Element, at: int) -> etree.Element:
    """Move the first `at` items of a top-level list into a list of their own, just
    before it; an ordered list goes on counting where the first part stops."""
    head = etree.Element(element.tag, dict(element.attrib))
    for item in list(element)[:at]:
        element.remove(item)
        head.append(item)
    if element.tag == "ol":
        element.set("start", str(int(element.get("start", "1")) + at))
    head.text, head.tail = element.text, "\n"
    root.insert(list(root).index(element), head)
    return head


def _arrow(parent: etree.Element, arrow: str) -> etree.Element:
    """An arrow that is seen, not read out: the link's words say where it goes."""
    span = etree.SubElement(parent, "span", {"aria-hidden": "true"})
    span.text = arrow
    return span


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
