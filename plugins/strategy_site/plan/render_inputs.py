"""HTML for inputs: a version's inputs page with its summary, and the list of inputs that
shaped a section. Input texts are shown in their original language, marked as such."""

from __future__ import annotations

import json
import re
from html import escape

from markupsafe import Markup

from .. import urls
from ..derive.inputs import PRIVATE, WORKSHOP, Summary, TracedItem, summarise
from ..model import Input, Version
from .render import PageContext, link, section_title, tag, time_tag
from .texts import t, t_html


def sender_names(ctx: PageContext, found: Input) -> str:
    names = [t(ctx.lang, "inputs.private") if s == PRIVATE else s for s in found.from_]
    return escape(", ".join(names))


def workshop_label(ctx: PageContext, found: Input) -> str:
    """ "Workshop 11 december 2019 (23 deltagande organisationer)": a workshop's `from`
    lists who took part, not who said what, so its points are never headed by names."""
    day = Markup(time_tag(found.date, ctx.lang))
    count = len(found.from_)
    if not count:
        return str(t_html(ctx.lang, "inputs.workshop", date=day))
    key = "inputs.workshop_with.one" if count == 1 else "inputs.workshop_with.many"
    return str(t_html(ctx.lang, key, date=day, count=count))


def who_said(ctx: PageContext, found: Input) -> str:
    """Who an input is from, as HTML: a response's senders with its kind and date; a
    workshop by its date and how many took part."""
    if found.kind == WORKSHOP:
        return workshop_label(ctx, found)
    kind = escape(t(ctx.lang, f"kind.{found.kind}").lower())
    return f"{sender_names(ctx, found)} ({kind}, {time_tag(found.date, ctx.lang)})"


def filter_senders(ctx: PageContext, found: Input) -> list[str]:
    """The sender filter's values for an input's items: a response's senders; every
    workshop under one entry (the kind), since its participants did not each say it."""
    if found.kind == WORKSHOP:
        return [t(ctx.lang, f"kind.{WORKSHOP}")]
    return [t(ctx.lang, "inputs.private") if s == PRIVATE else s for s in found.from_]


def participants(ctx: PageContext, found: Input) -> str:
    """Under a workshop's heading: its participants, listed once and folded away
    ("Deltagare (23)"), and that the points are a summary of the day, not who said what."""
    if found.kind != WORKSHOP:
        return ""
    parts = [tag("p", escape(t(ctx.lang, "inputs.workshop_points")), class_="st-workshop-points")]
    if found.from_:
        summary = tag("summary", escape(t(ctx.lang, "inputs.participants", count=len(found.from_))))
        names = "".join(tag("li", escape(name)) for name in found.from_)
        parts.append(tag("details", summary + tag("ul", names), class_="st-participants"))
    return tag("div", "".join(parts), class_="st-workshop", data_group=found.id)


def original_text(ctx: PageContext, html: str, name: str = "p", **attributes: str | None) -> str:
    """Text as the respondent wrote it: in the source language, marked so on other pages."""
    source = ctx.strategy.source_language
    return tag(name, html, lang=source if ctx.lang != source else None, **attributes)


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


def _change_path(ctx: PageContext, traced: TracedItem, version: Version) -> str:
    has_changes = ctx.has_changes(version)
    if traced.effect_section is not None:
        if has_changes:
            path = urls.section_changes_path(version.id, traced.effect_section)
            # Tied to a passage: straight to its cause note (checked to exist by the loader).
            return path + f"#{traced.cause_anchor}" if traced.item.passage else path
        return urls.section_path(version.id, traced.effect_section)
    return urls.version_changes_path(version.id) if has_changes else urls.version_path(version.id)


# Each decision has a sign as well as its words and colour, so that "Tillgodosett" and
# "Inte tillgodosett" differ at a glance and without colour.
DECISION_SIGNS = {"accepted": "✓", "partly": "◐", "rejected": "✕", "noted": "●", "open": "?"}


def decision_badge(ctx: PageContext, decision: str, found: Input) -> str:
    """The decision, with a visible mark when it belongs to a made-up example."""
    sign = tag(
        "span", DECISION_SIGNS.get(decision, "•"), class_="st-decision__sign", aria_hidden="true"
    )
    shown = tag(
        "span",
        sign + " " + escape(t(ctx.lang, f"decision.{decision}")),
        class_=f"st-decision st-decision--{decision}",
    )
    if found.illustrative is None:
        return shown
    mark = t(ctx.lang, f"illustrative.{found.illustrative}.mark")
    return shown + " " + tag("span", escape(f"({mark})"), class_="st-illustrative-mark")


