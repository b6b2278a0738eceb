"""The changes views of the example, built: the screen-reader labels ("Tillagt:",
"Borttaget:", "Added:", "Removed:") stay inside the marks, never in a table of contents,
a heading id, a page title or the search index; a deleted heading is struck, not a
heading; text that moved across sections says where to and from, linked."""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE, shared_site
from strategy_site.content.loader import load_strategy

LABELS = ("Tillagt:", "Borttaget:", "Added:", "Removed:")
SLUGS = ("tillagt", "borttaget", "added", "removed")
HEADING = re.compile(r"^h[1-6]$")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, EXAMPLE, date(2021, 6, 1), docs={"om.md": "# Om\n"})


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
    """Every heading of the new text has the id it has on the section page, in the same
    order, and the changes view has no other headings but its own list of causes."""
    compared = 0
    for path, page in changes_views(site):
        section = (site / path).parent.parent / "index.html"
        if page.select_one(".st-translation--outdated"):  # shows the source language's text
            section = site / path.removeprefix("en/")
            section = section.parent.parent / "index.html"
        plain = BeautifulSoup(section.read_text(encoding="utf-8"), "html.parser")
        # Besides the text, a section page lists the inputs that shaped it (#inspel) and
        # a changes view the inputs that caused its changes (#inspel too).
        own = "section.st-affected h2, section.st-causes h2"
        text = "article h2, article h3, article h4, article h5, article h6"
        expected = [h["id"] for h in plain.select(text) if h not in plain.select(own)]
        shown = [h["id"] for h in page.select(text) if h not in page.select(own)]
        assert shown == expected, path
        compared += len(shown)
    assert compared > 40


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


# The blocks of Cirkulär bioekonomi that Hållbar energi dropped and Jord, skog och vatten
# kept (as they were, edited or rewritten), in reading order.
MOVED_TO_JORD = [
    "Skog, mark och vatten har alltid varit grunden",
    "Länet har goda förutsättningar",
    "Vad menar vi med cirkulär bioekonomi?",
    "Med bioekonomi menar vi en ekonomi",
    "I dag lämnar en stor del av skogsråvaran",
    "nya produkter och material från skogen",
    "lokal och regional förädling av livsmedel",
]
# Text of Cirkulär bioekonomi that neither part kept: struck in Jord, skog och vatten only.
DROPPED = ["Begreppet omfattar alltså", "Från råvara till förädlade produkter", "byggande i trä"]


