"""Inputs: validated, listed per version with decisions, traced to the change they caused."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from conftest import FIXTURES, build_once, soup
from strategy_site.content.loader import load_strategy
from strategy_site.derive.inputs import items_about, items_affecting, respondents, summarise

WORKSHOP = """kind: workshop
illustrative: handling
date: 2019-12-11
title: Workshop om programmet
from: [Almi, Bergs kommun]
about: v1
items:
  - id: halsa-ihop
    text: Slå ihop hälsa och e-hälsa.
    section: halsa
    proposal: Ett avsnitt om vård på distans.
    decision: accepted
    response: Avsnitten är sammanslagna.
    addressed_in: v2
  - id: allmant
    text: Bra start.
    decision: noted
"""

RESPONSE = """kind: consultation-response
date: 2020-04-01
from: [Almi]
about: v2
items:
  - id: energi
    text: Lägg till energi.
    section: omraden
    proposal: Ett styrkeområde för energi.
    sources:
      - title: OECD Territorial Review
        url: https://www.oecd.org/
      - title: En rapport utan adress
    decision: partly
    response: Energi finns nu med.
    addressed_in: v3
  - id: skog-mer
    text: Mer om skogen.
    section: skog
    decision: rejected
    response: Avgränsat.
"""

PRIVATE = """kind: consultation-response
illustrative: all
date: 2020-04-02
from: [private]
about: v2
items:
  - id: fraga
    text: Vad betyder styrkeområde?
    section: skog
