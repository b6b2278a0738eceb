"""The accessibility statement states what this suite checks, not what we hope."""

from __future__ import annotations

from pathlib import Path

from .axe import AXE_VERSION
from .pages import EXTRA

REPO = Path(__file__).resolve().parents[2]
STATEMENTS = {
    "sv": REPO / "docs/tillganglighet.md",
    "en": REPO / "docs/tillganglighet.en.md",
}


def test_statement_names_the_tools_and_checks_the_suite_runs() -> None:
    phrases = {
        "sv": ["WCAG 2.0 och 2.1 på nivå A och AA", "360 pixlar", "Tab och Enter", "ljust och"],
        "en": ["WCAG 2.0 and 2.1 level A and AA", "360 pixel", "Tab and Enter", "light and dark"],
    }
    for lang, path in STATEMENTS.items():
        text = path.read_text(encoding="utf-8")
        assert f"axe-core {AXE_VERSION}" in text, path
        for phrase in phrases[lang]:
            assert phrase in text, (path, phrase)
        assert "digg.se" in text  # the supervisory authority


def test_statement_says_search_results_are_tested_as_they_are() -> None:
    assert any(page.kind == "search" for page in EXTRA)
