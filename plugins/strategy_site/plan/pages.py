"""The site plan: every page of one language, with its Markdown and its surroundings.

An engine adapter turns each `PlannedPage` into a page of its own kind (MkDocs files
today). Everything a page shows is decided here, from the model and the derived facts,
so that another engine needs a new adapter and nothing else.

Pages of a language: the start page; per version its first page, its sections, the
highlighted changes of each section and an overview of them (for versions compared
with the one they are based on), each section's history, its inputs; and the
translation status page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date

from markupsafe import Markup

from .. import urls
from ..content.markdown_links import LinkTarget, rewrite_links
from ..derive.causes import CauseNote, cause_notes
from ..derive.comparisons import Comparisons
from ..derive.diff import DiffLabels, SectionChange, diff_body, diff_titles, render_markdown
from ..derive.inputs import (
    answered_consultation,
    effects_index,
    items_about,
    items_addressed_in,
)
from ..derive.section_history import Histories, HistoryStep
from ..derive.translations import (
    CURRENT,
    OUTDATED,
    count_states,
    section_state,
    translation_languages,
    translation_statuses,
)
from ..model import CONSULTATION, POPULAR, LocalizedText, Section, Strategy, Version
from .export import CSV_FILE, JSON_FILE, SCHEMA_FILE, feed_xml, open_data_files
from .figures.place import (
    figures_changed,
    figures_changed_note,
    place_figure_changes,
    place_figures,
)
from .flavour import Flavour
from .kept_html import KeptHtml, history_facts
from .markdown_text import markdown_text
from .paragraphs import CHANGE_ID, ParagraphMark
from .render import (
    PageContext,
    consultation_actions,
    contents,
    read_now,
    section_title,
    source_change_text,
    timeline,
    translation_notice,
    translation_table,
    version_banner,
    version_label,
)
from .render_causes import cause_list, markers
from .render_changes import (
    change_description,
    changes_toggle,
    move_notes,
    not_current_notice,
    overview_table,
    summarises_note,
)
from .render_data import ListedFile, open_data_page
from .render_front import changed_heading, what_changed
from .render_history import history_link, section_history_list
from .render_inputs import affecting_list, filters, inputs_page
from .render_outcome import (
    decision_table,
    items_by_decision,
    localized_paragraphs,
    outcome_intro,
    outcome_link,
    shaped_by,
    who_responded,
)
from .responding import (
    PARAGRAPH,
    comment_href,
    is_open,
    response_template,
    response_template_docx,
)
from .source_changes import SourceChanges
from .templating import PACKAGE_FRAGMENTS, Fragments
from .texts import language_name, t, use_region_strings

START = "start"
VERSION = "version"
SECTION = "section"
CHANGES = "changes"
OVERVIEW = "overview"
INPUTS = "inputs"
OUTCOME = "outcome"
TRANSLATIONS = "translations"
HISTORY = "history"
DATA = "data"
SOURCE_CHANGES = "source-changes"


@dataclass
class PlannedPage:
    lang: str
    path: str  # language-independent, directory-style: "remiss/inledning/"
    kind: str
    title: str  # in the navigation
    html_title: str  # in the browser tab
    markdown: str
    version: str | None = None
    section: str | None = None
    before_html: str = ""  # goes above the rendered Markdown
    after_html: str = ""  # goes below it
    text_lang: str = ""  # language of the main text, when it differs from `lang`
    css_class: str = ""
    alternates: dict[str, str] = field(default_factory=dict)  # lang -> site path
    title_lang: str = ""  # language of `title`, when it differs from `lang` (untranslated)
    # What a printed edition (publish/) shows of a section or changes page beside its
    # text: the notices that say what the reader is looking at, not the site's navigation.
    print_before: str = ""
    print_after: str = ""

    @property
    def source_uri(self) -> str:
        return urls.source_uri(self.path)

    def field_values(self) -> dict[str, object]:
        """The fields as they are: `asdict` would deep-copy each first, and the preview
        fingerprints every page of every rebuild."""
        return {item.name: getattr(self, item.name) for item in fields(self)}


@dataclass
class PlannedFile:
    """A file that is not a page, e.g. a response template to download.

    A file of a language is written under its language's prefix ("en/feed.xml"); one
    with `lang` "" is the same for every language (the open data) and is written once,
    at `path` itself: the source language's plan carries it.
    """

    lang: str
    path: str  # language-independent, e.g. "remiss/remissvar.txt"
    content: str | bytes


@dataclass
class NavItem:
    title: str
    path: str
    children: list[NavItem] = field(default_factory=list)
    title_lang: str = ""  # language of `title`, when it differs from the page's


@dataclass
class SitePlan:
    lang: str
    pages: list[PlannedPage]
    version_navs: dict[str, list[NavItem]]  # version id -> its table of contents
    files: list[PlannedFile] = field(default_factory=list)


def front_matter(**values: object) -> str:
    """YAML front matter; JSON strings are valid YAML and need no quoting rules."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def plan_site(
    strategy: Strategy,
    lang: str,
    today: date,
    comparisons: Comparisons | None = None,
    *,
    flavour: Flavour,
    fragments: Fragments = PACKAGE_FRAGMENTS,
    site_url: str | None = None,
    shared: list[PlannedFile] | None = None,
    kept: KeptHtml | None = None,
) -> SitePlan:
    """Every page and file of the site in `lang`, as of the build date `today`, in the
    engine's `flavour`, its HTML from `fragments` (the region's partials first).

    `site_url` is the site's address (a feed needs absolute addresses: without it there
    is none); `shared` the files every language shares, from `plan_shared_files` once
    per build (planned here when not given); `kept` the banners and history lists of the
    last plan, which a preview's rebuild draws again only where they changed
    (kept_html.py)."""
    use_region_strings(strategy.strings)
    comparisons = comparisons or Comparisons(strategy)
    if shared is None:
        shared = plan_shared_files(strategy, today, comparisons, site_url=site_url)
    planner = SitePlanner(strategy, lang, today, comparisons, flavour, fragments, site_url, kept)
    return planner.plan(shared)


