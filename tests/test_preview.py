"""Fast previews (`mkdocs serve --dirty`, mkdocs_plugin/preview.py), in process: build,
edit one section, rebuild dirty as `serve` does; only the pages whose output changed are
written again, the result is what a clean build of the edited content gives, and each
language's search index lists every page once."""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXTURES, SiteBuilder, epoch
from strategy_site.mkdocs_plugin import preview

SECTION = "versions/v3/uppfoljning.md"


def files_of(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every output file (not the preview's backing files): its mtime and bytes."""
    return {
        str(p.relative_to(site)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file() and preview.FOLDER not in p.parts and p.name != ".preview_index.json"
    }


def serve_build(project: Path, site: Path, dirty: bool) -> None:
    """One rebuild as `mkdocs serve` does it: a fresh config and fresh plugin objects."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, dirty=dirty)


def search_locations(site: Path, lang_root: str) -> list[str]:
    index = json.loads((site / lang_root / "search" / "search_index.json").read_text())
    return [d["location"].split("#", 1)[0] for d in index["docs"] if "#" not in d["location"]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    builder = SiteBuilder(tmp_path, monkeypatch)
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2020, 3, 15)))
    monkeypatch.chdir(project)
    monkeypatch.setattr(preview, "_dirty", False)  # restored after the test
    return project


def test_a_dirty_rebuild_writes_only_the_changed_pages(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # mkdocs-static-i18n decides whether its builds of the other languages are dirty from
    # the command line ("--dirty" in sys.argv, its plugin.py on_post_build).
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])
    site = tmp_path / "served"
    serve_build(project, site, dirty=True)
    before = files_of(site)

    section = project / "strategy" / SECTION
    section.write_text(section.read_text(encoding="utf-8") + "\nEtt nytt stycke.\n")
    serve_build(project, site, dirty=True)
    after = files_of(site)

    pages = {path for path in after if path.endswith("index.html")}
    rewritten = {p for p in pages if p not in before or before[p][0] != after[p][0]}
    changed = {p for p in pages if p not in before or before[p][1] != after[p][1]}
    assert "v3/uppfoljning/index.html" in changed
    assert rewritten == changed, "a dirty rebuild should write exactly the changed pages"
    assert len(rewritten) < len(pages) / 4, sorted(rewritten)

    # The same bytes as a clean build of the edited content.
    monkeypatch.setattr(sys, "argv", ["mkdocs", "build"])
    clean = tmp_path / "clean"
    serve_build(project, clean, dirty=False)
    expected = files_of(clean)
    for path, (_, content) in expected.items():
        if path.endswith(".html") or path.startswith("sitemap"):
            assert after[path][1] == content, f"{path} differs from a clean build"

    # Each language's search index lists every page of that language once.
    for root in ("", "en"):
        dirty_pages = Counter(search_locations(site, root))
        clean_pages = Counter(search_locations(clean, root))
        assert dirty_pages == clean_pages
        assert all(count == 1 for count in clean_pages.values())


def test_a_page_whose_output_went_missing_is_written_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])
    site = tmp_path / "served"
    serve_build(project, site, dirty=True)
    shutil.rmtree(site / "v2" / "skog")
    serve_build(project, site, dirty=True)
    assert (site / "v2" / "skog" / "index.html").is_file()
