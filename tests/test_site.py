"""The Swedish site built from the basic fixture: pages, banners, selectors, navigation."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, build_once, read, soup

VERSIONS = {
    "v1": ["inledning", "omraden", "skog", "halsa", "e-halsa", "uppfoljning"],
    "v2": ["inledning", "omraden", "skog", "halsa-och-e-halsa", "uppfoljning"],
    "v3": ["inledning", "uppfoljning", "omraden", "skog", "halsa-och-e-halsa", "energi"],
    "kort": ["om-programmet", "skogen"],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> object:
    """One build of the basic fixture on 15 March 2020, during the consultation."""
    return build_once(
        tmp_path_factory, FIXTURES / "basic", date(2020, 3, 15), {"om.md": "# Om webbplatsen\n"}
    )


def banner(site, path: str):
    found = soup(site, path).select_one(".st-banner")
    assert found is not None, f"no banner on {path}"
    return found


def test_every_version_and_section_has_its_page(site) -> None:
    for version, sections in VERSIONS.items():
        assert (site / version / "index.html").is_file()
        for section in sections:
            assert (site / version / section / "index.html").is_file(), f"{version}/{section}"


def test_section_page_shows_numbered_title_and_body(site) -> None:
    page = soup(site, "v2/inledning/")
    assert page.select_one("article h1").get_text(strip=True).startswith("1 Inledning")
    assert "Jämtland Härjedalen har en lång tradition" in page.select_one("article").get_text()
    # subsections are numbered after their parent
    assert soup(site, "v3/energi/").select_one("article h1").get_text().startswith("3.3 Energi")


def test_link_between_sections_points_at_the_section_page(site) -> None:
    link = soup(site, "v1/uppfoljning/").select_one("article a[href='../inledning/']")
    assert link is not None and link.get_text() == "inledningen"


def test_banner_names_version_and_status(site) -> None:
    expected = {
        "v1/skog/": ("Utkast", "Första utkastet"),
        "v2/skog/": ("Remissutkast", "Remissutkast"),
        "v3/skog/": ("Beslutad", "Beslutad version"),
        "kort/skogen/": ("Populärversion", "Kort version"),
        "v3/": ("Beslutad", "Beslutad version"),
    }
    for path, (status, title) in expected.items():
        found = banner(site, path)
        assert found.select_one(".st-status").get_text() == status, path
        assert found.select_one(".st-banner__version strong").get_text() == title, path


def test_current_version_has_no_old_version_notice(site) -> None:
    assert banner(site, "v3/skog/").select_one(".st-banner__notice") is None


def test_old_version_links_to_same_section_in_current(site) -> None:
    notice = banner(site, "v1/skog/").select_one(".st-banner__notice")
    assert "tidigare version" in notice.get_text()
    assert notice.select_one("a")["href"] == "../../v3/skog/"


def test_old_section_that_was_merged_links_to_what_it_became(site) -> None:
    notice = banner(site, "v1/e-halsa/").select_one(".st-banner__notice")
    assert notice.select_one("a")["href"] == "../../v3/halsa-och-e-halsa/"


def test_popular_version_says_what_it_summarises(site) -> None:
    notice = banner(site, "kort/skogen/").select_one(".st-banner__notice")
    assert "populärversion" in notice.get_text()
    assert notice.select_one("a")["href"] == "../../v3/skog/"
    assert soup(site, "kort/skogen/").select_one(".st-page--popular") is not None


def test_section_gone_from_current_links_to_its_first_page(tmp_path, builder) -> None:
    strategy = tmp_path / "strategy"
    import shutil

    shutil.copytree(FIXTURES / "basic", strategy)
    # uppfoljning disappears from the current version without a successor
    toc = strategy / "versions/v3/version.yml"
    toc.write_text(toc.read_text().replace("  - uppfoljning\n", ""))
    (strategy / "versions/v3/uppfoljning.md").unlink()
    site = builder.build(builder.project(strategy, docs={"om.md": "# Om\n"}))
    notice = banner(site, "v2/uppfoljning/").select_one(".st-banner__notice")
    assert "Avsnittet finns inte i Beslutad version" in notice.get_text()
    assert notice.select_one("a")["href"] == "../../v3/"


def selector_links(site, path: str) -> dict[str, str]:
    links = banner(site, path).select(".st-versions a")
    return {a.get_text(): a["href"] for a in links}


def test_version_selector_goes_to_same_section_or_version_start(site) -> None:
    assert selector_links(site, "v2/skog/") == {
        "Första utkastet": "../../v1/skog/",
        "Remissutkast": "./",
        "Beslutad version": "../../v3/skog/",
        "Kort version": "../../kort/skogen/",
    }
    # energi is new in v3: older versions have no such section, go to their first page
    links = selector_links(site, "v3/energi/")
    assert links["Första utkastet"] == "../../v1/"
    assert links["Remissutkast"] == "../../v2/"


def test_version_selector_works_without_javascript(site) -> None:
    selector = banner(site, "v2/skog/").select_one("nav.st-versions")
    assert selector.select_one("details > summary").get_text() == "Byt version"
    assert selector.select_one("a[aria-current='page']").get_text() == "Remissutkast"


def test_consultation_open_during_the_period(site) -> None:
    notice = banner(site, "v2/skog/").select_one(".st-consultation")
    text = notice.get_text(" ", strip=True)
    assert "st-consultation--open" in notice["class"]
    assert "ute på remiss till och med 30 april 2020" in text
    assert "TEST 2020/1" in text
    assert notice.select_one("a[href='mailto:registrator@example.se']") is not None


@pytest.mark.parametrize(
    ("today", "state", "phrase"),
    [
        (date(2020, 2, 1), "upcoming", "Remisstiden börjar 2 mars 2020"),
        (date(2020, 3, 2), "open", "ute på remiss"),
        (date(2020, 4, 30), "open", "ute på remiss"),
        (date(2020, 5, 1), "closed", "är avslutad"),
    ],
)
def test_consultation_notice_follows_the_build_date(builder, today, state, phrase) -> None:
    site = builder.build(builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"}), today)
    notice = banner(site, "v2/").select_one(".st-consultation")
    assert f"st-consultation--{state}" in notice["class"]
    assert phrase in notice.get_text(" ", strip=True)
    if state == "closed":
        assert notice.select_one("a[href^='mailto:']") is None


def test_adopted_version_shows_decision(site) -> None:
    text = banner(site, "v3/").select_one(".st-banner__decision").get_text(" ", strip=True)
    assert text == (
        "Beslutad av Regionfullmäktige den 25 november 2020 , diarienummer TEST 2020/1 § 7."
    )


def test_start_page_has_title_publisher_timeline_and_read_now(site) -> None:
    page = soup(site, "")
    assert page.select_one("article h1").get_text(strip=True).startswith("Testprogrammet")
    assert page.select_one(".st-publisher").get_text() == "Testregionen"
    read_now = page.select_one(".st-read-now a")
    assert read_now["href"] == "v3/" and read_now.get_text() == "Beslutad version"
    items = page.select(".st-timeline > li")
    assert [i.select_one("a").get_text() for i in items] == [
        "Första utkastet",
        "Remissutkast",
        "Beslutad version",
        "Kort version",
    ]
    assert "Remisstid" in items[1].get_text()
    assert "st-timeline__item--current" in items[2]["class"]
    assert "Regionfullmäktige" in items[2].get_text()


def test_sidebar_shows_only_the_version_being_read(site) -> None:
    nav = soup(site, "v2/skog/").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a.md-nav__link[href]")]
    assert "../halsa-och-e-halsa/" in hrefs
    assert not any("v1/" in h or "v3/" in h for h in hrefs), hrefs
    titles = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    assert "2.1 Skog" in titles


def test_version_front_page_lists_its_contents(site) -> None:
    contents = soup(site, "v3/").select_one(".st-contents")
    links = [(a.get_text(), a["href"]) for a in contents.select("a")]
    assert links[0] == ("1 Inledning", "inledning/")
    assert ("3.3 Energi", "energi/") in links


def test_page_titles_name_section_version_and_strategy(site) -> None:
    title = soup(site, "v2/skog/").title.get_text()
    assert title == "2.1 Skog – Remissutkast – Testprogrammet"


def test_theme_is_swedish_and_loads_nothing_from_other_hosts(site) -> None:
    html = read(site, "v2/skog/")
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "sv"
    for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
        for element in page.find_all(tag):
            value = element.get(attr, "")
            if (
                element.get("rel") == ["alternate"]
                or tag == "link"
                and "canonical" in (element.get("rel") or [])
            ):
                continue
            assert not value.startswith(("http:", "https:", "//")), value
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_search_index_covers_swedish_pages(site) -> None:
    import json

    index = json.loads((site / "search/search_index.json").read_text())
    assert "sv" in index["config"]["lang"]
    locations = {doc["location"] for doc in index["docs"]}
    assert "v2/skog/" in locations


def test_figures_and_links_to_other_versions(tmp_path, builder) -> None:
    import shutil

    strategy = tmp_path / "strategy"
    shutil.copytree(FIXTURES / "basic", strategy)
    (strategy / "versions/v3/karta.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    energi = strategy / "versions/v3/energi.md"
    energi.write_text(
        energi.read_text()
        + "\n![Karta över länet](karta.svg)\n\nSe [utkastet](../v1/skog.md#skog).\n"
    )
    site = builder.build(builder.project(strategy, docs={"om.md": "# Om\n"}))
    # one copy of a figure serves both languages
    for prefix, src in (("", "../karta.svg"), ("en/", "../../../v3/karta.svg")):
        page = soup(site, f"{prefix}v3/energi/")
        image = page.select_one("article img")
        assert (image["src"], image["alt"]) == (src, "Karta över länet")
        assert page.select_one("article a[href='../../v1/skog/#skog']") is not None
    assert (site / "v3/karta.svg").is_file()
