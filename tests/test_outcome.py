"""The consultation outcome page, the inputs that shaped a version, and a version's front
page saying what changed: reachable from every place a reader might start."""

from __future__ import annotations

import json
from datetime import date

import pytest

from agreement import agree_on
from conftest import FIXTURES, shared_site, soup

LINEAGE = FIXTURES / "lineage"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, LINEAGE, date(2021, 4, 1))


def test_outcome_page_counts_who_responded_and_the_decisions(site) -> None:
    page = soup(site, "v3/remissutfall/")
    article = page.select_one("article")
    assert article.select_one("h1").get_text(strip=True).startswith("Remissens utfall")
    assert "2 inspel: 2 remissvar." in article.get_text(" ", strip=True)
    assert [li.get_text() for li in article.select("ul.st-senders li")] == [
        "Förening A",
        "Privatperson",
    ]
    counts = {td["data-decision"]: td.get_text() for td in article.select("td[data-decision]")}
    assert counts == {"accepted": "3", "partly": "1", "rejected": "1", "noted": "1", "open": "1"}
    themes = article.select_one(".st-editors-text")
    assert themes.get_text(strip=True) == "De flesta svar ville se skogen som ett eget område."


def test_outcome_page_lists_every_item_with_where_it_took_effect(site) -> None:
    article = soup(site, "v3/remissutfall/").select_one("article")
    items = {li["id"]: li for li in article.select("li.st-outcome-item")}
    assert len(items) == 7
    skog = items["remissvar-forening--skog-eget"]
    links = {a.get_text(): a["href"] for a in skog.select(".st-outcome-item__links a")}
    assert links["Där det ändrades: 3 Skog, mark och vatten"].startswith("../skog/andringar/")
    assert links["Hela inspelet"] == "../../v2/inspel/#remissvar-forening--skog-eget"
    assert "Tillgodosett" in skog.get_text()
    rejected = items["remissvar-forening--kortare"]
    assert [a.get_text() for a in rejected.select("a")] == ["Hela inspelet"]
    headings = [h.get_text(strip=True) for h in article.select("h3")]
    assert headings[:2] == ["Tillgodosett (3)¶", "Delvis tillgodosett (1)¶"]


def test_outcome_is_reachable_from_start_sidebar_front_page_and_closed_notice(site) -> None:
    start = soup(site, "").select_one(".st-outcome-link a")
    assert start["href"] == "v3/remissutfall/"
    nav = soup(site, "v3/skog/").select_one("nav.md-nav--primary")
    assert "Remissens utfall" in [a.get_text(strip=True) for a in nav.select("a.md-nav__link")]
    front = soup(site, "v3/").select_one(".st-what-changed")
    assert "remissutfall/" in [a["href"] for a in front.select("a")]
    for path, href in (
        ("v2/", "../v3/remissutfall/"),
        ("v2/bioekonomi/", "../../v3/remissutfall/"),
    ):
        notice = soup(site, path).select_one(".st-consultation--closed")
        assert href in [a["href"] for a in notice.select("a")]


def test_outcome_page_in_english(site) -> None:
    article = soup(site, "en/v3/remissutfall/").select_one("article")
    assert article.select_one("h1").get_text(strip=True).startswith("Consultation outcome")
    assert "2 inputs: 2 consultation responses." in article.get_text(" ", strip=True)
    themes = article.select_one(".st-editors-text")
    assert themes.get_text(strip=True) == "Most responses wanted the forest as an area of its own."
    item = article.select_one("#remissvar-forening--skog-eget")
    said = item.select_one("p[lang='sv']")
    assert said is not None and said.get_text() == "Skogen borde vara ett eget område."


def test_adopted_inputs_page_lists_the_inputs_that_shaped_it(site) -> None:
    article = soup(site, "v3/inspel/").select_one("article")
    assert "Inga inspel är registrerade" not in article.get_text()
    assert article.select_one("#inspel-som-format").get_text().startswith("Inspel som har format")
    ids = [li["id"] for li in article.select("li.st-outcome-item")]
    assert ids == [
        "remissvar-forening--skog-eget",
        "remissvar-forening--vatgas",
        "remissvar-forening--bredband",
        "remissvar-privat--styrgrupp",
    ]


