"""Cause notes: a passage changed because of an input carries a numbered marker linking to
the input, and the input links back to exactly that passage, in both languages."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from agreement import agree_on
from conftest import FIXTURES, run_mkdocs_build, shared_site, soup
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError
from strategy_site.derive.causes import cause_notes
from strategy_site.derive.inputs import items_affecting
from strategy_site.plan.checked import load_publishable
from strategy_site.tools.cli import main

LINEAGE = FIXTURES / "lineage"
ANCHOR = "orsak-remissvar-forening--skog-eget"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, LINEAGE, date(2021, 4, 1))


def test_marker_sits_at_the_end_of_the_passage_and_links_to_the_input(site) -> None:
    """The marker links to the item as the adopted version tells it (its outcome page),
    not to the consultation version's inputs page: the reader stays in v3."""
    page = soup(site, "v3/skog/andringar/")
    marker = page.select_one(f"sup.st-cause#{ANCHOR}")
    paragraph = marker.find_parent("p")
    assert "Livsmedel från länet förädlas nära råvaran." in paragraph.get_text()
    assert marker.get_text() == "Orsak till ändringen: inspel [1]"
    href = marker.select_one("a")["href"]
    assert href == "../../remissutfall/#remissvar-forening--skog-eget"
    item = soup(site, "v3/remissutfall/").select_one("#remissvar-forening--skog-eget")
    assert f"../skog/andringar/#{ANCHOR}" in [a["href"] for a in item.select("a")]
    notes = page.select_one("section.st-causes")
    assert notes.select_one("h2").get_text() == "Inspel som orsakade ändringar"
    hrefs = [a["href"] for a in notes.select("a")]
    assert f"#{ANCHOR}" in hrefs
    assert "../../remissutfall/#remissvar-forening--skog-eget" in hrefs
    assert not [h for h in hrefs if "v2/" in h]


def test_every_listing_of_the_input_links_back_to_the_passage(site) -> None:
    target = f"../../v3/skog/andringar/#{ANCHOR}"
    item = soup(site, "v2/inspel/").select_one("#remissvar-forening--skog-eget")
    assert target in [a["href"] for a in item.select("a")]
    outcome = soup(site, "v3/remissutfall/").select_one("#remissvar-forening--skog-eget")
    assert f"../skog/andringar/#{ANCHOR}" in [a["href"] for a in outcome.select("a")]
    affected = soup(site, "v3/skog/").select_one("section.st-affected")
    assert f"andringar/#{ANCHOR}" in [a["href"] for a in affected.select("a")]
    rejected = soup(site, "v2/inspel/").select_one("#remissvar-forening--kortare")
    assert not [a for a in rejected.select("a") if "#orsak-" in a["href"]]


def test_both_ways_in_english(site) -> None:
    item = soup(site, "en/v2/inspel/").select_one("#remissvar-forening--skog-eget")
    assert f"../../v3/skog/andringar/#{ANCHOR}" in [a["href"] for a in item.select("a")]
    marker = soup(site, "en/v3/skog/andringar/").select_one(f"#{ANCHOR}")
    assert marker.get_text() == "Cause of the change: input [1]"
    assert marker.select_one("a")["href"] == "../../remissutfall/#remissvar-forening--skog-eget"
    outcome = soup(site, "en/v3/remissutfall/").select_one("#remissvar-forening--skog-eget")
    assert f"../skog/andringar/#{ANCHOR}" in [a["href"] for a in outcome.select("a")]


def test_every_tied_item_has_its_marker_on_the_changes_page(site) -> None:
    strategy = load_strategy(LINEAGE)
    for found in strategy.inputs:
        for item in found.items:
            if item.passage:
                traced = next(
                    t
                    for t in items_affecting(strategy, "v3", _section(strategy, found, item))
                    if t.item is item
                )
                page = soup(site, f"v3/{traced.effect_section}/andringar/")
                assert page.select_one(f"sup#{traced.cause_anchor}") is not None, item.id