def illustrative_notice(ctx: PageContext, found: Input) -> str:
    """Under an input's heading: what of it is made up, in plain words."""
    if found.illustrative is None:
        return ""
    text = t(ctx.lang, f"illustrative.{found.illustrative}.notice")
    return tag("p", escape(text), class_="st-illustrative")


def _item(ctx: PageContext, version: Version, traced: TracedItem) -> str:
    """One item: what was said and its decision, always shown; the rest (section,
    proposal, sources, response, where it took effect) one click away."""
    lang, item = ctx.lang, traced.item
    rows = []
    if item.section and item.section in version.sections:
        title = section_title(ctx.strategy, version, item.section, lang)
        href = ctx.link(urls.section_path(version.id, item.section))
        rows.append((t(lang, "inputs.section"), link(href, escape(title))))
    if item.proposal:
        rows.append((t(lang, "inputs.proposal"), original_text(ctx, escape(item.proposal), "div")))
    if item.sources:
        sources = "".join(
            tag("li", link(s.url, escape(s.title)) if s.url else escape(s.title))
            for s in item.sources
        )
        rows.append((t(lang, "inputs.sources"), original_text(ctx, sources, "ul")))
    if item.response:
        rows.append((t(lang, "inputs.response"), original_text(ctx, escape(item.response), "div")))
    found = effect(ctx, traced)
    if found is not None:
        effect_version, target = found
        name = ctx.text(effect_version.title)
        rows.append(("", link(ctx.link(target), escape(t(lang, "inputs.effect", version=name)))))
    # One line per term: the search index reads the text without the markup.
    facts = "\n".join(
        (tag("dt", escape(label)) + "\n" if label else "") + tag("dd", value)
        for label, value in rows
    )
    summary = tag(
        "summary",
        decision_badge(ctx, item.decision, traced.input)
        + " "
        + original_text(ctx, escape(item.text), "span", class_="st-input-item__said"),
    )
    senders = filter_senders(ctx, traced.input)
    return tag(
        "li",
        tag("details", summary + tag("dl", facts)),
        id=traced.anchor,
        class_="st-input-item",
        data_section=item.section or "",
        data_decision=item.decision,
        data_sender=json.dumps(senders, ensure_ascii=False),
    )


