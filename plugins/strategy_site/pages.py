"""The site plan: every page of one language, with its Markdown and its surroundings.

An engine adapter turns each `PlannedPage` into a page of its own kind (MkDocs files
today). Everything a page shows is decided here, from the model and the derived facts,
so that another engine needs a new adapter and nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from html import escape

from . import urls
from .markdown_links import LinkTarget, rewrite_links
from .model import POPULAR, Strategy, Version
from .paragraphs import ParagraphMark
from .render import (
    PageContext,
    consultation_actions,
    contents,
    read_now,
    section_title,
    timeline,
    translation_notice,
    translation_table,
    version_banner,
)
from .responding import PARAGRAPH, comment_href, is_open, response_template
from .texts import language_name, t
from .translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    section_state,
    translation_languages,
    translation_statuses,
)

START = "start"
VERSION = "version"
SECTION = "section"
TRANSLATIONS = "translations"


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

    @property
    def source_uri(self) -> str:
        return urls.source_uri(self.path)


@dataclass
class PlannedFile:
    """A file that is not a page, e.g. a response template to download."""

    lang: str
    path: str  # language-independent, e.g. "remiss/remissvar.txt"
    content: str


@dataclass
class NavItem:
    title: str
    path: str
    children: list[NavItem] = field(default_factory=list)


@dataclass
class SitePlan:
    lang: str
    pages: list[PlannedPage]
    version_navs: dict[str, list[NavItem]]  # version id -> its table of contents
    files: list[PlannedFile] = field(default_factory=list)

    def page(self, path: str) -> PlannedPage:
        return next(p for p in self.pages if p.path == path)


def front_matter(**values: object) -> str:
    """YAML front matter; JSON strings are valid YAML and need no quoting rules."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def plan_site(strategy: Strategy, lang: str, today: date) -> SitePlan:
    pages = [_start_page(strategy, lang, today)]
    navs: dict[str, list[NavItem]] = {}
    files = []
    for version in strategy.versions.values():
        if is_open(version, today):
            content = response_template(strategy, version, lang)
            files.append(PlannedFile(lang, urls.response_template_path(version.id), content))
        pages.append(_version_page(strategy, version, lang, today))
        for section in version.sections.values():
            pages.append(_section_page(strategy, version, section.id, lang, today))
        navs[version.id] = _version_nav(strategy, version, lang)
    if translation_languages(strategy):
        pages.append(_translations_page(strategy, lang, today))
    for page in pages:
        page.alternates = {
            other: urls.localized(page.path, other, strategy.source_language)
            for other in strategy.languages
        }
    return SitePlan(lang, pages, navs, files)


def _start_page(strategy: Strategy, lang: str, today: date) -> PlannedPage:
    ctx = PageContext(strategy, lang, "", today)
    title = strategy.text(strategy.title, lang)
    publisher = strategy.text(strategy.publisher, lang) if strategy.publisher else ""
    current = strategy.current_version
    lead = _first_summary(current, lang)
    body = [f"# {title}", ""]
    if publisher:
        body += [f'<p class="st-publisher">{escape(publisher)}</p>', ""]
    if lead:
        body += [lead, ""]
    body += [read_now(ctx), "", f"## {t(lang, 'start.timeline')}", ""]
    body += [t(lang, "start.timeline_intro"), "", timeline(ctx), ""]
    return PlannedPage(
        lang=lang,
        path="",
        kind=START,
        title=t(lang, "nav.start"),
        html_title=f"{title} – {publisher}" if publisher else title,
        markdown=front_matter(title=t(lang, "nav.start"), description=lead or title)
        + "\n".join(body),
    )


def _first_summary(version: Version, lang: str) -> str | None:
    for section in version.sections.values():
        translation = section.translations.get(lang)
        if translation is not None and translation.summary:
            return translation.summary
        if section.summary:
            return section.summary
    return None


def _version_page(strategy: Strategy, version: Version, lang: str, today: date) -> PlannedPage:
    path = urls.version_path(version.id)
    ctx = PageContext(strategy, lang, path, today)
    name = strategy.text(version.title, lang)
    title = strategy.text(strategy.title, lang)
    body = [
        f"# {name}",
        "",
        f'<p class="st-lead">{escape(title)}</p>',
        "",
        f"## {t(lang, 'front.contents')}",
        "",
        contents(ctx, version),
        "",
    ]
    return PlannedPage(
        lang=lang,
        path=path,
        kind=VERSION,
        title=name,
        html_title=f"{name} – {title}",
        markdown=front_matter(title=name, description=f"{name}: {title}") + "\n".join(body),
        version=version.id,
        before_html=version_banner(ctx, version, None)
        + (consultation_actions(ctx, version, None) if is_open(version, today) else ""),
        css_class=f"st-page--{version.status}",
    )


