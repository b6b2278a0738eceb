"""Helpers shared by the diff tests: render like the site does, and check the marks."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown

from strategy_site.derive.diff import DiffLabels, diff_body, render_markdown
from strategy_site.model import Section, Strategy, Version

EXTENSIONS = [
    "fenced_code",  # MkDocs always adds it
    "tables",
    "admonition",
    "footnotes",
    "attr_list",
    "md_in_html",
    "pymdownx.details",
    "toc",
]
LABELS = DiffLabels("Added:", "Removed:")

_MARK_RE = re.compile(r'<(ins|del)>(?:<span class="sr-only">[^<]*</span>)?(.*?)</\1>')

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "details",
        "summary",
        "hr",
        "br",
    ]
)
VOID = frozenset(
    [
        "br",
        "hr",
        "img",
        "input",
        "wbr",
        "col",
        "area",
        "base",
        "link",
        "meta",
        "source",
        "track",
        "embed",
    ]
)


def render(text: str, extra: list[str] | None = None) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS + (extra or []))


def marks(annotated: str) -> tuple[list[str], list[str]]:
    """(inserted texts, deleted texts) in the annotated Markdown, labels left out."""
    ins = [m.group(2) for m in _MARK_RE.finditer(annotated) if m.group(1) == "ins"]
    dels = [m.group(2) for m in _MARK_RE.finditer(annotated) if m.group(1) == "del"]
    return ins, dels


def without_marks(html: str) -> str:
    """Rendered annotated HTML with the marks taken out (deleted text goes too)."""
    html = re.sub(r"<del>.*?</del>", "", html)
    html = re.sub(r'<span class="sr-only">[^<]*</span>', "", html)
    return html.replace("<ins>", "").replace("</ins>", "")


def annotate(old: str, new: str) -> str:
    return render_markdown(diff_body(old, new), LABELS)


class MarkChecker(HTMLParser):
    """Walks rendered HTML and records every way an <ins>/<del> could be ill-formed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.counts = {"ins": 0, "del": 0}
        self.links: list[str | None] = []
        self.tags: list[str] = []

    def _in_mark(self) -> bool:
        return any(t in ("ins", "del") for t in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("ins", "del"):
            self.counts[tag] += 1
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
        if tag in BLOCK_TAGS and self._in_mark():
            self.problems.append(f"<{tag}> inside a mark")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in BLOCK_TAGS and self._in_mark():
            self.problems.append(f"<{tag}/> inside a mark")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_mark() and "\n" in data:
            self.problems.append(f"line break inside a mark: {data!r}")
        if re.search(r"</?(?:ins|del)\b|sr-only", data):
            self.problems.append(f"a mark was escaped into text: {data!r}")


def check_rendered(
    annotated: str, extra: list[str] | None = None, exact: bool = True
) -> MarkChecker:
    """Render `annotated` and assert that every mark is a well-nested element.

    `exact`: every mark is in the HTML. Off, marks may go with content the renderer
    drops by itself (cells beyond the header's column count, a duplicate footnote).
    """
    for n, line in enumerate(annotated.split("\n")):
        depth = []
        for m in re.finditer(r"<(/?)(ins|del)>", line):
            if m.group(1):
                assert depth and depth.pop() == m.group(2), f"line {n}: {line!r}"
            else:
                assert not depth, f"nested mark on line {n}: {line!r}"
                depth.append(m.group(2))
        assert not depth, f"mark left open on line {n}: {line!r}"
    html = render(annotated, extra)
    checker = MarkChecker()
    checker.feed(html)
    checker.close()
    assert not checker.problems, (checker.problems, annotated, html)
    for tag in ("ins", "del"):
        if exact:
            assert checker.counts[tag] == annotated.count(f"<{tag}>"), (annotated, html)
        else:
            assert checker.counts[tag] <= annotated.count(f"<{tag}>"), (annotated, html)
    return checker


def section(
    sid: str,
    title: str,
    body: str = "",
    parent: str | None = None,
    number: str = "",
    replaces: list[str] | None = None,
    summarises: list[str] | None = None,
) -> Section:
    return Section(
        id=sid,
        title=title,
        body=body,
        path=Path(f"{sid}.md"),
        body_line=4,
        replaces=replaces or [],
        summarises=summarises or [],
        number=number,
        parent=parent,
        depth=1 if parent is None else 2,
    )


def version(
    vid: str, sections: list[Section], based_on: str | None = None, status: str = "draft"
) -> Version:
    """A version with numbers, depths and children filled in from parents and order."""
    secs = {s.id: s for s in sections}
    counters: dict[str | None, int] = {}
    for s in sections:
        counters[s.parent] = counters.get(s.parent, 0) + 1
        own = str(counters[s.parent])
        s.number = f"{secs[s.parent].number}.{own}" if s.parent else own
        s.children = [c.id for c in sections if c.parent == s.id]
    return Version(
        id=vid,
        status=status,
        title={"sv": vid, "en": vid},
        date=date(2020, 1, 1),
        path=Path(vid),
        based_on=based_on,
        sections=secs,
    )


def strategy(*versions: Version) -> Strategy:
    return Strategy(
        root=Path("strategy"),
        title={"sv": "Strategi", "en": "Strategy"},
        publisher={"sv": "Region", "en": "Region"},
        source_language="sv",
        languages=["sv", "en"],
        current=versions[-1].id,
        versions={v.id: v for v in versions},
    )