def markdown_text(text: str) -> str:
    """Plain text as Markdown inline text: HTML and Markdown's punctuation escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", escape(text, quote=False))


def inputs_page(ctx: PageContext, version: Version, items: list[TracedItem]) -> str:
    """Summary, filters, then every input with its items: Markdown headings (so that the
    page's table of contents lists them) around HTML blocks."""
    lang = ctx.lang
    if not items:
        return tag("p", escape(t(lang, "inputs.none")))
    parts = [f"## {markdown_text(t(lang, 'inputs.summary'))} {{: #sammanstallning }}"]
    parts.append(_summary(ctx, version, summarise(items)))
    parts.append(_filters(ctx, version, items))
    groups: dict[str, list[TracedItem]] = {}
    for traced in items:
        groups.setdefault(traced.input.id, []).append(traced)
    source = ctx.strategy.source_language
    for group in groups.values():
        found = group[0].input
        heading = found.title or t(lang, f"kind.{found.kind}")
        meta = f"{escape(t(lang, f'kind.{found.kind}'))} · {time_tag(found.date, lang)}"
        if found.kind == WORKSHOP:
            count = len(found.from_)
            key = "inputs.participating." + ("one" if count == 1 else "many")
            meta += f" · {escape(t(lang, key, count=count))}"
        else:
            meta += f" · {escape(t(lang, 'inputs.from'))}: {sender_names(ctx, found)}"
        # Everything of one input says which it is, so that the filter can hide an input
        # none of whose items is shown.
        marks = f'data-group="{found.id}"'
        if found.title and lang != source:
            marks += f' lang="{source}"'
        parts.append(f"## {markdown_text(heading)} {{: #{found.id} {marks} }}")
        parts.append(tag("p", meta, class_="st-input-meta", data_group=found.id))
        notice = illustrative_notice(ctx, found)
        if notice:
            parts.append(notice.replace("<p ", f'<p data-group="{found.id}" ', 1))
        if found.kind == WORKSHOP:
            parts.append(participants(ctx, found))
        parts.append(
            tag(
                "ol",
                "".join(_item(ctx, version, traced) for traced in group),
                class_="st-inputs",
                data_group=found.id,
            )
        )
    return "\n\n".join(parts)


def _summary(ctx: PageContext, version: Version, summary: Summary) -> str:
    lang = ctx.lang

    def table(caption: str, rows: list[tuple[str, int]]) -> str:
        head = tag(
            "tr",
            tag("th", escape(caption), scope="col")
            + tag("th", escape(t(lang, "inputs.count")), scope="col"),
        )
        body = "".join(tag("tr", tag("td", label) + tag("td", str(count))) for label, count in rows)
        return tag(
            "div", tag("table", tag("thead", head) + tag("tbody", body)), class_="st-table-scroll"
        )

    def section_label(section_id: str | None) -> str:
        if section_id is None or section_id not in version.sections:
            return escape(t(lang, "inputs.no_section"))
        return escape(section_title(ctx.strategy, version, section_id, lang))

    decisions = [(escape(t(lang, f"decision.{d}")), n) for d, n in summary.by_decision]
    senders = [
        (escape(t(lang, "inputs.private") if s == PRIVATE else s), n) for s, n in summary.by_sender
    ]
    sections = [(section_label(s), n) for s, n in summary.by_section]
    tables = table(t(lang, "inputs.by_decision"), decisions)
    if senders:
        tables += table(t(lang, "inputs.by_sender"), senders)
    tables += table(t(lang, "inputs.by_section"), sections)
    return tag("div", tables, class_="st-input-summary")


def _filters(ctx: PageContext, version: Version, items: list[TracedItem]) -> str:
    """Selects that filter the list in the browser (by sender, section and decision);
    hidden until the script runs."""
    lang = ctx.lang
    every = tag("option", escape(t(lang, "inputs.filter_all")), value="")
    senders = sorted({s for i in items for s in filter_senders(ctx, i.input)}, key=str.casefold)
    sender_options = every + "".join(tag("option", escape(s), value=s) for s in senders)
    sections = sorted({i.item.section for i in items if i.item.section in version.sections})
    section_options = every + "".join(
        tag("option", escape(section_title(ctx.strategy, version, s, lang)), value=s)
        for s in sorted(sections, key=list(version.sections).index)
    )
    decisions = [d for d, _ in summarise(items).by_decision]
    decision_options = every + "".join(
        tag("option", escape(t(lang, f"decision.{d}")), value=d) for d in decisions
    )
    controls = "".join(
        tag(
            "span",
            tag("label", escape(t(lang, f"inputs.filter_{name}")), for_=f"st-filter-{name}")
            + tag("select", options, id=f"st-filter-{name}", data_filter=name),
            class_="st-input-filter__control",
        )
        for name, options in (
            ("sender", sender_options),
            ("section", section_options),
            ("decision", decision_options),
        )
    )
    return tag(
        "form",
        tag("fieldset", tag("legend", escape(t(lang, "inputs.filter"))) + controls),
        class_="st-input-filter",
        hidden="",
    )


def said_and_decided(ctx: PageContext, traced: TracedItem) -> str:
    """ "Sender (kind, date): what was said [decision] The input", in one line; a
    workshop's point under the workshop, not its participants."""
    lang, found = ctx.lang, traced.input
    inputs_href = ctx.link(urls.inputs_path(found.about) + f"#{traced.anchor}")
    return "".join(
        [
            f"{who_said(ctx, found)}: ",
            original_text(ctx, escape(traced.item.text), "span"),
            " ",
            decision_badge(ctx, traced.item.decision, found),
            " ",
            link(inputs_href, escape(t(lang, "inputs.see_input"))),
        ]
    )


def affecting_list(ctx: PageContext, items: list[TracedItem]) -> str:
    """Below a section: the inputs whose decisions changed it, each with its change."""
    if not items:
        return ""
    lang = ctx.lang
    entries = []
    for traced in items:
        parts = [said_and_decided(ctx, traced)]
        found = effect(ctx, traced)
        if found is not None:
            effect_version, target = found
            name = ctx.text(effect_version.title)
            parts += [" · ", link(ctx.link(target), escape(t(lang, "inputs.effect", version=name)))]
        entries.append(tag("li", "".join(parts)))
    return tag(
        "section",
        tag("h2", escape(t(lang, "inputs.affected")), id="inspel") + tag("ul", "".join(entries)),
        class_="st-affected",
        aria_labelledby="inspel",
    )
