"""A section's history: every version it (what it came from, what it became) appears
in, with names, numbers, status, date, what happened and the inputs; linked both ways
with every section page and changes view it lists. Planner-level where it can be, one
build of the example to follow the links in the built site."""

from __future__ import annotations

import json
import posixpath
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE, FIXTURES, shared_site, soup
from strategy_site import urls
from strategy_site.content.loader import load_strategy
from strategy_site.lineage import Lineage, counterparts
from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
from strategy_site.plan.pages import HISTORY, PlannedPage, plan_site

LINEAGE = FIXTURES / "lineage"
TODAY = date(2021, 4, 1)


def plan(root: Path, lang: str = "sv") -> dict[str, PlannedPage]:
    """The planned pages of the strategy at `root` in `lang`, by site path."""
    pages = plan_site(load_strategy(root), lang, TODAY, flavour=MKDOCS_MATERIAL).pages
    return {urls.localized(page.path, lang, "sv"): page for page in pages}


@pytest.fixture(scope="module")
def lineage() -> dict[str, PlannedPage]:
    return plan(LINEAGE)


def history(page: PlannedPage) -> BeautifulSoup:
    """The history list of a history page (the HTML under its Markdown title)."""
    assert page.kind == HISTORY
    return BeautifulSoup(page.markdown.split("\n# ", 1)[1], "html.parser")


def resolve(from_path: str, href: str) -> str:
    """The site path a relative link on the page at `from_path` goes to."""
    target = href.partition("#")[0]
    joined = posixpath.normpath(posixpath.join("/" + from_path, target)).lstrip("/")
    return "" if joined in ("", ".") else joined + "/"


def words(element) -> str:
    """An element's text as a reader sees it: white space folded."""
    return " ".join(element.get_text().split())


def steps(page: PlannedPage) -> dict[str, list[str]]:
    """Version heading -> the texts of its entries (title, what happened, inputs)."""
    found = {}
    for step in history(page).select("li.st-history__step"):
        entries = [words(e) for e in step.select("li.st-history__entry")]
        ended = [words(p) for p in step.select(".st-history__ended")]
        found[step.h2.get_text(strip=True)] = ended + entries
    return found


def entry_paths(path: str, page: PlannedPage) -> list[str]:
    """The section pages the history lists, in order."""
    return [resolve(path, a["href"]) for a in history(page).select(".st-history__title > a[href]")]


def test_a_split_section_is_followed_into_both_parts(lineage) -> None:
    found = steps(lineage["v2/bioekonomi/historik/"])
    assert list(found) == ["Utkast", "Remissutkast", "Beslutad version", "Kort version"]
    assert found["Utkast"] == ["2 Bioekonomi Fanns med redan i den första versionen."]
    energi, skog = found["Beslutad version"]
    split = "2 Bioekonomi i Remissutkast delades upp i 2 Energi och 3 Skog, mark och vatten."
    assert energi.startswith("2 Energi") and split in energi
    assert skog.startswith("3 Skog, mark och vatten") and split in skog
    assert found["Kort version"][0].startswith("Naturen Sammanfattar 2 Energi och 3 Skog")
    # The part: its own origins, not the other part (named where the split happened).
    part = lineage["v3/skog/historik/"]
    assert entry_paths("v3/skog/historik/", part) == [
        "v1/bioekonomi/",
        "v2/bioekonomi/",
        "v3/skog/",
        "kort/naturen/",
    ]
    here = history(part).select(".st-history__entry--here")
    assert [e.select_one("a")["href"] for e in here] == ["../"]
    assert here[0].select_one(".st-history__here").get_text() == "Det här avsnittet"


def test_a_merge_lists_every_predecessor(lineage) -> None:
    page = lineage["v3/digitalt/historik/"]
    assert entry_paths("v3/digitalt/historik/", page) == [
        "v1/digital-a/",
        "v1/digital-b/",
        "v1/digital-c/",
        "v2/digital-a/",
        "v2/digital-b/",
        "v2/digital-c/",
        "v3/digitalt/",
    ]
    merged = steps(page)["Beslutad version"][0]
    assert "Sammanslaget av 3 Digitalt a, 4 Digitalt b och 5 Digitalt c i Remissutkast." in merged
    assert "ord tillagda" in merged
    # One of the merged sections leads to the same merged section.
    part = "v1/digital-b/historik/"
    assert "v3/digitalt/" in entry_paths(part, lineage[part])


