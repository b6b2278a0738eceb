"""HTML for a consultation's outcome (after GOV.UK's "consultation outcome" pages): who
responded, the editors' summary, the decisions counted, and every item with its decision,
reply and where it took effect. Also the list of inputs that shaped a version."""

from __future__ import annotations

from html import escape

from .. import urls
from ..derive.inputs import (
    PRIVATE,
    TracedItem,
    count_decisions,
    respondents,
)
from ..model import Version
from .render import PageContext, link, section_title, tag
from .render_inputs import (
    change_path,
    decision_badge,
    filter_marks,
    markdown_text,
    original_text,
    who_said,
    workshop_label,
)
from .texts import t


def localized_paragraphs(ctx: PageContext, text: dict[str, str]) -> str:
    """An editor's text in the reader's language (else the source language, marked so),
    one paragraph per blank-line-separated block, escaped."""
    source = ctx.strategy.source_language
    lang = ctx.lang if ctx.lang in text else source if source in text else next(iter(text))
    shown = text[lang]
    paragraphs = [" ".join(p.split()) for p in shown.split("\n\n") if p.strip()]
    inner = "".join(tag("p", escape(p)) for p in paragraphs)
    return tag("div", inner, lang=lang if lang != ctx.lang else None, class_="st-editors-text")


def outcome_link(ctx: PageContext, version: Version, lead_key: str) -> str:
    """A short paragraph that leads to the outcome page of the version `version`."""
    href = ctx.link(urls.outcome_path(version.id))
    name = f"{t(ctx.lang, 'outcome.title')}: {ctx.text(version.title)}"
    return tag(
        "p",
        escape(t(ctx.lang, lead_key)) + " " + link(href, escape(name)),
        class_="st-outcome-link",
    )


def outcome_intro(ctx: PageContext, consultation: Version, version: Version) -> str:
    lang = ctx.lang
    facts = {
        "consultation": escape(ctx.text(consultation.title)),
        "version": escape(ctx.text(version.title)),
    }
    period = consultation.consultation
    if period is not None:
        # Marked as the banners mark them: an approximate period says so here too.
        text = t(
            lang,
            "outcome.intro_dates",
            opens=ctx.dated(period.opens, period.opens_mark),
            closes=ctx.dated(period.closes, period.closes_mark),
            reference=escape(period.reference),
            **facts,
        ) + ctx.date_note([period.opens_mark, period.closes_mark])
    else:
        text = t(lang, "outcome.intro", **facts)
    return tag("p", text, class_="st-lead")


def who_responded(ctx: PageContext, items: list[TracedItem]) -> str:
    lang = ctx.lang
    found = respondents(items)
    total = sum(n for _, n in found.by_kind)
    kinds = ", ".join(
        f"{n} {escape(t(lang, f'outcome.kind.{kind}', count=n))}" for kind, n in found.by_kind
    )
    names = [t(lang, "inputs.private") if s == PRIVATE else s for s in found.senders]
    entries = [tag("li", escape(name)) for name in dict.fromkeys(names)]
    entries += [tag("li", workshop_label(ctx, workshop)) for workshop in found.workshops]
    return tag("p", escape(t(lang, "outcome.responded", count=total)) + f" {kinds}.") + tag(
        "ul", "".join(entries), class_="st-senders"
    )


def decision_table(ctx: PageContext, items: list[TracedItem]) -> str:
    lang = ctx.lang
    head = tag(
        "tr",
        tag("th", escape(t(lang, "inputs.decision")), scope="col")
        + tag("th", escape(t(lang, "inputs.count")), scope="col"),
    )
    rows = "".join(
        tag(
            "tr",
            tag("td", escape(t(lang, f"decision.{decision}")))
            + tag("td", str(count), data_decision=decision),
        )
        for decision, count in count_decisions(items)
    )
    table = tag("table", tag("thead", head) + tag("tbody", rows), class_="st-outcome-counts")
    return tag("div", table, class_="st-table-scroll")


