"""Navigation in a changes view: the section page's paragraph numbers, so that "3 ¶3 is
new" can be cited, and links from each change to the previous and next one."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES, build_once, soup

LINEAGE = FIXTURES / "lineage"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, LINEAGE, date(2021, 4, 1))


def numbered(page) -> dict[str, str]:
    """Paragraph id -> its text without tools, labels, cause notes and deleted words."""
    result = {}
    for unit in page.select("article .st-numbered"):
        junk = (
            ".st-para-tools, .st-change-nav, .sr-only, .st-cause, del, .diff-deleted-block, "
            ".diff-move"  # the note on moved text: not text of the section
        )
        for extra in unit.select(junk):
            extra.decompose()
        result[unit["id"]] = "".join(unit.get_text().split())  # the words, spacing aside
    return result


def test_changes_view_numbers_paragraphs_as_the_section_page(site) -> None:
    for section in ("skog", "digitalt", "energi", "uppfoljning"):
        plain = numbered(soup(site, f"v3/{section}/"))
        changes = numbered(soup(site, f"v3/{section}/andringar/"))
        assert list(changes) == list(plain), section
        assert changes == plain, section  # the new text, paragraph for paragraph
    link = soup(site, "v3/skog/andringar/").select_one("#p3 .st-para-link")
    assert link["href"] == "#p3" and "3 ¶" in link.get_text()


def test_deleted_paragraphs_are_not_numbered(site) -> None:
    page = soup(site, "v3/digitalt/andringar/")
    deleted = [p for p in page.select("article p") if p.select_one("del") and not p.get("id")]
    assert len(deleted) == 2  # digital b and c: gone, so no number of their own


def test_next_and_previous_change_links(site) -> None:
    page = soup(site, "v3/digitalt/andringar/")
    stops = page.select(".st-change-stop")
    assert [s["id"] for s in stops] == ["andring-1", "andring-2", "andring-3", "andring-4"]
    navs = [s.find_parent(["p", "li"]).select_one(".st-change-nav") for s in stops]
    hrefs = [[a["href"] for a in nav.select("a")] for nav in navs]
    assert hrefs == [
        ["#andring-2"],
        ["#andring-1", "#andring-3"],
        ["#andring-2", "#andring-4"],
        ["#andring-3"],
    ]
    assert navs[1].get_text(" ", strip=True) == "↑ Föregående ändring · Nästa ändring ↓"
    assert navs[1].select_one("[aria-hidden='true']").get_text() == "↑"
    first = page.select_one(".st-first-change a")
    assert first["href"] == "#andring-1" and first.get_text() == "Till första ändringen"
    english = soup(site, "en/v3/digitalt/andringar/").select_one(".st-change-nav a")
    assert english.get_text(" ", strip=True) == "Next change ↓"


def test_banner_folds_on_a_changes_view(site) -> None:
    page = soup(site, "v2/bioekonomi/andringar/")
    more = page.select_one(".st-banner details.st-banner__more")
    assert more.select_one("summary").get_text() == "Om versionen"
    assert more.select_one(".st-consultation--closed") is not None
    assert more.select_one(".st-banner__notice") is not None
    about = page.select_one("details.st-changes-about")
    assert about.select_one("summary").get_text().startswith("Ändrat sedan Utkast")
    section = soup(site, "v2/bioekonomi/")
    assert section.select_one(".st-banner__more") is None  # only changes views fold
