"""HTML for cause notes on a changes page: the numbered marker at the end of a changed
passage, and the list of notes under the text (the partials `cause-marker.html` and
`cause-list.html`). The marker links to the item where the version being read tells it
(its consultation outcome page); the item links back to the marker (its id is the
item's `cause_anchor`)."""

from __future__ import annotations

from ..derive.causes import CauseNote
from .render import PageContext
from .render_inputs import item_path, said


def _input_href(ctx: PageContext, note: CauseNote) -> str:
    """The item in the version being read (its outcome page), which links back here."""
    return ctx.link(item_path(ctx, note.traced))


def cause_marker(ctx: PageContext, note: CauseNote) -> str:
    """ "[1]" after the passage, linking to the input; read out as "Cause of the change: 1"."""
    return str(
        ctx.fragment(
            "cause-marker.html",
            number=note.number,
            href=_input_href(ctx, note),
            anchor=note.traced.cause_anchor,
        )
    )


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
    entries = [
        {
            "number": note.number,
            "said": said(ctx, note.traced),
            "passage_href": f"#{note.traced.cause_anchor}" if note.block is not None else None,
            # Without a marker in the text, the note itself is what the input links back to.
            "anchor": None if note.block is not None else note.traced.cause_anchor,
        }
        for note in notes
    ]
    return str(ctx.fragment("cause-list.html", notes=entries))
