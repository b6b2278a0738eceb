"""The preview in a browser: a real `mkdocs serve`, a page left open, files saved.

The page reloads by itself after each save (livereload.js: the Content-Security-Policy
blocks the inline script MkDocs' server adds), shows the content problems when a save
breaks the content (a page axe finds no fault with), and the page again when the next
save fixes it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import FIXTURES, SiteBuilder, epoch
from preview_server import REBUILD, mkdocs_serve

from .axe import run_axe
from .chromium import open_page


def test_the_open_page_reloads_to_the_error_and_back(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builder = SiteBuilder(tmp_path, monkeypatch)
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2020, 3, 15)))
    section = project / "strategy" / "versions" / "v2" / "inledning.md"
    toc = project / "strategy" / "versions" / "v2" / "version.yml"
    good_toc = toc.read_text(encoding="utf-8")
    with mkdocs_serve(project, "--dirty") as base:
        origin = base.removesuffix("/smart-specialisering/")  # /livereload/ is at the root
        with open_page(browser, origin) as page:
            check_reloads(page, base, section, toc, good_toc)


def check_reloads(page: Page, base: str, section: Path, toc: Path, good_toc: str) -> None:
    timeout = REBUILD * 1000
    page.goto(base + "v2/inledning/")
    expect(page.locator('[data-st-kind="section"]')).to_be_visible()

    section.write_text(section.read_text(encoding="utf-8") + "\nEtt sparat stycke.\n")
    expect(page.get_by_text("Ett sparat stycke.")).to_be_visible(timeout=timeout)

    toc.write_text(good_toc.replace("status:", "status: [unclosed\nstatus:", 1), "utf-8")
    error = page.locator('[data-st-kind="preview-error"]')
    expect(error).to_be_visible(timeout=timeout)
    expect(error.locator("h1")).to_have_text("Innehållet har ett fel")
    expect(error.locator("li").first).to_contain_text("strategy/versions/v2/version.yml:2")
    assert run_axe(page, "the preview's error page") == []

    toc.write_text(good_toc, encoding="utf-8")
    expect(page.locator('[data-st-kind="section"]')).to_be_visible(timeout=timeout)
    expect(page.get_by_text("Ett sparat stycke.")).to_be_visible()
