"""HTML fragments around the content: banners, the version selector, the timeline.

Plain functions from model facts to escaped HTML strings. Links are computed here as
relative URLs from the page's own path, so the site works from any folder or host path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from urllib.parse import quote

from .. import urls
from ..derive.inputs import answering_version
from ..derive.translations import CURRENT, MISSING, OUTDATED, SourceChange, TranslationStatus
from ..lineage import counterparts
from ..model import CONSULTATION, PLANNED, POPULAR, DateMark, Decision, Strategy, Version
from .responding import comment_href
from .texts import format_date, format_span, language_name, status_name, t


@dataclass(frozen=True)
class PageContext:
    """What every fragment needs to know about the page it goes on."""

    strategy: Strategy
    lang: str
    path: str  # the page's language-independent path, e.g. "remiss/inledning/"
    today: date
    # Whether a version has pages of highlighted changes (decided by the site plan).
    has_changes: Callable[[Version], bool] = lambda version: False

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


def dated(day: date, mark: DateMark | None, lang: str, qualify: bool = True) -> str:
    """A date or range for readers, saying 'planned' or 'about' when it is marked so.

    `qualify=False` where the sentence around it already says so ("Planerat beslut ...").
    """
    span = format_span(day, mark.until if mark else None, lang)
    html = f'<time datetime="{day.isoformat()}">{escape(span)}</time>'
    if mark is None or not qualify:
        return html
    return tag("span", t(lang, f"date.{mark.certainty}", date=html), class_="st-date-mark")


def date_note(ctx: PageContext, *marks: DateMark | None) -> str:
    """The notes of these marks, each once, as text that follows a sentence."""
    notes = []
    for mark in marks:
        if mark is not None and mark.note:
            note = ctx.text(mark.note)
            if note not in notes:
                notes.append(note)
    return "".join(" " + tag("span", escape(note), class_="st-date-note") for note in notes)


def decision_text(ctx: PageContext, decision: Decision) -> str:
    """'Beslutad av ... den ...' or, for a planned decision, 'Planerat beslut i ...'."""
    lang, mark = ctx.lang, decision.date_mark
    planned = mark is not None and mark.certainty == PLANNED
    text = t(
        lang,
        "decision.planned" if planned else "decision.text",
        by=escape(ctx.text(decision.by)),
        date=dated(decision.date, mark, lang, qualify=not planned),
        reference=escape(decision.reference),
    )
    text += date_note(ctx, mark)
    if decision.in_force is not None:
        in_force_mark = decision.in_force_mark
        in_force_planned = in_force_mark is not None and in_force_mark.certainty == PLANNED
        key = "decision.in_force_planned" if in_force_planned else "decision.in_force"
        when = dated(decision.in_force, in_force_mark, lang, qualify=not in_force_planned)
        text += " " + t(lang, key, date=when) + date_note(ctx, in_force_mark)
    return text


def status_badge(status: str, lang: str) -> str:
    return f'<span class="st-status st-status--{status}">{escape(status_name(status, lang))}</span>'


def _version_name(ctx: PageContext, version: Version) -> str:
    return escape(ctx.text(version.title))


def version_banner(
    ctx: PageContext, version: Version, section_id: str | None, folded: bool = False
) -> str:
    """The box at the top of every page of a version: which version, its status, where next.

    `folded` (a changes view): what is said about the version beyond its name folds into
    a disclosure, so that on a phone the text starts on the first screen.
    """
    lang = ctx.lang
    parts = [
        f'<div class="st-banner st-banner--{version.status}">',
        '<p class="st-banner__version">'
        f"{status_badge(version.status, lang)} "
        f"{escape(t(lang, 'version.you_are_reading'))}: "
        f"<strong>{_version_name(ctx, version)}</strong>, "
        f"{t(lang, 'version.published', date=dated(version.date, version.date_mark, lang))}."
        f"{date_note(ctx, version.date_mark)}</p>",
    ]
    more = []
    notice = _currency_notice(ctx, version, section_id)
    if notice:
        more.append(notice)
    if version.decision is not None:
        more.append(tag("p", decision_text(ctx, version.decision), class_="st-banner__decision"))
    if version.status == CONSULTATION and version.consultation is not None:
        more.append(consultation_notice(ctx, version))
    if folded and more:
        summary = tag("summary", escape(t(lang, "version.more")))
        more = [tag("details", summary + "".join(more), class_="st-banner__more")]
    parts += more
    parts.append(version_selector(ctx, version, section_id))
    parts.append("</div>")
    return "\n".join(parts)


def _currency_notice(ctx: PageContext, version: Version, section_id: str | None) -> str:
    """Tell readers of any version but the current one where the current text is."""
    strategy, lang = ctx.strategy, ctx.lang
    current = strategy.current_version
    if version.id == current.id:
        return ""
    current_name = f"<strong>{_version_name(ctx, current)}</strong>"
    order = list(strategy.versions)
    if version.status == POPULAR and version.based_on in strategy.versions:
        base = strategy.versions[version.based_on]
        text = t(lang, "notice.popular", base=f"<strong>{_version_name(ctx, base)}</strong>")
        if base.id != current.id:
            text += " " + t(lang, "notice.older", current=current_name)
    elif order.index(version.id) < order.index(current.id):
        text = t(lang, "notice.older", current=current_name)
    else:
        text = t(lang, "notice.newer", current=current_name)
    targets = counterparts(strategy, version, section_id, current) if section_id else []
    name = _version_name(ctx, current)
    if len(targets) == 1:
        link = (
            f'<a href="{escape(ctx.link(urls.section_path(current.id, targets[0])))}">'
            f"{t(lang, 'notice.go_same_section', current=name)}</a>"
        )
    elif targets:
        link = t(
            lang, "notice.go_sections", current=name, sections=section_links(ctx, current, targets)
        )
    else:
        link = (
            f'<a href="{escape(ctx.link(urls.version_path(current.id)))}">'
            f"{t(lang, 'notice.go_version_start', current=name)}</a>"
        )
        if section_id is not None:
            gone = t(lang, "notice.section_gone", current=ctx.text(current.title))
            link = f"{escape(gone)} {link}"
    return f'<p class="st-banner__notice" role="note">{text} {link}</p>'


def consultation_notice(ctx: PageContext, version: Version) -> str:
    """Open, upcoming or closed, decided by the build date."""
    consultation = version.consultation
    assert consultation is not None
    lang = ctx.lang
    state = consultation.state_on(ctx.today)
    opens = dated(consultation.opens, consultation.opens_mark, lang)
    closes = dated(consultation.closes, consultation.closes_mark, lang)
    reference = f"<strong>{escape(consultation.reference)}</strong>"
    notes = date_note(ctx, consultation.opens_mark, consultation.closes_mark)
    lines = [t(lang, f"consultation.{state}", opens=opens, closes=closes) + notes]
    if state == "closed":
        lines.append(t(lang, "consultation.closed_more", reference=reference))
        answer = answering_version(ctx.strategy, version)
        if answer is not None:
            href = ctx.link(urls.outcome_path(answer.id))
            lines.append(link(href, escape(t(lang, "outcome.closed_link"))))
    else:
        contact = _contact(consultation.respond_to)
        lines.append(t(lang, "consultation.how", respond_to=contact, reference=reference))
        if state == "open":
            lines.append(escape(t(lang, "consultation.invite")))
    return (
        f'<div class="st-consultation st-consultation--{state}">'
        f'<p class="st-consultation__title">{escape(t(lang, "consultation.heading"))}</p>'
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</div>"
    )


def _contact(address: str) -> str:
    if "@" in address and not address.startswith(("http://", "https://")):
        return f'<a href="mailto:{escape(quote(address, safe="@"))}">{escape(address)}</a>'
    if address.startswith(("http://", "https://")):
        return f'<a href="{escape(address)}">{escape(address)}</a>'
    return escape(address)


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


def version_selector(ctx: PageContext, version: Version, section_id: str | None) -> str:
    """Plain links in a disclosure widget: works with the keyboard and without JavaScript.

    Each entry reads as one sentence: the version, then its date and status, and where
    the same section has another title there, that title."""
    strategy, lang = ctx.strategy, ctx.lang
    here = section_title(strategy, version, section_id, lang) if section_id else None
    items = []
    for other in strategy.versions.values():
        targets = counterparts(strategy, version, section_id, other) if section_id else []
        path = urls.section_path(other.id, targets[0]) if len(targets) == 1 else None
        facts = [dated(other.date, other.date_mark, lang)]
        status = status_unless_named(other, ctx.text(other.title), lang)
        if status:
            facts.insert(0, escape(status))
        if other.id == strategy.current:
            facts.append(
                tag("span", escape(t(lang, "version.current_badge")), class_="st-versions__current")
            )
        note = ""
        if section_id is not None and not targets:
            note = " " + tag(
                "span",
                f"({escape(t(lang, 'version.missing_section'))})",
                class_="st-versions__note",
            )
        elif len(targets) > 1:
            # Split (or merged, looking back): every part, by name.
            parts = "".join(
                tag(
                    "li",
                    link(
                        ctx.link(urls.section_path(other.id, target)),
                        escape(section_title(strategy, other, target, lang)),
                    ),
                )
                for target in targets
            )
            note = " " + tag(
                "span", escape(t(lang, "version.in_sections")), class_="st-versions__note"
            )
            note += tag("ul", parts, class_="st-versions__parts")
        elif targets and other.id != version.id:
            there = section_title(strategy, other, targets[0], lang)
            if there != here:
                title = f"<q>{escape(there)}</q>"
                note = " " + tag(
                    "span",
                    f"({t(lang, 'version.other_title', title=title)})",
                    class_="st-versions__note",
                )
        current_attr = ' aria-current="page"' if other.id == version.id else ""
        href = ctx.link(path or urls.version_path(other.id))
        items.append(
            f'<li><a href="{escape(href)}"{current_attr}>{_version_name(ctx, other)}</a>'
            f', <span class="st-versions__meta">{", ".join(facts)}</span>{note}</li>'
        )
    label = escape(t(lang, "version.select"))
    return (
        f'<nav class="st-versions" aria-label="{label}">'
        f"<details><summary>{label}</summary>"
        f'<p class="st-versions__hint">{escape(t(lang, "version.select_hint"))}</p>'
        f"<ul>{''.join(items)}</ul></details></nav>"
    )


def section_links(ctx: PageContext, version: Version, ids: tuple[str, ...] | list[str]) -> str:
    """ "3.1 Hållbar energi och 3.2 Jord, skog och vatten", each linked to its page."""
    links = [
        link(
            ctx.link(urls.section_path(version.id, section_id)),
            escape(section_title(ctx.strategy, version, section_id, ctx.lang)),
        )
        for section_id in ids
        if section_id in version.sections
    ]
    joiner = f" {t(ctx.lang, 'list.and')} "
    if len(links) <= 2:
        return joiner.join(links)
    return ", ".join(links[:-1]) + joiner + links[-1]


def timeline(ctx: PageContext) -> str:
    """The start page's list of versions, oldest first, with the current one marked."""
    strategy, lang = ctx.strategy, ctx.lang
    items = []
    for version in strategy.versions.values():
        facts = [dated(version.date, version.date_mark, lang)]
        status = status_unless_named(version, ctx.text(version.title), lang)
        if status:
            facts.insert(0, escape(status))
        consultation, decision = version.consultation, version.decision
        if consultation is not None:
            facts.append(
                t(
                    lang,
                    "start.consultation_dates",
                    opens=dated(consultation.opens, consultation.opens_mark, lang),
                    closes=dated(consultation.closes, consultation.closes_mark, lang),
                )
            )
        if decision is not None:
            planned = decision.date_mark is not None and decision.date_mark.certainty == PLANNED
            facts.append(
                t(
                    lang,
                    "start.decision_planned" if planned else "start.decision",
                    by=escape(ctx.text(decision.by)),
                    date=dated(decision.date, decision.date_mark, lang, qualify=not planned),
                )
            )
        facts.append(escape(t(lang, "start.sections", count=len(version.sections))))
        is_current = version.id == strategy.current
        badge = ""
        classes = f"st-timeline__item st-timeline__item--{version.status}"
        if is_current:
            badge = " " + tag(
                "span", escape(t(lang, "version.current_badge")), class_="st-timeline__current"
            )
            classes += " st-timeline__item--current"
        title = link(ctx.link(urls.version_path(version.id)), _version_name(ctx, version))
        items.append(
            tag(
                "li",
                tag("p", title + badge, class_="st-timeline__title")
                + tag("p", " · ".join(facts), class_="st-timeline__facts"),
                class_=classes,
            )
        )
    return tag("ol", "".join(items), class_="st-timeline")


