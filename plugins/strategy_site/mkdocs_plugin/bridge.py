"""The one seam to the engine's internals: MkDocs, mkdocs-static-i18n and Material.

The rest of the adapter uses MkDocs' public plugin API (events, `File.generated`,
`Files`, `Navigation`, `Page`, `Section`). Everything that reaches past it, into
attributes and behaviour the upstream projects do not promise to keep, is here, each with
the upstream code it depends on, so that an upgrade is checked in one place:

- `check_versions` stops the build when the installed versions are not the ones this
  module was written for (`SUPPORTED`, the same ranges as the pins in pyproject.toml).
- Accessors fail loudly (`PluginError` naming the upstream attribute) instead of
  guarding with `getattr` defaults: a renamed attribute must stop the build, not leave a
  sitemap without the generated pages or previews that never change.
- Copies of Material's markup live outside this module, because they are templates
  and HTML, not Python: `templates/partials/nav.html` and `templates/partials/toc.html`
  (forks of Material's, see `MATERIAL_NAV_PARTIAL` and `MATERIAL_TOC_PARTIAL`) and
  `sidebar.py` (Material's markup of a closed navigation entry).
  tests/test_engine_bridge.py compares them with the installed Material and says what
  to re-check when they differ.

Written for and checked against mkdocs 1.6.1, mkdocs-material 9.8.2 and
mkdocs-static-i18n 1.3.1 (line references are to those releases).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from packaging.version import Version

# The releases this module was written for: lowest tested, first untested. The pins in
# pyproject.toml say the same (tests/test_engine_bridge.py keeps them in step).
SUPPORTED: dict[str, tuple[str, str]] = {
    "mkdocs": ("1.6.1", "1.7"),
    "mkdocs-material": ("9.8.2", "9.9"),
    "mkdocs-static-i18n": ("1.3.1", "1.4"),
}

# Material's partials/nav.html of the release our fork (templates/partials/nav.html)
# was made from, as its SHA-256: tests compare it with the installed Material's file.
MATERIAL_NAV_PARTIAL = (
    "material/templates/partials/nav.html",
    "9.8.2",
    "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f",
)

# Material's partials/toc.html of the release our fork (templates/partials/toc.html) was
# made from, as its SHA-256 (the same test as for the navigation's fork).
MATERIAL_TOC_PARTIAL = (
    "material/templates/partials/toc.html",
    "9.8.2",
    "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
)

# Event priorities, relative to mkdocs-static-i18n's, which runs its on_config, on_files,
# on_nav and on_post_build at -100 (mkdocs_static_i18n/plugin.py, class I18n).
FILES_AFTER_I18N = -150  # i18n's on_files rebuilds the file list: add ours after it
NAV_BEFORE_I18N = -50  # i18n's on_nav looks for the home page: set ours before it
PAGE_CONTEXT_AFTER_I18N = -50  # i18n's on_page_context (at 50) sets the language links
POST_BUILD_AFTER_I18N = -110  # i18n's on_post_build builds the other languages first


class EngineMismatch(PluginError):
    """The installed engine is not the one the bridge was written for."""


def check_versions() -> None:
    """Stop with a clear message unless every package is in its `SUPPORTED` range."""
    problems = _version_problems()
    if problems:
        raise EngineMismatch(
            "strategy: the site's MkDocs adapter was written for other releases of its "
            "engine:\n"
            + "\n".join(f"  - {p}" for p in problems)
            + "\nInstall the pinned versions (pip install -e .), or update "
            "plugins/strategy_site/mkdocs_plugin/bridge.py for the new release: re-check "
            "every upstream reference there, then widen SUPPORTED and the pins in "
            "pyproject.toml together."
        )


@cache
def _version_problems() -> tuple[str, ...]:
    problems = []
    for package, (lowest, first_untested) in SUPPORTED.items():
        try:
            installed = version(package)
        except PackageNotFoundError:
            problems.append(f"{package} is not installed (needs >={lowest},<{first_untested})")
            continue
        if not Version(lowest) <= Version(installed) < Version(first_untested):
            needs = f">={lowest},<{first_untested}"
            problems.append(f"{package} {installed} is installed; needs {needs}")
    return tuple(problems)


def _attribute(owner: object, name: str, upstream: str) -> Any:
    """`owner.name`, or a PluginError saying which upstream code moved."""
    try:
        return getattr(owner, name)
    except AttributeError:
        what = getattr(owner, "__name__", None) or (
            f"{type(owner).__module__}.{type(owner).__name__}"
        )
        raise PluginError(
            f"strategy: {what} has no attribute "
            f"'{name}' any more ({upstream}); the adapter's bridge "
            "(mkdocs_plugin/bridge.py) needs updating for this release."
        ) from None


# -- mkdocs-static-i18n -------------------------------------------------------------------


def i18n(config: MkDocsConfig) -> BasePlugin | None:
    """The mkdocs-static-i18n plugin, if mkdocs.yml uses it."""
    return config.plugins.get("i18n")


def is_language_rebuild(config: MkDocsConfig) -> bool:
    """True during i18n's builds of the further languages, which run MkDocs' whole build
    again on the same config and plugin objects; False in a new (outer) build.
    Upstream: `I18n.on_post_build` sets `self.building` (mkdocs_static_i18n/plugin.py);
    initialised in `ExtendedPlugin.__init__` (reconfigure.py)."""
    plugin = i18n(config)
    return plugin is not None and bool(_attribute(plugin, "building", "i18n plugin.py"))


def default_language(config: MkDocsConfig) -> str | None:
    """i18n's default language. Upstream: `ExtendedPlugin.default_language` (a property
    over `config.languages`, reconfigure.py)."""
    plugin = i18n(config)
    if plugin is None:
        return None
    return _attribute(plugin, "default_language", "i18n reconfigure.py ExtendedPlugin")


def current_language(config: MkDocsConfig, fallback: str) -> str:
    """The language being built (`fallback` without i18n). Upstream:
    `ExtendedPlugin.current_language`, None until i18n's on_config (-100) has run, then
    set per language by `I18n.on_post_build` (plugin.py)."""
    plugin = i18n(config)
    if plugin is None:
        return fallback
    current = _attribute(plugin, "current_language", "i18n reconfigure.py ExtendedPlugin")
    return current or _attribute(plugin, "default_language", "i18n reconfigure.py")


def build_languages(config: MkDocsConfig, fallback: list[str]) -> list[str]:
    """The languages i18n builds (`fallback` without i18n). Upstream:
    `ExtendedPlugin.build_languages` (reconfigure.py), the locales with `build: true`."""
    plugin = i18n(config)
    if plugin is None:
        return fallback
    return list(_attribute(plugin, "build_languages", "i18n reconfigure.py ExtendedPlugin"))


def localise(file: File, lang: str, source_language: str, alternates: dict[str, File]) -> None:
    """Give a generated file the attributes i18n sets on the files it localises, so that
    its language switcher and sitemap know it. Upstream: `create_i18n_file` in
    mkdocs_static_i18n/suffix.py sets `locale`, `localization`, `locale_alternate_of`,
    `norm_src_uri` and `alternates`; read by `ExtendedPlugin.reconfigure_page_context`
    (reconfigure.py) and `custom_i18n_sitemap/sitemap.xml`."""
    file.locale = lang  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.localization = None if lang == source_language else lang  # type: ignore[attr-defined]
    file.norm_src_uri = file.src_uri  # type: ignore[attr-defined]
    file.alternates = alternates  # type: ignore[attr-defined]


def file_language(file: File, fallback: str) -> str:
    """The language a file is written in: i18n's `locale`, set on every file it keeps
    (suffix.py `create_i18n_file`); `fallback` for files i18n did not see."""
    return getattr(file, "locale", None) or fallback


def list_in_sitemap(config: MkDocsConfig, lang: str, files: Sequence[File]) -> None:
    """i18n's sitemap lists each language's pages from the list its on_files stored,
    before ours added the generated pages: store the complete list. Upstream:
    `I18n.on_files` sets `self.i18n_files_per_language[lang]` (plugin.py), read by
    `custom_i18n_sitemap/sitemap.xml` through `on_template_context`."""
    plugin = i18n(config)
    if plugin is not None:
        per_language = _attribute(plugin, "i18n_files_per_language", "i18n plugin.py on_files")
        per_language[lang] = files


def forget_search_entries(config: MkDocsConfig) -> None:
    """At the start of a new build: i18n collects search entries in a list it never
    empties; with plugin objects kept across `serve` rebuilds it grew, and its quadratic
    de-duplication with it, until a rebuild took minutes. Upstream:
    `ExtendedPlugin.search_entries`, extended by `extend_search_entries` (reconfigure.py)."""
    plugin = i18n(config)
    if plugin is not None:
        entries = _attribute(plugin, "search_entries", "i18n reconfigure.py")
        if not isinstance(entries, list):
            raise PluginError(
                "strategy: i18n's search_entries is no longer a list; update "
                "mkdocs_plugin/bridge.py for this release."
            )
        entries.clear()


def widen_i18n_locales(pattern: re.Pattern[str]) -> None:
    """Make i18n accept the locales `pattern` matches (it takes two-letter ones only).
    Upstream: `RE_LOCALE` in mkdocs_static_i18n/config.py (read by `Locale.run_validation`
    when the plugin's config is validated), imported by name into folder.py and suffix.py
    (file suffixes), so each module's name is replaced. Must run before MkDocs validates
    i18n's config: `strategy` comes before `i18n` in mkdocs.yml (plugin.py checks)."""
    try:
        from mkdocs_static_i18n import config, folder, suffix
    except ImportError:  # the plugin is not installed: nothing to widen
        return
    for module in (config, folder, suffix):
        _attribute(module, "RE_LOCALE", "mkdocs_static_i18n/config.py")
        module.RE_LOCALE = pattern


# -- Material -----------------------------------------------------------------------------


def forget_search_merge(config: MkDocsConfig) -> None:
    """Material merges a dirty build's search index with the one before it, assuming that
    one page was rebuilt; i18n hands it every language's entries, so the index grew with
    every preview rebuild. The preview's merge is done by page in search.py instead.
    Upstream: `SearchPlugin.search_index_prev`, set in `on_post_build` when dirty and
    passed to `generate_search_index` (material/plugins/search/plugin.py)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        _attribute(search, "search_index_prev", "material/plugins/search/plugin.py")
        search.search_index_prev = None


def page_language_links(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The language selector's entries for the page being rendered (Material reads
    `config.extra.alternate`). i18n's `reconfigure_page_context` (reconfigure.py) sets
    them as an attribute of `config.extra`, which shadows the mapping's item of the same
    name that mkdocs.yml set."""
    return vars(config.extra).get("alternate", config.extra.get("alternate"))


def set_page_language_links(config: MkDocsConfig, links: list[dict[str, Any]]) -> None:
    config.extra.alternate = links  # type: ignore[attr-defined] # an attribute, as i18n sets it


def forget_page_language_links(config: MkDocsConfig) -> None:
    """Drop the attribute set for the last page, so that pages rendered after the last
    page (such as 404.html) get the language roots from mkdocs.yml."""
    vars(config.extra).pop("alternate", None)


# -- MkDocs -------------------------------------------------------------------------------


def read_skipped_pages(pages: list[Page], config: MkDocsConfig) -> None:
    """A dirty build reads only the pages it renders (`_populate_page` in
    mkdocs/commands/build.py skips a file whose `is_modified()` is False), so a skipped
    hand-written page has no title (`Page.title` is None before `read_source`) and the
    pages that are rendered show "None" for it in their navigation. Read the source of
    such pages (the public `Page.read_source`): cheap, and only in dirty previews."""
    for page in pages:
        if page.file.generated_by is None and page.markdown is None:
            page.read_source(config)


def add_theme_templates(theme: Theme, templates: dict[str, str]) -> None:
    """Let every Jinja environment made from `theme` also load `templates` (name ->
    source). MkDocs makes a new environment from `Theme.get_env()` for every build
    (mkdocs/theme.py; mkdocs/commands/build.py `build`), and Material's search plugin
    makes one to read its settings, so the theme object's method is wrapped (once: the
    original is kept on the theme, and the wrapper is replaced on every call)."""
    original = getattr(theme, "_strategy_original_get_env", theme.get_env)

    def get_env() -> jinja2.Environment:
        env = original()
        if templates:
            assert env.loader is not None
            env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader(templates)])
        return env

    theme._strategy_original_get_env = original  # type: ignore[attr-defined]
    theme.get_env = get_env  # type: ignore[method-assign]