"""


@pytest.fixture(scope="module")
def strategy_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("inputs") / "strategy"
    shutil.copytree(FIXTURES / "basic", root)
    (root / "inputs").mkdir()
    (root / "inputs/workshop.yml").write_text(WORKSHOP)
    (root / "inputs/remissvar-almi.yml").write_text(RESPONSE)
    (root / "inputs/remissvar-privat.yml").write_text(PRIVATE)
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory, strategy_dir):
    return build_once(tmp_path_factory, strategy_dir, date(2020, 5, 1))


def test_items_are_traced_to_where_their_decision_took_effect(strategy_dir) -> None:
    strategy = load_strategy(strategy_dir)
    traced = {t.item.id: t for t in items_about(strategy, "v1")}
    # halsa of v1 became halsa-och-e-halsa in v2 (replaces)
    assert (traced["halsa-ihop"].effect_version, traced["halsa-ihop"].effect_section) == (
        "v2",
        "halsa-och-e-halsa",
    )
    assert traced["allmant"].effect_version is None
    affecting = items_affecting(strategy, "v3", "omraden")
    assert [t.item.id for t in affecting] == ["energi"]


def test_summary_counts_by_decision_sender_and_section(strategy_dir) -> None:
    summary = summarise(items_about(load_strategy(strategy_dir), "v2"))
    assert summary.by_decision == [("partly", 1), ("rejected", 1), ("open", 1)]
    assert summary.by_sender == [("Almi", 2), ("private", 1)]
    assert summary.by_section == [("skog", 2), ("omraden", 1)]


def test_a_workshops_participants_are_not_counted_as_respondents(strategy_dir) -> None:
    strategy = load_strategy(strategy_dir)
    found = respondents(items_about(strategy, "v1"))
    assert found.senders == [] and [w.id for w in found.workshops] == ["workshop"]
    assert respondents(items_about(strategy, "v2")).senders == ["Almi", "private"]


def test_inputs_page_lists_each_item_with_decision_sources_and_change(site) -> None:
    page = soup(site, "v2/inspel/")
    items = {li["id"]: li for li in page.select("li.st-input-item")}
    assert sorted(items) == [
        "remissvar-almi--energi",
        "remissvar-almi--skog-mer",
        "remissvar-privat--fraga",
    ]
    energi = items["remissvar-almi--energi"]
    assert (energi["data-section"], energi["data-decision"]) == ("omraden", "partly")
    text = energi.get_text(" ", strip=True)
    assert "Lägg till energi." in text and "Ett styrkeområde för energi." in text
    assert energi.select_one(".st-decision").get_text() == "◐ Delvis tillgodosett"
    assert energi.select_one(".st-decision [aria-hidden=true]").get_text() == "◐"
    # What was said and the decision are the item's summary; the rest opens from it.
    assert "Lägg till energi." in energi.select_one("details > summary").get_text()
    assert energi.select_one("summary .st-decision") is not None
    sources = [(a.get_text(), a["href"]) for a in energi.select("a[href^='https']")]
    assert sources == [("OECD Territorial Review", "https://www.oecd.org/")]
    assert "En rapport utan adress" in text
    change = energi.select_one("a[href$='andringar/']")
    assert change["href"] == "../../v3/omraden/andringar/"
    assert change.get_text() == "Se ändringen i Beslutad version"
    assert items["remissvar-almi--skog-mer"].select_one("a[href$='andringar/']") is None


def test_private_respondent_is_not_named(site) -> None:
    page = soup(site, "v2/inspel/")
    assert "Privatperson" in page.select_one("#remissvar-privat + .st-input-meta").get_text()
    assert "private" not in page.select_one("article").get_text()


def test_summary_tables_on_the_page(site) -> None:
    tables = soup(site, "v2/inspel/").select(".st-input-summary table")
    rows = [
        [[c.get_text() for c in tr.select("td")] for tr in t.select("tbody tr")] for t in tables
    ]
    assert rows[0] == [
        ["Delvis tillgodosett", "1"],
        ["Inte tillgodosett", "1"],
        ["Inte beslutat än", "1"],
    ]
    assert rows[1] == [["Almi", "2"], ["Privatperson", "1"]]
    assert rows[2] == [["2.1 Skog", "2"], ["2 Fokusområden", "1"]]


def test_filter_controls_offer_sections_and_decisions(site) -> None:
    form = soup(site, "v2/inspel/").select_one("form.st-input-filter")
    assert form.has_attr("hidden")  # shown by the script; without it, everything is listed
    sections = [o["value"] for o in form.select("#st-filter-section option")]
    assert sections == ["", "omraden", "skog"]
    decisions = [o["value"] for o in form.select("#st-filter-decision option")]
    assert decisions == ["", "partly", "rejected", "open"]
    senders = [o["value"] for o in form.select("#st-filter-sender option")]
    assert senders == ["", "Almi", "Privatperson"]
    page = soup(site, "v2/inspel/")
    assert page.select_one("#remissvar-almi--energi")["data-sender"] == '["Almi"]'


def test_each_input_is_in_the_table_of_contents_and_marked_as_one_group(site) -> None:
    page = soup(site, "v2/inspel/")
    toc = [a["href"] for a in page.select(".md-sidebar--secondary a.md-nav__link")]
    assert toc[:2] == ["#sammanstallning", "#remissvar-almi"]
    # Heading, facts and items of an input say which it is: the filter hides them together.
    group = page.select("[data-group='remissvar-almi']")
    assert [e.name for e in group] == ["h2", "p", "ol"]
    assert soup(site, "v2/inspel/").select_one("script[src$='filter.js']") is not None


def test_section_lists_the_inputs_that_shaped_it(site) -> None:
    section = soup(site, "v2/halsa-och-e-halsa/").select_one("section.st-affected")
    assert section.select_one("h2").get_text() == "Inspel som påverkat avsnittet"
    links = {a.get_text(): a["href"] for a in section.select("a")}
    assert links["Inspelet"] == "../../v1/inspel/#workshop--halsa-ihop"
    assert links["Se ändringen i Remissutkast"] == "andringar/"
    assert soup(site, "v2/skog/").select_one("section.st-affected") is None


def test_english_pages_mirror_with_texts_in_the_original_language(site) -> None:
    page = soup(site, "en/v2/inspel/")
    assert page.select_one("article h1").get_text(strip=True).startswith("Inputs and decisions")
    item = page.select_one("#remissvar-almi--energi")
    assert item.select_one(".st-decision").get_text() == "◐ Partly accepted"
    said = item.select_one("summary [lang='sv']")
    assert said is not None and "Lägg till energi." in said.get_text()
    assert "Private individual" in page.select_one("#remissvar-privat + .st-input-meta").get_text()


def test_inputs_page_is_in_the_version_navigation(site) -> None:
    nav = soup(site, "v2/skog/").select_one("nav.md-nav--primary")
    assert "Inspel och beslut" in [a.get_text(strip=True) for a in nav.select("a.md-nav__link")]


def test_made_up_inputs_say_so_in_both_languages(site) -> None:
    """`illustrative` puts a plain-words note under the input and beside every decision."""
    for path, invented, mark_all in [
        ("v2/inspel/", "Påhittat exempel", "(påhittat exempel)"),
        ("en/v2/inspel/", "Invented example", "(invented example)"),
    ]:
        page = soup(site, path)
        note = page.select_one("#remissvar-privat ~ p.st-illustrative")
        assert note is not None and note.get_text().startswith(invented)
        item = page.select_one("#remissvar-privat--fraga")
        assert item.select_one(".st-illustrative-mark").get_text() == mark_all
        # A real response is not marked.
        assert page.select_one("#remissvar-almi--energi .st-illustrative-mark") is None
    for path, words in [("v1/inspel/", "Hur punkterna hanterades"), ("en/v1/inspel/", "How")]:
        page = soup(site, path)
        note = page.select_one("p.st-illustrative")
        assert words in note.get_text()
        mark = page.select_one("#workshop--halsa-ihop .st-illustrative-mark")
        assert mark.get_text() == "(illustration)"
    # Beside the section the decision shaped, the mark goes along.
    affected = soup(site, "v2/halsa-och-e-halsa/").select_one("section.st-affected")
    assert affected.select_one(".st-illustrative-mark").get_text() == "(illustration)"


def test_a_workshop_is_shown_by_its_date_and_participants_listed_once(site) -> None:
    """A workshop's `from` is who took part, not who said each point: its points are
    never headed by the participants' names, which are listed once, folded away."""
    for path, label, meta, participants in [
        (
            "v1/inspel/",
            "Workshop 11 december 2019 (2 deltagande organisationer)",
            "Workshop · 11 december 2019 · 2 deltagande organisationer",
            "Deltagare (2)",
        ),
        (
            "en/v1/inspel/",
            "Workshop on 11 December 2019 (2 participating organisations)",
            "Workshop · 11 December 2019 · 2 participating organisations",
            "Participants (2)",
        ),
    ]:
        page = soup(site, path)
        facts = page.select_one("#workshop ~ p.st-input-meta")
        assert " ".join(facts.get_text().split()) == meta
        workshop = page.select_one("div.st-workshop[data-group='workshop']")
        assert workshop.select_one("summary").get_text() == participants
        assert [li.get_text() for li in workshop.select("ul li")] == ["Almi", "Bergs kommun"]
        assert workshop.select_one("p.st-workshop-points") is not None
        # The names appear there only: not on the items, nor as senders in the filter.
        article = page.select_one("article")
        assert article.get_text().count("Bergs kommun") == 1
        senders = [o.get_text() for o in page.select("#st-filter-sender option")]
        assert senders[1:] == ["Workshop"]
        assert page.select_one("#workshop--halsa-ihop")["data-sender"] == '["Workshop"]'
        # Where the point changed a section, it is the workshop's, not the participants'.
        lang = "en/" if path.startswith("en/") else ""
        affected = soup(site, f"{lang}v2/halsa-och-e-halsa/").select_one("section.st-affected")
        said = " ".join(affected.select_one("li").get_text().split())
        assert said.startswith(label + ": Slå ihop hälsa och e-hälsa."), said
        assert "Almi" not in said
