"""The banners, history lists, section pages and changes views a preview keeps from one
plan to the next (plan/kept_html.py): after each kind of edit, a plan that reuses them is
the plan made with nothing kept, page for page, and an edit to a section's text alone
draws again only the history lists whose facts it changed and plans again only the pages
that read the text."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES
from strategy_site.derive.comparisons import Comparisons
from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.kept_html import KeptHtml, outline_digest
from strategy_site.plan.pages import plan_site
from strategy_site.plan.templating import Fragments

TODAY = date(2021, 4, 1)


def plans(root: Path, kept: KeptHtml | None, fragments: Fragments | None = None) -> list[dict]:
    strategy = load_publishable(root)
    comparisons = Comparisons(strategy)
    pages = []
    for lang in strategy.languages:
        plan = plan_site(
            strategy,
            lang,
            TODAY,
            comparisons,
            flavour=MKDOCS_MATERIAL,
            fragments=fragments or Fragments(),
            shared=[],
            kept=kept,
        )
        pages += [asdict(page) for page in plan.pages]
    return pages


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


V2, V3 = Path("versions/v2"), Path("versions/v3")
EDITS = {
    # Text only: the banners stay; v3's comparison with v2 counts other words.
    "a section's text": lambda r: edit(
        r / V2 / "inledning.md", "hur regionen ska växa.", "hur regionen ska växa och förändras."
    ),
    # Text that was kept unchanged becomes changed: the history says so.
    "unchanged text changed": lambda r: edit(
        r / V3 / "inledning.md", "Programmet", "Det nya programmet"
    ),
    "a translation's text": lambda r: edit(r / V3 / "skog.en.md", "forest", "woodland"),
    "a section's title": lambda r: edit(r / V3 / "skog.md", "title: ", "title: Nya "),
    "a version's name": lambda r: edit(r / V3 / "version.yml", "sv: ", "sv: Ny "),
    "an input's decision": lambda r: edit(
        r / "inputs" / "remissvar-forening.yml", "decision: accepted", "decision: rejected"
    ),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "strategy"
    shutil.copytree(FIXTURES / "lineage", target)
    return target


def test_each_plan_that_reuses_parts_is_the_plan_made_afresh(root: Path) -> None:
    kept = KeptHtml()
    assert plans(root, kept) == plans(root, None)
    drawn, planned = kept.drawn, kept.planned
    assert drawn > 50  # every banner and history list of both languages
    assert planned > 40  # every section page and changes view of both languages
    assert plans(root, kept) == plans(root, None)
    assert (kept.drawn, kept.planned) == (drawn, planned)  # nothing changed: nothing drawn
    for what, change in EDITS.items():
        outline = outline_digest(load_publishable(root))
        change(root)
        generation = kept.generation
        assert plans(root, kept) == plans(root, None), what
        text_only = outline_digest(load_publishable(root)) == outline
        assert text_only == (
            what in {"a section's text", "unchanged text changed", "a translation's text"}
        ), what
        if text_only:  # kept: only the history lists whose facts changed were drawn
            assert kept.generation == generation, what
            # (a translation's text is in no history list)
            least = 0 if what == "a translation's text" else 1
            assert least <= kept.drawn - drawn < 20, what
            # The edited section's pages, and the changes views that compare with it.
            assert 1 <= kept.planned - planned < 12, what
        drawn, planned = kept.drawn, kept.planned


def test_a_changed_partial_draws_every_part_again(root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "partials"
    folder.mkdir()
    kept = KeptHtml()
    plans(root, kept, Fragments([folder]))
    (folder / "banner.html").write_text('<div class="region-banner">{{ selector }}</div>\n')
    pages = plans(root, kept, Fragments([folder]))
    assert pages == plans(root, None, Fragments([folder]))
    assert all(
        page["before_html"].startswith('<div class="region-banner">')
        for page in pages
        if page["version"] and page["kind"] in {"section", "version"}
    )
