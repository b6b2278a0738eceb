"""HTML fragments around the content: banners, the version selector, the timeline.

Plain functions from model facts to the variables of a partial (`templates/*.html`,
rendered with autoescape by `templating.Fragments`). Links are computed here as
relative URLs from the page's own path, so the site works from any folder or host path.
The public functions return `str` (HTML), since pages are put together as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from .. import urls
from ..derive.inputs import answering_version
from ..derive.translations import CURRENT, MISSING, OUTDATED, SourceChange, TranslationStatus
from ..lineage import counterparts
from ..model import CONSULTATION, POPULAR, DateMark, Section, Strategy, Version
from .flavour import Flavour
from .responding import comment_href
from .templating import PACKAGE_FRAGMENTS, Fragments
from .texts import format_date, format_span, language_name, status_name, t, t_html


@dataclass(frozen=True)
class PageContext:
    """What every fragment needs to know about the page it goes on."""

    strategy: Strategy
    lang: str
    path: str  # the page's language-independent path, e.g. "remiss/inledning/"
    today: date
    # Whether a version has pages of highlighted changes (decided by the site plan).
    has_changes: Callable[[Version], bool] = lambda version: False
    fragments: Fragments = field(default=PACKAGE_FRAGMENTS, kw_only=True)
    flavour: Flavour = field(kw_only=True)

    def link(self, to_path: str) -> str:
        """A relative link to another page in the same language."""
        source = self.strategy.source_language
        return urls.relative(
            urls.localized(self.path, self.lang, source), urls.localized(to_path, self.lang, source)
        )

    def link_in(self, lang: str, to_path: str) -> str:
        """A relative link to a page in another language."""
        source = self.strategy.source_language
        return urls.relative(
            urls.localized(self.path, self.lang, source), urls.localized(to_path, lang, source)
        )

    def text(self, value: dict[str, str]) -> str:
        return self.strategy.text(value, self.lang)

    def fragment(self, name: str, **values: Any) -> Markup:
        """The partial `name` for this page: its `values`, and the helpers every partial
        gets (see docs/anpassa-utseendet.md)."""
        return render_partial(self.strategy, self.lang, self.fragments, self.flavour, name, values)

    def dated(self, day: date, mark: DateMark | None) -> str:
        """A date as the banners show it (the `dated` macro of `_macros.html`, a region's
        override included): with its mark ("cirka 2 mars 2020") when it has one."""
        helpers = partial_helpers(self.strategy, self.lang, self.flavour)
        return str(self.fragments.macro("_macros.html", "dated", helpers, day, mark)).strip()

    def date_note(self, marks: list[DateMark | None]) -> str:
        """The notes of these marks as text that follows a sentence (`date_note`)."""
        helpers = partial_helpers(self.strategy, self.lang, self.flavour)
        return str(self.fragments.macro("_macros.html", "date_note", helpers, marks)).rstrip()


def render_partial(
    strategy: Strategy,
    lang: str,
    fragments: Fragments,
    flavour: Flavour,
    name: str,
    values: dict[str, Any],
) -> Markup:
    """A partial with the helpers every partial gets (`partial_helpers`)."""
    return fragments.render(name, partial_helpers(strategy, lang, flavour) | values)


def partial_helpers(strategy: Strategy, lang: str, flavour: Flavour) -> dict[str, Any]:
    """What every partial gets: the language, the interface strings (`t`, which
    escapes), a text in the reader's language (`text`), dates."""
    return {
        "lang": lang,
        "flavour": flavour,
        "t": lambda key, **v: t_html(lang, key, **v),
        "text": lambda value: strategy.text(value, lang),
        "format_date": lambda day: format_date(day, lang),
        "format_span": lambda day, until=None: format_span(day, until, lang),
        "status_name": lambda status: status_name(status, lang),
        "date_notes": lambda marks: date_notes(strategy, lang, marks),
    }


