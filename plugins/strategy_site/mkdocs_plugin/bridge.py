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
- Material's markup also lives outside this module, because it is templates and HTML,
  not Python: forked partials in `templates/partials/` (`nav.html`, `toc.html`, `footer.html`,
  `alternate.html`, `copyright.html`, `palette.html`; their upstream files and hashes are in
  `MATERIAL_FORKS`) and `sidebar.py` (Material's markup of a closed navigation entry).
  tests/test_engine_bridge.py compares every fork with the installed Material's file,
  line by line, and tests/test_engine_output.py compares the sidebar entries with
  Material's own rendering on every page of a build; both say what to re-check.
- What our templates read from the adapter comes through the template context (the
  `strategy_*` names), never through attributes set on MkDocs' objects; the one
  exception, Material's own `typeset` title on a navigation item, is set here.

Written for and checked against mkdocs 1.6.1, mkdocs-material 9.8.2 and
mkdocs-static-i18n 1.3.1 (line references are to those releases).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
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
from mkdocs.structure.nav import Navigation
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
# ProperDocs, a fork of MkDocs 1.x, runs this adapter unchanged: its command redirects
# every `mkdocs.*` import to `properdocs.*` (properdocs/replacement.py), so the engine
# that runs is ProperDocs, not the `mkdocs` package that Material still requires. Then
# ProperDocs' release is checked instead of MkDocs' (tests/test_properdocs.py builds
# the example with it).
PROPERDOCS: tuple[str, str] = ("1.6.7", "1.7")

# Material's partials that templates/partials/ forks: our file -> (Material's file, the
# release the fork was made from, that file's SHA-256). tests/test_engine_bridge.py
# compares each with the installed Material's file, hash and line by line.
MATERIAL_FORKS: dict[str, tuple[str, str, str]] = {
    "partials/nav.html": (
        "material/templates/partials/nav.html",
        "9.8.2",
        "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f",
    ),
    "partials/toc.html": (
        "material/templates/partials/toc.html",
        "9.8.2",
        "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
    ),
    "partials/footer.html": (
        "material/templates/partials/footer.html",
        "9.8.2",
        "50c2a75f013b7b03fb97f381860c77df8fd5d13d68f90d3281754b68f69ec894",
    ),
    "partials/alternate.html": (
        "material/templates/partials/alternate.html",
        "9.8.2",
        "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
    ),
    "partials/copyright.html": (
        "material/templates/partials/copyright.html",
        "9.8.2",
        "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
    ),
    "partials/palette.html": (
        "material/templates/partials/palette.html",
        "9.8.2",
        "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
    ),
}

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


def _running_properdocs() -> bool:
    """Whether the engine that runs is ProperDocs: its command makes `mkdocs` an alias
    of `properdocs` (properdocs/replacement.py: `sys.modules['mkdocs'] = ...`)."""
    import mkdocs

    return mkdocs.__name__ == "properdocs"


@cache
def _version_problems() -> tuple[str, ...]:
    problems = []
    wanted = dict(SUPPORTED)
    if _running_properdocs():
        del wanted["mkdocs"]
        wanted["properdocs"] = PROPERDOCS
    for package, (lowest, first_untested) in wanted.items():
        try:
            installed = version(package)
        except PackageNotFoundError:
            problems.append(f"{package} is not installed (needs >={lowest},<{first_untested})")
            continue
        if not Version(lowest) <= Version(installed) < Version(first_untested):
            needs = f">={lowest},<{first_untested}"
            problems.append(f"{package} {installed} is installed; needs {needs}")
    return tuple(problems)


def _moved(what: str, name: str, upstream: str) -> PluginError:
    return PluginError(
        f"strategy: {what} has no attribute "
        f"'{name}' any more ({upstream}); the adapter's bridge "
        "(mkdocs_plugin/bridge.py) needs updating for this release."
    )


def _attribute(owner: object, name: str, upstream: str) -> Any:
    """`owner.name`, or a PluginError saying which upstream code moved."""
    try:
        return getattr(owner, name)
    except AttributeError:
        what = getattr(owner, "__name__", None) or (
            f"{type(owner).__module__}.{type(owner).__name__}"
        )
        raise _moved(what, name, upstream) from None


def _set_attribute(owner: object, name: str, value: object, upstream: str) -> None:
    """Set an attribute that upstream code defines (checked first, so that a renamed one
    stops the build instead of adding a new attribute nobody reads)."""
    _attribute(owner, name, upstream)
    setattr(owner, name, value)


# -- mkdocs-static-i18n -------------------------------------------------------------------


def i18n(config: MkDocsConfig) -> BasePlugin[Any] | None:
    """The mkdocs-static-i18n plugin, if mkdocs.yml uses it."""
    return config.plugins.get("i18n")


def i18n_locales(config: MkDocsConfig) -> list[str]:
    """The locales listed under i18n's `languages` in mkdocs.yml (its documented
    options, I18nPluginConfig in mkdocs_static_i18n/config.py), built or not."""
    plugin = i18n(config)
    if plugin is None:
        return []
    return [str(language.locale) for language in plugin.config.languages]


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
    default = _attribute(plugin, "default_language", "i18n reconfigure.py ExtendedPlugin")
    return str(default) if default is not None else None


def current_language(config: MkDocsConfig, fallback: str) -> str:
    """The language being built (`fallback` without i18n). Upstream:
    `ExtendedPlugin.current_language`, None until i18n's on_config (-100) has run, then
    set per language by `I18n.on_post_build` (plugin.py)."""
    plugin = i18n(config)
    if plugin is None:
        return fallback
    current = _attribute(plugin, "current_language", "i18n reconfigure.py ExtendedPlugin")
    return str(current or _attribute(plugin, "default_language", "i18n reconfigure.py"))


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


def file_language(config: MkDocsConfig, file: File, fallback: str) -> str:
    """The language a documentation page is written in: i18n's `locale`, which
    `create_i18n_file` (suffix.py) sets on every file its on_files keeps and `localise`
    sets on ours; `fallback` for a site without i18n. With i18n, a page without it means
    that i18n stopped setting it (or another plugin added a page after ours): loud."""
    if i18n(config) is None:
        return fallback
    locale = _attribute(file, "locale", "i18n suffix.py create_i18n_file")
    return str(locale or fallback)


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


# i18n's own locale pattern, read from it before `widen_i18n_locales` replaces it.
_i18n_locale: re.Pattern[str] | None = None


def widen_i18n_locales(extra: str) -> None:
    """Make i18n accept, besides its own locales, those the anchored regular expression
    `extra` matches (it takes two-letter ones only). Upstream: `RE_LOCALE` in
    mkdocs_static_i18n/config.py (read by `Locale.run_validation` when the plugin's config
    is validated, with `.match`), imported by name into folder.py and suffix.py (file
    suffixes), so each module's name is replaced by i18n's pattern or `extra`. Must run
    before MkDocs validates i18n's config: `strategy` comes before `i18n` in mkdocs.yml
    (content/site_languages.py's rule; in a fresh process MkDocs stops at i18n's own
    refusal of the code before this module is imported, so `strategi check` says it)."""
    global _i18n_locale
    try:
        from mkdocs_static_i18n import config, folder, suffix
    except ImportError:  # the plugin is not installed: nothing to widen
        return
    own = _attribute(config, "RE_LOCALE", "mkdocs_static_i18n/config.py")
    if _i18n_locale is None:
        if not isinstance(own, re.Pattern):
            raise PluginError(
                "strategy: mkdocs_static_i18n/config.py's RE_LOCALE is no longer a regular "
                "expression; update mkdocs_plugin/bridge.py for this release."
            )
        _i18n_locale = own
    wider = re.compile(f"{_i18n_locale.pattern}|{extra}")
    for module in (config, folder, suffix):
        _set_attribute(module, "RE_LOCALE", wider, "mkdocs_static_i18n/config.py")


# -- Material -----------------------------------------------------------------------------


def forget_search_merge(config: MkDocsConfig) -> None:
    """Material merges a dirty build's search index with the one before it, assuming that
    one page was rebuilt; i18n hands it every language's entries, so the index grew with
    every preview rebuild. The preview's merge is done by page in search.py instead.
    Upstream: `SearchPlugin.search_index_prev`, set in `on_post_build` when dirty and
    passed to `generate_search_index` (material/plugins/search/plugin.py)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        _set_attribute(search, "search_index_prev", None, "material/plugins/search/plugin.py")


def page_language_links(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The language selector's entries for the page being rendered (Material's
    partials/alternate.html reads `config.extra.alternate`). With i18n configuring them
    (its `extra_alternate`, filled in `ExtendedPlugin.on_config` when
    `reconfigure_material` is on, reconfigure.py), `reconfigure_page_context` sets them per
    page as an attribute of `config.extra`, which shadows the mapping's item that
    mkdocs.yml set; then the attribute must be there. Otherwise: mkdocs.yml's item."""
    plugin = i18n(config)
    if plugin is None or not _attribute(plugin, "extra_alternate", "i18n reconfigure.py"):
        return config.extra.get("alternate")
    links = vars(config.extra).get("alternate")
    if not isinstance(links, list):
        raise PluginError(
            "strategy: mkdocs-static-i18n no longer sets the page's language links as "
            "config.extra.alternate (reconfigure.py reconfigure_page_context); update "
            "mkdocs_plugin/bridge.py for this release."
        )
    return links


def set_page_language_links(config: MkDocsConfig, links: list[dict[str, Any]]) -> None:
    config.extra.alternate = links  # type: ignore[attr-defined] # an attribute, as i18n sets it


def forget_page_language_links(config: MkDocsConfig) -> None:
    """Drop the attribute set for the last page, so that pages rendered after the last
    page (such as 404.html) get the language roots from mkdocs.yml. (Nothing to drop
    after a page i18n did not reconfigure: no default hides a moved attribute here.)"""
    vars(config.extra).pop("alternate", None)


def set_search_root(context: dict[str, Any], root: str) -> None:
    """Point a page at its language's search index. Material's base.html writes the
    template's `base_url` into the page's `__config` script as `base`, from which its
    search worker fetches `search/search_index.json` (and `sitemap.xml`); MkDocs sets
    `base_url` in the page's context (`get_context`, mkdocs/commands/build.py)."""
    if "base_url" not in context:
        raise _moved("MkDocs' page context", "base_url", "mkdocs/commands/build.py get_context")
    context["base_url"] = root


# Material's base.html: `<script id="__config" type="application/json">` with `base`.
_MATERIAL_CONFIG = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)