# -- Material: its inline scripts, for the Content-Security-Policy -------------------------


def material_inline_script_templates() -> list[str]:
    """The sources of Material's partials/javascripts/*.html, which put small scripts
    inline on every page (csp.py allows each by its hash). Fails loudly if the folder
    moved in a new release, rather than letting a policy block Material's own scripts."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    templates = sorted(folder.glob("*.html"))
    if not templates:
        raise EngineMismatch(
            f"Material's inline scripts were not found in {folder}: the Content-Security-"
            "Policy cannot allow them. Check strategy_site/mkdocs_plugin/bridge.py against "
            "the installed mkdocs-material."
        )
    return [template.read_text(encoding="utf-8") for template in templates]


# -- Material: a navigation title as HTML ---------------------------------------------------


def set_html_title(item: Any, html: str) -> None:
    """Material's partials/nav-item.html (`render_title`) renders `nav_item.typeset.title`
    as HTML when set (its typeset plugin sets it); we set it for titles that need markup,
    such as a `lang` on an untranslated title."""
    item.typeset = {"title": html}


def html_title(item: Any) -> str | None:
    """The HTML title set by set_html_title, if any."""
    typeset = item.__dict__.get("typeset")
    return typeset["title"] if isinstance(typeset, dict) else None


# -- Material: the header's page title and the table of contents ---------------------------


def mark_header_title_language(page: Page, lang: str) -> None:
    """Material's partials/header.html prints `page.meta.title` as HTML (else
    `page.title`) as the header's page topic: a title in another language than the
    page's is marked there with its `lang`. Called after Material's search plugin has
    read the page (its on_page_context runs before ours), which takes a page's title
    from `meta.title` only for a page without a heading, and the page template's
    `<title>` strips the markup (strategy-base.html)."""
    title = page.title or ""
    # MkDocs' `Page.title` (a `weak_property`, mkdocs/structure/pages.py) reads
    # `meta.title` until it is set: pin it first, so that the footers and sidebars of
    # other pages keep the plain title.
    page.title = title
    page.meta["title"] = Markup(f'<span lang="{escape(lang)}">') + escape(title) + Markup("</span>")


def hide_empty_toc(page: Page) -> None:
    """Hide the table of contents of a page that has none, as Material's `hide: [toc]`
    front matter does (base.html), so that the text gets its column. "None" as Material's
    partials/toc.html counts: the entries under the page's one top-level heading."""
    toc = list(page.toc or [])
    if toc and toc[0].level == 1:
        toc = list(toc[0].children)
    if toc:
        return
    hide = page.meta.get("hide")
    hidden = list(hide) if isinstance(hide, list) else []
    if "toc" not in hidden:
        page.meta["hide"] = [*hidden, "toc"]
