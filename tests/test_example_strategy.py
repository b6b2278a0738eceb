"""The example strategy tells the programme's story and builds with no warnings."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE, GUIDES, read, shared_site
from strategy_site.content.loader import load_strategy


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(EXAMPLE)


def test_four_versions_with_the_adopted_one_current(strategy) -> None:
    assert list(strategy.versions) == ["utkast", "remiss", "beslutad", "popular"]
    assert [v.status for v in strategy.versions.values()] == [
        "draft",
        "consultation",
        "adopted",
        "popular",
    ]
    assert strategy.current == "beslutad"
    assert strategy.versions["beslutad"].decision.reference == "RUN/430/2018"


def test_every_version_has_at_least_eight_sections(strategy) -> None:
    for version in strategy.versions.values():
        assert len(version.sections) >= 8, version.id


def test_draft_has_the_seven_focus_areas_and_adopted_the_four_strength_areas(strategy) -> None:
    utkast, beslutad = strategy.versions["utkast"], strategy.versions["beslutad"]
    assert len(utkast.sections["fokusomraden"].children) == 7
    titles = [beslutad.sections[c].title for c in beslutad.sections["styrkeomraden"].children]
    assert titles == [
        "Hållbar energi",
        "Jord, skog och vatten",
        "Upplevelser",
        "Digitala lösningar",
    ]


def test_consultation_draft_opens_with_the_reading_guide(strategy) -> None:
    assert next(iter(strategy.versions["remiss"].sections)) == "lasanvisning"


def test_versions_differ_as_a_strategy_does(strategy) -> None:
    utkast, remiss, beslutad = (strategy.versions[v] for v in ("utkast", "remiss", "beslutad"))
    merged = remiss.sections["distansoberoende-tjanster"].replaces
    assert merged == ["e-halsa", "offentlig-forvaltning"]
    split = [s.id for s in beslutad.sections.values() if "cirkular-bioekonomi" in s.replaces]
    assert len(split) == 2
    assert "bakgrund" in utkast.sections and "bakgrund" not in remiss.sections
    renamed = (
        remiss.sections["metod-och-process"].title != utkast.sections["metod-och-process"].title
    )
    assert renamed
    assert remiss.sections["internationellt-samarbete"].parent == "genomforande"
    assert utkast.sections["internationellt-samarbete"].parent is None


def test_workshop_input_has_its_participants_and_nine_points(strategy) -> None:
    (workshop,) = [i for i in strategy.inputs if i.id == "workshop-2019-12-11"]
    assert workshop.kind == "workshop" and workshop.about == "utkast"
    assert len(workshop.from_) == 23
    assert len(workshop.items) == 9


def test_example_site_builds_strictly(tmp_path_factory) -> None:
    site = shared_site(tmp_path_factory, EXAMPLE, date(2020, 3, 15), GUIDES)  # strictly
    strategy = load_strategy(EXAMPLE)
    for version in strategy.versions.values():
        for section in version.sections:
            assert (site / version.id / section / "index.html").is_file()
    start = BeautifulSoup(read(site, ""), "html.parser")
    assert start.select_one(".st-read-now a")["href"] == "beslutad/"
    assert (site / "redaktorer/index.html").is_file() or (
        site / "om-webbplatsen/index.html"
    ).is_file()
    # The example says on every page that it is a reconstruction, and links to its sources.
    assert (site / "om-exemplet/index.html").is_file()
    assert (site / "en/om-exemplet/index.html").is_file()
    for page in site.rglob("*.html"):
        if "assets" not in page.parts:
            html = page.read_text(encoding="utf-8")
            words = "This is a reconstruction" if 'lang="en"' in html[:200] else "rekonstruktion"
            assert 'class="st-site-notice"' in html and words in html, page