def read_now(ctx: PageContext) -> str:
    current = ctx.strategy.current_version
    lang = ctx.lang
    title = link(ctx.link(urls.version_path(current.id)), _version_name(ctx, current))
    return tag(
        "div",
        tag("p", escape(t(lang, "start.read_now")), class_="st-read-now__label")
        + tag("p", title, class_="st-read-now__title")
        + tag(
            "p",
            f"{status_badge(current.status, lang)} {dated(current.date, current.date_mark, lang)}",
            class_="st-read-now__facts",
        ),
        class_="st-read-now",
    )


def contents(ctx: PageContext, version: Version) -> str:
    """A version's table of contents as nested lists of links, numbered as in the nav."""
    lang = ctx.lang

    def entries(ids: list[str]) -> str:
        items = []
        for section_id in ids:
            section = version.sections[section_id]
            title = escape(section_title(ctx.strategy, version, section_id, lang))
            href = ctx.link(urls.section_path(version.id, section_id))
            children = entries(section.children) if section.children else ""
            summary = ""
            text = _summary(section, lang)
            if text:
                summary = tag("span", escape(text), class_="st-contents__summary")
            items.append(tag("li", link(href, title) + summary + children))
        return tag("ul", "".join(items), class_="st-contents")

    return entries([s.id for s in version.top_level])