def effect_link(ctx: PageContext, traced: TracedItem) -> str:
    """ "Where it changed: 3.2 Jord, skog och vatten", linked to the changed passage."""
    target = change_path(ctx, traced)
    version = ctx.strategy.versions.get(traced.effect_version or "")
    if target is None or version is None:
        return ""
    if traced.effect_section is not None and traced.effect_section in version.sections:
        place = section_title(ctx.strategy, version, traced.effect_section, ctx.lang)
    else:
        place = ctx.text(version.title)
    return link(ctx.link(target), escape(t(ctx.lang, "outcome.effect", place=place)))


def outcome_item(
    ctx: PageContext, traced: TracedItem, heading: str = "h4", version: Version | None = None
) -> str:
    """One item: who said it, what, the decision and reply, where it took effect.

    On the inputs page of the version it shaped (`version`), folded like the inputs
    listed there, and marked for their filter: its decision and what was said always
    shown, the rest one click away."""
    lang, found, item = ctx.lang, traced.input, traced.item
    who = who_said(ctx, found)
    proposal = ""
    if item.proposal:
        label = tag("strong", escape(t(lang, "inputs.proposal")) + ":")
        proposal = tag("p", f"{label} " + original_text(ctx, escape(item.proposal), "span"))
    badge = decision_badge(ctx, item.decision, found)
    response = original_text(ctx, escape(item.response), "span") if item.response else ""
    about = ctx.strategy.versions.get(found.about)
    links = [effect_link(ctx, traced)]
    if about is not None:
        href = ctx.link(urls.inputs_path(about.id) + f"#{traced.anchor}")
        links.append(link(href, escape(t(lang, "outcome.whole_input"))))
    links_html = tag("p", " · ".join(x for x in links if x), class_="st-outcome-item__links")
    if version is not None:
        said = original_text(ctx, escape(item.text), "span", class_="st-input-item__said")
        summary = tag("summary", f"{badge} {said}")
        shown = [tag("p", who, class_="st-outcome-item__from"), proposal]
        if response:
            shown.append(tag("p", response))
        body = tag("div", "".join(shown) + links_html, class_="st-outcome-item__more")
        return tag(
            "li",
            tag("details", summary + body),
            id=traced.anchor,
            class_="st-outcome-item st-input-item",
            **filter_marks(ctx, version, traced),
        )
    answer = f"{badge} {response}" if response else badge
    parts = [
        tag(heading, who, class_="st-outcome-item__from"),
        original_text(ctx, escape(item.text)),
        proposal,
        tag("p", answer),
        links_html,
    ]
    return tag("li", "".join(parts), id=traced.anchor, class_="st-outcome-item")


def items_by_decision(ctx: PageContext, items: list[TracedItem]) -> str:
    """Every item, grouped by decision (accepted first), each group under a Markdown
    heading (so that it is in the page's table of contents) with its count."""
    lang, parts = ctx.lang, []
    for decision, count in count_decisions(items):
        if not count:
            continue
        group = [x for x in items if x.item.decision == decision]
        heading = t(lang, "outcome.group", decision=t(lang, f"decision.{decision}"), count=count)
        parts.append(f"### {escape(heading)} {{: #beslut-{decision} }}\n")
        parts.append(
            tag("ol", "".join(outcome_item(ctx, x) for x in group), class_="st-outcome-items")
        )
    return "\n".join(parts)


SHAPED = "inspel-som-format"  # the heading's id, and the filter's name for the list


def shaped_by(ctx: PageContext, version: Version, items: list[TracedItem]) -> str:
    """On a version's inputs page: the items whose decisions took effect in it, under a
    Markdown heading (in the page's table of contents), folded and filterable like the
    inputs said about the version; the heading and its lead hide when a filter leaves
    none of them."""
    if not items:
        return ""
    lang = ctx.lang
    title = t(lang, "outcome.shaped_by", version=ctx.text(version.title))
    heading = f'## {markdown_text(title)} {{: #{SHAPED} data-group="{SHAPED}" }}'
    intro = tag(
        "p", escape(t(lang, "outcome.shaped_by_intro", count=len(items))), data_group=SHAPED
    )
    entries = "".join(outcome_item(ctx, traced, version=version) for traced in items)
    listed = tag("ol", entries, class_="st-outcome-items st-inputs", data_group=SHAPED)
    return "\n\n".join([heading, intro, listed])
