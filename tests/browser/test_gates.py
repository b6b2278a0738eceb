"""The gates fail when they should: a deliberately broken site, and each check catching
its problem on it.

The broken site is the basic fixture with the repository's mkdocs.yml and one extra
hand-written page, /trasig/, holding one problem for each check.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import axe, html_check, link_check, network
from .chromium import open_page, unavailable
from .keyboard import focus_problem, tab_to
from .pages import SamplePage, visit
from .site_build import REPO, build, copy_project, site_url
from .site_server import serve

FIXTURE = REPO / "tests" / "fixtures" / "basic"

# A 1x1 transparent PNG, so that the image itself exists and only its alt text is missing.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

BROKEN_PAGE = """\
# Trasig sida

Den här sidan är trasig med flit.

<img src="../bild.png">

Se [ett avsnitt som inte finns](../v2/finns-inte/) och
[en rubrik som inte finns](../v2/skog/#finns-inte).

<link rel="stylesheet" href="https://cdn.example.com/x.css">

<div class="st-gate"><ul><div>Inte en listpunkt.</div></ul></div>

Ett löst sluttagg</span> mitt i texten.
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(site, site_url) of the broken site."""
    project = copy_project(
        tmp_path_factory.mktemp("broken") / "project",
        strategy=FIXTURE,
        docs={"om.md": "# Om webbplatsen\n\nText.\n", "trasig.md": BROKEN_PAGE, "bild.png": PIXEL},
    )
    return build(project, project.parent / "site"), site_url(project)


@pytest.fixture(scope="module")
def broken_server(broken) -> Iterator[str]:
    with serve(broken[0]) as url:
        yield url


BROKEN = SamplePage("/trasig/", "a deliberately broken page", "docs")


def test_axe_catches_an_image_without_alt_text(browser, broken_server) -> None:
    with open_page(browser, broken_server) as page:
        visit(page, BROKEN)
        violations = axe.run_axe(page, BROKEN.label)
    rules = {v.rule: v for v in violations}
    assert "image-alt" in rules, axe.report(violations)
    assert rules["image-alt"].impact == "critical"
    assert len(rules["image-alt"].targets) == 1, axe.report(violations)


def test_link_check_catches_a_missing_page_and_a_missing_fragment(broken) -> None:
    site, url = broken
    found = {(b.page, b.link): b.problem for b in link_check.check_links(site, url)}
    assert ("trasig/index.html", "../v2/finns-inte/") in found, found
    assert found[("trasig/index.html", "../v2/finns-inte/")].startswith("no such file")
    assert ("trasig/index.html", "../v2/skog/#finns-inte") in found, found
    assert "no id 'finns-inte'" in found[("trasig/index.html", "../v2/skog/#finns-inte")]


def test_privacy_check_catches_a_stylesheet_from_another_host(browser, broken_server) -> None:
    log = network.RequestLog(page_label=BROKEN.label)
    with open_page(browser, broken_server) as page:
        log.attach(page)
        visit(page, BROKEN, settle=True)
    foreign = network.foreign_requests(log.requests, broken_server)
    assert [url for _, url in foreign] == ["https://cdn.example.com/x.css"], foreign
    # and the local requests were all seen too
    assert any(url.endswith("/trasig/") for _, url in log.requests)


def test_focus_check_catches_a_hidden_focus_indicator(browser, broken_server) -> None:
    with open_page(browser, broken_server) as page:
        visit(page, BROKEN)
        # Through the CSS object model: the site's Content-Security-Policy refuses a
        # <style> tag (add_style_tag), as it would one smuggled into the content.
        page.evaluate(
            """css => {
                const sheet = new CSSStyleSheet();
                sheet.replaceSync(css);
                document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            }""",
            "a:focus { outline: none !important; box-shadow: none !important; }",
        )
        assert tab_to(page, "article a[href*='finns-inte']")
        problem = focus_problem(page, BROKEN.label)
    assert problem is not None and "no visible focus indicator" in problem


def test_html5_parse_catches_a_stray_end_tag(broken) -> None:
    errors = html_check.html5_parse_errors(broken[0])
    assert any(e.page == "trasig/index.html" and "span" in e.message for e in errors), errors


def test_vnu_check_catches_invalid_markup_inside_our_classes_only(broken) -> None:
    java = html_check.java()
    if java is None:
        unavailable("Java (for the Nu Html Checker)", "Run scripts/test, which installs it.")
    site = broken[0]
    messages = html_check.run_vnu(java, site, [site / "trasig" / "index.html"])
    ours, theirs = html_check.split_ours(site, messages)
    assert any(m.kind == "error" and "“div” not allowed" in m.message for m in ours), ours
    # the stray end tag sits in a paragraph outside any st- element: not ours
    assert not any("Stray end tag" in m.message for m in ours), ours
    assert any("Stray end tag" in m.message for m in theirs), theirs


# Material's table of contents of a page without headings, as Material 9.8 draws it.
EMPTY_TOC = """<!doctype html><html lang="sv"><body><div class="md-sidebar--secondary">
<nav class="md-nav md-nav--secondary" aria-label="Innehållsförteckning">
</nav></div><article><h1>Rubrik</h1></article></body></html>"""

FULL_TOC = """<!doctype html><html lang="sv"><body>
<nav class="md-nav md-nav--secondary" aria-label="Innehållsförteckning"><ul>
<li><a href="#a">A</a><nav class="md-nav" aria-label="A"><ul><li><a href="#b">B</a></li>
</ul></nav></li></ul></nav></body></html>"""


def test_toc_check_catches_an_empty_table_of_contents(tmp_path: Path) -> None:
    (tmp_path / "tom").mkdir()
    (tmp_path / "tom" / "index.html").write_text(EMPTY_TOC, encoding="utf-8")
    (tmp_path / "index.html").write_text(FULL_TOC, encoding="utf-8")
    assert html_check.empty_tocs(tmp_path) == ["tom/index.html"]
