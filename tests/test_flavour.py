"""The engine's conventions in the page plan come from the adapter's Flavour only: planned
with another engine's flavour, no page carries Material's or MkDocs' conventions."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import FIXTURES
from strategy_site.derive.comparisons import Comparisons
from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.flavour import Flavour
from strategy_site.plan.pages import PlannedPage, plan_site

OTHER = Flavour(
    button_class="x-button",
    search_exclude={"x_search": "off"},
    hide_toc={"x_toc": "off"},
    page_source="",
    result_labels="x_labels",
    search_first={"x_rank": 9},
    search_later={"x_rank": 0},
)


def planned(flavour: Flavour) -> list[PlannedPage]:
    strategy = load_publishable(FIXTURES / "basic")
    comparisons = Comparisons(strategy, enabled=True)
    return [
        page
        for lang in strategy.languages
        for page in plan_site(strategy, lang, date(2020, 3, 15), comparisons, flavour=flavour).pages
    ]


@pytest.fixture(scope="module")
def other() -> list[PlannedPage]:
    return planned(OTHER)


def text(page: PlannedPage) -> str:
    return "\n".join([page.markdown, page.before_html, page.after_html])


def test_no_page_carries_materials_conventions_with_another_flavour(
    other: list[PlannedPage],
) -> None:
    for page in other:
        assert "md-button" not in text(page), page.path
        assert not re.search(r"^(search|hide|tags):", page.markdown, re.M), page.path
        assert not re.search(r"\]\([^)]*index\.md", page.markdown), page.path


def test_the_flavours_conventions_are_used(other: list[PlannedPage]) -> None:
    every = "\n".join(text(page) for page in other)
    assert 'class="x-button st-show-changes"' in every  # "Show changes" on a section
    assert 'class="x-button"' in every  # "Hide changes" on its changes view
    assert re.search(r'^x_search: "off"$', every, re.M)
    assert re.search(r'^x_toc: "off"$', every, re.M)
    assert re.search(r"^x_rank: 9$", every, re.M) and re.search(r"^x_rank: 0$", every, re.M)
    assert re.search(r"^x_labels: \[", every, re.M)
    material = "\n".join(text(page) for page in planned(MKDOCS_MATERIAL))
    assert 'class="md-button st-show-changes"' in material
    assert "index.md" in material
