"""The `strategy` MkDocs plugin: a thin adapter over the core.

How it meets MkDocs and mkdocs-static-i18n (see the architecture note in the README):

- on_config loads and checks `strategy/`; a content problem stops the build there, before
  MkDocs cleans or writes anything, with the core's `path:line` messages.
- on_files (priority -150, after i18n at -100 has kept the current language's files)
  adds one generated page per planned page, with the language prefix put on `dest_uri`
  by us and i18n's attributes set so that its language switcher and sitemap know them.
- on_nav (priority -50, before i18n looks for the home page) puts the start page and the
  versions in the site navigation and builds one navigation per version.
- on_page_context hands the page's plan to the templates and swaps in its version's
  navigation, so the sidebar shows the table of contents of the version being read.

i18n builds each further language by running the whole build again on the same config,
so every event here runs once per language and must be safe to repeat.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .. import urls
from ..clock import BuildDateError, build_date
from ..content.freezing import MANIFEST_NAME, manifest
from ..content.problems import ContentError, plural
from ..content.site_languages import language_setup_problems, theme_language_problems
from ..content.site_theme import address_problems
from ..derive.comparisons import Comparisons
from ..model import Strategy
from ..plan.checked import load_publishable
from ..plan.notice import notice_refusal, notice_texts, site_notice
from ..plan.pages import NavItem, PlannedFile, PlannedPage, SitePlan, plan_shared_files, plan_site
from ..plan.render import not_found
from ..plan.sanitise import sanitise
from ..plan.templating import OVERRIDES, Fragments, TemplateProblem
from ..plan.texts import language_name, strings_with_prefix, t, text_direction
from . import bridge, rebuilds
from .config import StrategyPluginConfig
from .csp import with_policy
from .error_preview import ErrorBuilds, Shown, error_page, livereload_file, shown_problems
from .error_preview import with_livereload as with_preview_reload
from .flavour import MKDOCS_MATERIAL
from .headings import name_headings
from .languages import add_theme_languages, widen_i18n_locales
from .preview import (
    PreviewSources,
    environment_key,
    fingerprint,
    is_dirty,
    nav_fingerprint,
    set_dirty,
)
from .printing import PrintRun, make_pdfs, pdf_links
from .search import copy_sitemaps, language_root, search_from, split_search_index
from .sidebar import prerender_closed_entries
from .site_checks import (
    add_required_settings,
    has_search,
    published_links,
    repeated_settings,
    theme_problems,
)
from .site_swap import SafeSiteDir, SiteInUse

log = get_plugin_logger(__name__)

SANITISED_KINDS = ("section", "changes", "source-changes")  # text editors and translators wrote

widen_i18n_locales()  # before i18n reads its languages: see languages.py

TEMPLATES = Path(__file__).parent / "templates"
# Where a region's overrides of the page plan's partials go, under the theme's custom_dir
# (docs/anpassa-utseendet.md).

# Extensions the content format promises editors (content-format.md: "Markdown as
# mkdocs-material renders it"); added when mkdocs.yml leaves them out.
REQUIRED_EXTENSIONS = (
    "tables",
    "admonition",
    "footnotes",
    "attr_list",
    "md_in_html",
    "toc",
    "strategy_site.plan.paragraphs",  # numbered, linkable paragraphs on section pages
    "strategy_site.plan.change_headings",  # heading ids and names without the diff's labels
)


class StrategyPlugin(BasePlugin[StrategyPluginConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.strategy: Strategy | None = None
        self.comparisons: Comparisons | None = None
        self.plan: SitePlan | None = None
        self.planned: dict[str, PlannedPage] = {}
        self.version_navs: dict[str, Navigation] = {}
        # Per version: its sidebar's closed top-level entries, rendered once (sidebar.py).
        self.closed_entries: dict[str, list[str]] = {}
        # Page URL -> the language of its title, where not the page's (the footer's links).
        self.title_langs: dict[str, str] = {}
        self.title_notes: dict[str, str] = {}  # "(in Swedish)", by page URL
        self.today = date.today()  # the build date, read in on_config
        self.not_found_pages: dict[str, str] = {}  # lang -> the rendered 404 page
        self.site = SafeSiteDir()  # `mkdocs build` builds beside site/, then swaps it in
        self.swap_site = False
        self.config_used: MkDocsConfig | None = None
        self.fragments = Fragments()  # the page plan's partials, the region's first
        self.previewing = False  # `mkdocs serve`: content problems are shown as a page
        self.showing: list[Shown] | None = None  # this build is an error build of these
        self.error_builds = ErrorBuilds()
        self.command = "build"  # MkDocs' command: `serve` is a preview, which makes no PDFs
        self.printing: PrintRun | None = None  # this language's rendered pages, for PDFs
        self.shared: list[PlannedFile] | None = None  # the open data, planned once a build

    # -- configuration -------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        bridge.check_versions()
        try:
            # First: MkDocs reads SOURCE_DATE_EPOCH itself later, and fails on a bad one
            # with a traceback (clock.py).
            today = build_date()
        except BuildDateError as error:
            raise PluginError(f"strategy: {error}") from None
        # The same refusals as `strategi check`'s (tools/find_content.site_problems).
        problems = repeated_settings(config)
        problems += address_problems(config.use_directory_urls) + theme_problems(config)
        problems += published_links(config)
        custom_dir = config.theme.custom_dir
        self.fragments = Fragments([Path(custom_dir) / OVERRIDES] if custom_dir else [])
        problems += self.fragments.problems()
        if problems:
            raise PluginError("strategy: " + "\n".join(problems))
        if str(TEMPLATES) not in config.theme.dirs:
            position = 1 if config.theme.custom_dir else 0
            config.theme.dirs.insert(position, str(TEMPLATES))
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        add_required_settings(config)
        bridge.list_theme_files_quickly(config.theme)
        if not bridge.is_language_rebuild(config):
            # A new build (MkDocs keeps plugin objects across `serve` rebuilds), not
            # i18n's build of one more language: read the content afresh.
            if self.swap_site:
                try:
                    config.site_dir = self.site.start(config.site_dir)
                except SiteInUse as error:
                    raise PluginError(f"strategy: {error}") from None
                self.config_used = config
            self.showing = None
            try:
                self.strategy = self._load(config)
            except ContentError as error:
                if not self.previewing:
                    raise PluginError(
                        "The strategy content has problems:\n" + error.report()
                    ) from None
                self._show_problems(config, shown_problems(error))
                return config
            if self.previewing:
                self.error_builds.start_good_build()
            self._check_languages(config, self.strategy)
            self.comparisons = Comparisons(self.strategy, enabled=self.config.changes_view)
            self.today = today
            self.not_found_pages = {}
            self.shared = None
            bridge.forget_search_entries(config)
        bridge.forget_search_merge(config)  # every build, each language's too
        return config

    def _check_languages(self, config: MkDocsConfig, strategy: Strategy) -> None:
        """Every language builds: i18n accepts it and the theme can name it."""
        names = list(config.plugins)
        setup = language_setup_problems(strategy.languages, names, bridge.i18n_locales(config))
        setup += theme_language_problems(
            config.theme.name,
            config.theme.get("language"),
            strategy.source_language,
            "i18n" in names,
        )
        if setup:
            raise PluginError("strategy: " + "\n".join(setup))
        add_theme_languages(config, strategy.languages, strategy.source_language, text_direction)

    def content_root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.content_dir

    def _load(self, config: MkDocsConfig) -> Strategy:
        root = self.content_root(config)
        strategy = load_publishable(root, cache=rebuilds.parse_cache(root))
        problems = notice_refusal(self.config.notice, strategy.source_language)
        if problems:
            raise PluginError("strategy: " + "\n".join(problems))
        return strategy

    def _show_problems(self, config: MkDocsConfig, problems: list[Shown]) -> None:
        """`mkdocs serve` only: this build becomes an error build, which shows the
        problems at every address instead of the site (error_preview.py)."""
        self.strategy, self.plan, self.comparisons, self.planned = None, None, None, {}
        self.showing = problems
        for problem in problems:
            where = f"{problem.where}: " if problem.where else ""
            hint = f"\n    hint: {problem.hint}" if problem.hint else ""
            log.warning(f"{where}{problem.message}{hint}")
        log.warning(
            f"The strategy content has {plural(len(problems), 'problem')}: the preview shows "
            "them on every page until they are fixed; save the fix and the browser reloads."
        )
        bridge.forget_search_merge(config)

    @staticmethod
    def _site_path(config: MkDocsConfig) -> str:
        """The path of the site's root on its host: "/smart-specialisering/"."""
        return urlsplit(config.site_url or "/").path.rstrip("/") + "/"

    @staticmethod
    def _preview_language(config: MkDocsConfig) -> str:
        """The site's source language, for an error build, which has no strategy."""
        return bridge.default_language(config) or str(config.theme.get("language") or "en")

    def _error_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.showing is not None
        source = self._preview_language(config)
        lang = bridge.current_language(config, source)
        page = error_page(self.showing, lang, self._site_path(config))
        languages = bridge.build_languages(config, [source])
        return self.error_builds.error_files(config, files, page, lang, languages, source)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        set_dirty(command == "serve" and dirty)
        self.command = command
        self.previewing = command == "serve"
        self.error_builds = ErrorBuilds()  # a new preview (MkDocs may keep this object)
        if self.previewing:
            bridge.check_livereload()
        self.swap_site = command in ("build", "gh-deploy") and not dirty

    def on_build_error(self, error: Exception) -> None:
        self.site.mark_failed()

    def on_shutdown(self) -> None:
        """After the whole build (the strict check included): publish it, or keep the old."""
        target = self.site.finish()
        if self.config_used is not None and target is not None:
            self.config_used.site_dir = str(target)  # gh-deploy reads it next

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_root(config)))
        return server

    # -- pages ---------------------------------------------------------------------

    @event_priority(bridge.FILES_AFTER_I18N)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.showing is not None:
            return self._error_files(files, config)
        strategy = self.strategy
        assert strategy is not None
        lang = self._language(config, strategy)
        # The heading permalinks' name in this language (Markdown is rendered per page,
        # after on_files, with these settings).
        toc = config.mdx_configs.setdefault("toc", {})
        toc["permalink_title"] = t(lang, "ui.permalink")
        assert self.comparisons is not None  # shared by every language's build
        site_url = config.site_url or None
        if self.shared is None:  # the first language's build: the same for all
            notice = notice_texts(self.config.notice)
            self.shared = plan_shared_files(
                strategy, self.today, self.comparisons, site_url=site_url, notice=notice or None
            )
        try:
            self.plan = plan_site(
                strategy,
                lang,
                self.today,
                self.comparisons,
                flavour=MKDOCS_MATERIAL,
                fragments=self.fragments,
                site_url=site_url,
                shared=self.shared,
                kept=rebuilds.kept_html() if self.previewing else None,
            )
        except TemplateProblem as problem:
            raise PluginError(f"strategy: {problem}") from None
        self.planned = {}
        self.printing = PrintRun(lang) if self.config.pdf else None
        taken = {file.dest_uri: file for file in files}
        backing = self._preview_backing(config, files, lang, strategy)
        for page in self.plan.pages:
            file = self._file(config, page, lang, strategy, backing)
            existing = taken.get(file.dest_uri) or files.get_file_from_path(page.source_uri)
            if existing is not None:
                address = urls.localized(page.path, lang, strategy.source_language)
                raise PluginError(
                    f"strategy: docs/{existing.src_uri} would take the address of a "
                    f"generated page (/{address}); rename or move it."
                )
            files.append(file)
            self.planned[page.source_uri] = page
        for planned_file in self.plan.files:
            # A file every language shares (lang "") is in the source language's plan only.
            dest = planned_file.path
            if planned_file.lang:
                dest = urls.localized(planned_file.path, lang, strategy.source_language)
            existing = taken.get(dest)
            if existing is not None:
                raise PluginError(
                    f"strategy: docs/{existing.src_uri} would take the address of a "
                    f"generated file (/{dest}); rename or move it."
                )
            file = File.generated(config, planned_file.path, content=planned_file.content)
            file.dest_uri = dest
            files.append(file)
        for version in strategy.versions.values():
            for asset in version.assets:
                # Figures and documents: one copy for every language, at /<version>/<file>.
                src_uri = f"{version.id}/{asset}"
                if files.get_file_from_path(src_uri) is None:
                    files.append(
                        File.generated(config, src_uri, abs_src_path=str(version.path / asset))
                    )
        bridge.list_in_sitemap(config, lang, files.documentation_pages())
        if self.previewing:
            self.error_builds.saw_pages(files)
            files.append(livereload_file(config))
        return files

    def _preview_backing(
        self, config: MkDocsConfig, files: Files, lang: str, strategy: Strategy
    ) -> Callable[[PlannedPage, str], str] | None:
        """In a dirty preview: for a page and its output path, the file that holds its
        Markdown, rewritten only when the page changed (see preview.py)."""
        if not is_dirty():
            return None
        assert self.plan is not None
        sources = PreviewSources(config.site_dir, lang)
        environment = environment_key(config.config_file_path)
        # The site navigation (start page, versions, hand-written pages) shows on pages
        # outside the versions: a change to it changes them.
        site_nav = json.dumps(
            [[v.id, strategy.text(v.title, lang)] for v in strategy.versions.values()]
            + sorted(f.src_uri for f in files.documentation_pages())
        )
        navs = self.plan.version_navs
        shared = {
            version: nav_fingerprint(navs.get(version or ""), site_nav, environment)
            for version in [None, *strategy.versions]
        }

        def backing(page: PlannedPage, dest: str) -> str:
            print_ = fingerprint(page, shared[page.version])
            return sources.source(page.source_uri, page.markdown, print_, dest)

        return backing

    def _file(
        self,
        config: MkDocsConfig,
        page: PlannedPage,
        lang: str,
        strategy: Strategy,
        backing: Callable[[PlannedPage, str], str] | None,
    ) -> File:
        dest_uri = urls.localized(page.path, lang, strategy.source_language) + "index.html"
        if backing is None:
            file = File.generated(
                config, page.source_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV
            )
        else:
            source = backing(page, str(Path(config.site_dir) / dest_uri))
            file = File.generated(
                config, page.source_uri, abs_src_path=source, inclusion=InclusionLevel.NOT_IN_NAV
            )
        file.dest_uri = dest_uri  # set before `url` is first read: both are cached
        alternates = {
            other: file
            if other == lang
            else self._generated(config, page.source_uri, "", page.alternates[other])
            for other in self._built_languages(config, strategy)
        }
        bridge.localise(file, lang, strategy.source_language, alternates)
        return file

    @staticmethod
    def _generated(config: MkDocsConfig, src_uri: str, content: str, site_path: str) -> File:
        """The page's counterpart in another language, at `site_path` (the plan's
        alternate: usually the same page, for a page of one language only its nearest)."""
        file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = site_path + "index.html"  # set before `url` is first read: cached
        return file

    def _language(self, config: MkDocsConfig, strategy: Strategy) -> str:
        default = bridge.default_language(config)
        if bridge.i18n(config) is not None and default != strategy.source_language:
            raise PluginError(
                f"strategy: the i18n plugin's default language is '{default}', but the "
                f"strategy is written in '{strategy.source_language}'; make them the same."
            )
        return bridge.current_language(config, strategy.source_language)

    @staticmethod
    def _built_languages(config: MkDocsConfig, strategy: Strategy) -> list[str]:
        built = bridge.build_languages(config, [strategy.source_language])
        return [lang for lang in strategy.languages if lang in built]

    # -- navigation ----------------------------------------------------------------

    @event_priority(bridge.NAV_BEFORE_I18N)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if self.showing is not None:
            return nav
        assert self.plan is not None and self.strategy is not None
        page_of = {uri: _page_of(files, uri) for uri in self.planned}
        self.title_langs, self.title_notes = {}, {}
        for uri, planned in self.planned.items():
            # Material prints titles as given: hand it escaped text (Markup), once.
            page_of[uri].title = escape(planned.title)
            self._mark_title_language(page_of[uri], planned.title, planned.title_lang)

        self.version_navs, self.closed_entries = {}, {}
        for version_id, items in self.plan.version_navs.items():
            built: list[StructureItem] = [self._nav_item(item, page_of) for item in items]
            pages = _pages_in(built)
            _link_pages(pages)
            navigation = Navigation(built, pages)
            self.closed_entries[version_id] = prerender_closed_entries(
                navigation, urls.localized("", self.plan.lang, self.strategy.source_language)
            )
            self.version_navs[version_id] = navigation

        lang = self.plan.lang
        start = page_of[urls.source_uri("")]
        version_fronts = [
            page_of[urls.source_uri(urls.version_path(v))] for v in self.strategy.versions
        ]
        versions = Section(escape(t(lang, "nav.versions")), list[StructureItem](version_fronts))
        site_nav = Navigation([start, versions, *nav.items], [start, *version_fronts, *nav.pages])
        if is_dirty():
            bridge.read_skipped_pages(nav.pages, config)
        for version_nav in [*self.version_navs.values(), site_nav]:
            bridge.set_homepage(version_nav, start)
        return site_nav

    def _nav_item(self, item: NavItem, page_of: dict[str, Page]) -> Page | Section:
        page = page_of[urls.source_uri(item.path)]
        if not item.children:
            return page
        children: list[StructureItem] = [page]
        children += [self._nav_item(child, page_of) for child in item.children]
        section = Section(escape(item.title), children)
        self._mark_title_language(section, item.title, item.title_lang)
        for child in children:
            child.parent = section
        return section

    # -- rendering -----------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Material prints `page.meta.title` and `.description` as given (no autoescape):
        a generated page's come from the content, so they are handed over escaped."""
        if page.file.src_uri in self.planned and page.file.generated_by:
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = escape(page.meta[key])
        return markdown

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """The site-wide notice for this language's pages, 404 included; and hand-written
        pages shown in another language (i18n's fallback, e.g. a guide written only in
        Swedish on the English site) are marked so in the sidebar: their titles are known
        once every page has been read, which is now."""
        if self.showing is not None:
            return env
        rebuilds.reuse_compiled_templates(env)
        assert self.plan is not None and self.strategy is not None
        env.globals["strategy_notice"] = site_notice(
            self.config.notice, self.plan.lang, self.strategy.source_language
        )
        env.globals["strategy_title_langs"] = self.title_langs  # read by partials/footer.html
        env.globals["strategy_title_notes"] = self.title_notes
        self._print(config)
        env.globals["strategy_links"] = self._site_links()
        lang = self._plan_lang()
        for file in files.documentation_pages():
            if file.page is None or file.generated_by is not None:
                continue
            locale = bridge.file_language(config, file, lang)
            if locale != lang:
                self._mark_title_language(file.page, file.page.title or "", locale)
        return env

    @event_priority(bridge.PAGE_CONTEXT_AFTER_I18N)
    def on_page_context(  # type: ignore[override] # MkDocs passes these by name
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        planned = self.planned.get(page.file.src_uri) if page.file.generated_by else None
        context["strategy_page"] = planned
        context["strategy_ui"] = strings_with_prefix(self._plan_lang(), "ui")
        if planned is not None:
            # The title first, then the banner: the skip link goes to the title.
            content = page.content or ""
            heading, separator, body = content.partition("</h1>")
            if not separator:
                heading, body = "", content
            elif planned.title_lang:  # an untranslated title; a page's own stays unmarked
                heading = heading.replace("<h1", f'<h1 lang="{planned.title_lang}"', 1)
            context["strategy_heading"] = heading + separator
            context["strategy_body"] = body
        if planned is not None and planned.version in self.version_navs:
            context["nav"] = self.version_navs[planned.version]
            # Read by partials/nav.html, entry by entry of this navigation.
            context["strategy_closed_entries"] = self.closed_entries[planned.version]
        if planned is not None:
            # Material's language selector and hreflang links; site-root-relative paths,
            # which its `url` filter makes relative to the page (i18n uses absolute
            # paths on start pages, which break when the site is not at the host's root).
            current = bridge.page_language_links(config)
            if current:
                bridge.set_page_language_links(
                    config,
                    [
                        dict(
                            alt, link=planned.alternates.get(str(alt.get("lang")), alt.get("link"))
                        )
                        for alt in current
                    ],
                )
        assert self.plan is not None and self.strategy is not None
        lang, source = self.plan.lang, self.strategy.source_language
        # A hand-written page shown in a language it is not written in (i18n's fallback).
        file_locale = bridge.file_language(config, page.file, lang)
        context["strategy_text_lang"] = (
            planned.text_lang
            if planned is not None
            else (file_locale if file_locale != lang else "")
        )
        bridge.hide_empty_toc(page)  # no empty "Table of contents" beside the text
        # The header's page topic: an untranslated title, or a guide shown untranslated.
        title_lang = planned.title_lang if planned is not None else context["strategy_text_lang"]
        if title_lang:
            bridge.mark_header_title_language(page, title_lang)
        root = language_root(page.url, lang, source)
        if root is not None:
            bridge.set_search_root(context, root)  # Material's search: this language's index
        return context

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The text of a section (or of its changes) passes the sanitiser: defence in
        depth behind the body policy that `check` and on_config enforce."""
        planned = self.planned.get(page.file.src_uri) if page.file.generated_by else None
        if planned is None or planned.kind not in SANITISED_KINDS:
            html = name_headings(html)
            if planned is not None and self.printing is not None:
                self.printing.collect(planned, html)  # a version's overview of its changes
            return html
        clean, removed = sanitise(html, page.url)
        if removed:
            log.warning(
                f"/{page.url}: the sanitiser removed {', '.join(removed)} from the text; "
                "the content policy (content/body_policy.py) should have refused it."
            )
        html = name_headings(clean)  # the site's own markup, after the sanitiser
        if self.printing is not None:
            self.printing.collect(planned, html)
        return html

    def _print(self, config: MkDocsConfig) -> None:
        """This language's PDFs, now that all its pages are rendered and none is written
        yet, so that each version's first page can say how large they are. A preview
        makes none and says so."""
        if self.printing is None or self.plan is None:
            return
        assert self.strategy is not None and self.comparisons is not None
        lang = self.plan.lang
        made = None
        if self.command != "serve":
            notice = site_notice(self.config.notice, lang, self.strategy.source_language)
            made = make_pdfs(
                self.printing,
                self.strategy,
                self.comparisons,
                Path(config.site_dir),
                site_url=config.site_url or "",
                notice=notice.text if notice is not None else "",
                today=self.today,
                flavour=MKDOCS_MATERIAL,
                fragments=self.fragments,
            )
            if self.printing.pdf_pages:
                log.info(
                    f"PDFs ({lang}): {self.printing.pdf_pages} pages in "
                    f"{self.printing.seconds:.1f} s ({self.printing.cpu_seconds:.1f} s of CPU)"
                )
        links = pdf_links(
            self.plan.pages,
            self.strategy,
            lang,
            self.today,
            made,
            flavour=MKDOCS_MATERIAL,
            fragments=self.fragments,
        )
        for uri, html in links.items():
            page = self.planned[uri]
            self.planned[uri] = replace(page, before_html=page.before_html + html)

    def _site_links(self) -> dict[str, Any]:
        """The open data page and the language's feed, for every page's head and footer
        (404 included): site-root-relative paths, which the templates' `url` filter makes
        relative to the page (absolute on the 404 page)."""
        assert self.plan is not None and self.strategy is not None
        lang, source = self.plan.lang, self.strategy.source_language
        feed = next((f for f in self.plan.files if f.path == urls.feed_path()), None)
        return {
            "data": {
                "href": urls.localized(urls.data_path(), lang, source),
                "text": t(lang, "ui.open_data"),
            },
            "feed": None
            if feed is None
            else {
                "href": urls.localized(feed.path, lang, source),
                "lang": lang,
                "title": t(lang, "feed.link_title"),
                "text": t(lang, "ui.feed"),
            },
        }

    def _plan_lang(self) -> str:
        assert self.plan is not None
        return self.plan.lang

    def _mark_title_language(self, item: Page | Section, title: str, title_lang: str) -> None:
        """A title in another language than the page's is marked, in the sidebar (through
        Material's `typeset` title, which it renders as HTML) and in the footer's links
        (`strategy_title_langs` and `strategy_title_notes`, by page URL)."""
        if not title_lang:
            return
        lang = self._plan_lang()
        note = t(lang, "ui.in_language", language=language_name(title_lang, lang))
        if isinstance(item, Page):
            self.title_langs[item.url] = title_lang
            self.title_notes[item.url] = note
        bridge.set_html_title(
            item,
            f'<span lang="{title_lang}">{escape(title)}</span> '
            f'<span class="st-title-lang">{escape(note)}</span>',
        )

    # -- the 404 page, one per language ----------------------------------------------

    def _language_root(self, config: MkDocsConfig) -> str:
        """The language's root as an absolute path: "/smart-specialisering/en/"."""
        assert self.strategy is not None
        site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        return site_path + urls.localized("", self._plan_lang(), self.strategy.source_language)

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if self.showing is not None:  # an error build: its 404.html is replaced, but rendered
            extra = cast("dict[str, Any]", context)
            extra["strategy_ui"] = strings_with_prefix(self._preview_language(config), "ui")
            return context
        if template_name != "404.html" or self.strategy is None or self.plan is None:
            return context
        self._not_found_context(cast("dict[str, Any]", context), config)
        return context

    def _not_found_context(self, context: dict[str, Any], config: MkDocsConfig) -> None:
        """What our 404.html reads besides MkDocs' own template context."""
        assert self.strategy is not None
        lang, root = self._plan_lang(), self._language_root(config)
        context["strategy_ui"] = strings_with_prefix(lang, "ui")
        try:
            context["strategy_not_found"] = not_found(
                self.strategy, lang, root, MKDOCS_MATERIAL, self.fragments, has_search(config)
            )
        except TemplateProblem as problem:
            raise PluginError(f"strategy: {problem}") from None
        context["strategy_not_found_title"] = (
            f"{t(lang, 'notfound.title')} – {self.strategy.text(self.strategy.title, lang)}"
        )

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """MkDocs writes every language's 404.html to the site's root, the last one
        winning: keep each, to write it to its language's root after the last build."""
        if self.showing is not None:  # an error build: the server shows 404.html anywhere
            if template_name != "404.html":
                return output
            source = self._preview_language(config)
            return error_page(self.showing, source, self._site_path(config))
        if self.previewing and template_name.endswith(".html"):
            output = with_preview_reload(output, self._site_path(config))
        if template_name == "404.html" and self.plan is not None:
            output = with_policy(search_from(output, self._language_root(config)))
            self.not_found_pages[self._plan_lang()] = output
        elif template_name.endswith(".html"):
            output = with_policy(output)  # pages from a template alone carry the policy too
        return output

    def _write_not_found_pages(self, site_dir: Path) -> None:
        assert self.strategy is not None
        for lang, output in self.not_found_pages.items():
            folder = site_dir / urls.localized("", lang, self.strategy.source_language)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "404.html").write_text(output, encoding="utf-8")

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Drop the per-page language links (ours or i18n's), so that pages rendered
        after the last page, such as 404.html, get the language roots from mkdocs.yml."""
        bridge.forget_page_language_links(config)
        if self.previewing:
            output = with_preview_reload(output, self._site_path(config))
        return with_policy(output)

    def _write_manifest(self, site_dir: Path) -> None:
        """manifest.json: the frozen versions' files and hashes (`check --published`)."""
        assert self.strategy is not None
        frozen = {v.id: v.path for v in self.strategy.versions.values() if v.frozen}
        text = json.dumps(manifest(frozen), indent=1, sort_keys=True, ensure_ascii=False)
        (site_dir / MANIFEST_NAME).write_text(text + "\n", encoding="utf-8")

    @event_priority(bridge.POST_BUILD_AFTER_I18N)  # after i18n has built every language
    def on_post_build(self, config: MkDocsConfig) -> None:
        if bridge.is_language_rebuild(config):
            bridge.forget_search_merge(config)  # before i18n writes the index of all languages
            return  # an inner build of one more language: the outer build finishes up
        if self.showing is not None:
            return  # an error build: nothing more to write
        if self.previewing:
            self.error_builds.finish_good_build()
        self.site.mark_built()  # every language is written (a later error still counts)
        self._write_manifest(Path(config.site_dir))
        if bridge.i18n(config) is None:
            return
        assert self.strategy is not None
        languages = self._built_languages(config, self.strategy)
        split_search_index(
            Path(config.site_dir), languages, self.strategy.source_language, partial=is_dirty()
        )
        copy_sitemaps(Path(config.site_dir), languages, self.strategy.source_language)
        self._write_not_found_pages(Path(config.site_dir))


def _page_of(files: Files, src_uri: str) -> Page:
    """The page MkDocs made of a generated file (every planned page has one)."""
    file = files.get_file_from_path(src_uri)
    assert file is not None and file.page is not None
    return file.page


def _pages_in(items: Sequence[StructureItem]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Section):
            pages.extend(_pages_in(item.children))
        elif isinstance(item, Page):
            pages.append(item)
    return pages


def _link_pages(pages: list[Page]) -> None:
    """Previous and next within one version: reading the strategy front to back."""
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None
