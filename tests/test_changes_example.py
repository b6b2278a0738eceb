"""The changes views of the example, built: the screen-reader labels ("Tillagt:",
"Borttaget:", "Added:", "Removed:") stay inside the marks, never in a table of contents,
a heading id, a page title or the search index; a deleted heading is struck, not a
heading; text that moved across sections says where to and from, linked."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE, build_once

LABELS = ("Tillagt:", "Borttaget:", "Added:", "Removed:")
SLUGS = ("tillagt", "borttaget", "added", "removed")
HEADING = re.compile(r"^h[1-6]$")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, EXAMPLE, date(2021, 6, 1), docs={"om.md": "# Om\n"})


def changes_views(site):
    """(site path, parsed page) of every section's changes view, both languages."""
    views = []
    for page in sorted(site.glob("**/andringar/index.html")):
        where = page.relative_to(site).parts[:-2]  # ([en,] version, section)
        if len(where) == (3 if where[0] == "en" else 2):
            views.append(page)
    assert len(views) > 40
    return [
        (str(p.relative_to(site)), BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser"))
        for p in views
    ]


def test_no_label_in_headings_ids_toc_or_titles(site) -> None:
    checked_headings = 0
    for path, page in changes_views(site):
        title = page.title.get_text()
        assert not any(label in title for label in LABELS), path
        for heading in page.find_all(HEADING):
            checked_headings += 1
            assert not any(slug in (heading.get("id") or "").split("-") for slug in SLUGS), (
                path,
                heading,
            )
        for link in page.select("nav.md-nav--secondary a"):
            text = link.get_text(" ", strip=True)
            assert not any(label in text for label in LABELS), (path, text)
            assert not any(slug in link["href"].split("-") for slug in SLUGS), (path, link)
    assert checked_headings > 40


def test_heading_ids_equal_the_section_pages(site) -> None:
    """A heading that exists in the new text has the id it has on the section page."""
    compared = 0
    for path, page in changes_views(site):
        section = (site / path).parent.parent / "index.html"
        if page.select_one(".st-translation--outdated"):  # shows the source language's text
            section = site / path.removeprefix("en/")
            section = section.parent.parent / "index.html"
        plain = BeautifulSoup(section.read_text(encoding="utf-8"), "html.parser")
        expected = [h["id"] for h in plain.select("article h2, article h3, article h4")]
        shown = [h["id"] for h in page.select("article h2, article h3, article h4")]
        # The section page may end with headings of its own (inputs that shaped it).
        assert shown == expected[: len(shown)], path
        compared += len(shown)
    assert compared > 20


def test_renamed_heading_of_the_example_is_named_by_its_new_text(site) -> None:
    page = BeautifulSoup(
        (site / "beslutad/jord-skog-och-vatten/andringar/index.html").read_text("utf-8"),
        "html.parser",
    )
    toc = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--secondary a")]
    assert "En cirkulär bioekonomi" in toc
    assert page.select_one("article h2#en-cirkular-bioekonomi") is not None


def test_deleted_heading_is_struck_but_no_heading(site) -> None:
    page = BeautifulSoup(
        (site / "beslutad/jord-skog-och-vatten/andringar/index.html").read_text("utf-8"),
        "html.parser",
    )
    deleted = page.select("article .diff-deleted-heading")
    texts = [d.get_text() for d in deleted]
    assert "Borttaget: Från råvara till förädlade produkter" in texts
    for element in deleted:
        assert not HEADING.match(element.name)
        assert element.select_one("del") is not None
    for heading in page.select("article h1, article h2, article h3"):
        assert heading.select_one("del") is None, heading


def test_no_label_in_the_search_index(site) -> None:
    for index in (site / "search/search_index.json", site / "en/search/search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert docs
        for doc in docs:
            for label in LABELS:
                assert label not in doc["title"], doc["location"]
                assert label not in doc["text"], doc["location"]


def test_split_shows_the_text_that_went_to_the_other_part_as_moved(site) -> None:
    """Cirkulär bioekonomi was split into Hållbar energi and Jord, skog och vatten: its
    text that went to Jord, skog och vatten is not a plain deletion in Hållbar energi."""
    page = BeautifulSoup(
        (site / "beslutad/hallbar-energi/andringar/index.html").read_text("utf-8"),
        "html.parser",
    )
    notes = page.select("article .diff-move")
    assert len(notes) >= 5
    for note in notes:
        assert note.get_text(" ", strip=True) == "Flyttat till 6.2 Jord, skog och vatten :"
        assert note.select_one("a")["href"] == "../../jord-skog-och-vatten/andringar/"
        block = note.parent
        assert block.select_one("del") is not None
        assert "Borttaget:" not in block.get_text()  # the note says it instead
    moved = " ".join(note.parent.get_text() for note in notes)
    assert "Länet har goda förutsättningar" in moved
    assert "Vad menar vi med cirkulär bioekonomi?" in moved
    english = BeautifulSoup(
        (site / "en/beslutad/hallbar-energi/andringar/index.html").read_text("utf-8"),
        "html.parser",
    )
    # Its translations are not all current, so the English page shows the Swedish
    # comparison, notes included, in Swedish (inside lang="sv"); the links stay English.
    assert english.select_one(".st-translation--outdated") is not None
    notes = english.select("article .diff-move")
    assert len(notes) == len(page.select("article .diff-move"))
    for note in notes:
        assert note.find_parent(attrs={"lang": "sv"}) is not None
        assert note.select_one("a")["href"] == "../../jord-skog-och-vatten/andringar/"
