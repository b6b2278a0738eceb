"""What a preview keeps between rebuilds (mkdocs_plugin/rebuilds.py, content/reuse.py,
plan/templating.py's compiled partials, derive/comparisons.py), in process: build, edit
the content, rebuild as `mkdocs serve --dirty` does; after each edit the site is what a
first build of the edited content gives (nothing kept), byte for byte, and the rebuild
parsed again only the files that changed."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, SiteBuilder, epoch
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError
from strategy_site.content.reuse import ParseCache
from strategy_site.mkdocs_plugin import preview, rebuilds
from test_preview import serve_build


def outputs(site: Path) -> dict[str, bytes]:
    """The pages and sitemaps (not the preview's backing files)."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
        and preview.FOLDER not in p.parts
        and (p.suffix == ".html" or p.name.startswith("sitemap"))
    }


def search_locations(site: Path, lang_root: str) -> list[str]:
    index = json.loads((site / lang_root / "search" / "search_index.json").read_text())
    return sorted(d["location"] for d in index["docs"])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    builder = SiteBuilder(tmp_path, monkeypatch)
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2020, 3, 15)))
    monkeypatch.chdir(project)
    monkeypatch.setattr(preview, "_dirty", False)  # restored after the test
    rebuilds.forget()
    yield project
    rebuilds.forget()


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


V3 = Path("strategy/versions/v3")
EDITS = {
    "a section's text": lambda p: append(p / V3 / "skog.md", "\nEtt nytt stycke om skogen.\n"),
    "a version.yml": lambda p: replace_in(
        p / V3 / "version.yml", "sv: Beslutad version", "sv: Det beslutade programmet"
    ),
    "a translation": lambda p: replace_in(
        p / V3 / "skog.en.md", "The forest matters", "The forest matters a great deal"
    ),
    "a deleted translation": lambda p: (p / V3 / "inledning.en.md").unlink(),
    "a deleted section": lambda p: (
        (p / V3 / "energi.md").unlink(),
        replace_in(p / V3 / "version.yml", "      - energi\n", ""),
    ),
}


def test_each_rebuild_gives_what_a_first_build_gives(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = tmp_path / "served"
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])  # i18n reads it
    serve_build(project, served, dirty=True)
    cache = rebuilds.parse_cache(project / "strategy")
    files_read = len(cache)
    assert files_read > 10 and cache.reused == 0

    for n, (what, edit) in enumerate(EDITS.items()):
        before = outputs(served)
        edit(project)
        monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])
        serve_build(project, served, dirty=True)
        after = outputs(served)
        # Kept: every file's parse but the edited one's (none for a deleted file).
        assert cache.parsed <= 1, what
        assert cache.reused >= len(cache) - 1, what
        assert len(cache) == cache.parsed + cache.reused, what  # deleted files forgotten
        assert after != before, f"{what}: the rebuild changed nothing"

        # A first build of the same content, with nothing kept, in a folder of its own.
        rebuilds.forget()
        monkeypatch.setattr(sys, "argv", ["mkdocs", "build"])
        clean = tmp_path / f"clean-{n}"
        serve_build(project, clean, dirty=False)
        expected = outputs(clean)
        # (A dirty build leaves the pages of a deleted section behind, as MkDocs does.)
        assert set(expected) <= set(after), what
        for path, content in expected.items():
            assert after[path] == content, f"{what}: {path} differs from a first build"
        swedish, clean_swedish = search_locations(served, ""), search_locations(clean, "")
        if what != "a deleted section":
            assert swedish == clean_swedish, what
        else:
            # Like the page itself, a deleted section's search entries stay in a dirty
            # preview (MkDocs' dirty builds delete nothing); the rest is as a first build.
            assert [e for e in swedish if not e.startswith("v3/energi/")] == clean_swedish
        english, clean_english = search_locations(served, "en"), search_locations(clean, "en")
        if n < list(EDITS).index("a deleted translation"):
            assert english == clean_english, what
        else:
            # Known defect of dirty previews, with or without anything kept (it shows
            # after rebuilds.forget() too): once a translation is deleted, the English
            # index of a dirty rebuild also lists the pages shown in Swedish, which a
            # first build leaves out. Nothing it should list is missing.
            assert set(clean_english) <= set(english), what
        # What the first build kept serves the next rebuild of the preview.
        shutil.rmtree(clean)


