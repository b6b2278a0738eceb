"""Putting figures where a section places them: `![[figur: <id>]]` becomes HTML.

On a section page the line becomes the figure in the page's language (the source figure,
marked, when the translation is missing). On a page of changes the line may carry the
diff engine's <ins>/<del> marks: the ids on either side say whether the figure was
added, removed or kept, and a kept figure is compared with its old version.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ... import urls
from ...content.figures import FOLDER, PLACEMENT, PLACEMENT_START, placements
from ...content.markdown_links import body_lines
from ...derive.diff import DiffLabels
from ...derive.figure_diff import diff_figures
from ...derive.figure_translations import CURRENT, MISSING, figure_state, localized
from ...model import Figure, Version
from ..texts import t
from .html import RENDERER, Renderer, block_html, changes_html, figure_html
from .svg import esc

_SR_ONLY = re.compile(r'<span class="sr-only">[^<]*</span>')
_INS = re.compile(r"<ins>(.*?)</ins>")
_DEL = re.compile(r"<del>(.*?)</del>")


class _Ids:
    """Unique element ids for the figures of one page."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {}

    def __call__(self, figure_id: str) -> str:
        count = self.used.get(figure_id, 0) + 1
        self.used[figure_id] = count
        return f"figur-{figure_id}" + (f"-{count}" if count > 1 else "")


def _in_language(figure: Figure, lang: str, source: str) -> tuple[Figure, str, str]:
    """(figure to show, notice, language of its words if not `lang`)."""
    if lang == source:
        return figure, "", ""
    state = figure_state(figure, lang)
    if state == MISSING:
        return figure, t(lang, "figure.missing"), source
    notice = "" if state == CURRENT else t(lang, "figure.outdated")
    return localized(figure, lang), notice, ""


def data_href(figure: Figure, version: Version, page: str) -> str:
    """The address of the figure's CSV file (published in the version's folder, for
    readers to download), relative to the page at site path `page`; '' without one."""
    if figure.chart is None or not figure.chart.data:
        return ""
    return urls.relative(page, f"{urls.version_path(version.id)}{FOLDER}/{figure.chart.data}")


def place_figures(
    markdown: str,
    version: Version,
    lang: str,
    source: str,
    page: str = "",
    renderer: Renderer = RENDERER,
) -> str:
    """A section's Markdown with each placed figure drawn in `lang` by `renderer`;
    `page` is the page's site path (with its language prefix), for links to data files."""
    ids = _Ids()

    def draw(figure_id: str) -> str:
        figure = version.figures[figure_id]
        shown, notice, text_lang = _in_language(figure, lang, source)
        href = data_href(figure, version, page)
        return figure_html(shown, ids(figure_id), lang, notice, text_lang, renderer, href)

    def draw_line(line: str) -> str:
        match = PLACEMENT.match(line)
        return draw(match["id"]) if match else line

    return _replace(markdown, draw_line)


def place_figure_changes(
    markdown: str,
    version: Version,
    base: Version,
    lang: str,
    source: str,
    page: str = "",
    renderer: Renderer = RENDERER,
) -> str:
    """A page of changes in `lang`: each figure compared with the one the old text placed,
    drawn by `renderer`."""
    ids = _Ids()
    labels = DiffLabels.for_language(lang)

    def words(figure: Figure, other: Figure | None) -> tuple[Figure, str]:
        """Both sides in `lang` only when both translations are current (as for text)."""
        if lang == source:
            return figure, ""
        figures = [figure] if other is None else [figure, other]
        if all(figure_state(x, lang) == CURRENT for x in figures):
            return localized(figure, lang), ""
        return figure, source

    def draw(line: str) -> str:
        old_line, new_line = _sides(line)
        old_match, new_match = PLACEMENT.match(old_line), PLACEMENT.match(new_line)
        old = base.figures.get(old_match["id"]) if old_match else None
        new = version.figures.get(new_match["id"]) if new_match else None
        if new is not None and old is not None and new.id == old.id:
            shown_new, text_in = words(new, old)
            shown_old, _ = words(old, new)
            diff = diff_figures(shown_old, shown_new)
            href = data_href(new, version, page)
            return changes_html(diff, ids(new.id), lang, text_in, renderer, href)
        blocks = []
        if old is not None:
            shown, text_in = words(old, None)
            note = t(lang, "figure.removed_figure")
            dom_id, href = ids(old.id) + "-borttagen", data_href(old, base, page)
            markup = figure_html(shown, dom_id, lang, note, text_in, renderer, href)
            blocks.append(block_html(markup, False, labels))
        if new is not None:
            shown, text_in = words(new, None)
            note = t(lang, "figure.added_figure")
            href = data_href(new, version, page)
            markup = figure_html(shown, ids(new.id), lang, note, text_in, renderer, href)
            blocks.append(block_html(markup, True, labels))
        return "\n\n".join(blocks) or line

    return _replace(markdown, draw, marked=True)


def _sides(line: str) -> tuple[str, str]:
    """A line of a changes view as it read in the old text and reads in the new one."""
    plain = _SR_ONLY.sub("", line)
    old_line = _INS.sub("", plain).replace("<del>", "").replace("</del>", "")
    new_line = _DEL.sub("", plain).replace("<ins>", "").replace("</ins>", "")
    return old_line, new_line


def _places(line: str, marked: bool) -> bool:
    """Whether `line` may place a figure. On a changes view the diff's marks can stand
    inside the placement (`![[<ins>figur: id</ins>]]`, a figure added with its line)."""
    if PLACEMENT_START in line:
        return True
    return marked and "figur" in line and any(PLACEMENT_START in s for s in _sides(line))


def figures_changed(version: Version, base: Version, body: str) -> bool:
    """Whether a figure the body places differs from the base version's figure of that id:
    the text may be unchanged while its figure is not."""
    for _, figure_id in placements(body):
        new, old = version.figures.get(figure_id), base.figures.get(figure_id)
        if new is not None and old is not None and diff_figures(old, new).changed:
            return True
    return False


def figures_changed_note(lang: str) -> str:
    return f'<p class="st-fig-changed">{esc(t(lang, "figure.changed_in_section"))}</p>'


def _replace(markdown: str, draw: Callable[[str], str], marked: bool = False) -> str:
    """Each line that places a figure, replaced by `draw(line)` as a block of raw HTML.
    `marked`: the Markdown of a changes view, whose lines may carry <ins>/<del> marks."""
    if not marked and PLACEMENT_START not in markdown:
        return markdown
    out = []
    for _, line, in_code in body_lines(markdown):
        if not in_code and _places(line, marked):
            drawn = draw(line)
            if drawn != line:
                out += ["", drawn, ""]
                continue
        out.append(line)
    return "\n".join(out)
