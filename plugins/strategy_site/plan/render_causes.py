"""HTML for cause notes on a changes page: the numbered marker at the end of a changed
passage, and the list of notes under the text. The marker links to the item where the
version being read tells it (its consultation outcome page); the item links back to the
marker (its id is the item's `cause_anchor`)."""

from __future__ import annotations

from html import escape

from ..derive.causes import CauseNote
from .render import PageContext, link, tag
from .render_inputs import item_path, said_and_decided
from .texts import t


def _input_href(ctx: PageContext, note: CauseNote) -> str:
    """The item in the version being read (its outcome page), which links back here."""
    return ctx.link(item_path(ctx, note.traced))


def cause_marker(ctx: PageContext, note: CauseNote) -> str:
    """ "[1]" after the passage, linking to the input; read out as "Cause of the change: 1"."""
    hidden = tag("span", escape(t(ctx.lang, "cause.marker_hidden")), class_="sr-only")
    inner = link(_input_href(ctx, note), f"{hidden}[{note.number}]")
    return tag("sup", inner, class_="st-cause", id=note.traced.cause_anchor)


def markers(ctx: PageContext, notes: list[CauseNote]) -> dict[int, str]:
    """The new text's block -> the markers at its end, for render_markdown."""
    result: dict[int, str] = {}
    for note in notes:
        if note.block is not None:
            result[note.block] = result.get(note.block, "") + " " + cause_marker(ctx, note)
    return result


def cause_list(ctx: PageContext, notes: list[CauseNote]) -> str:
    """Under the text: every note with who said what, the decision and the input."""
    if not notes:
        return ""
    lang = ctx.lang
    entries = []
    for note in notes:
        parts = [
            tag("span", f"[{note.number}]", class_="st-cause-list__number"),
            " ",
            said_and_decided(ctx, note.traced),
        ]
        if note.block is not None:
            back = link(f"#{note.traced.cause_anchor}", escape(t(lang, "cause.to_passage")))
            parts += [" · ", back]
        # Without a marker in the text, the note itself is what the input links back to.
        anchor = None if note.block is not None else note.traced.cause_anchor
        entries.append(tag("li", "".join(parts), id=anchor))
    # The id of the section page's "Inspel som påverkat avsnittet": the same place.
    heading = tag("h2", escape(t(lang, "cause.heading")), id="inspel")
    return tag(
        "section",
        heading + tag("ol", "".join(entries), class_="st-cause-list"),
        class_="st-causes",
        aria_labelledby="inspel",
    )
