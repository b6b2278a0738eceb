"""A figure as HTML: caption, drawing, and its data as a real table in a <details>.

The drawing comes from one small interface, `Renderer`: a function from a figure to an
<svg> string. Everything else here (caption, table, the changes markup) is the same
whichever renderer draws, and the placement (place.py) hands the renderer through.
"""

from __future__ import annotations

from collections.abc import Callable

from ...derive.diff import DiffLabels, diff_titles
from ...derive.diff.labels import DEL, INS, mark
from ...derive.figure_diff import (
    DELETED,
    EQUAL,
    INSERTED,
    TEXT_FIELDS,
    FigureDiff,
    Marks,
    Value,
    data_table,
)
from ...model import Figure
from ..texts import t
from .svg import esc, render_svg
from .words import NO_MARKS, number, step_status

Renderer = Callable[[Figure, str, str, Marks], str]
"""(figure, dom id, language, what to mark as new or removed) -> one inline <svg>."""

RENDERER: Renderer = render_svg


def figure_html(
    figure: Figure,
    dom_id: str,
    lang: str,
    notice: str = "",
    text_lang: str = "",
    renderer: Renderer = RENDERER,
    data_href: str = "",
) -> str:
    """The figure as readers see it; `text_lang` when its words are in another language,
    `data_href` the address of its CSV file, if its numbers are in one."""
    lang_attr = f' lang="{text_lang}"' if text_lang else ""
    return (
        f'<figure class="st-fig st-fig--{figure.kind}" id="{dom_id}"{lang_attr}>'
        + _caption(figure, lang, notice)
        + renderer(figure, dom_id, lang, NO_MARKS)
        + _table(figure, lang, dom_id, data_href)
        + "</figure>"
    )


def _caption(figure: Figure, lang: str, notice: str, texts: dict[str, str] | None = None) -> str:
    """Title, note, caption and source; `texts` gives some of them already as HTML."""
    texts = texts or {}

    def text(name: str) -> str:
        if name in texts:
            return texts[name]
        value = getattr(figure, name)
        return esc(value) if value else ""

    parts = [f'<span class="st-fig__title">{esc(t(lang, "figure.label"))}: {text("title")}</span>']
    if text("note"):
        parts.append(f'<span class="st-fig__note">{text("note")}</span>')
    if text("caption"):
        parts.append(f'<span class="st-fig__caption">{text("caption")}</span>')
    if text("source"):
        parts.append(
            f'<span class="st-fig__source">{esc(t(lang, "figure.source"))}: {text("source")}</span>'
        )
    if text("unit"):
        parts.append(
            f'<span class="st-fig__unit">{esc(t(lang, "figure.unit"))}: {text("unit")}</span>'
        )
    if notice:
        parts.append(f'<span class="st-fig__notice">{esc(notice)}</span>')
    return "<figcaption>" + "".join(parts) + "</figcaption>"


def _cell(value: Value, column: str, lang: str) -> str:
    if column == "@status" and isinstance(value, str):
        return esc(step_status(value, lang) or t(lang, "figure.status.done"))
    if isinstance(value, float) or value is None:
        return esc(number(value, lang)) if value is not None or column[:1] != "@" else ""
    return esc(value)


def _header(column: str, lang: str) -> str:
    return esc(t(lang, f"figure.col.{column}") if column.startswith("@") else column)


def _details(dom_id: str, lang: str, table: str, data_href: str, open_: bool = False) -> str:
    download = (
        f'<p class="st-fig__download"><a href="{esc(data_href)}">'
        f"{esc(t(lang, 'figure.download'))}</a></p>"
        if data_href
        else ""
    )
    return (
        f'<details class="st-fig__data"{" open" if open_ else ""}>'
        f"<summary>{esc(t(lang, 'figure.data'))}</summary>"
        f'<div class="st-fig__table">{table}</div>{download}</details>'
    )