def page_at(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def words_of(element) -> set[str]:
    return {w.strip(".,:?*").lower() for w in element.get_text(" ").split() if len(w) > 3}


def test_split_shows_the_text_that_went_to_the_other_part_as_moved(site) -> None:
    """Cirkulär bioekonomi was split into Hållbar energi and Jord, skog och vatten: its
    text that went to Jord, skog och vatten is not a plain deletion in Hållbar energi, and
    each note links to the very block that holds the text now."""
    page = page_at(site, "beslutad/hallbar-energi/andringar")
    jord = page_at(site, "beslutad/jord-skog-och-vatten/andringar")
    notes = page.select("article .diff-move")
    blocks = [note.find_parent(["p", "li"]) for note in notes]
    struck = [" ".join(b.select_one("del").parent.get_text(" ").split()) for b in blocks]
    assert len(notes) == len(MOVED_TO_JORD)
    for text, start in zip(struck, MOVED_TO_JORD, strict=True):
        assert start in text.replace("*", ""), (start, text)
    for note, block in zip(notes, blocks, strict=True):
        assert note.get_text(" ", strip=True) == "Flyttat till 6.2 Jord, skog och vatten :"
        href = note.select_one("a")["href"]
        assert href.startswith("../../jord-skog-och-vatten/andringar/#flytt-")
        target = jord.select_one(f"article [id='{href.partition('#')[2]}']")
        held = target.find_parent(["p", "li", "h2", "h3"])
        assert held.name != "p" or "diff-deleted-heading" not in (held.get("class") or [])
        assert len(words_of(held) & words_of(block)) >= 2, (block.get_text(), held.get_text())
        assert "Borttaget:" not in block.get_text()  # the note says it instead
    english = page_at(site, "en/beslutad/hallbar-energi/andringar")
    # Its translations are not all current, so the English page shows the Swedish
    # comparison, notes included, in Swedish (inside lang="sv"); the links stay English,
    # to the page only: the English Jord, skog och vatten shows the English comparison.
    assert english.select_one(".st-translation--outdated") is not None
    notes = english.select("article .diff-move")
    assert len(notes) == len(MOVED_TO_JORD)
    for note in notes:
        assert note.find_parent(attrs={"lang": "sv"}) is not None
        assert note.select_one("a")["href"] == "../../jord-skog-och-vatten/andringar/"


def test_split_text_neither_part_kept_is_struck_in_one_part_only(site) -> None:
    energi = page_at(site, "beslutad/hallbar-energi/andringar")
    jord = page_at(site, "beslutad/jord-skog-och-vatten/andringar")

    def struck(page) -> str:
        return " ".join(" ".join(d.get_text(" ").split()) for d in page.select("article del"))

    for text in DROPPED:
        assert text in struck(jord), text
        assert text not in struck(energi), text
    notes = energi.select("article .diff-elsewhere")
    assert notes
    for note in notes:
        said = note.get_text(" ", strip=True)
        assert said.startswith("Text ur 6.2 Cirkulär bioekonomi i Remissutkast som har tagits")
        href = note.select_one(".diff-elsewhere__note a")["href"]
        target = jord.select_one(f"article [id='{href.partition('#')[2]}']")
        assert target.find_parent(["p", "li"]).select_one("del") is not None
    # Hållbar energi no longer counts the words Jord, skog och vatten shows removed.
    rows = page_at(site, "beslutad/andringar").select("tbody tr")
    cells = {r.select("td")[1].get_text(strip=True): r.select("td") for r in rows}
    assert "213 ord flyttade till" in cells["Hållbar energi"][2].get_text(" ", strip=True)


def resolve(page: str, href: str) -> tuple[str, str]:
    """(site path of the page, fragment) that `href` on the page at `page` leads to."""
    url = urljoin(f"http://site/{page}", href)
    path, _, fragment = url.removeprefix("http://site/").partition("#")
    return path, fragment


def parsed(site, path: str) -> BeautifulSoup:
    file = site / path / "index.html"
    assert file.is_file(), path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_accepted_item_of_the_example_links_to_its_marker_and_back(site, prefix) -> None:
    """From where the adopted version (or the version that took the decision) tells each
    accepted or partly accepted item, to the marker on the passage it changed, and from
    the marker back to that very item, in both languages: the reader never leaves the
    version the decision took effect in."""
    from strategy_site.derive.inputs import answered_consultation, trace

    strategy = load_strategy(EXAMPLE)
    checked = 0
    for found in strategy.inputs:
        for item in found.items:
            if item.decision not in ("accepted", "partly"):
                continue
            traced = trace(strategy, found, item)
            version = strategy.versions[traced.effect_version]
            answered = answered_consultation(strategy, version)
            told = "remissutfall" if answered and answered.id == found.about else "inspel"
            where = f"{prefix}{version.id}/{told}/"
            entry = parsed(site, where).select_one(f"article [id='{traced.anchor}']")
            assert entry is not None, f"{where}: no item {traced.anchor}"
            to_marker = [a["href"] for a in entry.select("a") if "#orsak-" in a["href"]]
            assert to_marker, f"{where}#{traced.anchor} does not link to its passage"
            changes, fragment = resolve(where, to_marker[0])
            assert changes == f"{prefix}{version.id}/{traced.effect_section}/andringar/"
            marker = parsed(site, changes).select_one(f"article [id='{fragment}']")
            assert marker is not None and "st-cause" in marker["class"], (changes, fragment)
            assert marker.name == "sup", "a marker in the text, not only a note under it"
            back = resolve(changes, marker.select_one("a")["href"])
            assert back == (where, traced.anchor), (changes, fragment, back)
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("prefix", "moved_in", "moved_to"),
    [
        ("", "Flyttat hit från 6 Fokusområden i Remissutkast:", "Flyttat till 5 Så har programmet"),
        ("en/", "Moved here from 6 Focus areas of Consultation draft:", "Moved to 5 How the"),
    ],
)
def test_the_example_shows_text_moved_in_and_out_linked_both_ways(
    site, prefix, moved_in, moved_to
) -> None:
    """The three questions behind the consultation draft's focus areas were cut from
    Fokusområden (continued by Fyra styrkeområden) and pasted into Så har programmet
    tagits fram: both sections go on, so one says where the text went, the other where it
    came from, each linked to the very block at the other end."""
    where = f"{prefix}beslutad/metod-och-process/andringar/"
    page = parsed(site, where)
    [note] = [
        n for n in page.select("article .diff-move") if n.get_text(" ", strip=True) == moved_in
    ]
    block = note.find_parent("p")
    text = block.get_text()
    assert block.select_one("ins") is not None
    assert "byggde på tre frågor" in text or "based on three questions" in text
    there, fragment = resolve(where, note.select_one("a")["href"])
    assert there == f"{prefix}beslutad/styrkeomraden/andringar/"
    target = parsed(site, there).select_one(f"article [id='{fragment}']")
    sent = target.find_parent("p")
    assert sent.select_one("del") is not None
    back = sent.select_one(".diff-move")
    assert back.get_text(" ", strip=True).startswith(moved_to)
    here = block.select_one(".diff-move-target")["id"]
    assert resolve(there, back.select_one("a")["href"]) == (where, here)


@pytest.mark.parametrize(("prefix", "point"), [("", "synpunkt"), ("en/", "point")])
def test_overview_names_a_sender_once_and_numbers_its_points(site, prefix, point) -> None:
    """Jord, skog och vatten took three points of one response: the inputs column names
    the sender once and links each point (to the item on the outcome page)."""
    page = f"{prefix}beslutad/andringar/index.html"
    overview = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    cells = {
        row.select("td")[0].get_text(strip=True): row.select("td")[5]
        for row in overview.select("article tbody tr")
    }
    cell = cells["6.2"]
    assert cell.get_text(" ", strip=True).count("lantbruksföretag") == 1
    links = cell.select("a")
    assert [a.get_text(" ", strip=True) for a in links] == [f"{point} {n}" for n in (1, 2, 3)]
    assert len({a["href"] for a in links}) == 3
    for a in links:
        path, _, fragment = a["href"].partition("#")
        target = urljoin(page, path) + "index.html"
        landed = BeautifulSoup((site / target).read_text(encoding="utf-8"), "html.parser")
        item = landed.select_one(f"[id='{fragment}']")
        assert item is not None and "lantbruksföretag" in item.get_text()
    # a sender with one point there is still the link itself
    assert cells["6.1"].select_one("a").get_text(strip=True) != "1"
