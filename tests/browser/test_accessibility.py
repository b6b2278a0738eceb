"""WCAG 2.1 AA by axe-core, in chromium, in light and dark: on EVERY page that carries the
site's own markup (every section, changes view, inputs page, ... in every language,
found by walking the built site) and on every sample page (hand-written pages, search
results). Pages are checked several at a time, in tabs of one browser."""

from __future__ import annotations

import pytest

from . import axe
from .chromium import color_scheme_problem, open_page
from .pages import SamplePage, visit
from .tabs import run_in_tabs


def pages_to_check(every_page: list[SamplePage], sample: list[SamplePage]) -> list[SamplePage]:
    """Every page once; search results are checked on their own (they need typing)."""
    unique: dict[str, SamplePage] = {}
    for entry in every_page + sample:
        if not entry.search:
            unique.setdefault(entry.path, entry)
    return list(unique.values())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(browser, example_server, every_page, sample, scheme):
    entries = pages_to_check(every_page, sample)
    wrong_scheme: list[str] = []

    def scheme_of(page, entry, results) -> None:
        problem = color_scheme_problem(page, scheme)
        if problem:
            wrong_scheme.append(problem)

    results = run_in_tabs(
        browser,
        example_server,
        entries,
        lambda entry: entry.path,
        axe.CHECK,
        setup=axe.axe_source(),
        after=scheme_of,
        color_scheme=scheme,
    )
    violations = [
        violation
        for entry, found in results
        for violation in axe.violations(found, f"{entry.label}, {scheme} scheme")
    ]
    assert len(results) == len(entries)
    assert not wrong_scheme, "the page did not render in the scheme:\n" + "\n".join(wrong_scheme)
    assert not violations, axe.report(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_search_results(browser, example_server, sample, scheme) -> None:
    violations: list[axe.Violation] = []
    with open_page(browser, example_server, color_scheme=scheme) as page:
        for entry in [entry for entry in sample if entry.search]:
            visit(page, entry)
            violations += axe.run_axe(page, f"{entry.label}, {scheme} scheme")
    assert not violations, axe.report(violations)


def test_axe_runs_on_every_kind_of_page_in_every_language(every_page) -> None:
    kinds = {(entry.kind, entry.description.rsplit(", ", 1)[-1]) for entry in every_page}
    for lang in ("sv", "en"):
        for kind in ("section", "changes", "history", "inputs", "version", "start"):
            assert (kind, lang) in kinds, f"no {kind} page in {lang} was found to check"
    assert sum(1 for entry in every_page if entry.kind == "404") == 2
