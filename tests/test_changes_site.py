"""The changes between versions as a reader sees them: toggle, highlighted view, overview."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE, FIXTURES, GUIDES, shared_site, soup
from strategy_site.tools.cli import main


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, FIXTURES / "basic", date(2020, 5, 1))


def marks(page, name):
    """The text of every <ins> or <del> in the article, without its screen-reader label."""
    found = []
    for element in page.select(f"article .md-content__inner {name}, article {name}"):
        label = element.select_one(".sr-only")
        text = element.get_text()
        found.append(text[len(label.get_text()) :] if label else text)
    return list(dict.fromkeys(found))


def test_section_page_has_a_show_changes_link_with_a_summary(site) -> None:
    toggle = soup(site, "v2/inledning/").select_one(".st-changes-toggle")
    assert toggle.select_one("a")["href"] == "andringar/"
    assert toggle.select_one("a").get_text() == "Visa ändringar"
    assert toggle.select_one(".st-changes-summary").get_text() == (
        "Ändrat sedan Första utkastet: 1 ord tillagda, 0 borttagna"
    )


def test_highlighted_view_marks_exactly_the_inserted_word(site) -> None:
    page = soup(site, "v2/inledning/andringar/")
    assert marks(page, "ins") == ["Härjedalen"]
    assert marks(page, "del") == []
    label = page.select_one("article ins .sr-only")
    assert label.get_text() == "Tillagt: "
    hide = page.select_one(".st-changes-toggle a")
    assert (hide["href"], hide.get_text()) == ("../", "Dölj ändringar")


def test_merged_section_names_what_it_merges(site) -> None:
    about = soup(site, "v2/halsa-och-e-halsa/andringar/").select_one(".st-changes-about")
    text = about.get_text(" ", strip=True)
    assert "Avsnittet slår ihop 2.2 Hälsa och 2.3 E-hälsa från Första utkastet." in text
    assert [a["href"] for a in about.select("a")] == ["../../../v1/halsa/", "../../../v1/e-halsa/"]


def test_renamed_and_moved_section_says_from_what(site) -> None:
    page = soup(site, "v3/uppfoljning/andringar/")
    about = page.select_one(".st-changes-about").get_text(" ", strip=True)
    assert "Avsnittet har bytt namn:" in about
    renamed = page.select_one(".st-changes-about ins")
    assert renamed.get_text() == "Tillagt: och lärande"
    # uppfoljning now comes before omraden: the engine names omraden as the one that moved
    moved = soup(site, "v3/omraden/andringar/").select_one(".st-changes-about").get_text()
    assert "Avsnittet har flyttats från 2 till 3 i innehållsförteckningen." in moved


def test_new_section_says_so(site) -> None:
    page = soup(site, "v3/energi/andringar/")
    assert (
        "Avsnittet är nytt i Beslutad version." in page.select_one(".st-changes-about").get_text()
    )
    toggle = soup(site, "v3/energi/").select_one(".st-changes-summary").get_text()
    assert toggle == "Nytt sedan Remissutkast"


def test_unchanged_section(site) -> None:
    summary = soup(site, "v3/skog/").select_one(".st-changes-summary").get_text()
    assert summary == "Oförändrat sedan Remissutkast"
    assert marks(soup(site, "v3/skog/andringar/"), "ins") == []


def test_overview_lists_every_section_with_kind_and_words(site) -> None:
    rows = soup(site, "v2/andringar/").select("tbody tr")
    table = [[td.get_text(" ", strip=True) for td in row.select("td")] for row in rows]
    assert ["1", "Inledning", "Ändrad text", "1", "0", ""] in table
    merged = next(r for r in table if r[1] == "Hälsa och e-hälsa")
    assert merged[0] == "2.2"
    assert merged[2].startswith("Sammanslaget")
    assert "Från Hälsa och E-hälsa i Första utkastet." in merged[2]
    assert int(merged[3]) > 0  # counted against both predecessors
    # One numbering: the old sections that were merged have no row (and no 0 / 0) ...
    assert [r[0] for r in table] == ["1", "2", "2.1", "2.2", "3"]
    link = rows[0].select_one("a")
    assert link["href"] == "../inledning/andringar/"


def test_first_version_and_popular_version_have_no_changes_view(site) -> None:
    assert not (site / "v1/andringar").exists()
    assert not (site / "v1/skog/andringar").exists()
    assert not (site / "kort/andringar").exists()
    assert soup(site, "v1/skog/").select_one(".st-changes-toggle") is None


def test_popular_section_links_to_what_it_summarises(site) -> None:
    note = soup(site, "kort/skogen/").select_one(".st-summarises")
    assert (
        note.get_text(" ", strip=True) == "Den här texten sammanfattar 3.1 Skog i Beslutad version."
    )
    assert note.select_one("a")["href"] == "../../v3/skog/"


def test_english_view_compares_english_where_both_translations_are_current(site) -> None:
    page = soup(site, "en/v3/inledning/andringar/")
    assert page.select_one(".st-translation") is None
    assert "long tradition of cooperation" in page.select_one("article").get_text()
    assert page.select_one("article div[lang='sv']") is None


def test_english_view_falls_back_to_swedish_and_says_so(site) -> None:
    page = soup(site, "en/v3/skog/andringar/")
    notice = page.select_one(".st-translation--outdated")
    assert "comparison below is of the Swedish original" in notice.get_text()
    assert notice.select_one("a")["href"] == "../../../../v3/skog/andringar/"
    assert "Skogen är viktig" in page.select_one("article div[lang='sv']").get_text()


def test_changes_views_are_not_searched(site) -> None:
    import json

    index = json.loads((site / "search/search_index.json").read_text())
    assert not any("andringar" in d["location"] for d in index["docs"])


def test_example_has_the_differences_its_versions_really_have(tmp_path_factory) -> None:
    site = shared_site(tmp_path_factory, EXAMPLE, date(2020, 3, 15), GUIDES)
    overview = soup(site, "beslutad/andringar/")
    table = {
        " ".join(td.get_text(" ", strip=True) for td in row.select("td")[:2]): row.select("td")[
            2
        ].get_text(" ", strip=True)
        for row in overview.select("tbody tr")
    }
    assert table["2 Ett av tre styrdokument"] == "Nytt"
    assert any(
        k.startswith("tidigare 1 Läsanvisningar") and v == "Borttaget" for k, v in table.items()
    )
    assert table["6.2 Jord, skog och vatten"].startswith("Delat")
    assert "Från Cirkulär bioekonomi i Remissutkast." in table["6.2 Jord, skog och vatten"]
    remiss = soup(site, "remiss/andringar/")
    kinds = " ".join(td.get_text(" ", strip=True) for td in remiss.select("tbody td"))
    for kind in ("Nytt", "Sammanslaget", "Nytt namn", "Flyttat", "Ändrad text", "Oförändrat"):
        assert kind in kinds, kind
    # The draft's Bakgrund was folded into Inledning (declared with replaces), so readers
    # see a merge, not a deletion beside an unrelated addition.
    assert "Borttaget" not in kinds
    rows = [
        [td.get_text(" ", strip=True) for td in row.select("td")]
        for row in remiss.select("tbody tr")
    ]
    # One numbering (issue 10): the merged row says what it came from.
    assert any(r[1] == "Inledning" and "Från Bakgrund" in r[2] for r in rows), rows
    inserted = marks(soup(site, "remiss/regionala-forutsattningar/andringar/"), "ins")
    assert inserted  # the paragraph inserted in the consultation draft
    # Every changes view numbers its paragraphs as its section page does (issue 10).
    from test_change_navigation import numbered

    for version in ("remiss", "beslutad"):
        for changes in sorted((site / version).glob("*/andringar/index.html")):
            section = changes.parent.parent.name
            plain = numbered(soup(site, f"{version}/{section}/"))
            assert numbered(soup(site, f"{version}/{section}/andringar/")) == plain, section


def test_command_line_diff_plain_and_coloured() -> None:
    plain = CliRunner().invoke(
        main, ["diff", "v1", "v2", "--section", "inledning", "--content", str(FIXTURES / "basic")]
    )
    assert plain.exit_code == 0
    assert "[+Härjedalen+]" in plain.output and "\x1b[" not in plain.output
    coloured = CliRunner().invoke(
        main, ["diff", "v1", "v2", "--color", "--content", str(FIXTURES / "basic")]
    )
    assert "\x1b[" in coloured.output
    assert "v1 -> v2" in coloured.output
