"""HTML for inputs: a version's inputs page with its summary, and the list of inputs that
shaped a section. Input texts are shown in their original language, marked as such.

What to show, in which order and where it links is decided here; the markup is in the
partials (`templates/input-*.html`, `inputs-summary.html`, `affecting-inputs.html`,
`decision-badge.html`), which escape every text from the content."""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from markupsafe import Markup

from .. import urls
from ..derive.inputs import (
    PRIVATE,
    WORKSHOP,
    TracedItem,
    answered_consultation,
    summarise,
)
from ..model import Input, Version
from .render import PageContext, section_title
from .texts import t


def sender_name(ctx: PageContext, sender: str) -> str:
    """A sender as readers see it: a private person without a name."""
    return t(ctx.lang, "inputs.private") if sender == PRIVATE else sender


def senders(ctx: PageContext, found: Input) -> list[str]:
    return [sender_name(ctx, s) for s in found.from_]


def source_lang(ctx: PageContext) -> str | None:
    """The language inputs are written in, when it is not the page's: set on their texts."""
    source = ctx.strategy.source_language
    return source if ctx.lang != source else None


def input_fragment(ctx: PageContext, name: str, **values: Any) -> Markup:
    """A partial about inputs: they all get `source_lang`."""
    return ctx.fragment(name, source_lang=source_lang(ctx), **values)


def filter_senders(ctx: PageContext, found: Input) -> list[str]:
    """The sender filter's values for an input's items: a response's senders; every
    workshop under one entry (the kind), since its participants did not each say it."""
    if found.kind == WORKSHOP:
        return [t(ctx.lang, f"kind.{WORKSHOP}")]
    return senders(ctx, found)


def filter_section(version: Version, traced: TracedItem) -> str:
    """The section of `version` an item is filed under on its inputs page: the one its
    decision changed, for an item that shaped the version, else the one it is about."""
    if traced.effect_version == version.id and traced.effect_section in version.sections:
        return traced.effect_section or ""
    section = traced.item.section
    return section if section in version.sections and section is not None else ""


def filter_marks(ctx: PageContext, version: Version, traced: TracedItem) -> dict[str, str]:
    """What the filter (filter.js) reads on an item: its section, decision and senders."""
    return {
        "section": filter_section(version, traced),
        "decision": traced.item.decision,
        "sender": json.dumps(filter_senders(ctx, traced.input), ensure_ascii=False),
    }


def change_path(ctx: PageContext, traced: TracedItem) -> str | None:
    """Where to see what the decision changed: the highlighted change, when there is one."""
    found = effect(ctx, traced)
    return found[1] if found is not None else None


def effect(ctx: PageContext, traced: TracedItem) -> tuple[Version, str] | None:
    """The version where the decision took effect, and where to see what it changed."""
    version = ctx.strategy.versions.get(traced.effect_version or "")
    if version is None:
        return None
    return version, _change_path(ctx, traced, version)


def effect_link(ctx: PageContext, traced: TracedItem) -> dict[str, str] | None:
    """ "Se ändringen i <version>" for a partial: `href` and the `version`'s name."""
    found = effect(ctx, traced)
    if found is None:
        return None
    version, target = found
    return {"href": ctx.link(target), "version": ctx.text(version.title)}


def _change_path(ctx: PageContext, traced: TracedItem, version: Version) -> str:
    has_changes = ctx.has_changes(version)
    if traced.effect_section is not None:
        if has_changes:
            path = urls.section_changes_path(version.id, traced.effect_section)
            # Tied to a passage: straight to its cause note (checked to exist by the loader).
            return path + f"#{traced.cause_anchor}" if traced.item.passage else path
        return urls.section_path(version.id, traced.effect_section)
    return urls.version_changes_path(version.id) if has_changes else urls.version_path(version.id)


def item_path(ctx: PageContext, traced: TracedItem) -> str:
    """Where an item is told in the version its decision took effect in, so that a reader
    of that version stays in it: the item on the version's consultation outcome page when
    the item is about the consultation it answers, else the item among the inputs that
    shaped the version (its inputs page). Without an effect: the input where it was given."""
    found = traced.input
    version = ctx.strategy.versions.get(traced.effect_version or "")
    if version is None:
        return urls.inputs_path(found.about) + f"#{traced.anchor}"
    answered = answered_consultation(ctx.strategy, version)
    if answered is not None and answered.id == found.about:
        return urls.outcome_path(version.id) + f"#{traced.anchor}"
    return urls.inputs_path(version.id) + f"#{traced.anchor}"


# Each decision has a sign as well as its words and colour, so that "Tillgodosett" and
# "Inte tillgodosett" differ at a glance and without colour.
DECISION_SIGNS = {"accepted": "✓", "partly": "◐", "rejected": "✕", "noted": "●", "open": "?"}


def decision_badge(ctx: PageContext, decision: str, found: Input) -> Markup:
    """The decision, with a visible mark when it belongs to a made-up example."""
    return ctx.fragment(
        "decision-badge.html",
        decision=decision,
        sign=DECISION_SIGNS.get(decision, "•"),
        illustrative=found.illustrative,
    )