def tag(name: str, inner: str, **attributes: str | None) -> str:
    """`<name attr="...">inner</name>`: attribute values are escaped, `inner` is HTML already.

    `class_` stands for `class`; underscores in other names become hyphens.
    """
    attrs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(value)}"'
        for key, value in attributes.items()
        if value is not None
    )
    return f"<{name}{attrs}>{inner}</{name}>"


def link(href: str, inner: str, **attributes: str | None) -> str:
    return tag("a", inner, href=href, **attributes)


def time_tag(value: date, lang: str) -> str:
    return f'<time datetime="{value.isoformat()}">{escape(format_date(value, lang))}</time>'


def date_notes(strategy: Strategy, lang: str, marks: list[DateMark | None]) -> list[str]:
    """The notes of these date marks in `lang`, each once."""
    notes: list[str] = []
    for mark in marks:
        if mark is not None and mark.note:
            note = strategy.text(mark.note, lang)
            if note not in notes:
                notes.append(note)
    return notes


def version_banner(
    ctx: PageContext, version: Version, section_id: str | None, folded: bool = False
) -> str:
    """The box at the top of every page of a version: which version, its status, where next.

    `folded` (a changes view): what is said about the version beyond its name folds into
    a disclosure, so that on a phone the text starts on the first screen.
    """
    decision = Markup("")
    if version.decision is not None:
        decision = ctx.fragment("decision.html", decision=version.decision)
    consultation = Markup("")
    if version.status == CONSULTATION and version.consultation is not None:
        consultation = consultation_notice(ctx, version)
    return str(
        ctx.fragment(
            "banner.html",
            version=version,
            folded=folded,
            notice=_currency_notice(ctx, version, section_id),
            decision=decision,
            consultation=consultation,
            selector=_version_selector(ctx, version, section_id),
        )
    )


def _currency_notice(ctx: PageContext, version: Version, section_id: str | None) -> Markup:
    """Tell readers of any version but the current one where the current text is."""
    strategy = ctx.strategy
    current = strategy.current_version
    if version.id == current.id:
        return Markup("")
    order = list(strategy.versions)
    base = None
    if version.status == POPULAR and version.based_on in strategy.versions:
        kind, base = "popular", strategy.versions[version.based_on]
    elif order.index(version.id) < order.index(current.id):
        kind = "older"
    else:
        kind = "newer"
    targets = counterparts(strategy, version, section_id, current) if section_id else []
    return ctx.fragment(
        "currency-notice.html",
        kind=kind,
        base=base,
        current=current,
        targets=_section_links(ctx, current, targets),
        start_href=ctx.link(urls.version_path(current.id)),
        section_gone=section_id is not None,
    )


def consultation_notice(ctx: PageContext, version: Version) -> Markup:
    """Open, upcoming or closed, decided by the build date."""
    consultation = version.consultation
    assert consultation is not None
    state = consultation.state_on(ctx.today)
    outcome_href = None
    if state == "closed":
        answer = answering_version(ctx.strategy, version)
        if answer is not None:
            outcome_href = ctx.link(urls.outcome_path(answer.id))
    address = consultation.respond_to
    mailto = None
    if "@" in address and not address.startswith(("http://", "https://")):
        mailto = "mailto:" + quote(address, safe="@")
    return ctx.fragment(
        "consultation-notice.html",
        consultation=consultation,
        state=state,
        outcome_href=outcome_href,
        mailto=mailto,
    )


def status_unless_named(version: Version, name: str, lang: str) -> str | None:
    """The status name, unless the version's name says it already ("Utkast · Utkast")."""
    status = status_name(version.status, lang)
    return None if status.casefold() in name.casefold() else status


def version_label(strategy: Strategy, version: Version, lang: str) -> str:
    """A version in one line, as search results name it: "Beslutat program 2021–2027 ·
    Beslutad · Gällande"."""
    name = strategy.text(version.title, lang)
    parts = [name, status_unless_named(version, name, lang)]
    if version.id == strategy.current:
        parts.append(t(lang, "version.current_badge"))
    return " · ".join(part for part in parts if part)


