"""Text moved across sections, built: each end of a move links to the very block at the
other end (a fragment on the other section's changes view), both ways, in both
languages; text of a split section that no successor kept is struck in one successor
only; moved text is counted as moved in the overview, not as removed.

The lineage fixture: v2's Inledning ends with a paragraph that v3 moved to Uppföljning
(both sections go on), and v2's Bioekonomi, split into Energi and Skog, has a sentence
neither kept ("Begreppet bioekonomi ...")."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES, shared_site, soup

LINEAGE = FIXTURES / "lineage"
MOVED = "Resultaten diskuteras varje höst"
DROPPED = "Begreppet bioekonomi omfattar"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, LINEAGE, date(2021, 4, 1))


def block_of(element):
    return element.find_parent(["p", "li", "td", "th", "h2", "h3", "h4", "div"])


def follow(site, page_path: str, href: str):
    """The block that a changes-view link `href` (relative to `page_path`) lands on."""
    path, _, fragment = href.partition("#")
    assert fragment, f"{page_path}: {href} has no fragment"
    base = page_path.rstrip("/").split("/")
    for part in path.rstrip("/").split("/"):
        base = base[:-1] if part == ".." else [*base, part]
    target = soup(site, "/".join(base) + "/")
    found = target.select_one(f"article [id='{fragment}']")
    assert found is not None, f"{page_path}: {href} lands on no element"
    return "/".join(base) + "/", block_of(found)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_moved_paragraph_links_both_ways(site, prefix) -> None:
    words = ("Flyttat till", "Flyttat hit från")  # the comparison is the Swedish text
    source = f"{prefix}v3/inledning/andringar/"
    page = soup(site, source)
    [note] = [n for n in page.select("article .diff-move") if MOVED in block_of(n).get_text()]
    assert note.get_text(" ", strip=True).startswith(words[0])
    assert block_of(note).select_one("del") is not None
    href = note.select_one("a")["href"]
    assert href.startswith("../../uppfoljning/andringar/#flytt-")
    where, landed = follow(site, source, href)
    assert where == f"{prefix}v3/uppfoljning/andringar/"
    assert MOVED in landed.get_text() and landed.select_one("ins") is not None
    back = landed.select_one(".diff-move")
    assert back.get_text(" ", strip=True).startswith(words[1] + " 1 Inledning")
    assert "Tillagt:" not in landed.get_text()  # the note says it instead
    home, returned = follow(site, where, back.select_one("a")["href"])
    assert home == source and MOVED in returned.get_text()
    assert returned.select_one(".diff-move").get_text(" ", strip=True).startswith(words[0])


def test_text_no_part_of_a_split_kept_is_struck_once(site) -> None:
    skog = soup(site, "v3/skog/andringar/")
    struck = [d for d in skog.select("article del") if DROPPED in d.get_text()]
    assert len(struck) == 1  # the successor that kept most of Bioekonomi shows it
    energi = soup(site, "v3/energi/andringar/")
    assert not [d for d in energi.select("article del") if DROPPED in d.get_text()]
    [note] = energi.select("article .diff-elsewhere")
    text = note.get_text(" ", strip=True)
    assert text.startswith("Text ur 2 Bioekonomi i Remissutkast som har tagits bort")
    where, landed = follow(site, "v3/energi/andringar/", note.select_one("a")["href"])
    assert where == "v3/skog/andringar/" and DROPPED in landed.get_text()
    assert landed.select_one("del") is not None
    english = soup(site, "en/v3/energi/andringar/").select_one("article .diff-elsewhere a")
    assert english is not None


def test_overview_counts_moved_text_as_moved(site) -> None:
    page = soup(site, "v3/andringar/")
    rows = {
        row.select("td")[1].get_text(" ", strip=True): [
            td.get_text(" ", strip=True) for td in row.select("td")
        ]
        for row in page.select("tbody tr")
    }
    inledning = rows["Inledning"]
    assert (inledning[3], inledning[4]) == ("0", "0")  # moved: neither removed nor added
    assert "10 ord flyttade till 5 Uppföljning ." in inledning[2]
    uppfoljning = rows["Uppföljning"]
    # the old section by name, in the old version: no old number among the new ones
    assert "10 ord flyttade hit från Inledning i Remissutkast" in uppfoljning[2]
    assert uppfoljning[3] == "3"  # "av en styrgrupp"; the moved paragraph is not added
    energi, skog = rows["Energi"], rows["Skog, mark och vatten"]
    assert "Andra delar av Bioekonomi finns i 3 Skog, mark och vatten ." in energi[2]
    assert "Andra delar av Bioekonomi finns i 2 Energi ." in skog[2]
    # What went to Skog is moved out of Energi; what neither kept counts in Skog only.
    assert energi[4] == "0" and "ord flyttade till 3 Skog, mark och vatten" in energi[2]
    assert int(skog[4]) >= len(DROPPED.split()) + 4
    totals = page.select_one("article p:has(+ .st-table-scroll)").get_text(" ", strip=True)
    assert "flyttade till ett annat avsnitt" in totals
    assert "räknas som flyttad, inte som borttagen" in totals
    english = soup(site, "en/v3/andringar/").select_one("article p:has(+ .st-table-scroll)")
    assert "moved to another section" in english.get_text()