def test_a_removed_section_says_so_where_it_disappeared(lineage) -> None:
    page = lineage["v2/gammalt/historik/"]
    found = steps(page)
    assert list(found) == ["Utkast", "Remissutkast", "Beslutad version"]  # not after
    assert found["Beslutad version"] == [
        "Borttaget i den här versionen: 6 Gammalt område i Remissutkast. "
        "Ändringarna i Beslutad version"
    ]
    overview = history(page).select_one(".st-history__ended a[href$='andringar/']")
    assert resolve("v2/gammalt/historik/", overview["href"]) == "v3/andringar/"


def test_a_popular_version_that_leaves_a_section_out_says_so(lineage) -> None:
    found = steps(lineage["v3/digitalt/historik/"])
    assert found["Kort version"] == [
        "Sammanfattas inte i den här versionen: 4 Digitala lösningar i Beslutad version."
    ]


def test_rename_and_move_are_named(basic: Path) -> None:
    page = plan(basic)["v3/uppfoljning/historik/"]
    adopted = steps(page)["Beslutad version"][0]
    assert adopted.startswith("2 Uppföljning och lärande Det här avsnittet")
    assert "Nytt namn, tidigare Uppföljning." in adopted
    assert "Texten är oförändrad." in adopted
    assert history(page).select_one(".st-history__events q").get_text() == "Uppföljning"
    # Uppföljning came before Fokusområden: the diff names Fokusområden as moved.
    moved = steps(plan(basic)["v3/omraden/historik/"])["Beslutad version"][0]
    assert "Flyttat i innehållsförteckningen från 2 till 3." in moved
    new = steps(plan(basic)["v3/energi/historik/"])
    assert list(new) == ["Beslutad version", "Kort version"]
    assert new["Kort version"] == [
        "Sammanfattas inte i den här versionen: 3.3 Energi i Beslutad version."
    ]
    assert "Nytt i Beslutad version." in new["Beslutad version"][0]


def test_status_date_and_marks_as_the_banners_show_them(basic: Path) -> None:
    version = basic / "versions/v3/version.yml"
    text = version.read_text(encoding="utf-8").replace(
        "  date: 2020-11-25\n",
        "  date:\n    planned: 2020-11-24\n    until: 2020-11-25\n"
        "    note:\n      sv: Inte bekräftat.\n      en: Not confirmed.\n",
    )
    version.write_text(text.replace("date: 2020-11-25\n", "date:\n  approximate: 2020-11-25\n", 1))
    for lang, expected in (
        # "Beslutad version" says its status: it is not said twice.
        (
            "sv",
            "cirka 25 november 2020 · Planerat beslut: Regionfullmäktige, "
            "24–25 november 2020 Gällande Inte bekräftat.",
        ),
        (
            "en",
            "about 25 November 2020 · Planned decision: Regionfullmäktige, "
            "24–25 November 2020 Current Not confirmed.",
        ),
    ):
        page = plan(basic, lang)[urls.localized("v1/skog/historik/", lang, "sv")]
        facts = {
            s.h2.get_text(strip=True): s.select_one(".st-history__facts")
            for s in history(page).select("li.st-history__step")
        }
        adopted = facts["Beslutad version" if lang == "sv" else "Adopted version"]
        assert words(adopted) == expected
        assert adopted.select_one(".st-date-mark time")["datetime"] == "2020-11-25"
        note = adopted.select_one(".st-date-note").get_text()
        assert note == ("Inte bekräftat." if lang == "sv" else "Not confirmed.")