def _version_selector(ctx: PageContext, version: Version, section_id: str | None) -> Markup:
    """Plain links in a disclosure widget: works with the keyboard and without JavaScript.

    Each entry reads as one sentence: the version, then its date and status, and where
    the same section has another title there, that title."""
    strategy, lang = ctx.strategy, ctx.lang
    here = section_title(strategy, version, section_id, lang) if section_id else None
    entries = []
    for other in strategy.versions.values():
        targets = counterparts(strategy, version, section_id, other) if section_id else []
        path = urls.section_path(other.id, targets[0]) if len(targets) == 1 else None
        other_title = None
        if len(targets) == 1 and other.id != version.id:
            there = section_title(strategy, other, targets[0], lang)
            other_title = there if there != here else None
        entries.append(
            {
                "version": other,
                "href": ctx.link(path or urls.version_path(other.id)),
                "here": other.id == version.id,
                "status": status_unless_named(other, ctx.text(other.title), lang),
                "current": other.id == strategy.current,
                "missing": section_id is not None and not targets,
                # Split (or merged, looking back): every part, by name.
                "parts": _section_links(ctx, other, targets) if len(targets) > 1 else [],
                "other_title": other_title,
            }
        )
    return ctx.fragment("version-selector.html", entries=entries)


def _section_links(
    ctx: PageContext, version: Version, ids: tuple[str, ...] | list[str]
) -> list[dict[str, str]]:
    """Sections of `version` as `href` and numbered `title`, for a partial to link."""
    return [
        {
            "href": ctx.link(urls.section_path(version.id, section_id)),
            "title": section_title(ctx.strategy, version, section_id, ctx.lang),
        }
        for section_id in ids
        if section_id in version.sections
    ]


def section_links(ctx: PageContext, version: Version, ids: tuple[str, ...] | list[str]) -> str:
    """ "3.1 Hållbar energi och 3.2 Jord, skog och vatten", each linked to its page."""
    links = ctx.fragment("section-links.html", links=_section_links(ctx, version, ids))
    return str(links)


def timeline(ctx: PageContext) -> str:
    """The start page's list of versions, oldest first, with the current one marked."""
    strategy = ctx.strategy
    entries = [
        {
            "version": version,
            "href": ctx.link(urls.version_path(version.id)),
            "status": status_unless_named(version, ctx.text(version.title), ctx.lang),
            "current": version.id == strategy.current,
        }
        for version in strategy.versions.values()
    ]
    return str(ctx.fragment("timeline.html", entries=entries))


def read_now(ctx: PageContext) -> str:
    current = ctx.strategy.current_version
    href = ctx.link(urls.version_path(current.id))
    return str(ctx.fragment("read-now.html", current=current, href=href))


def contents(ctx: PageContext, version: Version) -> str:
    """A version's table of contents as nested lists of links, numbered as in the nav."""

    def entries(ids: list[str]) -> list[dict[str, Any]]:
        return [
            {
                "href": ctx.link(urls.section_path(version.id, section_id)),
                "title": section_title(ctx.strategy, version, section_id, ctx.lang),
                "summary": _summary(version.sections[section_id], ctx.lang),
                "children": entries(version.sections[section_id].children),
            }
            for section_id in ids
        ]

    return str(ctx.fragment("contents.html", entries=entries([s.id for s in version.top_level])))


def _summary(section: Section, lang: str) -> str | None:
    translation = section.translations.get(lang)
    if translation is not None and translation.summary:
        return translation.summary
    return section.summary


def section_title(strategy: Strategy, version: Version, section_id: str, lang: str) -> str:
    """The numbered title ("3.1 Cirkulär bioekonomi"); popular versions are not numbered."""
    section = version.sections[section_id]
    translation = section.translations.get(lang)
    title = translation.title if translation is not None else section.title
    if version.status == POPULAR:
        return title
    return f"{section.number} {title}"