def _table(figure: Figure, lang: str, dom_id: str, data_href: str) -> str:
    table = data_table(figure)
    head = "".join(f'<th scope="col">{_header(c, lang)}</th>' for c in table.key_columns)
    head += "".join(f'<th scope="col">{_header(c, lang)}</th>' for c in table.columns)
    rows = []
    for key, cells in table.rows:
        first, *rest = key
        row = f'<th scope="row">{esc(first)}</th>' + "".join(f"<td>{esc(k)}</td>" for k in rest)
        row += "".join(
            f"<td>{_cell(v, c, lang)}</td>" for v, c in zip(cells, table.columns, strict=True)
        )
        rows.append(f"<tr>{row}</tr>")
    caption = f"<caption>{esc(figure.title)}</caption>"
    body = f"{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
    return _details(dom_id, lang, f"<table>{body}</table>", data_href)


# -- the changes view ---------------------------------------------------------------


def changes_html(
    diff: FigureDiff,
    dom_id: str,
    lang: str,
    text_lang: str = "",
    renderer: Renderer = RENDERER,
    data_href: str = "",
) -> str:
    """The new figure drawn with what is new marked and what was removed put back,
    dashed and marked; and a table of old → new."""
    labels = DiffLabels.for_language(text_lang or lang)
    if not diff.changed:
        notice = t(lang, "figure.unchanged")
        return figure_html(diff.new, dom_id, lang, notice, text_lang, renderer, data_href)
    texts = {}
    for name, (old, new) in diff.texts.items():
        if old and new:
            texts[name] = _no_charrefs(diff_titles(old, new, labels))
        elif new:
            texts[name] = mark(INS, labels.inserted, esc(new))
        elif old:
            texts[name] = mark(DEL, labels.deleted, esc(old))
    lang_attr = f' lang="{text_lang}"' if text_lang else ""
    drawn, marks = diff.drawing()
    note = "changed_marked" if marks.added or marks.removed else "changed"
    return (
        f'<figure class="st-fig st-fig--{diff.new.kind} st-fig--changed" id="{dom_id}"'
        f"{lang_attr}>"
        + _caption(diff.new, lang, t(lang, f"figure.{note}"), texts)
        + renderer(drawn, dom_id, lang, marks)
        + _details(dom_id, lang, _diff_table(diff, lang, labels), data_href, open_=True)
        + "</figure>"
    )


def _diff_table(diff: FigureDiff, lang: str, labels: DiffLabels) -> str:
    def marked(status: str, content: str) -> str:
        """An added or removed cell, marked; an empty cell stays empty (no <ins> that
        would only say "Tillagt:")."""
        if not content:
            return content
        if status == INSERTED:
            return mark(INS, labels.inserted, content)
        if status == DELETED:
            return mark(DEL, labels.deleted, content)
        return content

    head = "".join(f'<th scope="col">{_header(c, lang)}</th>' for c in diff.key_columns)
    head += "".join(
        f'<th scope="col">{marked(status, _header(c, lang))}</th>' for c, status in diff.columns
    )
    rows = []
    for row in diff.rows:
        first, *rest = row.key
        cells = [f'<th scope="row">{marked(row.status, esc(first))}</th>']
        cells += [f"<td>{marked(row.status, esc(k))}</td>" for k in rest]
        for (old, new), (column, column_status) in zip(row.cells, diff.columns, strict=True):
            status = row.status if row.status != EQUAL else column_status
            if status == INSERTED:
                content = marked(INSERTED, _cell(new, column, lang))
            elif status == DELETED:
                content = marked(DELETED, _cell(old, column, lang))
            elif old != new:
                before, after = _cell(old, column, lang), _cell(new, column, lang)
                content = " → ".join(
                    part for part in (marked(DELETED, before), marked(INSERTED, after)) if part
                )
            else:
                content = _cell(new, column, lang)
            cells.append(f"<td>{content}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"<caption>{esc(diff.new.title)}</caption>"
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def block_html(figure_markup: str, inserted: bool, labels: DiffLabels) -> str:
    """A whole figure added or removed, boxed like any other whole block of text."""
    css = "diff-inserted-block" if inserted else "diff-deleted-block"
    label = labels.inserted if inserted else labels.deleted
    return f'<div class="{css}"><span class="sr-only">{esc(label)}</span>{figure_markup}</div>'


def _no_charrefs(text: str) -> str:
    """html.escape writes &#x27;; '&#' in raw HTML upsets Python-Markdown's stash."""
    return text.replace("&#x27;", "&apos;")


__all__ = ["RENDERER", "TEXT_FIELDS", "Renderer", "block_html", "changes_html", "figure_html"]
