"""WCAG 2.1 AA by axe-core, in chromium, on every sample page, in light and dark."""

from __future__ import annotations

import pytest

from . import axe
from .chromium import color_scheme_problem, open_page
from .pages import visit


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_sample_page(browser, example_server, sample, scheme) -> None:
    violations: list[axe.Violation] = []
    wrong_scheme: list[str] = []
    with open_page(browser, example_server, color_scheme=scheme) as page:
        for entry in sample:
            visit(page, entry)
            problem = color_scheme_problem(page, scheme)
            if problem:
                wrong_scheme.append(problem)
            violations += axe.run_axe(page, f"{entry.label}, {scheme} scheme")
    assert not wrong_scheme, "the page did not render in the scheme:\n" + "\n".join(wrong_scheme)
    assert not violations, axe.report(violations)