def source_change_text(lang: str, change: SourceChange) -> str:
    """ "The original changed on 3 March 2020: 7 words new or changed and 5 removed."
    (plain text; a count of none is left out)"""
    added, removed = change.words_added, change.words_removed

    def counted(key: str, count: int) -> str:
        return t(lang, f"translation.{key}.{'one' if count == 1 else 'many'}", count=count)

    parts = [counted("added", added)] if added else []
    if removed:
        parts.append(counted("and_removed" if parts else "removed", removed))
    words = f" {t(lang, 'list.and')} ".join(parts) or t(lang, "translation.no_words")
    if change.changed_on is not None:
        day = format_date(date.fromisoformat(change.changed_on), lang)
        text = t(lang, "translation.changed_on", date=day, words=words)
    else:
        text = t(lang, "translation.changed", words=words)
    if change.title_changed:
        text += " " + t(lang, "translation.title_changed")
    return text


def translation_notice(ctx: PageContext, state: str, change: SourceChange | None = None) -> str:
    """Above a section whose translation is missing or outdated: what the reader sees;
    for an outdated one what changed in the original and when, when history tells."""
    if state not in (MISSING, OUTDATED):
        return ""
    source = ctx.strategy.source_language
    return str(
        ctx.fragment(
            "translation-notice.html",
            state=state,
            language=language_name(ctx.lang, ctx.lang),
            source=language_name(source, ctx.lang),
            source_lang=source,
            source_href=ctx.link_in(source, ctx.path),
            change=source_change_text(ctx.lang, change) if change is not None else None,
        )
    )


STATE_SIGNS = {CURRENT: "✓", OUTDATED: "!", MISSING: "–"}


def translation_table(ctx: PageContext, version: Version, rows: list[TranslationStatus]) -> str:
    """One version's sections with their translation state and the words left to translate.

    Each title goes to the translated page (what readers see); an outdated section also
    names the command that shows what changed in the source since it was translated."""
    source = ctx.strategy.source_language
    entries = [
        {
            "title": f"{row.number} {row.title}" if version.status != POPULAR else row.title,
            "href": ctx.link_in(row.lang, urls.section_path(row.version, row.section)),
            "lang": row.lang,
            "state": row.state,
            "sign": STATE_SIGNS[row.state],
            "command": f"strategi translations diff {row.version}/{row.section}"
            if row.state == OUTDATED
            else None,
            "words": row.words,
            "changed_on": format_date(date.fromisoformat(row.change.changed_on), ctx.lang)
            if row.change is not None and row.change.changed_on
            else None,
        }
        for row in rows
    ]
    source_lang = source if source != ctx.lang else None
    return str(ctx.fragment("translation-table.html", rows=entries, source_lang=source_lang))


def consultation_actions(ctx: PageContext, version: Version, section_id: str | None) -> str:
    """While a consultation is open: respond to this section, or download the template."""
    comment = None
    if section_id is not None:
        section = version.sections[section_id]
        comment = comment_href(ctx.strategy, version, section, ctx.lang, None)
    templates = [
        {"href": ctx.link(urls.response_template_path(version.id, suffix)), "key": key}
        for suffix, key in (("docx", "comment.template_docx"), ("txt", "comment.template_txt"))
    ]
    return str(ctx.fragment("consultation-actions.html", comment_href=comment, templates=templates))


def not_found(
    strategy: Strategy,
    lang: str,
    root: str,
    flavour: Flavour,
    fragments: Fragments,
    search: bool = True,
) -> str:
    """The 404 page's text: what happened, a search, and the way to the current programme.

    `root` is the language's root as an absolute path ("/smart-specialisering/en/"): a
    404 page is served at whatever address was asked for, so relative links would break.
    Without `search` (a site without a search plugin) the page offers no search form,
    which would lead nowhere.
    """
    current = strategy.current_version
    values = {
        "root": root,
        "current": current,
        "current_href": root + urls.version_path(current.id),
        "search": search,
    }
    return str(render_partial(strategy, lang, fragments, flavour, "not-found.html", values))