def plan_shared_files(
    strategy: Strategy,
    today: date,
    comparisons: Comparisons | None = None,
    *,
    site_url: str | None = None,
    notice: LocalizedText | None = None,
) -> list[PlannedFile]:
    """The files one for every language: the open data (`notice`: the sentence the site
    shows on every page, which the data repeats)."""
    files = open_data_files(strategy, today, comparisons, site_url=site_url, notice=notice)
    return [PlannedFile("", path, content) for path, content in files]


class SitePlanner:
    def __init__(
        self,
        strategy: Strategy,
        lang: str,
        today: date,
        comparisons: Comparisons,
        flavour: Flavour,
        fragments: Fragments = PACKAGE_FRAGMENTS,
        site_url: str | None = None,
        kept: KeptHtml | None = None,
    ):
        self.site_url = site_url  # the site's address; a feed needs it
        self.kept = kept
        if kept is not None:
            partials = fragments.source_digest()
            kept.use(strategy, today, partials, repr(flavour), comparisons.enabled)
        self.flavour = flavour
        self.fragments = fragments
        self.strategy = strategy
        self.lang = lang
        self.today = today
        self.comparisons = comparisons
        self.source = strategy.source_language
        self.effects = effects_index(strategy)
        self.histories = Histories(strategy, comparisons, self.effects)
        self.source_changes = SourceChanges()
        self._changes_langs: dict[str, tuple[str, ...]] = {}

    def plan(self, shared: list[PlannedFile] | None = None) -> SitePlan:
        """The pages and files; `shared`: those every language shares, which the source
        language's plan carries."""
        strategy, lang = self.strategy, self.lang
        pages = [self.start_page()]
        navs: dict[str, list[NavItem]] = {}
        files = []
        for version in strategy.versions.values():
            if version.status == CONSULTATION and version.consultation is not None:
                # Kept after the consultation closes, so saved links keep working.
                text = response_template(strategy, version, lang)
                files.append(PlannedFile(lang, urls.response_template_path(version.id), text))
                document = response_template_docx(strategy, version, lang)
                files.append(
                    PlannedFile(lang, urls.response_template_path(version.id, "docx"), document)
                )
            pages.append(self.version_page(version))
            for section in version.sections.values():
                pages.append(self.kept_page(SECTION, version, section, self.section_page))
                pages += self.source_changes_page(version, section)
                if self.comparisons.has_changes(version):
                    pages.append(self.kept_page(CHANGES, version, section, self.changes_page))
                pages.append(self.history_page(version, section))
            if self.comparisons.has_changes(version):
                pages.append(self.overview_page(version))
            pages.append(self.inputs_page(version))
            consultation = answered_consultation(strategy, version)
            if consultation is not None:
                pages.append(self.outcome_page(version, consultation))
            navs[version.id] = self.version_nav(version)
        if translation_languages(strategy):
            pages.append(self.translations_page())
        if self.site_url:
            feed = feed_xml(strategy, lang, self.today, self.site_url)
            files.append(PlannedFile(lang, urls.feed_path(), feed))
        if lang == self.source:
            files += shared or []
        pages.append(self.data_page(shared or [], files))
        for page in pages:
            # A page of the translated site only (what changed in the source) has the
            # section as its counterpart in the other languages.
            same = page.path
            if page.kind == SOURCE_CHANGES:
                same = urls.section_path(page.version or "", page.section or "")
            page.alternates = {
                other: urls.localized(page.path if other == lang else same, other, self.source)
                for other in strategy.languages
            }
        return SitePlan(lang, pages, navs, files)

    # -- helpers -------------------------------------------------------------------

    def context(self, path: str) -> PageContext:
        return PageContext(
            self.strategy,
            self.lang,
            path,
            self.today,
            self.comparisons.has_changes,
            fragments=self.fragments,
            flavour=self.flavour,
        )

    def text(self, value: dict[str, str]) -> str:
        return self.strategy.text(value, self.lang)

    def html_title(self, *parts: str) -> str:
        return " – ".join([*parts, self.text(self.strategy.title)])

    def search_meta(self, version: Version) -> dict[str, object]:
        """Front matter for every searchable page of a version: search results name the
        version (the engine's labels shown with each result, through the flavour;
        "Inspel och beslut" is a page of every version) and rank the current version's
        pages first."""
        values: dict[str, object] = {
            self.flavour.result_labels: [version_label(self.strategy, version, self.lang)]
        }
        current = version.id == self.strategy.current
        values.update(self.flavour.search_first if current else self.flavour.search_later)
        return values

    def base(self, version: Version) -> Version:
        assert version.based_on is not None
        return self.strategy.versions[version.based_on]

    def banner(
        self, ctx: PageContext, version: Version, section_id: str | None, folded: bool = False
    ) -> str:
        """The version's banner on the page of `ctx`, kept from the last plan if it can be."""
        if self.kept is None:
            return version_banner(ctx, version, section_id, folded)
        key = ("banner", self.lang, ctx.path, version.id, section_id, folded)
        return self.kept.html(key, lambda: version_banner(ctx, version, section_id, folded))

    def kept_page(
        self,
        kind: str,
        version: Version,
        section: Section,
        plan: Callable[[Version, Section], PlannedPage],
    ) -> PlannedPage:
        """A section's page or changes view, kept from the last plan when what it reads
        beyond the outline is the same (kept_html.py): planned afresh without `kept`."""
        if self.kept is None:
            return plan(version, section)
        key = (kind, self.lang, version.id, section.id)
        depends_on = self.page_inputs(self.kept, kind, version, section)
        return self.kept.page(key, depends_on, lambda: plan(version, section))

    def page_inputs(
        self, kept: KeptHtml, kind: str, version: Version, section: Section
    ) -> tuple[object, ...]:
        """What `section_page` (kind SECTION) or `changes_page` (CHANGES) reads that the
        outline does not cover (the inputs that changed the section are in it): the
        section's texts, its comparison and, for a section page, what changed in its
        source since an outdated translation (from git); for a changes view, in which
        language it and each other changes view of the version show the comparison (a
        move note links to the very block only where both show the same)."""
        texts = [section.body, *(tr.body for _, tr in sorted(section.translations.items()))]
        if kind == SECTION:
            outdated = self.lang != self.source and section_state(section, self.lang) == OUTDATED
            since = self.source_changes(section, self.lang) if outdated else None
            change = kept.by_value(self.change(version, section.id, self.source))
            return (*texts, change, since)
        text_lang = self.changes_lang(version, section)
        change = kept.by_value(self.change(version, section.id, text_lang))
        return (*texts, text_lang, change, self.changes_langs(version))

    def changes_langs(self, version: Version) -> tuple[str, ...]:
        """`changes_lang` of every section of `version`, once per plan."""
        found = self._changes_langs.get(version.id)
        if found is None:
            found = tuple(self.changes_lang(version, s) for s in version.sections.values())
            self._changes_langs[version.id] = found
        return found

    # -- pages ---------------------------------------------------------------------

    def start_page(self) -> PlannedPage:
        strategy, lang = self.strategy, self.lang
        ctx = self.context("")
        title = self.text(strategy.title)
        publisher = self.text(strategy.publisher) if strategy.publisher else ""
        lead = _first_summary(strategy.current_version, lang)
        body = [f"# {markdown_text(title)}", ""]
        if publisher:
            body += [str(ctx.fragment("page-lead.html", kind="publisher", line=publisher)), ""]
        if lead:
            body += [lead, ""]
        body += [read_now(ctx), ""]
        for version in strategy.versions.values():
            if answered_consultation(strategy, version) is not None:
                body += [outcome_link(ctx, version, "outcome.start"), ""]
        body += [f"## {markdown_text(t(lang, 'start.timeline'))}", ""]
        body += [markdown_text(t(lang, "start.timeline_intro")), "", timeline(ctx), ""]
        data_links = ctx.fragment(
            "start-links.html",
            data_href=ctx.link(urls.data_path()),
            feed_href=ctx.link(urls.feed_path()) if self.site_url else None,
        )
        body += [str(data_links), ""]
        return PlannedPage(
            lang=lang,
            path="",
            kind=START,
            title=t(lang, "nav.start"),
            html_title=f"{title} – {publisher}" if publisher else title,
            # One heading under the title: a table of contents of one entry helps nobody.
            markdown=front_matter(
                title=t(lang, "nav.start"), description=lead or title, **self.flavour.hide_toc
            )
            + "\n".join(body),
        )

    def version_page(self, version: Version) -> PlannedPage:
        path = urls.version_path(version.id)
        ctx = self.context(path)
        name = self.text(version.title)
        title = self.text(self.strategy.title)
        # A popular version's name ("Populärversion") is a label, not a title: its page is
        # headed by the programme's title; the label shows in the banner under it.
        body = [f"# {markdown_text(title if version.status == POPULAR else name)}", ""]
        if version.status != POPULAR:
            body += [str(ctx.fragment("page-lead.html", kind="title", line=title)), ""]
        comparison = self.comparisons.get(version)
        if comparison is not None:
            has_outcome = answered_consultation(self.strategy, version) is not None
            opening = what_changed(ctx, version, self.base(version), comparison, has_outcome)
            body += [changed_heading(ctx, self.base(version)), "", opening, ""]
        body += [
            f"## {markdown_text(t(self.lang, 'front.contents'))}",
            "",
            contents(ctx, version),
            "",
        ]
        before = self.banner(ctx, version, None)
        if is_open(version, self.today):
            before += consultation_actions(ctx, version, None)
        return PlannedPage(
            lang=self.lang,
            path=path,
            kind=VERSION,
            title=name,
            html_title=f"{name} – {title}",
            markdown=front_matter(
                title=name,
                description=f"{name}: {title}",
                **self.search_meta(version),
                **self.flavour.hide_toc,
            )
            + "\n".join(body),
            version=version.id,
            before_html=before,
            css_class=f"st-page--{version.status}",
        )

    def section_page(self, version: Version, section: Section) -> PlannedPage:
        lang = self.lang
        path = urls.section_path(version.id, section.id)
        ctx = self.context(path)
        state = CURRENT if lang == self.source else section_state(section, lang)
        translation = section.translations.get(lang) if lang != self.source else None
        text = translation if translation is not None else section
        text_lang = lang if translation is not None else self.source
        title = section_title(self.strategy, version, section.id, lang)
        body = rewrite_links(
            text.body, lambda target: source_link(path, version, target, self.flavour)
        )
        page = urls.localized(path, lang, self.source)
        body = place_figures(body, version, text_lang, self.source, page)
        values: dict[str, object] = {"title": title}
        if text.summary:
            values["description"] = text.summary
        values.update(self.search_meta(version))
        mark = self.paragraph_mark(version, section)
        since = self.source_changes(section, lang) if state == OUTDATED else None
        changes_path = urls.source_changes_path(version.id, section.id)
        notice = translation_notice(ctx, state, since, changes_path)
        before = self.banner(ctx, version, section.id) + notice
        if version.status == POPULAR:
            before += summarises_note(ctx, version, section.summarises)
        change = self.change(version, section.id, self.source)
        if change is not None:
            before += changes_toggle(ctx, change, self.base(version), showing=False)
            if figures_changed(version, self.base(version), section.body):
                before += figures_changed_note(lang)
        before += history_link(ctx, version, section.id)
        if is_open(version, self.today):
            before += consultation_actions(ctx, version, section.id)
        return PlannedPage(
            lang=lang,
            path=path,
            kind=SECTION,
            title=title,
            html_title=self.html_title(title, self.text(version.title)),
            markdown=front_matter(**values)
            + f"# {markdown_text(title)} {mark.attribute()}\n\n{body}",
            version=version.id,
            section=section.id,
            before_html=before,
            after_html=affecting_list(ctx, self.effects.get((version.id, section.id), [])),
            text_lang=text_lang if text_lang != lang else "",
            css_class=f"st-page--{version.status}",
            title_lang=self.title_lang(section),
            print_before=notice,
        )

    def source_changes_page(self, version: Version, section: Section) -> list[PlannedPage]:
        """On a translated site, for an outdated translation: the source text as it is
        now, with what changed since the translation was made marked (from git history;
        without it there is no such page, and the section's notice says so)."""
        lang, source = self.lang, self.source
        if lang == source or section_state(section, lang) != OUTDATED:
            return []
        change = self.source_changes(section, lang)
        if change is None:
            return []
        path = urls.source_changes_path(version.id, section.id)
        ctx = self.context(path)
        title = section_title(self.strategy, version, section.id, lang)
        page_title = t(lang, "source_changes.page_title", title=title)
        names = {"language": language_name(lang, lang), "source": language_name(source, lang)}
        labels = DiffLabels.for_language(source)
        annotated = render_markdown(diff_body(change.old_body, section.body), labels)
        body = rewrite_links(
            annotated, lambda target: source_link(path, version, target, self.flavour)
        )
        body = place_figure_changes(body, version, version, source, source)
        heading = None
        if change.title_changed:
            # Escaped by diff_titles, which marks what differs with <ins> and <del>.
            heading = Markup(diff_titles(change.old_title, section.title, labels))
        lead = str(
            ctx.fragment(
                "source-changes-head.html",
                names=names,
                change=source_change_text(lang, change),
                heading=heading,
                source_lang=source,
                translation_href=ctx.link(urls.section_path(version.id, section.id)),
                source_href=ctx.link_in(source, urls.section_path(version.id, section.id)),
            )
        )
        return [
            PlannedPage(
                lang=lang,
                path=path,
                kind=SOURCE_CHANGES,
                title=page_title,
                html_title=self.html_title(page_title, self.text(version.title)),
                markdown=front_matter(title=page_title, **self.flavour.search_exclude)
                + f"# {markdown_text(page_title)}\n\n{body}",
                version=version.id,
                section=section.id,
                before_html=self.banner(ctx, version, section.id, folded=True) + lead,
                text_lang=source,
                css_class=f"st-page--{version.status} st-page--changes",
            )
        ]

    def title_lang(self, section: Section) -> str:
        """The source language, when a section's title is shown untranslated."""
        if self.lang == self.source or self.lang in section.translations:
            return ""
        return self.source

    def paragraph_mark(self, version: Version, section: Section) -> ParagraphMark:
        """What the paragraph numbering needs: "3.2 ¶4", and a comment link while open."""
        lang = self.lang
        number = "" if version.status == POPULAR else section.number
        hidden = t(lang, "para.anchor_hidden")
        if not is_open(version, self.today):
            return ParagraphMark(number=number, anchor_hidden=hidden)
        return ParagraphMark(
            number=number,
            anchor_hidden=hidden,
            comment_href=comment_href(self.strategy, version, section, lang, PARAGRAPH),
            comment_text=t(lang, "para.comment"),
            comment_hidden=t(lang, "para.comment_hidden", number=number or section.number),
        )

    def changes_mark(self, section: Section) -> ParagraphMark:
        """A changes view numbers paragraphs as its section page does, and links its
        changes to each other."""
        lang = self.lang
        return ParagraphMark(
            number=section.number,
            anchor_hidden=t(lang, "para.anchor_hidden"),
            changes=True,
            previous_text=t(lang, "changes.previous"),
            next_text=t(lang, "changes.next"),
            # Templates: the Markdown extension fills in the paragraphs it folds.
            unchanged_one=t(lang, "changes.unchanged_start.one"),
            unchanged_many=t(lang, "changes.unchanged_start.many"),
        )

    def change(self, version: Version, section_id: str, lang: str) -> SectionChange | None:
        comparison = self.comparisons.get(version, lang)
        return comparison.get(section_id) if comparison is not None else None

    def translations_current(
        self, version: Version, section: Section, change: SectionChange
    ) -> bool:
        """Whether both sides of a section's comparison have current translations."""
        if section_state(section, self.lang) != CURRENT:
            return False
        base = self.base(version)
        return all(
            section_state(base.sections[old], self.lang) == CURRENT
            for old in change.old_ids
            if old in base.sections
        )

    def changes_lang(self, version: Version, section: Section) -> str:
        """The language of the comparison a section's changes view shows: the page's own
        where both sides have current translations, else the source language."""
        if self.lang == self.source:
            return self.source
        translated = self.change(version, section.id, self.lang)
        if translated is not None and self.translations_current(version, section, translated):
            return self.lang
        return self.source

    def changes_page(self, version: Version, section: Section) -> PlannedPage:
        """The section's text with insertions and deletions marked, at its own address."""
        lang, base = self.lang, self.base(version)
        path = urls.section_changes_path(version.id, section.id)
        ctx = self.context(path)
        text_lang = self.changes_lang(version, section)
        change = self.change(version, section.id, text_lang)
        assert change is not None
        notice = not_current_notice(ctx) if text_lang != lang else ""
        notes = self.cause_notes(version, section, text_lang)
        if change.body is not None:
            moves = move_notes(
                ctx,
                version,
                base,
                text_lang,
                lambda other: self.changes_lang(version, version.sections[other]) == text_lang,
            )
            labels = DiffLabels.for_language(text_lang)
            annotated = render_markdown(change.body, labels, moves, markers(ctx, notes))
        else:
            shown = section.translations.get(text_lang) if text_lang != self.source else None
            annotated = (shown or section).body
            notes = [replace(note, block=None) for note in notes]  # no markers: listed only
        body = rewrite_links(
            annotated, lambda target: changes_link(path, version, base, target, self.flavour)
        )
        page = urls.localized(path, lang, self.source)
        body = place_figure_changes(body, version, base, text_lang, self.source, page)
        title = section_title(self.strategy, version, section.id, lang)
        page_title = t(lang, "changes.page_title", title=title)
        description = change_description(ctx, change, version, base)
        described = notice + description  # what the printed changes edition says first
        # One row under the banner: the way back, what happened, the way to the first
        # change; on a phone the first change is on the first screen (tests/browser).
        marked = change.body is not None and change.body.changed
        head = str(
            ctx.fragment(
                "changes-head.html",
                toggle=Markup(changes_toggle(ctx, change, base, showing=True)),
                description=Markup(description),
                first_href=f"#{CHANGE_ID.format(1)}" if marked else None,
            )
        )
        before = self.banner(ctx, version, section.id, folded=True) + head + notice
        # The way to the section's history goes below the text: above it, it pushed the
        # first change off a phone's first screen when a translation notice was shown.
        after = cause_list(ctx, notes) + history_link(ctx, version, section.id)
        return PlannedPage(
            lang=lang,
            path=path,
            kind=CHANGES,
            title=page_title,
            html_title=self.html_title(page_title, self.text(version.title)),
            markdown=front_matter(title=page_title, **self.flavour.search_exclude)
            + f"# {markdown_text(page_title)} {self.changes_mark(section).attribute()}\n\n{body}",
            version=version.id,
            section=section.id,
            before_html=before,
            after_html=after,
            text_lang=text_lang if text_lang != lang else "",
            css_class=f"st-page--{version.status} st-page--changes",
            print_before=described,
            print_after=cause_list(ctx, notes),
        )

    def cause_notes(self, version: Version, section: Section, text_lang: str) -> list[CauseNote]:
        """The inputs tied to passages of this section, numbered; in `text_lang`'s text."""
        items = self.effects.get((version.id, section.id), [])
        translation = section.translations.get(text_lang) if text_lang != self.source else None
        return cause_notes(items, section.body, translation.body if translation else None)

    def history_page(self, version: Version, section: Section) -> PlannedPage:
        """Every version the section appears in, under which names and numbers, and what
        happened to it there: reachable from the section and its changes, not in menus."""
        lang = self.lang
        path = urls.section_history_path(version.id, section.id)
        ctx = self.context(path)
        title = t(
            lang, "history.title", title=section_title(self.strategy, version, section.id, lang)
        )
        steps = self.histories.of(version, section.id)
        body = [
            f"# {markdown_text(title)}",
            "",
            str(ctx.fragment("history-intro.html")),
            "",
            self.history_list(ctx, steps, version, section.id),
        ]
        return PlannedPage(
            lang=lang,
            path=path,
            kind=HISTORY,
            title=title,
            html_title=self.html_title(title, self.text(version.title)),
            markdown=front_matter(
                title=title, **self.flavour.search_exclude, **self.flavour.hide_toc
            )
            + "\n".join(body),
            version=version.id,
            section=section.id,
            css_class=f"st-page--{version.status} st-page--history",
        )

    def history_list(
        self, ctx: PageContext, steps: list[HistoryStep], version: Version, section_id: str
    ) -> str:
        """The history page's list, kept from the last plan if its facts are the same."""
        if self.kept is None:
            return section_history_list(ctx, steps, version, section_id)
        key = ("history", self.lang, ctx.path, version.id, section_id, history_facts(steps))
        return self.kept.html(key, lambda: section_history_list(ctx, steps, version, section_id))

    def overview_page(self, version: Version) -> PlannedPage:
        lang, base = self.lang, self.base(version)
        path = urls.version_changes_path(version.id)
        ctx = self.context(path)
        comparison = self.comparisons.get(version)
        assert comparison is not None
        title = t(lang, "changes.overview", base=self.text(base.title))
        name = self.text(version.title)
        intro = t(lang, "changes.overview_intro", version=name, base=self.text(base.title))
        body = [
            f"# {markdown_text(title)}",
            "",
            markdown_text(intro),
            "",
            overview_table(ctx, comparison, version, base, self.effects),
        ]
        return PlannedPage(
            lang=lang,
            path=path,
            kind=OVERVIEW,
            title=title,
            html_title=self.html_title(title, name),
            markdown=front_matter(title=title, **self.flavour.search_exclude) + "\n".join(body),
            version=version.id,
            before_html=self.banner(ctx, version, None),
            css_class=f"st-page--{version.status}",
        )

    def inputs_page(self, version: Version) -> PlannedPage:
        lang = self.lang
        path = urls.inputs_path(version.id)
        ctx = self.context(path)
        title = t(lang, "inputs.title")
        name = self.text(version.title)
        body = [
            f"# {markdown_text(title)}",
            "",
            markdown_text(t(lang, "inputs.intro", version=name)),
            "",
        ]
        about = items_about(self.strategy, version.id)
        addressed = items_addressed_in(self.strategy, version.id)
        # One filter for every item on the page; then first what shaped this version,
        # then what was said about it.
        body += [filters(ctx, version, addressed + about), ""]
        if addressed:
            body += [shaped_by(ctx, version, addressed), ""]
        if about or not addressed:
            body += [inputs_page(ctx, version, about), ""]
        # What was said about the version is listed by input, each under its heading;
        # without it the page has one heading at most: no table of contents.
        hide_toc = not about
        return self.version_subpage(
            version, path, INPUTS, title, "\n".join(body), hide_toc=hide_toc
        )

    def version_subpage(
        self, version: Version, path: str, kind: str, title: str, body: str, hide_toc: bool = False
    ) -> PlannedPage:
        """A page of a version that is not a section: its inputs, its outcome."""
        hidden = self.flavour.hide_toc if hide_toc else {}
        return PlannedPage(
            lang=self.lang,
            path=path,
            kind=kind,
            title=title,
            html_title=self.html_title(title, self.text(version.title)),
            markdown=front_matter(title=title, **self.search_meta(version), **hidden) + body,
            version=version.id,
            before_html=self.banner(self.context(path), version, None),
            css_class=f"st-page--{version.status}",
        )

    def outcome_page(self, version: Version, consultation: Version) -> PlannedPage:
        """What came of a consultation, on the version that answers it."""
        lang = self.lang
        path = urls.outcome_path(version.id)
        ctx = self.context(path)
        title = t(lang, "outcome.title")
        items = items_about(self.strategy, consultation.id)
        body = [f"# {markdown_text(title)}", "", outcome_intro(ctx, consultation, version), ""]
        body += [f"## {markdown_text(t(lang, 'outcome.who'))}", "", who_responded(ctx, items), ""]
        if version.outcome:
            themes = localized_paragraphs(ctx, version.outcome)
            body += [f"## {markdown_text(t(lang, 'outcome.themes'))}", "", themes, ""]
        body += [f"## {markdown_text(t(lang, 'outcome.decisions'))}", ""]
        intro = markdown_text(t(lang, "outcome.decisions_intro"))
        body += [intro, "", decision_table(ctx, items), ""]
        items_heading = markdown_text(t(lang, "outcome.items"))
        body += [f"## {items_heading}", "", items_by_decision(ctx, items), ""]
        return self.version_subpage(version, path, OUTCOME, title, "\n".join(body))

    def translations_page(self) -> PlannedPage:
        """For translators: every section's state, per version. Reachable, not in menus."""
        strategy, lang = self.strategy, self.lang
        ctx = self.context(urls.translations_path())
        title = t(lang, "translations.title")
        body = [f"# {markdown_text(title)}", ""]
        for target in translation_languages(strategy):
            rows = translation_statuses(strategy, target, changes=self.source_changes)
            counts = count_states(rows)
            name = language_name(target, lang)
            heading = name[0].upper() + name[1:]
            intro = t(lang, "translations.intro", language=name)
            body += [f"## {markdown_text(heading)}", "", markdown_text(intro), ""]
            summary = t(lang, "translations.summary", words=sum(r.words for r in rows), **counts)
            body += [markdown_text(summary), ""]
            for version in strategy.versions.values():
                version_rows = [r for r in rows if r.version == version.id]
                body += [f"### {markdown_text(self.text(version.title))}", ""]
                body += [translation_table(ctx, version, version_rows), ""]
        return PlannedPage(
            lang=lang,
            path=urls.translations_path(),
            kind=TRANSLATIONS,
            title=title,
            html_title=self.html_title(title),
            markdown=front_matter(title=title, **self.flavour.search_exclude) + "\n".join(body),
        )

    def data_page(self, shared: list[PlannedFile], files: list[PlannedFile]) -> PlannedPage:
        """What the open data is, with the files this build writes and their sizes."""
        lang = self.lang
        path = urls.data_path()
        described = {
            JSON_FILE: ("data.json", "JSON"),
            SCHEMA_FILE: ("data.schema", "JSON Schema"),
            CSV_FILE: ("data.csv", "CSV"),
        }
        listed = []
        for file in shared:
            name = file.path.rsplit("/", 1)[-1]
            key, kind = described.get(name, ("data.json", name.rsplit(".", 1)[-1].upper()))
            listed.append(ListedFile(file.path, False, key, kind, _size(file.content)))
        feed = next((f for f in files if f.path == urls.feed_path() and f.lang == lang), None)
        if feed is not None:
            listed.append(ListedFile(feed.path, True, "data.feed", "Atom", _size(feed.content)))
        title = t(lang, "data.title")
        body = open_data_page(self.context(path), listed, feed.path if feed else None)
        return PlannedPage(
            lang=lang,
            path=path,
            kind=DATA,
            title=title,
            html_title=self.html_title(title),
            markdown=front_matter(title=title) + f"# {markdown_text(title)}\n\n" + body,
        )

    def version_nav(self, version: Version) -> list[NavItem]:
        def item(section_id: str) -> NavItem:
            section = version.sections[section_id]
            return NavItem(
                section_title(self.strategy, version, section_id, self.lang),
                urls.section_path(version.id, section_id),
                [item(child) for child in section.children],
                self.title_lang(section),
            )

        items = [NavItem(self.text(version.title), urls.version_path(version.id))]
        items += [item(s.id) for s in version.top_level]
        if self.comparisons.has_changes(version):
            title = t(self.lang, "changes.overview", base=self.text(self.base(version).title))
            items.append(NavItem(title, urls.version_changes_path(version.id)))
        items.append(NavItem(t(self.lang, "inputs.title"), urls.inputs_path(version.id)))
        if answered_consultation(self.strategy, version) is not None:
            items.append(NavItem(t(self.lang, "outcome.title"), urls.outcome_path(version.id)))
        return items