def set_rendered_search_root(html: str, root: str) -> str:
    """A page rendered without a page of its own (404.html) has Material's `base` at the
    site's root; point it at `root`, its language's root. (`base_url` itself cannot move
    there: asset and navigation links are built from it.) Upstream: the `__config` script
    in material/templates/base.html, read by Material's JavaScript (`configuration()`)."""
    found = _MATERIAL_CONFIG.search(html)
    if found is None:
        if "<head>" not in html:
            return html  # not a page (an HTML fragment)
        raise _moved("Material's base.html", "__config", "material/templates/base.html")
    config = json.loads(found[2])
    if "base" not in config:
        raise _moved("Material's __config", "base", "material/templates/base.html")
    config["base"] = root.rstrip("/") or "/"
    rebased = found[1] + json.dumps(config, separators=(",", ":")) + found[3]
    return html[: found.start()] + rebased + html[found.end() :]


# Where Material's search plugin writes the index, and i18n's on_post_build the index of
# every language merged (material/plugins/search/plugin.py `on_post_build`).
SEARCH_INDEX = Path("search") / "search_index.json"


def read_search_index(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A search index as its `config` and its entries (`docs`), each with a `location`
    relative to the root it was written for: Material's format (`SearchIndex.generate_
    search_index`, material/plugins/search/plugin.py), which i18n keeps when it merges
    the languages (`reconfigure_search_duplicates`, reconfigure.py)."""
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index.get("docs") if isinstance(index, dict) else None
    if not isinstance(docs, list) or not all(
        isinstance(d, dict) and isinstance(d.get("location"), str) for d in docs
    ):
        raise PluginError(
            f"strategy: {path} is not in the format Material's search plugin wrote "
            "(docs, each with a location); update mkdocs_plugin/bridge.py for this release."
        )
    config = index.get("config", {})
    return (config if isinstance(config, dict) else {}), docs


def write_search_index(
    path: Path, config: dict[str, Any], docs: list[dict[str, Any]], lang: str
) -> None:
    """A search index of one language, in Material's format (see read_search_index);
    `config.lang` names the stemmer Material's search worker loads."""
    index = {"config": dict(config, lang=[lang]), "docs": docs}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def theme_languages(config: MkDocsConfig) -> set[str] | None:
    """The languages the theme has translation partials for, or None for a theme without
    them. Upstream: Material's `partials/languages/<lang>.html`, imported by
    partials/language.html as `"partials/languages/" ~ config.theme.language`. The partials
    this adapter generated itself (`add_theme_templates`) are not counted."""
    found: set[str] = set()
    generated = str(_generated) if _generated is not None else None
    for folder in config.theme.dirs:
        languages = Path(folder) / "partials" / "languages"
        if folder != generated and languages.is_dir():
            found |= {p.stem for p in languages.glob("*.html")}
    return found or None


def language_partial(lang: str, fallback: str, direction: str) -> tuple[str, str]:
    """Material's translation partial for a language it lacks, as (template name, source):
    a macro `t(key)` (the interface of partials/languages/*.html) that answers
    "language" and "direction" itself and every other key from `fallback`'s partial."""
    own = {"language": lang, "direction": direction}
    entries = ", ".join(f'"{key}": "{value}"' for key, value in own.items())
    source = (
        f'{{% import "partials/languages/{fallback}.html" as base %}}'
        f"{{% macro t(key) %}}{{{{ {{{entries}}}.get(key) or base.t(key) }}}}{{% endmacro %}}\n"
    )
    return f"partials/languages/{lang}.html", source


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


def set_homepage(nav: Navigation, page: Page) -> None:
    """Make `page` the home page of `nav`. `Navigation.__init__` (mkdocs/structure/nav.py)
    takes the first page whose `is_homepage` is true, which a language's start page
    (`en/`) and a navigation we build ourselves do not have; i18n's on_nav sets
    `homepage` by hand the same way (plugin.py). Material links its logo to
    `nav.homepage.url` (partials/header.html, nav.html) and starts the path with it
    (partials/path.html)."""
    _set_attribute(nav, "homepage", page, "mkdocs/structure/nav.py Navigation")


# MkDocs' live reload, which the preview's own livereload.js speaks (error_preview.py):
# the server puts `livereload(<epoch>, <request>);` in an inline script at the end of
# every HTML page it serves, and answers `/livereload/<epoch>/<request>` with its newest
# epoch as soon as that is newer (a finished rebuild). Upstream: `_SCRIPT_TEMPLATE_STR`
# and `LiveReloadServer._serve_request` in mkdocs/livereload/__init__.py.
LIVERELOAD_PROTOCOL = (
    "livereload(${epoch}, ${request_id});",
    '"/livereload/" + epoch + "/" + requestId',
)


def check_livereload() -> None:
    """Stop the preview with a clear message when MkDocs' live reload no longer looks as
    livereload.js expects (it would never reload)."""
    from mkdocs import livereload

    script = _attribute(livereload, "_SCRIPT_TEMPLATE_STR", "mkdocs/livereload/__init__.py")
    missing = [part for part in LIVERELOAD_PROTOCOL if part not in str(script)]
    if missing:
        raise EngineMismatch(
            "strategy: MkDocs' live reload script no longer has "
            + ", ".join(repr(part) for part in missing)
            + " (mkdocs/livereload/__init__.py); update mkdocs_plugin/preview_assets/"
            "livereload.js and mkdocs_plugin/bridge.py for this release."
        )


# A folder of this process for the theme templates the adapter generates (see
# add_theme_templates); made when first needed, removed when the process ends.
_generated: Path | None = None


def _generated_theme_dir() -> Path:
    global _generated
    if _generated is None:
        _generated = Path(tempfile.mkdtemp(prefix="strategy-theme-"))
        atexit.register(shutil.rmtree, _generated, ignore_errors=True)
    return _generated


def add_theme_templates(theme: Theme, templates: dict[str, str]) -> None:
    """Let every Jinja environment made from `theme` also load `templates` (name ->
    source). `Theme.get_env` (mkdocs/theme.py) builds a new environment, with a
    `FileSystemLoader` over `Theme.dirs`, for every build and for Material's search
    plugin: so the templates are written to a folder of their own, added at the end of
    `theme.dirs`, where they come after every template of the theme (i18n adds its sitemap
    folder to `theme.dirs` the same way, reconfigure.py). Nothing of the theme object is
    replaced. A file is rewritten only when its source changed."""
    if not templates:
        return
    folder = _generated_theme_dir()
    for name, source in templates.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != source:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source, encoding="utf-8")
    dirs = _attribute(theme, "dirs", "mkdocs/theme.py Theme")
    if str(folder) not in dirs:
        dirs.append(str(folder))


# -- MkDocs: the theme's files ------------------------------------------------------------


class VisibleTemplates(jinja2.FileSystemLoader):
    """A FileSystemLoader that lists no hidden file and walks no hidden folder.

    MkDocs lists the whole theme on every build to find the files it copies
    (`Files.add_files_from_theme`, mkdocs/structure/files.py: `env.list_templates` with a
    filter), and drops every name with a part that starts with a dot (its patterns '.*'
    and '*/.*'). Material's theme folder is some 14,500 files, 14,000 of them its icons in
    `.icons/`: listed and matched one by one, twice a build (once per language), they were
    a fifth of a small site's build and a tenth of a preview's rebuild. Listing only what
    the filter can keep gives MkDocs the same files (tests/test_engine_output.py compares
    them with MkDocs' own listing). Loading templates, icons included, is unchanged."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                prefix = "" if relative == "." else relative.replace(os.path.sep, "/") + "/"
                found.update(prefix + name for name in names if not name.startswith("."))
        return sorted(found)


def list_theme_files_quickly(theme: Theme) -> None:
    """Let every Jinja environment made from `theme` list its files with
    `VisibleTemplates`. `Theme.get_env` (mkdocs/theme.py) makes a new environment with a
    `jinja2.FileSystemLoader(self.dirs)` for every build, and MkDocs lists the theme with
    it right after (mkdocs/commands/build.py `_build`: `get_env`, then
    `add_files_from_theme`), before any plugin event could change it: so the theme's own
    `get_env` is wrapped, on this theme object only (a new object for every build of
    `serve`), and its environment gets the loader above over the same folders. Stops the
    build if MkDocs' environment no longer has a FileSystemLoader."""
    make = _attribute(theme, "get_env", "mkdocs/theme.py Theme.get_env")
    if getattr(make, "lists_visible_files", False):
        return

    def get_env() -> jinja2.Environment:
        env: jinja2.Environment = make()
        loader = env.loader
        if type(loader) is not jinja2.FileSystemLoader:
            raise EngineMismatch(
                "strategy: MkDocs' theme environment no longer loads templates with a "
                f"jinja2.FileSystemLoader (it has {type(loader).__name__}); update "
                "list_theme_files_quickly in mkdocs_plugin/bridge.py for this release."
            )
        env.loader = VisibleTemplates(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    get_env.lists_visible_files = True  # type: ignore[attr-defined]
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


def keep_compiled_templates(env: Any, cache: Any) -> None:
    """Give MkDocs' Jinja environment a bytecode cache, so that a rebuild compiles only
    the templates whose source changed. MkDocs makes the environment anew for every
    build (`Theme.get_env`, mkdocs/theme.py, with no `bytecode_cache`); Jinja reads
    `Environment.bytecode_cache` when it next loads a template (jinja2/loaders.py
    `BaseLoader.load`), so setting it in on_env, before any page is rendered, is enough.
    An environment that already has one keeps its own."""
    if _attribute(env, "bytecode_cache", "jinja2.Environment.bytecode_cache") is None:
        _set_attribute(env, "bytecode_cache", cache, "jinja2.Environment.bytecode_cache")


def set_html_title(item: Any, html: str) -> None:
    """Material's partials/nav-item.html (`render_title`) renders `nav_item.typeset.title`
    as HTML when set (its typeset plugin sets it); we set it for titles that need markup,
    such as a `lang` on an untranslated title."""
    item.typeset = {"title": html}


def html_title(item: Any) -> str | None:
    """The HTML title set by set_html_title, if any (MkDocs' items have no `typeset` of
    their own: without one, nothing was set)."""
    typeset = vars(item).get("typeset")
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
