"""A section's history page: every version the section (what it came from, what it
became) appears in, from the facts of `derive.section_history`, as the partial
`section-history.html` shows them; and the link to it from a section and its changes."""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup

from .. import urls
from ..derive.diff import (
    ADDED,
    CHANGED,
    MERGED,
    MOVED,
    RENAMED,
    REPLACES,
    SPLIT,
    UNCHANGED,
    SectionChange,
)
from ..derive.inputs import TracedItem
from ..derive.section_history import NOT_SUMMARISED, HistoryEntry, HistoryStep
from ..model import Version
from .render import PageContext, link, section_links, section_title, status_unless_named, tag
from .render_inputs import change_path, said_and_decided
from .texts import t_html


def history_link(ctx: PageContext, version: Version, section_id: str) -> str:
    """On a section page and its changes view: the way to the section's history."""
    href = ctx.link(urls.section_history_path(version.id, section_id))
    return str(ctx.fragment("history-link.html", href=href))


def section_history_list(
    ctx: PageContext, steps: list[HistoryStep], version: Version, section_id: str
) -> str:
    """The history list of the section `section_id` of `version` (the page's own, marked)."""
    values = [_step(ctx, step, version, section_id) for step in steps]
    return str(ctx.fragment("section-history.html", steps=values))


def _step(ctx: PageContext, step: HistoryStep, here: Version, section_id: str) -> dict[str, Any]:
    version, base, lang = step.version, step.base, ctx.lang
    notes: list[Markup] = []
    if step.ended and base is not None:
        key = "history.not_summarised" if step.state == NOT_SUMMARISED else "history.removed"
        notes.append(
            t_html(lang, key, sections=_links(ctx, base, step.ended), base=_name(ctx, base))
        )
    removed_href = None
    if step.ended and step.state != NOT_SUMMARISED and ctx.has_changes(version):
        removed_href = ctx.link(urls.version_changes_path(version.id))
    return {
        "version": version,
        "anchor": f"version-{version.id}",
        "href": ctx.link(urls.version_path(version.id)),
        "status": status_unless_named(version, ctx.text(version.title), lang),
        "current": version.id == ctx.strategy.current,
        "here": version.id == here.id,
        "state": step.state,
        "notes": notes,
        "removed_href": removed_href,
        "entries": [_entry(ctx, step, entry, here, section_id) for entry in step.entries],
    }


def _entry(
    ctx: PageContext, step: HistoryStep, entry: HistoryEntry, here: Version, section_id: str
) -> dict[str, Any]:
    version, sid = step.version, entry.section_id
    section = version.sections[sid]
    untranslated = ctx.lang != ctx.strategy.source_language and ctx.lang not in section.translations
    changes_href = None
    if entry.change is not None and ctx.has_changes(version):
        changes_href = ctx.link(urls.section_changes_path(version.id, sid))
    return {
        "section_id": sid,
        "title": section_title(ctx.strategy, version, sid, ctx.lang),
        "title_lang": ctx.strategy.source_language if untranslated else None,
        "href": ctx.link(urls.section_path(version.id, sid)),
        "here": version.id == here.id and sid == section_id,
        "events": _events(ctx, step, entry),
        "changes_href": changes_href,
        "base": step.base,
        "effects": [_item(ctx, traced, effect=True) for traced in entry.effects],
        "about": [_item(ctx, traced, effect=False) for traced in entry.about],
    }


def _events(ctx: PageContext, step: HistoryStep, entry: HistoryEntry) -> list[Markup]:
    """What happened to the section in this version, in sentences."""
    lang, version, base = ctx.lang, step.version, step.base
    section = version.sections[entry.section_id]
    if base is None:
        return [t_html(lang, "history.first")]
    name = _name(ctx, base)
    if entry.change is None:
        if section.summarises:
            links = _links(ctx, base, section.summarises)
            return [t_html(lang, "history.summarises", sections=links, base=name)]
        return []
    change = entry.change
    if change.has(ADDED):
        return [t_html(lang, "history.added", version=ctx.text(version.title))]
    if change.kinds == (UNCHANGED,):
        return [t_html(lang, "history.unchanged", base=name)]
    events = _structure(ctx, change, version, base)
    if change.has(CHANGED):
        words = {"added": change.words_added, "removed": change.words_removed}
        events.append(t_html(lang, "history.changed", base=name, **words))
    else:
        events.append(t_html(lang, "history.text_unchanged"))
    return events


def _structure(
    ctx: PageContext, change: SectionChange, version: Version, base: Version
) -> list[Markup]:
    """Merged, split, replacing, renamed, moved: each in a sentence, the sections named."""
    lang, name = ctx.lang, _name(ctx, base)
    events = []
    if change.has(MERGED):
        links = _links(ctx, base, list(change.old_ids))
        events.append(t_html(lang, "history.merged", sections=links, base=name))
    if change.has(SPLIT):
        for old_id in change.old_ids:
            parts = [s.id for s in version.sections.values() if old_id in (s.id, *s.replaces)]
            events.append(
                t_html(
                    lang,
                    "history.split",
                    section=_links(ctx, base, [old_id]),
                    base=name,
                    parts=_links(ctx, version, parts),
                )
            )
    if change.has(REPLACES):
        links = _links(ctx, base, list(change.old_ids))
        events.append(t_html(lang, "history.replaces", sections=links, base=name))
    if change.has(RENAMED) and change.old_ids:
        old = base.sections[change.old_ids[0]]
        translated = old.translations.get(lang)
        title = translated.title if translated is not None else old.title
        quoted = Markup(tag("q", escape(title)))
        events.append(t_html(lang, "history.renamed", title=quoted))
    if change.has(MOVED):
        numbers = {"old": change.old_number or "", "new": change.new_number or ""}
        events.append(t_html(lang, "history.moved", **numbers))
    return events


def _item(ctx: PageContext, traced: TracedItem, effect: bool) -> Markup:
    """One input's item, as section pages list them; a decision that took effect here
    also links to the change it made."""
    html = said_and_decided(ctx, traced)
    target = change_path(ctx, traced) if effect else None
    if target is not None:
        html += " · " + link(ctx.link(target), t_html(ctx.lang, "history.see_effect"))
    return Markup(html)


def _links(ctx: PageContext, version: Version, ids: list[str]) -> Markup:
    return Markup(section_links(ctx, version, ids))


def _name(ctx: PageContext, version: Version) -> str:
    return ctx.text(version.title)
