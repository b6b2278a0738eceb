"""HTML around the changes between versions: the toggle on section pages, the summary at
the top of a highlighted view, the overview table of a version, and the links from a
popular version to what it summarises."""

from __future__ import annotations

from html import escape

from .. import urls
from ..derive.diff import (
    ADDED,
    CHANGED,
    MERGED,
    MERGED_INTO,
    MOVED,
    MOVED_OUT,
    REMOVED,
    RENAMED,
    REPLACES,
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
from .render import PageContext, link, section_links, section_title, tag
from .render_inputs import sender_names
from .texts import language_name, t

_FROM_KINDS = frozenset({MERGED, SPLIT, REPLACES})  # kinds whose row says where from

# The order in which kinds are named, most telling first.
KIND_ORDER = (ADDED, REMOVED, MERGED_INTO, SPLIT_INTO, MERGED, SPLIT, REPLACES, RENAMED, MOVED)


def _base_name(ctx: PageContext, base: Version) -> str:
    return escape(ctx.text(base.title))


def short_summary(ctx: PageContext, change: SectionChange, base: Version) -> str:
    """One line beside the "Show changes" control."""
    name = _base_name(ctx, base)
    if change.has(ADDED):
        return t(ctx.lang, "changes.short.added", base=name)
    if change.kinds == (UNCHANGED,):
        return t(ctx.lang, "changes.short.unchanged", base=name)
    if change.has(CHANGED) and not set(change.kinds) - {CHANGED}:
        return t(
            ctx.lang,
            "changes.short.changed",
            base=name,
            added=change.words_added,
            removed=change.words_removed,
        )
    return t(ctx.lang, "changes.short.other", base=name) + ": " + _kind_names(ctx, change, None)


def _kind_names(ctx: PageContext, change: SectionChange, version: Version | None) -> str:
    """The kinds of a change in words; `version` (the newer one) names where text went."""
    names = []
    for kind in KIND_ORDER + (CHANGED,):
        if not change.has(kind):
            continue
        if kind in (MERGED_INTO, SPLIT_INTO) and version is not None:
            sections = section_links(ctx, version, change.new_ids)
            names.append(t(ctx.lang, f"change.{kind}", sections=sections))
        elif kind not in (MERGED_INTO, SPLIT_INTO):
            names.append(escape(t(ctx.lang, f"change.{kind}")))
    return ", ".join(names) or escape(t(ctx.lang, "change.unchanged"))


def changes_toggle(ctx: PageContext, change: SectionChange, base: Version, showing: bool) -> str:
    """The control that shows and hides the highlighted changes: a link between the two
    addresses, so it works with the keyboard, without JavaScript, and can be shared."""
    if showing:  # the summary opens the folded description below (change_description)
        button = ctx.flavour.button_class  # the engine's button style
        control = link("../", escape(t(ctx.lang, "changes.hide")), class_=button)
        return tag("p", control, class_="st-changes-toggle")
    else:
        control = link(
            "andringar/",
            escape(t(ctx.lang, "changes.show")),
            class_=f"{ctx.flavour.button_class} st-show-changes",
        )
    return tag(
        "p",
        f"{control} " + tag("span", short_summary(ctx, change, base), class_="st-changes-summary"),
        class_="st-changes-toggle",
    )


def change_description(
    ctx: PageContext, change: SectionChange, version: Version, base: Version
) -> str:
    """The top of a highlighted view: what happened to the section, in a disclosure
    whose summary is the one line beside "Show changes" on the section page."""
    lang, name = ctx.lang, _base_name(ctx, base)
    lines = []
    if change.has(ADDED):
        lines.append(t(lang, "changes.added", version=escape(ctx.text(version.title))))
    for kind in (MERGED, SPLIT, REPLACES):
        if change.has(kind):
            others = tuple(i for i in change.old_ids if i != change.section_id) or change.old_ids
            lines.append(
                t(lang, f"changes.{kind}", sections=section_links(ctx, base, others), base=name)
            )
    if change.has(RENAMED) and change.old_title and change.new_title:
        labels = DiffLabels.for_language(lang)
        lines.append(
            t(
                lang,
                "changes.renamed",
                title=diff_titles(change.old_title, change.new_title, labels),
            )
        )
    if change.has(MOVED):
        lines.append(
            t(
                lang,
                "changes.moved",
                old=escape(change.old_number or ""),
                new=escape(change.new_number or ""),
            )
        )
    # How many words changed, or that nothing did, is said beside the toggle already.
    legend = ""
    if change.body is not None and change.body.changed:
        legend = tag("p", escape(t(lang, "changes.legend")), class_="st-changes-legend")
    # Folded under the one-line summary, so that on a phone the text starts on the first
    # screen; the summary says the kinds of change, the details say from and into what.
    summary = tag("summary", short_summary(ctx, change, base), class_="st-changes-summary")
    inner = "".join(tag("p", line) for line in lines) + legend
    return tag("details", summary + inner, class_="st-changes-about")


def move_notes(ctx: PageContext, version: Version, base: Version, lang: str) -> MoveNotes:
    """How a changes view in `lang` shows text moved across sections: a note before it,
    linked to the changes view of the section it went to, or to the section of the
    older version it came from."""

    def note(move: Move) -> str:
        if move.direction == MOVED_OUT:
            href = ctx.link(urls.section_changes_path(version.id, move.section_id))
            name = section_title(ctx.strategy, version, move.section_id, lang)
            target = link(href, markdown_text(name))
            text = t(lang, "changes.moved_to", section=target)
        else:
            href = ctx.link(urls.section_path(base.id, move.section_id))
            name = section_title(ctx.strategy, base, move.section_id, lang)
            target = link(href, markdown_text(name))
            base_name = markdown_text(ctx.strategy.text(base.title, lang))
            text = t(lang, "changes.moved_from", section=target, base=base_name)
        return tag("span", text, class_="diff-move")

    labels = DiffLabels(t(lang, "changes.moved_here_label"), t(lang, "changes.moved_away_label"))
    return MoveNotes(note, labels)


def not_current_notice(ctx: PageContext) -> str:
    source = ctx.strategy.source_language
    names = {"source": language_name(source, ctx.lang)}
    text = escape(t(ctx.lang, "changes.translation_not_current", **names))
    other = link(
        ctx.link_in(source, ctx.path),
        escape(t(ctx.lang, "changes.source_comparison", **names)),
        hreflang=source,
    )
    return tag(
        "p", f"{text} {other}", class_="st-translation st-translation--outdated", role="note"
    )


def _origins(ctx: PageContext, change: SectionChange, base: Version) -> str:
    """ "from Elintensiv smart industri and Cirkulär bioekonomi in Remissutkast": where a
    merged, split or replacing section came from, named (and linked) in the older version."""
    links = [
        link(
            ctx.link(urls.section_path(base.id, old_id)),
            escape(base.sections[old_id].translations.get(ctx.lang, base.sections[old_id]).title),
        )
        for old_id in change.old_ids
        if old_id in base.sections and old_id != change.section_id
    ]
    if not links:
        return ""
    joiner = f" {t(ctx.lang, 'list.and')} "
    names = joiner.join(links) if len(links) <= 2 else ", ".join(links[:-1]) + joiner + links[-1]
    return t(ctx.lang, "changes.from", sections=names, base=_base_name(ctx, base))


def _inputs_cell(ctx: PageContext, items: list[TracedItem]) -> str:
    """The inputs whose decisions took effect in a section, each linked to the input."""
    return ", ".join(
        link(
            ctx.link(urls.inputs_path(traced.input.about) + f"#{traced.anchor}"),
            sender_names(ctx, traced.input),
        )
        for traced in items
    )


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
    head = "".join(
        tag("th", escape(t(lang, f"changes.col_{key}")), scope="col")
        for key in ("number", "section", "change", "added", "removed", "inputs")
    )
    rows = []
    for change in comparison:
        if change.in_new_version:
            section = version.sections[change.section_id]
            translated = section.translations.get(lang)
            title = translated.title if translated is not None else section.title
            number = escape(change.new_number or "")
            cell = link(
                ctx.link(urls.section_changes_path(version.id, change.section_id)), escape(title)
            )
            kinds = _kind_names(ctx, change, version)
            origins = _origins(ctx, change, base) if set(change.kinds) & _FROM_KINDS else ""
            if origins:
                kinds += ". " + tag("span", f"{origins}.", class_="st-change-from")
            found = (effects or {}).get((version.id, change.section_id), [])
            inputs = _inputs_cell(ctx, found)
        elif change.has(REMOVED):
            section = base.sections[change.section_id]
            translated = section.translations.get(lang)
            old_title = translated.title if translated is not None else section.title
            number = tag(
                "span",
                escape(t(lang, "changes.old_number", number=change.old_number or "")),
                class_="st-old-number",
            )
            where = link(
                ctx.link(urls.section_path(base.id, change.section_id)),
                escape(t(lang, "changes.removed_link", version=ctx.text(base.title))),
            )
            cell = tag("del", escape(old_title)) + " " + where
            kinds, inputs = _kind_names(ctx, change, version), ""
        else:
            continue  # merged into or split into: said on the rows of what it became
        rows.append(
            tag(
                "tr",
                tag("td", number)
                + tag("td", cell)
                + tag("td", kinds)
                + tag("td", str(change.words_added))
                + tag("td", str(change.words_removed))
                + tag("td", inputs),
                class_="st-change-row " + " ".join(f"st-change--{k}" for k in change.kinds),
            )
        )
    table = tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)))
    totals = t(
        lang, "changes.totals", added=comparison.words_added, removed=comparison.words_removed
    )
    return tag("p", escape(totals)) + tag("div", table, class_="st-table-scroll")


def summarises_note(ctx: PageContext, version: Version, ids: list[str]) -> str:
    """On a popular version's section: the sections of the full text it summarises."""
    base = ctx.strategy.versions.get(version.based_on or "")
    if base is None or not ids:
        return ""
    text = t(
        ctx.lang,
        "summarises.text",
        sections=section_links(ctx, base, ids),
        base=_base_name(ctx, base),
    )
    return tag("p", text, class_="st-summarises")
