"""What the adapter makes in Material's stead must match what Material makes, and what
i18n lists must list our pages: these fail when an upgrade of either changes it.

- The sidebar entries pre-rendered once per version (mkdocs_plugin/sidebar.py, inserted
  by the fork of partials/nav.html) against Material's own rendering of the same
  navigation (the same site built with the pre-rendering switched off), on every page.
- The sitemap (i18n's, fed by bridge.list_in_sitemap) lists every page of the site.
- The theme files MkDocs copies, listed by bridge.VisibleTemplates, are the ones its own
  listing finds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import FIXTURES, build_once, shared_site
from strategy_site.mkdocs_plugin import plugin

SITE_URL = "https://example.org/smart-specialisering/"


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(tmp_path_factory, FIXTURES / "basic", date(2020, 5, 1))


@pytest.fixture(scope="module")
def materials(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site with every sidebar entry rendered by Material itself."""
    patch = pytest.MonkeyPatch()
    patch.setattr(plugin, "prerender_closed_entries", lambda nav, prefix: [])
    try:
        return build_once(tmp_path_factory, FIXTURES / "basic", date(2020, 5, 1))
    finally:
        patch.undo()


def sidebar(site: Path, path: str) -> list[tuple[str, tuple[str, ...], str, str]]:
    """The primary sidebar's top-level entries, whitespace and link style aside: each
    entry's tag structure, classes, absolute link and text."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary > ul")
    assert nav is not None
    entries = []
    for item in nav.find_all("li", recursive=False):
        assert isinstance(item, Tag)
        for element in item.find_all(True):
            assert isinstance(element, Tag)
            href = element.get("href")
            link = urljoin(f"https://x/{path}", str(href)) if href is not None else ""
            text = " ".join(element.get_text(" ").split())
            classes = tuple(element.get("class") or ())
            entries.append((element.name, classes, link, text))
    return entries


def built_pages(site: Path) -> list[str]:
    """Every page of a built site, as its site path ("v3/skog/"; "" for the start)."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
    )


def test_prerendered_sidebar_entries_are_materials_markup_on_every_page(
    ours: Path, materials: Path
) -> None:
    pages = built_pages(ours)
    assert pages == built_pages(materials)
    assert {"v3/skog/", "v2/inledning/", "en/v3/skog/", "en/kort/skogen/"} <= set(pages)
    differing = [path for path in pages if sidebar(ours, path) != sidebar(materials, path)]
    assert not differing, (
        f"on {len(differing)} of {len(pages)} pages (first: /{differing[0]}), sidebar.py's "
        "closed entries no longer match Material's partials/nav-item.html: update "
        "_closed_entry to the new markup (and check templates/partials/nav.html)"
    )


def test_the_prerendered_entries_are_used(ours: Path, materials: Path) -> None:
    """Guards the comparison above: the pre-rendered markup is compact, Material's is not."""
    for site, expected in ((ours, 1), (materials, 0)):
        html = (site / "v3/inledning/index.html").read_text(encoding="utf-8")
        compact = '<li class="md-nav__item md-nav__item--pruned md-nav__item--nested"><a href='
        assert html.count(compact) == expected
        assert ('<li class="md-nav__item"><a href=' in html) == bool(expected)


def test_the_sitemap_lists_every_page(ours: Path) -> None:
    root = ET.fromstring((ours / "sitemap.xml").read_text(encoding="utf-8"))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {
        urlsplit(loc.text or "").path.removeprefix(urlsplit(SITE_URL).path)
        for loc in root.findall("s:url/s:loc", namespace)
    }
    pages = {
        str(p.parent.relative_to(ours)) + "/" if p.parent != ours else ""
        for p in ours.rglob("index.html")
    }
    assert "v3/skog/" in pages and "en/v3/skog/" in pages
    assert pages - listed == set(), "pages missing from sitemap.xml"
    assert listed - pages == set(), "sitemap.xml lists pages that do not exist"


def footer_titles(site: Path, path: str) -> list[tuple[str, str | None]]:
    """The footer's previous and next links: each title and the `lang` it is marked
    with, if any."""
    page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = []
    for title in page.select("footer .md-footer__link .md-ellipsis"):
        marked = title.find("span", lang=True)  # the title in its language, then "(in ...)"
        shown = marked if marked is not None else title
        found.append((" ".join(shown.get_text().split()), marked["lang"] if marked else None))
    return found


def test_the_footer_marks_titles_in_another_language(ours: Path) -> None:
    """The forked partials/footer.html reads `strategy_title_langs` (by page URL): an
    untranslated section's title on an English page is marked Swedish, others are not."""
    assert footer_titles(ours, "en/v3/skog/") == [
        ("3 Fokusområden", "sv"),
        ("3.2 Hälsa och e-hälsa", "sv"),
    ]
    swedish = footer_titles(ours, "v3/skog/")
    assert len(swedish) == 2 and all(lang is None for _, lang in swedish)


def test_the_quick_theme_listing_copies_the_files_mkdocs_would(tmp_path, monkeypatch) -> None:
    """MkDocs lists the theme with the loader of the environment `Theme.get_env` makes;
    the plugin's (bridge.list_theme_files_quickly) walks no hidden folder. The files MkDocs
    then copies into the site must be the same as with MkDocs' own loader, a site's
    overrides with a hidden folder and file included; and a build uses it."""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from conftest import SiteBuilder
    from strategy_site.mkdocs_plugin import bridge

    builder = SiteBuilder(tmp_path, monkeypatch)
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    overrides = "  language: sv\n  custom_dir: overrides\n"
    config_file.write_text(text.replace("  language: sv\n", overrides))
    for name in ("assets/region.css", "assets/.hidden/x.css", ".secret", "assets/.env"):
        (project / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "overrides" / name).write_text("x")
    monkeypatch.chdir(project)
    config = load_config(str(config_file))
    bridge.list_theme_files_quickly(config.theme)
    env = config.theme.get_env()
    assert type(env.loader) is bridge.VisibleTemplates

    ours, theirs = get_files(config), get_files(config)
    ours.add_files_from_theme(env, config)
    mkdocs_own = jinja2.Environment(loader=jinja2.FileSystemLoader(config.theme.dirs))
    theirs.add_files_from_theme(mkdocs_own, config)
    listed = sorted((f.src_uri, f.abs_src_path) for f in ours)
    assert listed == sorted((f.src_uri, f.abs_src_path) for f in theirs)
    assert ("assets/region.css", str(project / "overrides/assets/region.css")) in listed
    assert any(uri.startswith("assets/javascripts/") for uri, _ in listed)  # Material's
    assert not any("/." in "/" + uri for uri, _ in listed)

    # A build lists the theme this way, once per language.
    calls = []
    listing = bridge.VisibleTemplates.list_templates
    monkeypatch.setattr(
        bridge.VisibleTemplates, "list_templates", lambda self: calls.append(1) or listing(self)
    )
    site = builder.build(project)
    assert len(calls) >= 2, "each language's build lists the theme with VisibleTemplates"
    assert (site / "assets" / "region.css").is_file()
    assert not (site / "assets" / ".env").exists() and not (site / ".secret").exists()