def _summary(section, lang: str) -> str | None:
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
    source = ctx.strategy.source_language
    names = {
        "language": language_name(ctx.lang, ctx.lang),
        "source": language_name(source, ctx.lang),
    }
    if state == MISSING:
        text = escape(t(ctx.lang, "translation.missing", **names))
    elif state == OUTDATED:
        read = link(
            ctx.link_in(source, ctx.path),
            escape(t(ctx.lang, "translation.read_source", **names)),
            hreflang=source,
        )
        text = escape(t(ctx.lang, "translation.outdated", **names))
        if change is not None:
            text += " " + escape(source_change_text(ctx.lang, change))
        text += f" {read}"
    else:
        return ""
    return tag("p", text, class_=f"st-translation st-translation--{state}", role="note")


STATE_SIGNS = {CURRENT: "✓", OUTDATED: "!", MISSING: "–"}


def translation_table(ctx: PageContext, version: Version, rows: list[TranslationStatus]) -> str:
    """One version's sections with their translation state and the words left to translate.

    Each title goes to the translated page (what readers see); an outdated section also
    names the command that shows what changed in the source since it was translated."""
    lang, source = ctx.lang, ctx.strategy.source_language
    head = "".join(
        tag("th", escape(t(lang, key)), scope="col")
        for key in ("translations.section", "translations.state", "translations.words")
    )
    body = []
    for row in rows:
        title = f"{row.number} {row.title}" if version.status != POPULAR else row.title
        path = urls.section_path(row.version, row.section)
        name = link(ctx.link_in(row.lang, path), escape(title), hreflang=row.lang)
        badge = tag(
            "span",
            tag("span", STATE_SIGNS[row.state], aria_hidden="true")
            + " "
            + escape(t(lang, f"state.{row.state}")),
            class_="st-state__badge",
        )
        state = badge
        if row.state == OUTDATED and row.change is not None and row.change.changed_on:
            day = format_date(date.fromisoformat(row.change.changed_on), lang)
            state += " " + tag(
                "span",
                escape(t(lang, "translations.changed_on", date=day)),
                class_="st-state__when",
            )
        if row.state == OUTDATED:
            command = f"strategi translations diff {row.version}/{row.section}"
            state += " " + tag(
                "span",
                escape(t(lang, "translations.what_changed")) + " " + tag("code", escape(command)),
                class_="st-state__diff",
            )
        cells = (
            tag("td", tag("span", name, lang=source if source != lang else None)),
            tag("td", state, class_=f"st-state st-state--{row.state}"),
            tag("td", str(row.words)),
        )
        body.append(tag("tr", "".join(cells), class_=f"st-row--{row.state}"))
    table = tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(body)))
    return tag("div", table, class_="st-table-scroll")