def _section(strategy, found, item) -> str:
    from strategy_site.derive.inputs import trace

    return trace(strategy, found, item).effect_section


def test_notes_are_numbered_in_reading_order_and_follow_a_translation() -> None:
    strategy = load_strategy(LINEAGE)
    skog = strategy.versions["v3"].sections["skog"]
    items = items_affecting(strategy, "v3", "skog")
    [note] = cause_notes(items, skog.body)
    assert (note.number, note.block) == (1, 2)
    [english] = cause_notes(items, skog.body, skog.translations["en"].body)
    assert english.block == 2  # same structure: the same block
    [lost] = cause_notes(items, skog.body, "One paragraph only.\n")
    assert lost.block is None  # another structure: listed under the text, no marker


def test_the_example_ties_every_accepted_item_to_a_marked_passage() -> None:
    from conftest import EXAMPLE
    from strategy_site.derive.inputs import trace

    strategy = load_strategy(EXAMPLE)
    tied = 0
    for found in strategy.inputs:
        for item in found.items:
            if item.decision not in ("accepted", "partly"):
                continue
            traced = trace(strategy, found, item)
            assert item.passage, f"{found.id}: {item.id} has no passage"
            section = strategy.versions[traced.effect_version].sections[traced.effect_section]
            items = items_affecting(strategy, traced.effect_version, section.id)
            note = next(n for n in cause_notes(items, section.body) if n.traced.item is item)
            assert note.block is not None, f"{found.id}: {item.id} has no block for its marker"
            tied += 1
    assert tied >= 20


@pytest.fixture
def unchanged_passage(tmp_path):
    """The hydrogen item quoting text of v3/energi that v3 kept as it was in v2."""
    root = tmp_path / "strategy"
    shutil.copytree(LINEAGE, root)
    path = root / "inputs/remissvar-forening.yml"
    text = path.read_text(encoding="utf-8")
    old = "passage: Vätgas kan framställas"
    assert old in text
    path.write_text(text.replace(old, "passage: Energin från vattnet"), encoding="utf-8")
    return root


def test_check_refuses_a_passage_in_unchanged_text(unchanged_passage) -> None:
    with pytest.raises(ContentError) as caught:
        load_publishable(unchanged_passage)
    [problem] = caught.value.problems
    assert (problem.path.name, problem.line) == ("remissvar-forening.yml", 21)  # passage:
    assert "the passage is in text of v3/energi that did not change since 'v2'" in problem.message
    assert "leave out 'passage'" in problem.hint
    result = CliRunner().invoke(main, ["check", "--content", str(unchanged_passage)])
    assert result.exit_code != 0
    assert "inputs/remissvar-forening.yml:21: the passage is in text of v3/energi" in result.output
    assert "Traceback" not in result.output
    reported = agree_on(unchanged_passage)  # the build refuses it in the same words
    assert f"strategy/inputs/remissvar-forening.yml:21: {problem.message}" in reported


def test_build_refuses_a_passage_in_unchanged_text(builder, unchanged_passage) -> None:
    result = run_mkdocs_build(builder.project(unchanged_passage, docs={"om.md": "# Om\n"}))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "strategy/inputs/remissvar-forening.yml:21: the passage is in text of v3/energi" in output
    )
    assert "hint: Quote a few words of the text the decision added or reworded" in output
    assert "Traceback" not in output


def test_a_passage_in_moved_text_passes(tmp_path) -> None:
    root = tmp_path / "strategy"
    shutil.copytree(LINEAGE, root)
    # The paragraph moved into Uppföljning is new there: a change the decision can have made.
    private = root / "inputs/remissvar-privat.yml"
    moved = private.read_text(encoding="utf-8").replace(
        "passage: av en styrgrupp", "passage: Resultaten diskuteras varje höst"
    )
    private.write_text(moved, encoding="utf-8")
    assert load_publishable(root).inputs
