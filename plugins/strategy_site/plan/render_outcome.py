"""HTML for a consultation's outcome (after GOV.UK's "consultation outcome" pages): who
responded, the editors' summary, the decisions counted, and every item with its decision,
reply and where it took effect. Also the list of inputs that shaped a version.

What to show and where it links is decided here; the markup is in the partials
(`templates/outcome-*.html`, `shaped-by.html`, `editors-text.html`)."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..derive.inputs import (
    TracedItem,
    count_decisions,
    respondents,
)
from ..model import Version
from .render import PageContext, section_title
from .render_inputs import (
    change_path,
    decision_badge,
    filter_marks,
    input_fragment,
    markdown_text,
    sender_name,
    senders,
)
from .texts import t


def localized_paragraphs(ctx: PageContext, text: dict[str, str]) -> str:
    """An editor's text in the reader's language (else the source language, marked so),
    one paragraph per blank-line-separated block."""
    source = ctx.strategy.source_language
    lang = ctx.lang if ctx.lang in text else source if source in text else next(iter(text))
    paragraphs = [" ".join(p.split()) for p in text[lang].split("\n\n") if p.strip()]
    text_lang = lang if lang != ctx.lang else None
    return str(ctx.fragment("editors-text.html", paragraphs=paragraphs, text_lang=text_lang))


def outcome_link(ctx: PageContext, version: Version, lead_key: str) -> str:
    """A short paragraph that leads to the outcome page of the version `version`."""
    href = ctx.link(urls.outcome_path(version.id))
    return str(ctx.fragment("outcome-link.html", lead=lead_key, version=version, href=href))


def outcome_intro(ctx: PageContext, consultation: Version, version: Version) -> str:
    """Which consultation the version answers, its period marked as the banners mark it."""
    return str(ctx.fragment("outcome-intro.html", consultation=consultation, version=version))


def who_responded(ctx: PageContext, items: list[TracedItem]) -> str:
    found = respondents(items)
    names = [sender_name(ctx, s) for s in found.senders]
    return str(
        ctx.fragment(
            "outcome-respondents.html",
            total=sum(n for _, n in found.by_kind),
            kinds=[{"kind": kind, "count": n} for kind, n in found.by_kind],
            senders=list(dict.fromkeys(names)),
            workshops=found.workshops,
        )
    )


def decision_table(ctx: PageContext, items: list[TracedItem]) -> str:
    counts = [{"decision": d, "count": n} for d, n in count_decisions(items)]
    return str(ctx.fragment("outcome-counts.html", counts=counts))


def effect_place(ctx: PageContext, traced: TracedItem) -> dict[str, str] | None:
    """ "Where it changed: 3.2 Jord, skog och vatten": `href` (the changed passage) and
    `place` (the section, else the version) for a partial."""
    target = change_path(ctx, traced)
    version = ctx.strategy.versions.get(traced.effect_version or "")
    if target is None or version is None:
        return None
    if traced.effect_section is not None and traced.effect_section in version.sections:
        place = section_title(ctx.strategy, version, traced.effect_section, ctx.lang)
    else:
        place = ctx.text(version.title)
    return {"href": ctx.link(target), "place": place}


def outcome_item(
    ctx: PageContext, traced: TracedItem, heading: str = "h4", version: Version | None = None
) -> Markup:
    """One item: who said it, what, the decision and reply, where it took effect.

    On the inputs page of the version it shaped (`version`), folded like the inputs
    listed there, and marked for their filter: its decision and what was said always
    shown, the rest one click away."""
    found, item = traced.input, traced.item
    about = ctx.strategy.versions.get(found.about)
    input_href = None
    if about is not None:
        input_href = ctx.link(urls.inputs_path(about.id) + f"#{traced.anchor}")
    return input_fragment(
        ctx,
        "outcome-item.html",
        anchor=traced.anchor,
        input=found,
        senders=senders(ctx, found),
        text=item.text,
        proposal=item.proposal or None,
        response=item.response or None,
        badge=decision_badge(ctx, item.decision, found),
        effect=effect_place(ctx, traced),
        input_href=input_href,
        heading=heading,
        marks=filter_marks(ctx, version, traced) if version is not None else None,
    )


def items_by_decision(ctx: PageContext, items: list[TracedItem]) -> str:
    """Every item, grouped by decision (accepted first), each group under a Markdown
    heading (so that it is in the page's table of contents) with its count."""
    lang, parts = ctx.lang, []
    for decision, count in count_decisions(items):
        if not count:
            continue
        group = [x for x in items if x.item.decision == decision]
        heading = t(lang, "outcome.group", decision=t(lang, f"decision.{decision}"), count=count)
        parts.append(f"### {markdown_text(heading)} {{: #beslut-{decision} }}\n")
        listed = [outcome_item(ctx, x) for x in group]
        parts.append(str(ctx.fragment("outcome-items.html", items=listed)))
    return "\n".join(parts)


SHAPED = "inspel-som-format"  # the heading's id, and the filter's name for the list


def shaped_by(ctx: PageContext, version: Version, items: list[TracedItem]) -> str:
    """On a version's inputs page: the items whose decisions took effect in it, under a
    Markdown heading (in the page's table of contents), folded and filterable like the
    inputs said about the version; the heading and its lead hide when a filter leaves
    none of them."""
    if not items:
        return ""
    title = t(ctx.lang, "outcome.shaped_by", version=ctx.text(version.title))
    heading = f'## {markdown_text(title)} {{: #{SHAPED} data-group="{SHAPED}" }}'
    listed = [outcome_item(ctx, traced, version=version) for traced in items]
    return "\n\n".join([heading, str(ctx.fragment("shaped-by.html", items=listed, group=SHAPED))])