def test_the_inputs_that_shaped_a_version_are_folded_and_filtered_like_the_rest(site) -> None:
    """Each item a disclosure (its decision and what was said shown), marked for the
    page's filter, which covers them even on a page that lists nothing else."""
    page = soup(site, "v3/inspel/")
    article = page.select_one("article")
    item = article.select_one("#remissvar-forening--skog-eget")
    summary = item.select_one("details > summary")
    assert "Tillgodosett" in summary.get_text() and "Skogen borde vara" in summary.get_text()
    assert "Förening A" in item.select_one("details .st-outcome-item__from").get_text()
    assert (item["data-decision"], item["data-section"]) == ("accepted", "skog")
    assert json.loads(item["data-sender"]) == ["Förening A"]
    form = article.select_one("form.st-input-filter")
    assert form is not None and form.find_next("h2")["id"] == "inspel-som-format"
    options = {
        s["data-filter"]: [o.get_text() for o in s.select("option")] for s in form.select("select")
    }
    assert options["sender"] == ["Alla", "Förening A", "Privatperson"]
    assert "3 Skog, mark och vatten" in options["section"]
    # Heading, lead and list are one group for the filter, hidden together when empty.
    assert len(article.select("[data-group=inspel-som-format]")) == 3
    assert page.select_one(".md-sidebar--secondary[hidden]") is not None  # one heading only
    assert "assets/strategy/filter.js" in str(page)
    # A page that lists what was said as well keeps its table of contents.
    assert soup(site, "v2/inspel/").select_one(".md-sidebar--secondary:not([hidden]) nav li")


def test_front_page_opens_with_what_changed(site) -> None:
    article = soup(site, "v3/").select_one("article")
    headings = [h.get_text(strip=True) for h in article.select("h2")]
    assert headings[0] == "Vad har ändrats sedan Remissutkast¶"
    block = article.select_one(".st-what-changed")
    text = block.get_text(" ", strip=True)
    assert text.startswith("Bioekonomin är uppdelad i energi och skog")
    assert "5 ändrade och 1 borttaget;" in text
    # Inledning's paragraph (10 words) and what each part of Bioekonomi left to the other
    assert "och 30 flyttade till ett annat avsnitt." in text
    links = [a["href"] for a in block.select("a")]
    assert links == ["andringar/", "remissutfall/"]
    english = soup(site, "en/v3/").select_one(".st-what-changed").get_text(" ", strip=True)
    assert english.startswith("The bioeconomy is split into energy and forest")
    assert "5 changed and 1 removed;" in english and "30 moved to another section" in english


def test_versions_without_an_answered_consultation_have_no_outcome(site) -> None:
    assert not (site / "v2/remissutfall").exists()
    assert soup(site, "v1/").select_one(".st-what-changed") is None  # the first version
    v2 = soup(site, "v2/").select_one(".st-what-changed")
    assert [a["href"] for a in v2.select("a")] == ["andringar/"]


def test_outcome_text_only_where_the_base_is_a_consultation(tmp_path) -> None:
    import shutil

    from strategy_site.content.loader import load_strategy
    from strategy_site.content.problems import ContentError

    root = tmp_path / "strategy"
    shutil.copytree(LINEAGE, root)
    version = root / "versions/v2/version.yml"
    version.write_text(
        version.read_text(encoding="utf-8").replace(
            "sections:", "outcome:\n  sv: Ett utfall.\nsections:", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_strategy(root)
    [problem] = caught.value.problems
    assert (problem.path.name, problem.line) == ("version.yml", 12)
    assert "'v1', which is not a consultation version" in problem.message
    reported = agree_on(root)  # the build refuses it in the same words
    assert f"strategy/versions/v2/version.yml:12: {problem.message}" in reported


def test_overview_uses_one_numbering_and_says_from_what_and_which_inputs(site) -> None:
    rows = soup(site, "v3/andringar/").select("tbody tr")
    cells = [[td.get_text(" ", strip=True) for td in row.select("td")] for row in rows]
    assert [r[0] for r in cells] == ["1", "2", "3", "4", "tidigare 6", "5"]
    removed = rows[4]
    assert removed.select_one("del").get_text() == "Gammalt område"
    assert removed.select_one("a")["href"] == "../../v2/gammalt/"
    merged = cells[3]
    assert "Från Digitalt a , Digitalt b och Digitalt c i Remissutkast." in merged[2]
    assert (int(merged[3]), int(merged[4])) == (9, 27)  # against all three predecessors
    assert "Från Bioekonomi i Remissutkast." in cells[1][2] and cells[1][2].startswith("Delat")
    inputs = {a.get_text(): a["href"] for a in rows[2].select("td")[5].select("a")}
    # To the item as the adopted version tells it: the reader stays in v3.
    assert inputs == {"Förening A": "../remissutfall/#remissvar-forening--skog-eget"}
    outcome = soup(site, "v3/remissutfall/")
    assert outcome.select_one("#remissvar-forening--skog-eget") is not None
    assert rows[5].select("td")[5].select_one("a").get_text() == "Privatperson"
    english = soup(site, "en/v3/andringar/").select("tbody tr")
    assert english[4].select("td")[0].get_text(strip=True) == "formerly 6"
