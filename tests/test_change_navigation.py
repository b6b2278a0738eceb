"""Navigation in a changes view: the section page's paragraph numbers, so that "3 ¶3 is
new" can be cited, and links from each change to the previous and next one."""

from __future__ import annotations

from datetime import date

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, shared_site, soup
from strategy_site.plan.paragraphs import ParagraphMark, ParagraphNumbers

LINEAGE = FIXTURES / "lineage"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, LINEAGE, date(2021, 4, 1))


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
    # The name stays in sight; the date and what is said about the version fold.
    shown = page.select_one(".st-banner > .st-banner__version").get_text(" ", strip=True)
    assert shown == "Remissutkast Du läser: Remissutkast"
    assert more.select_one(".st-banner__published").get_text().startswith("Publicerad ")
    assert more.select_one(".st-consultation--closed") is not None
    assert more.select_one(".st-banner__notice") is not None
    about = page.select_one("details.st-changes-about")
    assert about.select_one("summary").get_text().startswith("Ändrat sedan Utkast")
    section = soup(site, "v2/bioekonomi/")
    assert section.select_one(".st-banner__more") is None  # only changes views fold


def test_unchanged_text_before_the_first_change_folds(site) -> None:
    """v3's Inledning keeps its first two paragraphs and moves its third away: the two
    fold under a summary that names them, so that the view opens at the change."""
    page = soup(site, "v3/inledning/andringar/")
    fold = page.select_one("article details.st-unchanged")
    assert fold.select_one("summary").get_text() == "Oförändrad text, stycke 1–\u20602"
    assert [p["id"] for p in fold.select(".st-numbered")] == ["p1", "p2"]
    assert fold.select_one("#andring-1") is None
    after = fold.find_next_sibling()
    assert after.select_one("#andring-1") is not None  # the first change follows it
    english = soup(site, "en/v3/inledning/andringar/").select_one("details.st-unchanged")
    assert english.select_one("summary").get_text() == "Unchanged text, paragraphs 1–\u20602"
    # A first change at the top leaves nothing to fold; the section page folds nothing.
    assert soup(site, "v3/uppfoljning/andringar/").select_one("details.st-unchanged") is None
    assert soup(site, "v3/inledning/").select_one("details.st-unchanged") is None


def render_changes(body: str) -> BeautifulSoup:
    mark = ParagraphMark(
        number="2",
        anchor_hidden="stycke",
        changes=True,
        previous_text="Föregående ändring",
        next_text="Nästa ändring",
        unchanged_one="Oförändrad text, stycke {first}",
        unchanged_many="Oförändrad text, stycke {first}–{last}",
    )
    text = f"# Titel {mark.attribute()}\n\n{body}"
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html", ParagraphNumbers()])
    return BeautifulSoup(html, "html.parser")


def test_a_fold_keeps_the_change_s_heading_and_splits_a_list() -> None:
    page = render_changes(
        "Ett stycke.\n\n## Rubrik\n\n- ett\n- två\n- tre <ins>nytt</ins>\n- fyra\n"
    )
    fold = page.select_one("details.st-unchanged")
    assert fold.select_one("summary").get_text() == "Oförändrad text, stycke 1–\u20603"
    assert [li.get_text(" ", strip=True)[:3] for li in fold.select("li")] == ["ett", "två"]
    assert fold.select_one("h2") is not None  # the list's heading folds with its first part
    rest = fold.find_next_sibling("ul")
    assert rest.select_one("#andring-1") is not None and len(rest.select("li")) == 2
    assert rest.select_one("li")["id"] == "p4"  # numbers stay those of the section page
    numbered = render_changes("Ett stycke.\n\n1. ett\n2. två <ins>nytt</ins>\n")
    assert numbered.select_one("details ol") is not None
    assert numbered.select("ol")[1]["start"] == "2"  # an ordered list goes on counting
    heading = render_changes("Ett stycke.\n\n## Rubrik\n\nNytt <ins>här</ins>.\n")
    assert heading.select_one("details h2") is None  # the change's own heading stays
    assert heading.select_one("details").find_next_sibling("h2") is not None
    only_heading = render_changes("## Rubrik\n\nNytt <ins>här</ins>.\n")
    assert only_heading.select_one("details") is None  # nothing but a heading to fold


def test_the_sanitiser_keeps_a_split_list_s_start_only_as_a_number() -> None:
    from strategy_site.plan.sanitise import sanitise

    kept, removed = sanitise('<ol start="3"><li>tre</li></ol>')
    assert kept == '<ol start="3"><li>tre</li></ol>' and not removed
    dropped, removed = sanitise('<ol start="x&quot;"><li>tre</li></ol>')
    assert "start" not in dropped
