"""WCAG 2.2 AA by axe-core, in chromium, in light and dark, beyond the checks every page
gets (test_every_page.py): search results, a kind of page only a site with history has,
and what makes checking the dark scheme with the colour rules alone sound."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from . import axe
from .chromium import open_page
from .page_checks import check_every_page, scheme_problems, unchecked
from .pages import SamplePage, visit
from .site_build import REPO, build, copy_project
from .site_server import serve

FIXTURE = REPO / "tests" / "fixtures" / "basic"

ASSETS = Path(__file__).resolve().parents[2] / "plugins/strategy_site/mkdocs_plugin/templates"


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


def test_the_dark_scheme_runs_every_rule_about_colour(browser, example_server) -> None:
    """The dark scheme runs axe's colour rules only (axe.SCHEME_RULES): they must be all
    the WCAG rules of axe's colour category, in the axe that is loaded."""
    with open_page(browser, example_server) as page:
        page.goto("/")
        page.evaluate(axe.axe_source())
        rules = page.evaluate(f"({axe.RULE_CATEGORIES})", list(axe.WCAG_TAGS))
    colour = sorted(rule for rule, categories in rules if "cat.color" in categories)
    assert colour == sorted(axe.SCHEME_RULES)
    assert len(rules) > 50  # the WCAG rules were found at all


# The properties a dark-scheme rule of the site's may set: colours, and custom properties
# that hold colours. Anything else (display, size, ...) could change what other axe rules
# find, and the dark scheme would then need them all.
COLOUR_PROPERTIES = re.compile(
    r"(--[\w-]+|color|background(-color)?|border(-\w+)?-color|outline-color|fill|stroke"
    r"|text-decoration-color|box-shadow)"
)


def test_the_sites_dark_scheme_changes_colours_only() -> None:
    for sheet in sorted(ASSETS.glob("assets/strategy/*.css")):
        css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert "prefers-color-scheme" not in css, f"{sheet.name}: a media query on the scheme"
        for selector, body in re.findall(r"([^{}]*slate[^{}]*)\{([^{}]*)\}", css):
            for declaration in filter(str.strip, body.split(";")):
                name = declaration.split(":", 1)[0].strip()
                assert COLOUR_PROPERTIES.fullmatch(name), (
                    f"{sheet.name}: {selector.strip()} sets {name}, not a colour"
                )


def test_materials_dark_scheme_changes_colours_only() -> None:
    """Material's slate scheme sets colours (and `color-scheme`), except that it hides
    images marked for the light scheme (`#only-light`), which the example does not use."""
    import material

    repo = ASSETS.parents[3]
    folder = Path(material.__file__).parent / "templates/assets/stylesheets"
    sheets = sorted(folder.glob("*.min.css"))
    assert sheets
    for sheet in sheets:
        for selector, body in re.findall(r"([^{}]*slate[^{}]*)\{([^{}]*)\}", sheet.read_text()):
            names = {d.split(":", 1)[0].strip() for d in body.split(";") if d.strip()}
            other = {n for n in names if not COLOUR_PROPERTIES.fullmatch(n)} - {"color-scheme"}
            if other:
                assert other == {"display"} and "only" in selector, (sheet.name, selector, other)
    for folder_name in ("strategy", "docs"):
        for file in (repo / folder_name).rglob("*.md"):
            text = file.read_text(encoding="utf-8")
            assert "#only-light" not in text and "light-mode-only" not in text, file


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.se", *args],
        cwd=folder,
        check=True,
        capture_output=True,
        env=dict(
            os.environ,
            GIT_AUTHOR_DATE="2020-03-03T10:00:00",
            GIT_COMMITTER_DATE="2020-03-03T10:00:00",
        ),
    )


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic fixture in git: v3/skog translated, then its Swedish text changed in a
    later commit, so that the English site has a page of what changed (the example is
    built without history: tests copy it without .git)."""
    from click.testing import CliRunner

    from strategy_site.tools.cli import main

    strategy = tmp_path_factory.mktemp("history") / "strategy"
    shutil.copytree(FIXTURE, strategy)
    result = CliRunner().invoke(
        main, ["translations", "--content", str(strategy), "mark-current", "v3/skog"]
    )
    assert result.exit_code == 0, result.output
    _git(strategy, "init", "-q")
    _git(strategy, "add", "-A")
    _git(strategy, "commit", "-q", "-m", "Översatt")
    skog = strategy / "versions/v3/skog.md"
    text = skog.read_text(encoding="utf-8").replace("title: Skog", "title: Skog och fjäll")
    skog.write_text(text.replace("Skogen är viktig", "Skogen och fjällen är viktiga"))
    _git(strategy, "commit", "-q", "-am", "Ändrad")
    project = copy_project(strategy.parent / "project", strategy=strategy, docs={"om.md": "# Om\n"})
    return build(project, project.parent / "site")


def test_a_page_of_source_changes_passes_the_every_page_checks(browser, history_site) -> None:
    """A kind of page only a site built with history has: the same checks as every page."""
    entries = [
        SamplePage(f"/{path}", f"{kind}, en", kind)
        for path, kind in [
            ("en/v3/skog/andringar-i-kallan/", "source-changes"),
            ("en/v3/skog/", "section"),
            ("oversattning/", "translations"),
        ]
    ]
    assert (history_site / "en/v3/skog/andringar-i-kallan/index.html").is_file()
    with serve(history_site) as url:
        run = check_every_page(browser, url, entries)
    assert not unchecked(run, entries) and not scheme_problems(run)
    violations = [
        violation
        for result in run.results
        for scheme in ("light", "dark")
        for violation in axe.violations(getattr(result, scheme)["axe"], result.entry.label)
    ]
    assert not violations, axe.report(violations)
    wide = [r.entry.label for r in run.results if r.narrow["scrollWidth"] > r.narrow["clientWidth"]]
    assert not wide, wide
