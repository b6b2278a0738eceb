"""The preview shows content problems in the browser (mkdocs_plugin/error_preview.py):
an error build puts the `path:line: message` list at every address, and the next good
build brings the site back; `mkdocs build` still fails and writes nothing."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXTURES, SiteBuilder, epoch, run_mkdocs_build
from preview_server import REBUILD, fetch, mkdocs_serve, wait_for
from strategy_site.mkdocs_plugin import preview
from strategy_site.mkdocs_plugin.error_preview import LIVERELOAD_URI

SERVE_URL = "http://127.0.0.1:8000/smart-specialisering/"
ERROR = 'data-st-kind="preview-error"'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    builder = SiteBuilder(tmp_path, monkeypatch)
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om sidan\n\nHandskriven.\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2020, 3, 15)))
    monkeypatch.chdir(project)
    monkeypatch.setattr(preview, "_dirty", False)  # restored after the test
    return project


class Preview:
    """Rebuilds as `mkdocs serve` does, in process: the plugin objects are kept (MkDocs
    keeps those with on_startup), the configuration is read again each time."""

    def __init__(self, project: Path, site: Path, dirty: bool):
        self.project, self.site, self.dirty = project, site, dirty
        self.started = False

    def rebuild(self) -> None:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=self.dirty)
            self.started = True
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=self.dirty)

    def pages(self) -> dict[str, str]:
        return {
            str(p.relative_to(self.site)): p.read_text(encoding="utf-8")
            for p in self.site.rglob("index.html")
            if preview.FOLDER not in p.parts
        }


def break_yaml(project: Path) -> tuple[Path, str]:
    """An unreadable version.yml; returns the file and its good text."""
    path = project / "strategy" / "versions" / "v2" / "version.yml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("status:", "status: [unclosed\nstatus:", 1), encoding="utf-8")
    return path, good


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_an_error_shows_at_every_address_and_the_next_save_brings_the_site_back(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dirty: bool
) -> None:
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", *(["--dirty"] if dirty else [])])
    served = Preview(project, tmp_path / "served", dirty)
    served.rebuild()
    good = served.pages()
    assert len(good) > 20 and not any(ERROR in html for html in good.values())
    # Every page of the preview loads the live reload as a file of the site (csp.py).
    script = f'<script src="/smart-specialisering/{LIVERELOAD_URI}" defer></script>'
    assert all(script in html for html in good.values())
    assert (served.site / LIVERELOAD_URI).is_file()

    path, good_text = break_yaml(project)
    served.rebuild()  # does not raise: the error build
    broken = served.pages()
    assert set(broken) == set(good), "every address of the last good build shows the error"
    for address, html in broken.items():
        assert ERROR in html, address
        assert script in html
    page = BeautifulSoup(broken["index.html"], "html.parser")
    assert page.html["lang"] == "sv"
    assert page.h1.get_text() == "Innehållet har ett fel"
    item = page.find("li").get_text(" ")
    assert "strategy/versions/v2/version.yml:2" in item
    assert "the YAML cannot be read" in item
    assert "Tips: Check the indentation" in item
    english = BeautifulSoup(broken["en/index.html"], "html.parser")
    assert english.html["lang"] == "en"
    assert english.h1.get_text() == "The content has one problem"
    assert "Hint: Check the indentation" in english.get_text()
    # An address the last good build did not have: the server shows 404.html.
    assert ERROR in (served.site / "404.html").read_text(encoding="utf-8")
    assert (served.site / LIVERELOAD_URI).is_file()

    path.write_text(good_text, encoding="utf-8")
    served.rebuild()
    fixed = served.pages()
    assert set(fixed) == set(good)
    assert not [address for address, html in fixed.items() if ERROR in html]
    assert "Handskriven." in fixed["om/index.html"]
    assert ERROR not in (served.site / "404.html").read_text(encoding="utf-8")


def test_a_preview_started_with_an_error_shows_it_at_each_language_root(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve"])
    path, good_text = break_yaml(project)
    served = Preview(project, tmp_path / "served", dirty=False)
    served.rebuild()
    assert sorted(served.pages()) == ["en/index.html", "index.html"]
    assert all(ERROR in html for html in served.pages().values())
    path.write_text(good_text, encoding="utf-8")
    served.rebuild()
    assert len(served.pages()) > 20
    assert not any(ERROR in html for html in served.pages().values())


def test_every_problem_is_listed_and_escaped_once(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve"])
    strategy_yml = project / "strategy" / "strategy.yml"
    text = strategy_yml.read_text(encoding="utf-8")
    strategy_yml.write_text(text.replace("current: v3", "current: '<b>v9</b>'"), "utf-8")
    toc = project / "strategy" / "versions" / "v1" / "version.yml"
    toc.write_text(toc.read_text(encoding="utf-8").replace("status:", "statu:", 1), "utf-8")
    served = Preview(project, tmp_path / "served", dirty=False)
    served.rebuild()
    html = served.pages()["index.html"]
    page = BeautifulSoup(html, "html.parser")
    items = [li.get_text(" ") for li in page.find_all("li")]
    assert len(items) >= 2
    assert page.h1.get_text() == f"Innehållet har {len(items)} fel"
    assert "<b>" not in html and "&lt;b&gt;v9&lt;/b&gt;" in html
    assert any("strategy/versions/v1/version.yml" in item for item in items)
    assert any("strategy/strategy.yml" in item and "<b>v9</b>" in item for item in items)


def test_the_build_still_fails_and_writes_no_site(project: Path) -> None:
    break_yaml(project)
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "strategy/versions/v2/version.yml:2: the YAML cannot be read" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_a_real_mkdocs_serve_shows_the_error_and_recovers(project: Path) -> None:
    """`mkdocs serve` in a process of its own, fetched over HTTP as a browser would."""
    section = project / "strategy" / "versions" / "v2" / "inledning.md"
    with mkdocs_serve(project) as base:
        page = base + "v2/inledning/"
        first = fetch(page)
        assert ERROR not in first and "<h1" in first
        path, good_text = break_yaml(project)
        wait_for(lambda: ERROR in fetch(page), REBUILD, project, "the error page")
        assert "strategy/versions/v2/version.yml:2" in fetch(page)
        assert ERROR in fetch(base + "no/such/page/"), "the 404 page shows the error too"
        path.write_text(good_text, encoding="utf-8")
        section.write_text(section.read_text(encoding="utf-8") + "\nEtt nytt stycke.\n")
        wait_for(lambda: "Ett nytt stycke." in fetch(page), REBUILD, project, "the page again")
        assert ERROR not in fetch(page)