def consultation_actions(ctx: PageContext, version: Version, section_id: str | None) -> str:
    """While a consultation is open: respond to this section, or download the template."""
    lang = ctx.lang
    actions = []
    if section_id is not None:
        section = version.sections[section_id]
        href = comment_href(ctx.strategy, version, section, lang, None)
        actions.append(link(href, escape(t(lang, "comment.section")), class_="md-button"))
    for suffix, key in (("docx", "comment.template_docx"), ("txt", "comment.template_txt")):
        href = ctx.link(urls.response_template_path(version.id, suffix))
        actions.append(link(href, escape(t(lang, key)), download=""))
    return tag("p", " ".join(actions), class_="st-actions")


def not_found(strategy: Strategy, lang: str, root: str) -> str:
    """The 404 page's text: what happened, a search, and the way to the current programme.

    `root` is the language's root as an absolute path ("/smart-specialisering/en/"): a
    404 page is served at whatever address was asked for, so relative links would break.
    """
    current = strategy.current_version
    name = escape(strategy.text(current.title, lang))
    search = tag(
        "form",
        tag("label", escape(t(lang, "notfound.search")), for_="st-notfound-q")
        + ' <input type="search" id="st-notfound-q" name="q" required> '
        + tag(
            "button", escape(t(lang, "notfound.search_button")), type="submit", class_="md-button"
        ),
        action=root,
        method="get",
        role="search",
        class_="st-notfound-search",
    )
    links = tag(
        "ul",
        tag(
            "li",
            link(root + urls.version_path(current.id), t(lang, "notfound.current", current=name)),
        )
        + tag("li", link(root, escape(t(lang, "notfound.start")))),
        class_="st-notfound-links",
    )
    return (
        tag("h1", escape(t(lang, "notfound.title")), id="st-notfound")
        + tag("p", escape(t(lang, "notfound.explain")))
        + links
        + search
    )
