"""The checks EVERY page gets (page_checks.py): WCAG 2.2 AA by axe-core in light and dark,
no sideways scrolling and no header title cut off at 360 px. Every page that carries the
site's own markup (every section, changes view, history, inputs page, ... in every
language, found by walking the built site) and every sample page (hand-written pages).

The pages are visited once, here, for all of these tests: they live in one module so that
pytest-xdist (`--dist loadfile`) runs the visit on one worker only; with the tests in two
modules both workers made the whole visit, the longest job of the suite, each."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from . import axe
from .conftest import TIMINGS
from .page_checks import CheckRun, check_every_page, scheme_problems, unchecked
from .pages import SamplePage


@pytest.fixture(scope="module")
def pages_to_check(every_page: list[SamplePage], sample: list[SamplePage]) -> list[SamplePage]:
    """Every page of the site's own and every sample page, once each; search results are
    checked on their own (test_accessibility.py: they need typing)."""
    unique: dict[str, SamplePage] = {}
    for entry in every_page + sample:
        if not entry.search:
            unique.setdefault(entry.path, entry)
    return list(unique.values())


@pytest.fixture(scope="module")
def page_checks(browser: Browser, example_server: str, pages_to_check) -> CheckRun:
    run = check_every_page(browser, example_server, pages_to_check)
    TIMINGS.append(run.summary())
    return run


def test_every_page_was_checked(page_checks, pages_to_check) -> None:
    """Each page really loaded (no redirect), axe ran rules on it in both schemes, in the
    scheme asked for, and it was measured at 360 px."""
    problems = unchecked(page_checks, pages_to_check) + scheme_problems(page_checks)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(page_checks, scheme) -> None:
    violations = [
        violation
        for result in page_checks.results
        for violation in axe.violations(
            getattr(result, scheme)["axe"], f"{result.entry.label}, {scheme} scheme"
        )
    ]
    assert not violations, axe.report(violations)


def test_no_page_scrolls_sideways_at_360px(page_checks) -> None:
    problems = [
        f"{result.entry.label}: {found['scrollWidth']} px wide in a {found['clientWidth']} px "
        "window; " + "; ".join(found["wide"])
        for result in page_checks.results
        for found in [result.narrow]
        if found["scrollWidth"] > found["clientWidth"]
    ]
    assert not problems, "pages that scroll sideways at 360 px:\n" + "\n".join(problems)


def test_no_header_title_is_cut_off_at_360px(page_checks) -> None:
    """The site's name and the page's title that replaces it in the header once the
    reader scrolls wrap instead of ending in "…", and stay inside the header."""
    cut = [
        f"{result.entry.label}: {title['text']!r}"
        for result in page_checks.results
        for title in result.narrow["titles"]
        if title["cut"]
    ]
    assert len(page_checks.results[0].narrow["titles"]) == 2
    assert not cut, "header titles cut off at 360 px:\n" + "\n".join(cut)