def _size(content: str | bytes) -> int:
    return len(content.encode("utf-8") if isinstance(content, str) else content)


def _first_summary(version: Version, lang: str) -> str | None:
    for section in version.sections.values():
        translation = section.translations.get(lang)
        if translation is not None and translation.summary:
            return translation.summary
        if section.summary:
            return section.summary
    return None


def source_link(from_path: str, version: Version, target: LinkTarget, flavour: Flavour) -> str:
    """Where an editor's link points, as a Markdown link the engine can check and resolve."""
    if target.kind == "section":
        to_path = urls.section_path(target.version or version.id, target.section or "")
        return urls.relative(from_path, to_path) + flavour.page_source + target.anchor
    return urls.relative(from_path, f"{version.id}/{target.target}") + target.anchor


def changes_link(
    from_path: str, version: Version, base: Version, target: LinkTarget, flavour: Flavour
) -> str:
    """Like source_link, for a text that mixes two versions: what the newer version no
    longer has (deleted text) is found in the older one."""
    gone = target.section not in version.sections and target.section in base.sections
    if target.kind == "section" and target.version is None and gone:
        return source_link(from_path, base, target, flavour)
    if target.kind == "asset" and target.target not in version.assets:
        return source_link(from_path, base, target, flavour)
    return source_link(from_path, version, target, flavour)
