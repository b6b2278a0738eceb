"""Lineage is many-to-many: splits and merges offer every counterpart, by name, and an
input whose section was split must say where its decision took effect."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreement import agree_on
from conftest import FIXTURES, run_mkdocs_build, shared_site, soup
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError
from strategy_site.derive.inputs import items_about, items_affecting
from strategy_site.lineage import counterparts
from strategy_site.tools.cli import main

LINEAGE = FIXTURES / "lineage"


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(LINEAGE)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory, LINEAGE, date(2021, 4, 1))


def test_split_and_merge_have_every_counterpart(strategy) -> None:
    v1, v2, v3, kort = (strategy.versions[v] for v in ("v1", "v2", "v3", "kort"))
    assert counterparts(strategy, v2, "bioekonomi", v3) == ["energi", "skog"]
    assert counterparts(strategy, v1, "digital-b", v3) == ["digitalt"]
    assert counterparts(strategy, v3, "digitalt", v2) == ["digital-a", "digital-b", "digital-c"]
    assert counterparts(strategy, v3, "skog", v1) == ["bioekonomi"]
    assert counterparts(strategy, v2, "gammalt", v3) == []
    assert counterparts(strategy, kort, "naturen", v2) == ["bioekonomi"]
    assert counterparts(strategy, v2, "bioekonomi", kort) == ["naturen"]
    assert counterparts(strategy, v3, "inledning", v1) == ["inledning"]


def test_version_selector_names_every_part_of_a_split(site) -> None:
    selector = soup(site, "v2/bioekonomi/").select_one("nav.st-versions")
    entry = next(li for li in selector.select("details > ul > li") if "Beslutad" in li.get_text())
    parts = [(a.get_text(), a["href"]) for a in entry.select("ul.st-versions__parts a")]
    assert parts == [
        ("2 Energi", "../../v3/energi/"),
        ("3 Skog, mark och vatten", "../../v3/skog/"),
    ]
    single = next(li for li in selector.select("details > ul > li") if "Utkast" in li.get_text())
    assert single.select_one("a")["href"] == "../../v1/bioekonomi/"


def test_merged_section_offers_all_three_predecessors(site) -> None:
    selector = soup(site, "v3/digitalt/").select_one("nav.st-versions")
    entry = next(li for li in selector.select("details > ul > li") if "Remiss" in li.get_text())
    hrefs = [a["href"] for a in entry.select("ul.st-versions__parts a")]
    assert hrefs == ["../../v2/digital-a/", "../../v2/digital-b/", "../../v2/digital-c/"]


def test_read_in_the_current_version_offers_both_successors(site) -> None:
    notice = soup(site, "v2/bioekonomi/").select_one(".st-banner__notice")
    links = [(a.get_text(), a["href"]) for a in notice.select("a")]
    assert links == [
        ("2 Energi", "../../v3/energi/"),
        ("3 Skog, mark och vatten", "../../v3/skog/"),
    ]
    assert "fortsätter i" in notice.get_text()
    english = soup(site, "en/v2/bioekonomi/").select_one(".st-banner__notice")
    assert [a["href"] for a in english.select("a")] == ["../../v3/energi/", "../../v3/skog/"]
    assert "continues in" in english.get_text()


def test_popular_section_links_every_section_it_summarises(site) -> None:
    note = soup(site, "kort/naturen/").select_one(".st-summarises")
    assert [a["href"] for a in note.select("a")] == ["../../v3/energi/", "../../v3/skog/"]
    notice = soup(site, "kort/naturen/").select_one(".st-banner__notice")
    assert [a["href"] for a in notice.select("a")] == ["../../v3/energi/", "../../v3/skog/"]


def test_inputs_take_effect_in_the_section_the_editor_named(strategy) -> None:
    traced = {t.item.id: t for t in items_about(strategy, "v2")}
    assert traced["skog-eget"].effect_section == "skog"
    assert traced["vatgas"].effect_section == "energi"
    assert traced["bredband"].effect_section == "digitalt"  # merged: one successor
    assert [t.item.id for t in items_affecting(strategy, "v3", "skog")] == ["skog-eget"]
    assert [t.item.id for t in items_affecting(strategy, "v3", "energi")] == ["vatgas"]


def test_change_links_follow_the_named_section(site) -> None:
    item = soup(site, "v2/inspel/").select_one("#remissvar-forening--skog-eget")
    change = item.select_one("a[href*='andringar/']")
    assert change["href"].startswith("../../v3/skog/andringar/")
    affected = soup(site, "v3/skog/").select_one("section.st-affected")
    assert "Skogen borde vara ett eget område." in affected.get_text()
    assert soup(site, "v3/energi/").select_one("#inspel") is not None
    assert "Skogen borde" not in soup(site, "v3/energi/").select_one("section.st-affected").text


@pytest.fixture
def ambiguous(tmp_path: Path) -> Path:
    root = tmp_path / "strategy"
    shutil.copytree(LINEAGE, root)
    path = root / "inputs/remissvar-forening.yml"
    text = path.read_text(encoding="utf-8").replace("addressed_in: v3/skog\n", "addressed_in: v3\n")
    path.write_text(text, encoding="utf-8")
    return root


def test_check_reports_an_input_whose_section_was_split(ambiguous: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_strategy(ambiguous)
    [problem] = caught.value.problems
    assert (problem.path.name, problem.line) == ("remissvar-forening.yml", 13)
    assert "continues in 2 sections of 'v3' (energi, skog)" in problem.message
    assert problem.hint == "Name the section: 'addressed_in: v3/energi' or 'addressed_in: v3/skog'."
    result = CliRunner().invoke(main, ["check", "--content", str(ambiguous)])
    assert result.exit_code != 0
    assert "inputs/remissvar-forening.yml:13: 'bioekonomi' of 'v2' continues in" in result.output
    reported = agree_on(ambiguous)  # and the build refuses it in the same words
    assert f"strategy/inputs/remissvar-forening.yml:13: {problem.message}" in reported
    assert f"    hint: {problem.hint}" in reported


def test_build_refuses_the_same_ambiguous_input(builder, ambiguous: Path) -> None:
    project = builder.project(ambiguous, docs={"om.md": "# Om\n"})
    result = run_mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "strategy/inputs/remissvar-forening.yml:13: 'bioekonomi' of 'v2'" in output
    assert "hint: Name the section: 'addressed_in: v3/energi'" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("addressed_in: v3/skog", "addressed_in: v3/skogen", 13, "names the section 'skogen'"),
        ("addressed_in: v3/skog", "addressed_in: v3/Skog", 13, "is not a version id"),
        ("passage: Vätgas kan framställas", "passage: Vätgas kan inte", 21, "is not in v3/energi"),
        ("passage: Vätgas kan framställas", "passage: vinden", 21, "occurs 2 times"),
        ("    addressed_in: v3\n    passage: B", "    passage: B", 27, "has no 'addressed_in'"),
    ],
)
def test_broken_ties_are_path_line_errors(tmp_path, old, new, line, message) -> None:
    root = tmp_path / "strategy"
    shutil.copytree(LINEAGE, root)
    path = root / "inputs/remissvar-forening.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_strategy(root)
    [problem] = caught.value.problems
    assert (problem.path.name, problem.line) == ("remissvar-forening.yml", line)
    assert message in problem.message
    assert problem.hint
    reported = agree_on(root)  # check and the build say the same
    assert f"strategy/inputs/remissvar-forening.yml:{line}: {problem.message}" in reported