OVERRIDE = '{% extends "strategy-base.html" %}\n{% block footer %}MARK{{ super() }}{% endblock %}\n'


def test_compiled_templates_are_reused_and_recompiled_when_changed(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve"])
    site = tmp_path / "served"
    serve_build(project, site, dirty=False)
    kept = dict(rebuilds._compiled)  # noqa: SLF001 (what the first build compiled)
    assert kept and all(len(c) > 0 for c in kept.values())
    first_reused = sum(c.reused for c in kept.values())

    serve_build(project, site, dirty=False)
    assert sum(c.reused for c in kept.values()) > first_reused

    # A region's override of a page template, changed between builds, shows at once.
    overrides = project / "overrides"
    (overrides / "strategy" / "partials").mkdir(parents=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config
    (project / "mkdocs.yml").write_text(
        config.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1), encoding="utf-8"
    )
    main = overrides / "main.html"
    main.write_text(OVERRIDE.replace("MARK", "MARK-ONE"))
    serve_build(project, site, dirty=False)
    assert "MARK-ONE" in (site / "index.html").read_text(encoding="utf-8")
    main.write_text(OVERRIDE.replace("MARK", "MARK-TWO"))
    serve_build(project, site, dirty=False)
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "MARK-TWO" in page and "MARK-ONE" not in page


def test_a_mistake_is_reported_on_every_load_and_its_fix_seen(tmp_path: Path) -> None:
    root = tmp_path / "strategy"
    shutil.copytree(FIXTURES / "basic", root)
    cache = ParseCache()
    load_strategy(root, cache=cache)
    version_yml = root / "versions" / "v3" / "version.yml"
    good = version_yml.read_text(encoding="utf-8")
    version_yml.write_text(good.replace("status: adopted", "status: [adopted"), encoding="utf-8")

    with pytest.raises(ContentError) as uncached:
        load_strategy(root)
    for _ in range(2):  # parsed once, then its problems come from the cache
        with pytest.raises(ContentError) as cached:
            load_strategy(root, cache=cache)
        assert cached.value.report() == uncached.value.report()
    assert cache.parsed == 0 and cache.reused > 0

    version_yml.write_text(good, encoding="utf-8")
    strategy = load_strategy(root, cache=cache)
    assert strategy.versions["v3"].status == "adopted"
    # The fixed file, and v3's sections, which the broken load did not read.
    assert 0 < cache.parsed < len(cache)
    load_strategy(root, cache=cache)
    assert cache.parsed == 0 and cache.reused == len(cache)


def test_a_rebuild_after_a_content_mistake_stops_and_then_recovers(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])
    site = tmp_path / "served"
    serve_build(project, site, dirty=True)
    skog = project / V3 / "skog.md"
    good = skog.read_text(encoding="utf-8")
    skog.write_text(good.replace("---\n", "---\ntitle: [oavslutad\n", 1), encoding="utf-8")
    for _ in range(2):  # the second time from the kept parse: reported all the same
        caplog.clear()
        # A preview shows the problem in the browser instead of stopping (error_preview.py).
        serve_build(project, site, dirty=True)
        assert "strategy/versions/v3/skog.md:3: the YAML cannot be read" in caplog.text
        shown = (site / "index.html").read_text(encoding="utf-8")  # the error page
        assert "the YAML cannot be read" in shown
    skog.write_text(good + "\nRättat.\n", encoding="utf-8")
    serve_build(project, site, dirty=True)
    assert "Rättat." in (site / "v3" / "skog" / "index.html").read_text(encoding="utf-8")