def _item(ctx: PageContext, version: Version, traced: TracedItem) -> Markup:
    """One item: what was said and its decision, always shown; the rest (section,
    proposal, sources, response, where it took effect) one click away."""
    item = traced.item
    section = None
    if item.section and item.section in version.sections:
        section = {
            "href": ctx.link(urls.section_path(version.id, item.section)),
            "title": section_title(ctx.strategy, version, item.section, ctx.lang),
        }
    return input_fragment(
        ctx,
        "input-item.html",
        anchor=traced.anchor,
        marks=filter_marks(ctx, version, traced),
        badge=decision_badge(ctx, item.decision, traced.input),
        text=item.text,
        section=section,
        proposal=item.proposal or None,
        sources=[{"title": s.title, "url": s.url or None} for s in item.sources],
        response=item.response or None,
        effect=effect_link(ctx, traced),
    )


def markdown_text(text: str) -> str:
    """Plain text as Markdown inline text: HTML and Markdown's punctuation escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", escape(text, quote=False))


def inputs_page(ctx: PageContext, version: Version, items: list[TracedItem]) -> str:
    """Summary, filters, then every input with its items: Markdown headings (so that the
    page's table of contents lists them) around HTML blocks."""
    lang = ctx.lang
    if not items:
        return _summary(ctx, version, [])
    parts = [f"## {markdown_text(t(lang, 'inputs.summary'))} {{: #sammanstallning }}"]
    parts.append(_summary(ctx, version, items))
    groups: dict[str, list[TracedItem]] = {}
    for traced in items:
        groups.setdefault(traced.input.id, []).append(traced)
    source = ctx.strategy.source_language
    for group in groups.values():
        found = group[0].input
        heading = found.title or t(lang, f"kind.{found.kind}")
        # Everything of one input says which it is, so that the filter can hide an input
        # none of whose items is shown.
        marks = f'data-group="{found.id}"'
        if found.title and lang != source:
            marks += f' lang="{source}"'
        parts.append(f"## {markdown_text(heading)} {{: #{found.id} {marks} }}")
        parts.append(
            input_fragment(
                ctx,
                "input-group.html",
                input=found,
                senders=senders(ctx, found),
                items=[_item(ctx, version, traced) for traced in group],
            )
        )
    return "\n\n".join(parts)


def _summary(ctx: PageContext, version: Version, items: list[TracedItem]) -> str:
    lang = ctx.lang
    summary = summarise(items)

    def section_label(section_id: str | None) -> str:
        if section_id is None or section_id not in version.sections:
            return t(lang, "inputs.no_section")
        return section_title(ctx.strategy, version, section_id, lang)

    def rows(counted: list[tuple[str, int]]) -> list[dict[str, object]]:
        return [{"label": label, "count": count} for label, count in counted]

    return str(
        ctx.fragment(
            "inputs-summary.html",
            by_decision=rows([(t(lang, f"decision.{d}"), n) for d, n in summary.by_decision]),
            by_sender=rows([(sender_name(ctx, s), n) for s, n in summary.by_sender]),
            by_section=rows([(section_label(s), n) for s, n in summary.by_section]),
        )
    )


def filters(ctx: PageContext, version: Version, items: list[TracedItem]) -> str:
    """Selects that filter every item of the page in the browser (by sender, section and
    decision), the items that shaped the version and those said about it alike; hidden
    until the script runs."""
    if not items:
        return ""
    sections = {filter_section(version, i) for i in items} - {""}
    return str(
        ctx.fragment(
            "input-filter.html",
            senders=sorted(
                {s for i in items for s in filter_senders(ctx, i.input)}, key=str.casefold
            ),
            sections=[
                {"id": s, "title": section_title(ctx.strategy, version, s, ctx.lang)}
                for s in sorted(sections, key=list(version.sections).index)
            ],
            decisions=[d for d, _ in summarise(items).by_decision],
        )
    )


def said_and_decided(ctx: PageContext, traced: TracedItem) -> str:
    """ "Sender (kind, date): what was said [decision] The input", in one line; a
    workshop's point under the workshop, not its participants."""
    return str(said(ctx, traced))


def said(ctx: PageContext, traced: TracedItem) -> Markup:
    """`said_and_decided` for a partial."""
    found = traced.input
    return input_fragment(
        ctx,
        "input-said.html",
        input=found,
        senders=senders(ctx, found),
        text=traced.item.text,
        badge=decision_badge(ctx, traced.item.decision, found),
        href=ctx.link(item_path(ctx, traced)),
    )


def affecting_list(ctx: PageContext, items: list[TracedItem]) -> str:
    """Below a section: the inputs whose decisions changed it, each with its change."""
    if not items:
        return ""
    entries = [{"said": said(ctx, traced), "effect": effect_link(ctx, traced)} for traced in items]
    return str(ctx.fragment("affecting-inputs.html", entries=entries))