def _section_page(
    strategy: Strategy, version: Version, section_id: str, lang: str, today: date
) -> PlannedPage:
    path = urls.section_path(version.id, section_id)
    ctx = PageContext(strategy, lang, path, today)
    section = version.sections[section_id]
    source = strategy.source_language
    state = CURRENT if lang == source else section_state(section, lang)
    translation = section.translations.get(lang) if lang != source else None
    text = translation if translation is not None else section
    text_lang = lang if translation is not None else source
    title = section_title(strategy, version, section_id, lang)
    body = rewrite_links(text.body, lambda target: source_link(path, version.id, target))
    values: dict[str, object] = {"title": title}
    if text.summary:
        values["description"] = text.summary
    version_name = strategy.text(version.title, lang)
    mark = _paragraph_mark(strategy, version, section_id, lang, today)
    before = version_banner(ctx, version, section_id) + translation_notice(ctx, state)
    if is_open(version, today):
        before += consultation_actions(ctx, version, section_id)
    return PlannedPage(
        lang=lang,
        path=path,
        kind=SECTION,
        title=title,
        html_title=f"{title} – {version_name} – {strategy.text(strategy.title, lang)}",
        markdown=front_matter(**values) + f"# {title} {mark.attribute()}\n\n{body}",
        version=version.id,
        section=section_id,
        before_html=before,
        text_lang=text_lang if text_lang != lang else "",
        css_class=f"st-page--{version.status}",
    )


def _paragraph_mark(
    strategy: Strategy, version: Version, section_id: str, lang: str, today: date
) -> ParagraphMark:
    """What the paragraph numbering needs: "3.2 ¶4", and a comment link while open."""
    section = version.sections[section_id]
    number = "" if version.status == POPULAR else section.number
    hidden = t(lang, "para.anchor_hidden")
    if not is_open(version, today):
        return ParagraphMark(number=number, anchor_hidden=hidden)
    return ParagraphMark(
        number=number,
        anchor_hidden=hidden,
        comment_href=comment_href(strategy, version, section, lang, PARAGRAPH),
        comment_text=t(lang, "para.comment"),
        comment_hidden=t(lang, "para.comment_hidden", number=number or section.number),
    )


def source_link(from_path: str, version_id: str, target: LinkTarget) -> str:
    """Where an editor's link points, as a Markdown link MkDocs can check and resolve."""
    if target.kind == "section":
        to_path = urls.section_path(target.version or version_id, target.section or "")
        return urls.relative(from_path, to_path) + "index.md" + target.anchor
    return urls.relative(from_path, f"{version_id}/{target.target}") + target.anchor


def _version_nav(strategy: Strategy, version: Version, lang: str) -> list[NavItem]:
    def item(section_id: str) -> NavItem:
        section = version.sections[section_id]
        return NavItem(
            section_title(strategy, version, section_id, lang),
            urls.section_path(version.id, section_id),
            [item(child) for child in section.children],
        )

    front = NavItem(strategy.text(version.title, lang), urls.version_path(version.id))
    return [front] + [item(s.id) for s in version.top_level]


def _translations_page(strategy: Strategy, lang: str, today: date) -> PlannedPage:
    """For translators: every section's state, per version. Reachable, not in the menus."""
    ctx = PageContext(strategy, lang, urls.translations_path(), today)
    title = t(lang, "translations.title")
    body = [f"# {title}", ""]
    for target in translation_languages(strategy):
        rows = translation_statuses(strategy, target)
        counts = {
            state: sum(1 for r in rows if r.state == state)
            for state in (CURRENT, OUTDATED, MISSING)
        }
        name = language_name(target, lang)
        heading = name[0].upper() + name[1:]
        body += [f"## {heading}", "", t(lang, "translations.intro", language=name), ""]
        summary = t(lang, "translations.summary", words=sum(r.words for r in rows), **counts)
        body += [summary, ""]
        for version in strategy.versions.values():
            version_rows = [r for r in rows if r.version == version.id]
            body += [f"### {strategy.text(version.title, lang)}", ""]
            body += [translation_table(ctx, version, version_rows), ""]
    return PlannedPage(
        lang=lang,
        path=urls.translations_path(),
        kind=TRANSLATIONS,
        title=title,
        html_title=f"{title} – {strategy.text(strategy.title, lang)}",
        markdown=front_matter(title=title, search={"exclude": True}) + "\n".join(body),
    )