def test_inputs_about_the_section_and_decided_in_it(lineage) -> None:
    page = lineage["v3/uppfoljning/historik/"]
    listed = history(page)
    by_version = {s.h2.get_text(strip=True): s for s in listed.select("li.st-history__step")}
    workshop = by_version["Utkast"].select(".st-history__items a")
    assert [resolve("v3/uppfoljning/historik/", a["href"]) for a in workshop] == ["v1/inspel/"]
    assert workshop[0]["href"].endswith("#workshop--uppfoljning-tidig")
    about = words(by_version["Remissutkast"])
    assert "Inspel om avsnittet i den här versionen: Privatperson" in about
    effects = by_version["Beslutad version"]
    assert "Inspel vars beslut genomfördes här:" in words(effects)
    change = effects.select_one(".st-history__items a[href*='andringar/']")
    assert change["href"] == "../andringar/#orsak-remissvar-privat--styrgrupp"


def test_every_history_links_both_ways_and_lineage_is_symmetric() -> None:
    """On the example, both languages: each section page and changes view links to its
    own history; each history links to every section page and changes view it lists,
    which exist; and if A's history lists B, B's history lists A."""
    for lang in ("sv", "en"):
        pages = plan(EXAMPLE, lang)
        prefix = "" if lang == "sv" else "en/"
        listed: dict[str, set[str]] = {}
        for path, page in pages.items():
            if page.kind in ("section", "changes"):
                around = page.before_html if page.kind == "section" else page.after_html
                links = BeautifulSoup(around, "html.parser").select(".st-history-link a")
                assert [resolve(path, a["href"]) for a in links] == [
                    prefix + urls.section_history_path(page.version, page.section)
                ], path
            if page.kind != HISTORY:
                continue
            section = prefix + urls.section_path(page.version, page.section)
            entries = entry_paths(path, page)
            assert section in entries, path
            for a in history(page).select("a[href]"):
                assert resolve(path, a["href"]) in pages, (path, a["href"])
            changes = [
                resolve(path, a["href"]) for a in history(page).select(".st-history__changes a")
            ]
            assert all(c.endswith("/andringar/") and pages[c].kind == "changes" for c in changes)
            listed[section] = set(entries)
        assert len(listed) == sum(1 for p in pages.values() if p.kind == "section")
        for section, entries in listed.items():
            for other in entries:
                assert section in listed[other], f"{other} is in {section}'s history, not back"


def test_history_pages_are_not_in_menus_or_search(lineage) -> None:
    page = lineage["v2/bioekonomi/historik/"]
    assert 'search: {"exclude": true}' in page.markdown
    navs = plan_site(load_strategy(LINEAGE), "sv", TODAY, flavour=MKDOCS_MATERIAL).version_navs

    def walk(items):
        for item in items:
            yield item.path
            yield from walk(item.children)

    assert not any("historik" in path for nav in navs.values() for path in walk(nav))


def test_english_history() -> None:
    pages = plan(LINEAGE, "en")
    page = pages["en/v3/skog/historik/"]
    assert page.title == "History of the section: 3 Forest, land and water"
    found = steps(page)
    assert list(found) == ["Draft", "Consultation draft", "Adopted version", "Short version"]
    assert "There from the first version." in found["Draft"][0]
    assert "was split into 2 Energi and 3 Forest, land and water." in found["Adopted version"][0]
    # An untranslated title keeps its language.
    first = history(page).select_one(".st-history__title a")
    assert first.get_text() == "2 Bioekonomi" and first["lang"] == "sv"
    link = BeautifulSoup(pages["en/v3/skog/"].before_html, "html.parser").select_one(
        ".st-history-link a"
    )
    assert link.get_text() == "History of this section" and link["href"] == "historik/"


def test_a_hostile_title_is_escaped_once(basic: Path) -> None:
    hostile = '<img src=x onerror=alert(1)> & "Skog"'
    skog = basic / "versions/v1/skog.md"
    skog.write_text(
        skog.read_text(encoding="utf-8").replace("title: Skog", f"title: '{hostile}'"),
        encoding="utf-8",
    )
    page = plan(basic)["v3/skog/historik/"]
    listed = history(page)
    assert listed.find("img") is None
    titles = [a.get_text() for a in listed.select(".st-history__title a")]
    assert titles[0] == f"2.1 {hostile}"
    assert f"Nytt namn, tidigare {hostile}." in words(listed)
    assert "&amp;amp;" not in page.markdown and "&amp;lt;" not in page.markdown


