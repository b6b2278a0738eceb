"""HTML around the changes between versions: the toggle on section pages, the summary at
the top of a highlighted view, the overview table of a version, and the links from a
popular version to what it summarises."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from .. import urls
from ..derive.diff import (
    ADDED,
    CHANGED,
    MERGED,
    MERGED_INTO,
    MOVED,
    MOVED_IN,
    MOVED_OUT,
    REMOVED,
    RENAMED,
    REPLACES,
    SHOWN_ELSEWHERE,
    SPLIT,
    SPLIT_INTO,
    UNCHANGED,
    DiffLabels,
    Move,
    MoveNotes,
    SectionChange,
    VersionComparison,
    diff_titles,
    markdown_text,
)
from ..derive.inputs import TracedItem
from ..model import Version
from .markdown_text import html_for_markdown
from .render import PageContext, render_partial, section_links, section_title
from .render_inputs import item_path, senders
from .texts import language_name, t, t_html

_FROM_KINDS = frozenset({MERGED, SPLIT, REPLACES})  # kinds whose row says where from

# The order in which kinds are named, most telling first.
KIND_ORDER = (ADDED, REMOVED, MERGED_INTO, SPLIT_INTO, MERGED, SPLIT, REPLACES, RENAMED, MOVED)


def short_summary(ctx: PageContext, change: SectionChange, base: Version) -> Markup:
    """One line beside the "Show changes" control."""
    name = ctx.text(base.title)
    if change.has(ADDED):
        return t_html(ctx.lang, "changes.short.added", base=name)
    if change.kinds == (UNCHANGED,):
        return t_html(ctx.lang, "changes.short.unchanged", base=name)
    if change.has(CHANGED) and not set(change.kinds) - {CHANGED}:
        return t_html(
            ctx.lang,
            "changes.short.changed",
            base=name,
            added=change.words_added,
            removed=change.words_removed,
        )
    kinds = _kind_names(ctx, change, None)
    return t_html(ctx.lang, "changes.short.other", base=name) + Markup(": ") + kinds


def _kind_names(ctx: PageContext, change: SectionChange, version: Version | None) -> Markup:
    """The kinds of a change in words; `version` (the newer one) names where text went."""
    names = []
    for kind in KIND_ORDER + (CHANGED,):
        if not change.has(kind):
            continue
        if kind in (MERGED_INTO, SPLIT_INTO) and version is not None:
            sections = _section_links(ctx, version, change.new_ids)
            names.append(t_html(ctx.lang, f"change.{kind}", sections=sections))
        elif kind not in (MERGED_INTO, SPLIT_INTO):
            names.append(t_html(ctx.lang, f"change.{kind}"))
    return Markup(", ").join(names) or t_html(ctx.lang, "change.unchanged")


def _section_links(ctx: PageContext, version: Version, ids: tuple[str, ...] | list[str]) -> Markup:
    return Markup(section_links(ctx, version, ids))


def changes_toggle(ctx: PageContext, change: SectionChange, base: Version, showing: bool) -> str:
    """The control that shows and hides the highlighted changes: a link between the two
    addresses, so it works with the keyboard, without JavaScript, and can be shared.
    Showing them, the summary is said by the folded description below
    (change_description)."""
    summary = None if showing else short_summary(ctx, change, base)
    return str(ctx.fragment("changes-toggle.html", showing=showing, summary=summary))


def change_description(
    ctx: PageContext, change: SectionChange, version: Version, base: Version
) -> str:
    """The top of a highlighted view: what happened to the section, in a disclosure
    whose summary is the one line beside "Show changes" on the section page."""
    origins = []
    for kind in (MERGED, SPLIT, REPLACES):
        if change.has(kind):
            others = tuple(i for i in change.old_ids if i != change.section_id) or change.old_ids
            origins.append({"kind": kind, "sections": _section_links(ctx, base, others)})
    renamed = None
    if change.has(RENAMED) and change.old_title and change.new_title:
        labels = DiffLabels.for_language(ctx.lang)
        # Escaped by diff_titles, which marks what differs with <ins> and <del>.
        renamed = Markup(diff_titles(change.old_title, change.new_title, labels))
    moved = None
    if change.has(MOVED):
        moved = {"old": change.old_number or "", "new": change.new_number or ""}
    return str(
        ctx.fragment(
            "change-description.html",
            summary=short_summary(ctx, change, base),
            version=version,
            base=base,
            added=change.has(ADDED),
            origins=origins,
            renamed=renamed,
            moved=moved,
            # How many words changed, or that nothing did, is said in the summary already.
            legend=change.body is not None and change.body.changed,
        )
    )


def move_notes(
    ctx: PageContext,
    version: Version,
    base: Version,
    lang: str,
    same_text: Callable[[str], bool] = lambda _section_id: True,
) -> MoveNotes:
    """How a changes view in `lang` shows text moved across sections: a note before it,
    linked to the very block at the other end (on the changes view of the section it
    went to, or came from), or to the section of the older version it came from when
    that section is gone. `same_text(section)`: whether that section's changes view
    shows the comparison in `lang` too (else its blocks differ: link to the page)."""

    def changes_href(section_id: str, anchor: str | None) -> str:
        href = ctx.link(urls.section_changes_path(version.id, section_id))
        return href + f"#{anchor}" if anchor and same_text(section_id) else href

    def new_name(section_id: str) -> Markup:
        return Markup(markdown_text(section_title(ctx.strategy, version, section_id, lang)))

    def old_name(section_id: str) -> Markup:
        return Markup(markdown_text(section_title(ctx.strategy, base, section_id, lang)))

    base_name = Markup(markdown_text(ctx.strategy.text(base.title, lang)))

    def note(move: Move) -> str:
        values: dict[str, object] = {"base": base_name}
        if move.direction == MOVED_OUT:
            direction = "to"
            href = changes_href(move.section_id, move.anchor)
            name = new_name(move.section_id)
        elif move.direction == SHOWN_ELSEWHERE:
            direction = "elsewhere"
            href = changes_href(move.section_id, move.anchor)
            name = new_name(move.section_id)
            values["old"] = old_name(move.origin or move.section_id)
        else:
            direction = "from"
            if move.peer is not None:  # the section it left goes on: to the text leaving it
                href = changes_href(move.peer, move.anchor)
            else:
                href = ctx.link(urls.section_path(base.id, move.section_id))
            name = old_name(move.section_id)
        values |= {"direction": direction, "href": href, "title": name}
        # In the language of the text it sits in (`lang`), which may not be the page's.
        html = render_partial(
            ctx.strategy, lang, ctx.fragments, ctx.flavour, "move-note.html", values
        )
        return html_for_markdown(html)

    labels = DiffLabels(t(lang, "changes.moved_here_label"), t(lang, "changes.moved_away_label"))
    return MoveNotes(note, labels)


def not_current_notice(ctx: PageContext) -> str:
    """On a changes view shown in the source language: the translations are behind."""
    source = ctx.strategy.source_language
    return str(
        ctx.fragment(
            "changes-language-notice.html",
            source=language_name(source, ctx.lang),
            source_lang=source,
            source_href=ctx.link_in(source, ctx.path),
        )
    )


def _old_names(ctx: PageContext, base: Version, old_ids: list[str]) -> Markup:
    """ "Elintensiv smart industri och Cirkulär bioekonomi": sections of the older version
    by name only, each linked there; their old numbers would mix with the new version's
    numbering the overview uses."""
    links = [
        {
            "href": ctx.link(urls.section_path(base.id, old_id)),
            "title": base.sections[old_id].translations.get(ctx.lang, base.sections[old_id]).title,
        }
        for old_id in old_ids
        if old_id in base.sections
    ]
    return ctx.fragment("section-links.html", links=links) if links else Markup("")


def _origins(ctx: PageContext, change: SectionChange, base: Version) -> Markup | None:
    """ "from Elintensiv smart industri and Cirkulär bioekonomi in Remissutkast": where a
    merged, split or replacing section came from, named (and linked) in the older version."""
    names = _old_names(ctx, base, [i for i in change.old_ids if i != change.section_id])
    if not names:
        return None
    return t_html(ctx.lang, "changes.from", sections=names, base=ctx.text(base.title))


def _other_parts(
    ctx: PageContext,
    comparison: VersionComparison,
    change: SectionChange,
    version: Version,
    base: Version,
) -> list[Markup]:
    """ "Other parts of 6.2 Cirkulär bioekonomi are in 6.1 Hållbar energi": for each old
    section this one continues that was split, where its other parts went."""
    found = []
    for old_id in change.old_ids:
        others = [
            entry.section_id
            for entry in comparison
            if entry.in_new_version
            and old_id in entry.old_ids
            and entry.section_id != change.section_id
        ]
        if others and old_id in base.sections:
            old = base.sections[old_id]
            name = old.translations.get(ctx.lang, old).title  # as "From ..." names it
            sections = _section_links(ctx, version, others)
            found.append(t_html(ctx.lang, "changes.other_parts", section=name, sections=sections))
    return found


def _moved_words(
    ctx: PageContext, change: SectionChange, version: Version, base: Version
) -> list[Markup]:
    """ "312 words moved to 6.2 Jord, skog och vatten", "45 words moved here from ...":
    text counted as moved, not as removed or added (moves.py)."""
    if change.body is None:
        return []
    out: dict[str, int] = {}
    into: dict[str, int] = {}
    for bd in change.body:
        if bd.move is None:
            continue
        if bd.move.direction == MOVED_OUT:
            out[bd.move.section_id] = out.get(bd.move.section_id, 0) + bd.words_removed
        elif bd.move.direction == MOVED_IN:
            into[bd.move.section_id] = into.get(bd.move.section_id, 0) + bd.words_added
    found = []
    if out:
        sections = _section_links(ctx, version, list(out))
        found.append(
            t_html(ctx.lang, "changes.moved_out_words", count=sum(out.values()), sections=sections)
        )
    if into:
        found.append(
            t_html(
                ctx.lang,
                "changes.moved_in_words",
                count=sum(into.values()),
                sections=_old_names(ctx, base, list(into)),
                base=ctx.text(base.title),
            )
        )
    return found


def _inputs_cell(ctx: PageContext, items: list[TracedItem]) -> list[dict[str, object]]:
    """The inputs whose decisions took effect in a section, by input: its `senders`, and
    `points`, the links to each item as the version tells it (its outcome page)."""
    by_input: dict[str, list[TracedItem]] = {}
    for traced in items:
        by_input.setdefault(traced.input.id, []).append(traced)
    return [
        {
            "senders": senders(ctx, group[0].input),
            "points": [ctx.link(item_path(ctx, traced)) for traced in group],
        }
        for group in by_input.values()
    ]


def overview_table(
    ctx: PageContext,
    comparison: VersionComparison,
    version: Version,
    base: Version,
    effects: dict[tuple[str, str], list[TracedItem]] | None = None,
) -> str:
    """Every section in the new version's numbering, removed ones where they stood with
    their old number; merged and split sections say where they came from; the inputs
    that took effect in each section. Old sections that went into merged or split ones
    have no row of their own: the rows of what they became name them."""
    lang = ctx.lang
    rows = []
    for change in comparison:
        if change.in_new_version:
            section = version.sections[change.section_id]
            translated = section.translations.get(lang)
            origins = _origins(ctx, change, base) if set(change.kinds) & _FROM_KINDS else None
            facts = [origins] if origins else []
            facts += _other_parts(ctx, comparison, change, version, base)
            facts += _moved_words(ctx, change, version, base)
            found = (effects or {}).get((version.id, change.section_id), [])
            row = {
                "removed": False,
                "number": change.new_number or "",
                "title": translated.title if translated is not None else section.title,
                "href": ctx.link(urls.section_changes_path(version.id, change.section_id)),
                "inputs": _inputs_cell(ctx, found),
            }
        elif change.has(REMOVED):
            section = base.sections[change.section_id]
            translated = section.translations.get(lang)
            facts = _moved_words(ctx, change, version, base)
            row = {
                "removed": True,
                "number": change.old_number or "",
                "title": translated.title if translated is not None else section.title,
                "href": ctx.link(urls.section_path(base.id, change.section_id)),
                "inputs": [],
            }
        else:
            continue  # merged into or split into: said on the rows of what it became
        row |= {
            "kinds": change.kinds,
            "change": _kind_names(ctx, change, version),
            "facts": facts,
            "words_added": change.words_added,
            "words_removed": change.words_removed,
        }
        rows.append(row)
    return str(
        ctx.fragment(
            "changes-overview.html",
            rows=rows,
            base=base,
            added=comparison.words_added,
            removed=comparison.words_removed,
            moved=comparison.words_moved,
        )
    )


def summarises_note(ctx: PageContext, version: Version, ids: list[str]) -> str:
    """On a popular version's section: the sections of the full text it summarises."""
    base = ctx.strategy.versions.get(version.based_on or "")
    if base is None or not ids:
        return ""
    sections = _section_links(ctx, base, ids)
    return str(ctx.fragment("summarises-note.html", sections=sections, base=base))