def test_a_section_may_be_called_historik(basic: Path) -> None:
    """Its page (v1/historik/) and its history (v1/historik/historik/) are distinct, and
    no address of the site is planned twice."""
    shutil.move(basic / "versions/v1/skog.md", basic / "versions/v1/historik.md")
    for name in ("v1/version.yml",):
        version = basic / "versions" / name
        version.write_text(version.read_text().replace("- skog\n", "- historik\n", 1))
    pages = plan_site(load_strategy(basic), "sv", TODAY, flavour=MKDOCS_MATERIAL).pages
    paths = [page.path for page in pages]
    assert len(paths) == len(set(paths))
    kinds = {page.path: page.kind for page in pages}
    assert kinds["v1/historik/"] == "section"
    assert kinds["v1/historik/historik/"] == HISTORY
    history_page = next(p for p in pages if p.path == "v1/historik/historik/")
    assert entry_paths("v1/historik/historik/", history_page) == ["v1/historik/"]


@pytest.mark.parametrize("root", [LINEAGE, FIXTURES / "basic", EXAMPLE], ids=lambda p: p.name)
def test_the_lineage_index_answers_as_counterparts(root: Path) -> None:
    strategy = load_strategy(root)
    index = Lineage(strategy)
    asked = 0
    for start in strategy.versions.values():
        for section_id in start.sections:
            for goal in strategy.versions.values():
                expected = counterparts(strategy, start, section_id, goal)
                assert index.counterparts(start, section_id, goal) == expected
                asked += 1
    assert asked > 30


# -- the built example: the links followed in the site itself ------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, EXAMPLE, date(2021, 6, 1), docs={"om.md": "# Om\n"})


def follow(site: Path, path: str, selector: str) -> list[str]:
    """Site paths that the links matching `selector` on the built page `path` go to."""
    return [resolve(path, a["href"]) for a in soup(site, path).select(selector)]


def test_the_built_history_links_both_ways(site) -> None:
    start = "beslutad/jord-skog-och-vatten/historik/"
    page = soup(site, start)
    assert page.select_one('[data-st-kind="history"]') is not None
    listed = follow(site, start, ".st-history__title > a")
    assert listed == [
        "utkast/cirkular-bioekonomi/",
        "remiss/cirkular-bioekonomi/",
        "beslutad/jord-skog-och-vatten/",
        "popular/jord-skog-och-vatten/",
    ]
    changes = follow(site, start, ".st-history__changes a")
    assert changes == [
        "remiss/cirkular-bioekonomi/andringar/",
        "beslutad/jord-skog-och-vatten/andringar/",
    ]
    for target in listed + changes:
        # Each page it lists links to its own history, and that history back to here.
        own = follow(site, target, ".st-history-link a")
        section = target.removesuffix("andringar/")
        assert own == [section + "historik/"], target
        assert "beslutad/jord-skog-och-vatten/" in follow(site, own[0], ".st-history__title > a")
    # The merge of the example: Bakgrund och uppdrag went into Inledning in remiss.
    merged = words(soup(site, "utkast/bakgrund/historik/"))
    assert "Sammanslaget av 1 Inledning och 2 Bakgrund och uppdrag i Utkast." in merged
    # English, under /en/.
    english = follow(site, "en/" + start, ".st-history__title > a")
    assert english == ["en/" + path for path in listed]
    title = words(soup(site, "en/" + start).find("h1"))
    assert title.startswith("History of the section: 6.2 Land, forest and water")


def test_the_built_history_is_not_searched_or_in_the_sidebar(site) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any("/historik/" in doc["location"] for doc in index["docs"])
    sidebar = soup(site, "beslutad/jord-skog-och-vatten/historik/").select("nav.md-nav a")
    assert not any("historik" in a.get("href", "") for a in sidebar)
