"""Figures drawn as inline SVG, written by hand (see benchmarks/README.md for why).

What every drawing promises: no script, no link to another host, the same bytes for the
same figure (no random ids, no floats printed at full precision), colours only through
`currentColor` (so light and dark mode, print and black and white all work), series told
apart by patterns, line styles, markers and labels, not by colour. The drawing is
WIDTH units wide, about the width of the text column on a 360 px screen, so that its
smallest text (12 units) is drawn at about 12 px there; figures.css lets it grow to
1.25 times that on wider screens. Text widths are estimated, not measured, so that the
output never depends on the fonts installed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ...derive.figure_diff import Marks, link_label
from ...model import BAR, LINE, MAPPING, PROCESS, Chart, Figure
from ..texts import t
from .words import NO_MARKS, description, marked, number, step_numbers, step_status

# Every element and attribute a drawing may contain, for an HTML sanitiser's allow-list
# (tests check that the drawings keep to it). No script, no style, no href.
SVG_ELEMENTS = frozenset(
    {"svg", "title", "desc", "defs", "pattern", "path", "rect", "circle", "text"}
)
SVG_ATTRIBUTES = frozenset(
    {
        "xmlns", "class", "role", "viewBox", "width", "height", "aria-labelledby", "id",
        "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "font-size",
        "text-anchor", "x", "y", "cx", "cy", "r", "rx", "d", "patternUnits",
        "data-search-exclude",
    }
)  # fmt: skip

WIDTH = 320
FONT = 14
SMALL = 12
CHAR = 0.56  # average glyph width in ems, to wrap and place text without a font
PATTERNS = 6


def esc(text: str) -> str:
    """Text for an element or a double-quoted attribute (no '&#', which upsets
    Python-Markdown's raw HTML stash)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def f(value: float) -> str:
    """A coordinate, rounded so that the same figure always prints the same bytes."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * CHAR


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Words into lines of at most `width` (estimated); a long word gets its own line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


class Canvas:
    """The elements of one drawing, in order; ids made unique by the figure's dom id."""

    def __init__(self, dom_id: str):
        self.dom_id = dom_id
        self.parts: list[str] = []
        self.patterns: set[int] = set()

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(
        self,
        x: float,
        y: float,
        content: str,
        size: float = FONT,
        anchor: str = "start",
        css: str = "",
    ) -> None:
        attrs = f'x="{f(x)}" y="{f(y)}"'
        if size != FONT:
            attrs += f' font-size="{f(size)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if css:
            attrs += f' class="{css}"'
        self.add(f"<text {attrs}>{esc(content)}</text>")

    def lines(
        self, x: float, y: float, lines: list[str], size: float = FONT, css: str = ""
    ) -> None:
        for n, line in enumerate(lines):
            self.text(x, y + n * size * 1.25, line, size, css=css)

    def fill(self, series: int) -> str:
        """A fill that tells series apart without colour: solid, then patterns."""
        kind = series % PATTERNS
        if kind == 0:
            return "currentColor"
        self.patterns.add(kind)
        return f"url(#{self.dom_id}-p{kind})"

    def defs(self) -> str:
        shapes = {
            1: '<path d="M0 6L6 0" stroke="currentColor" stroke-width="1.5"/>',
            2: '<circle cx="3" cy="3" r="1.3" fill="currentColor"/>',
            3: '<path d="M0 6L6 0M0 0L6 6" stroke="currentColor" stroke-width="1"/>',
            4: '<path d="M0 3H6" stroke="currentColor" stroke-width="1.5"/>',
            5: '<path d="M3 0V6" stroke="currentColor" stroke-width="1.5"/>',
        }
        patterns = "".join(
            f'<pattern id="{self.dom_id}-p{kind}" width="6" height="6" '
            f'patternUnits="userSpaceOnUse">{shapes[kind]}</pattern>'
            for kind in sorted(self.patterns)
        )
        return f"<defs>{patterns}</defs>" if patterns else ""

    def svg(self, figure: Figure, lang: str, height: float, marks: Marks) -> str:
        """The drawing; search skips it (its words are in the caption and the table)."""
        d = self.dom_id
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="st-fig__svg" role="img" '
            f'viewBox="0 0 {WIDTH} {f(math.ceil(height))}" width="100%" '
            f'aria-labelledby="{d}-title {d}-desc" fill="currentColor" data-search-exclude="" '
            f'font-size="{FONT}">'
            f'<title id="{d}-title">{esc(figure.title)}</title>'
            f'<desc id="{d}-desc">{esc(description(figure, lang, marks))}</desc>'
            + self.defs()
            + "".join(self.parts)
            + "</svg>"
        )


def render_svg(figure: Figure, dom_id: str, lang: str, marks: Marks = NO_MARKS) -> str:
    """The figure as one inline <svg>. In a changes view `marks` names what is new
    (marked "(ny)") and what was removed (drawn dashed, marked "(borttagen)")."""
    canvas = Canvas(dom_id)
    draw = {BAR: _bar, LINE: _line, PROCESS: _process, MAPPING: _mapping}[figure.kind]
    height = draw(canvas, figure, lang, marks)
    return canvas.svg(figure, lang, height, marks)


REMOVED_DASH = ' stroke-dasharray="3 2"'


def _legend(
    canvas: Canvas,
    names: list[str],
    y: float,
    swatch: Callable[[int, float, float], str],
    width: float = 14,
) -> float:
    """One entry per series: its swatch (`swatch(n, x, y)` draws it at the text's
    baseline `y`) and its name; entries wrap onto new rows."""
    x = 0.0
    for n, name in enumerate(names):
        entry = width + 6 + text_width(name, SMALL) + 14
        if x and x + entry > WIDTH:
            x, y = 0.0, y + 20
        canvas.add(swatch(n, x, y))
        canvas.text(x + width + 6, y, name, SMALL, css="st-fig__key")
        x += entry
    return y + 20


def _bar(canvas: Canvas, figure: Figure, lang: str, marks: Marks) -> float:
    """Horizontal bars: long category names read well at 360 px; values at the bar ends.
    Removed bars and series (a changes view) are dashed outlines without fill."""
    chart = figure.chart
    assert chart is not None
    several = len(chart.series) > 1
    gone = [name in marks.removed for name in chart.series]
    names = [marked(name, marks, lang) for name in chart.series]

    def style(n: int, category: str) -> str:
        if gone[n] or category in marks.removed:
            return f'fill="none" stroke="currentColor" stroke-width="1.5"{REMOVED_DASH}'
        return f'fill="{canvas.fill(n)}" stroke="currentColor"'

    y = 14.0
    if chart.stacked and several:

        def box(n: int, x: float, y: float) -> str:
            return f'<rect x="{f(x)}" y="{f(y - 11)}" width="14" height="14" {style(n, "")}/>'

        y = _legend(canvas, names, y, box) + 4
    # A stack draws its kept series first and what was removed after them, so that the
    # total it names is what the new figure adds up to.
    order = sorted(range(len(chart.series)), key=lambda n: gone[n])
    totals = [sum(row[n] or 0 for n in order if not gone[n]) for row in chart.values]
    reach = [sum(v or 0 for v in row) for row in chart.values]
    flat = [v for row in chart.values for v in row if v is not None]
    high = max([*(reach if chart.stacked else flat), 0])
    low = min([*flat, 0]) if not chart.stacked else 0
    if chart.stacked:
        ends = [number(v, lang) for v in totals]
    else:
        ends = [
            f"{names[n]}: {number(v, lang)}" if several else number(v, lang)
            for row in chart.values
            for n, v in enumerate(row)
        ]
    room = max([text_width(e, SMALL) for e in ends] + [0]) + 8
    span = max(WIDTH - room - 2, 110)
    scale = span / ((high - low) or 1)
    zero = 1 + (-low) * scale
    bar = 16
    for category, values, total in zip(chart.categories, chart.values, totals, strict=True):
        lines = wrap(marked(category, marks, lang), WIDTH)
        canvas.lines(0, y, lines, css="st-fig__label")
        y += (len(lines) - 1) * FONT * 1.25 + 6
        css = (
            ' class="st-fig__added"'
            if category in marks.added
            else ' class="st-fig__removed"'
            if category in marks.removed
            else ""
        )
        if chart.stacked:
            x = zero
            for n in order:
                width = (values[n] or 0) * scale
                if width > 0:
                    canvas.add(
                        f'<rect x="{f(x)}" y="{f(y)}" width="{f(width)}" height="{bar}" '
                        f"{style(n, category)}{css}/>"
                    )
                x += width
            canvas.text(x + 4, y + bar - 4, number(total, lang), SMALL)
            y += bar + 4
        else:
            for n, value in enumerate(values):
                width = abs(value or 0) * scale
                start = zero if (value or 0) >= 0 else zero - width
                if value is not None:
                    canvas.add(
                        f'<rect x="{f(start)}" y="{f(y)}" width="{f(width)}" height="{bar}" '
                        f"{style(n, category)}{css}/>"
                    )
                end = number(value, lang)
                if several:
                    end = f"{names[n]}: {end}"
                canvas.text(max(start + width, zero) + 4, y + bar - 4, end, SMALL)
                y += bar + 3
        y += 16
    canvas.add(
        f'<path d="M{f(zero)} 0V{f(y - 12)}" stroke="currentColor" stroke-width="1.5" fill="none"/>'
    )
    if figure.unit:
        canvas.text(WIDTH, y + 2, f"{t(lang, 'figure.unit')}: {figure.unit}", SMALL, "end")
        y += 6
    return y


def _ticks(low: float, high: float) -> list[float]:
    """Round numbers from low to high: 0, 5, 10 ... (about five of them)."""
    span = (high - low) or 1.0
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
        if value > high and len(ticks) > 1 and ticks[-1] >= high:
            break
    return ticks


MARKERS = (
    lambda x, y: f'<circle cx="{f(x)}" cy="{f(y)}" r="4"/>',
    lambda x, y: f'<rect x="{f(x - 4)}" y="{f(y - 4)}" width="8" height="8"/>',
    lambda x, y: f'<path d="M{f(x)} {f(y - 5)}L{f(x + 5)} {f(y + 4)}H{f(x - 5)}Z"/>',
    lambda x, y: (
        f'<path d="M{f(x)} {f(y - 5)}L{f(x + 5)} {f(y)}L{f(x)} {f(y + 5)}L{f(x - 5)} {f(y)}Z"/>'
    ),
)
DASHES = ("", ' stroke-dasharray="6 3"', ' stroke-dasharray="2 3"', ' stroke-dasharray="8 3 2 3"')
GAP = 7.0  # between a line's last point and its label


def _line_style(chart: Chart, n: int, marks: Marks) -> str:
    """Series told apart without colour: a dash pattern per series (and a marker)."""
    name = chart.series[n]
    width = "3" if name in marks.added else "2"
    faint = ' stroke-opacity="0.55"' if name in marks.removed else ""
    return (
        f'fill="none" stroke="currentColor" stroke-width="{width}"{DASHES[n % len(DASHES)]}' + faint
    )


def _line(canvas: Canvas, figure: Figure, lang: str, marks: Marks) -> float:
    """Lines with a marker shape and a dash pattern per series, a key above that shows
    both, and each series' name beside its own last point."""
    chart = figure.chart
    assert chart is not None
    names = [marked(s, marks, lang) for s in chart.series]
    y = 14.0
    if len(names) > 1:

        def sample(n: int, x: float, y: float) -> str:
            mid = y - 4
            return (
                f'<path d="M{f(x)} {f(mid)}H{f(x + 28)}" {_line_style(chart, n, marks)}/>'
                + MARKERS[n % len(MARKERS)](x + 14, mid)
            )

        y = _legend(canvas, names, y, sample, width=28)
    flat = [v for row in chart.values for v in row if v is not None]
    ticks = _ticks(min([*flat, 0]), max([*flat, 0]))
    low, high = ticks[0], ticks[-1]
    count = len(chart.categories)
    series_points: list[list[tuple[int, float]]] = [
        [(i, v) for i, row in enumerate(chart.values) if (v := row[n]) is not None]
        for n in range(len(chart.series))
    ]
    last = [points[-1][0] if points else -1 for points in series_points]
    # Room on the right for the names of the series that run to the last category (the
    # others are named inside the plot, beside their own last point).
    at_end = [names[n] for n in range(len(names)) if last[n] == count - 1]
    edge = text_width(chart.categories[-1], SMALL) / 2 + 2 if chart.categories else 0
    right = max([min(text_width(n, SMALL), WIDTH * 0.3) + GAP + 2 for n in at_end] + [edge, 6])
    left = max(text_width(number(v, lang), SMALL) for v in ticks) + 8
    top, bottom = y + 4, y + 184
    plot_w = WIDTH - left - right

    def ypos(value: float) -> float:
        return bottom - (value - low) / ((high - low) or 1) * (bottom - top)

    def xpos(index: int) -> float:
        return left + (plot_w * index / (count - 1) if count > 1 else plot_w / 2)

    for tick in ticks:
        ty = ypos(tick)
        canvas.add(
            f'<path d="M{f(left)} {f(ty)}H{f(left + plot_w)}" stroke="currentColor" '
            'stroke-opacity="0.25" fill="none"/>'
        )
        canvas.text(left - 6, ty + 4, number(tick, lang), SMALL, "end")
    every = max(1, math.ceil(count * text_width("0000", SMALL) / plot_w))
    for index, category in enumerate(chart.categories):
        if index % every == 0 or index == count - 1:
            label = marked(category, marks, lang)
            canvas.text(xpos(index), bottom + 16, label, SMALL, "middle")
    ends: list[tuple[float, float, str]] = []
    for n, points in enumerate(series_points):
        if not points:
            continue
        xy = [(xpos(i), ypos(v)) for i, v in points]
        path = "M" + "L".join(f"{f(x)} {f(y)}" for x, y in xy)
        canvas.add(f'<path d="{path}" {_line_style(chart, n, marks)}/>')
        canvas.add("".join(MARKERS[n % len(MARKERS)](x, y) for x, y in xy))
        ends.append((xy[-1][1], xy[-1][0], names[n]))
    boxes: list[tuple[float, float, float, float]] = []
    lowest = bottom
    for point_y, point_x, name in sorted(ends):
        x = point_x + GAP
        lines = wrap(name, max(WIDTH - x, 40), SMALL)
        width = max(text_width(line, SMALL) for line in lines)
        height = len(lines) * SMALL * 1.25
        baseline = point_y + 4
        # Lower the label past every label it would cover.
        moved = True
        while moved:
            moved = False
            for x0, y0, x1, y1 in boxes:
                top_edge = baseline - SMALL
                if x < x1 and x0 < x + width and top_edge < y1 and y0 < top_edge + height:
                    baseline = y1 + SMALL + 1
                    moved = True
        boxes.append((x, baseline - SMALL, x + width, baseline - SMALL + height))
        canvas.lines(x, baseline, lines, SMALL, css="st-fig__end")
        lowest = max(lowest, baseline - SMALL + height)
    canvas.add(
        f'<path d="M{f(left)} {f(top)}V{f(bottom)}H{f(left + plot_w)}" stroke="currentColor" '
        'fill="none"/>'
    )
    y = max(bottom + 34, lowest + 8)
    if figure.unit:
        canvas.text(WIDTH, y, f"{t(lang, 'figure.unit')}: {figure.unit}", SMALL, "end")
        y += 8
    return y


def _process(canvas: Canvas, figure: Figure, lang: str, marks: Marks) -> float:
    """Steps top to bottom, numbered; planned and unverified steps are open circles with
    a dashed or dotted line and say so in words. A removed step (a changes view) has no
    number: a dashed circle with a cross."""
    y = 6.0
    phase = None
    centres: list[tuple[float, str]] = []
    numbers = step_numbers(figure, marks)
    for number_, step in zip(numbers, figure.steps, strict=True):
        if step.phase and step.phase != phase:
            phase = step.phase
            y += 12
            canvas.text(36, y + 4, marked(phase, marks, lang), css="st-fig__phase")
            canvas.add(
                f'<path d="M36 {f(y + 10)}H{WIDTH}" stroke="currentColor" stroke-opacity="0.4" '
                'fill="none"/>'
            )
            y += 22
        cy = y + 14
        dash = {"planned": ' stroke-dasharray="4 3"', "unverified": ' stroke-dasharray="1.5 2.5"'}
        if not number_:
            canvas.add(
                f'<circle cx="14" cy="{f(cy)}" r="11" fill="none" stroke="currentColor" '
                f'stroke-width="1.5"{REMOVED_DASH}/>'
                f'<path d="M9 {f(cy - 5)}L19 {f(cy + 5)}M19 {f(cy - 5)}L9 {f(cy + 5)}" '
                'stroke="currentColor" stroke-width="1.5" fill="none"/>'
            )
        elif step.status == "done":
            canvas.add(f'<circle cx="14" cy="{f(cy)}" r="12"/>')
            canvas.text(14, cy + 4.5, str(number_), anchor="middle", css="st-fig__on-fill")
        else:
            canvas.add(
                f'<circle cx="14" cy="{f(cy)}" r="11" fill="none" stroke="currentColor" '
                f'stroke-width="2"{dash.get(step.status, "")}/>'
            )
            canvas.text(14, cy + 4.5, str(number_), anchor="middle")
        centres.append((cy, step.status if number_ else "removed"))
        label_lines = wrap(marked(step.label, marks, lang), WIDTH - 36)
        canvas.lines(36, y + 10, label_lines, css="st-fig__label")
        y += 10 + len(label_lines) * FONT * 1.25
        status = step_status(step.status, lang)
        meta = ", ".join(x for x in (step.when, status.upper() if status else "") if x)
        if meta:
            meta_lines = wrap(meta, WIDTH - 36, SMALL)
            canvas.lines(36, y + 2, meta_lines, SMALL)
            y += len(meta_lines) * SMALL * 1.25
        y = max(y + 10, cy + 22)
    for (above, _), (below, status) in zip(centres, centres[1:], strict=False):
        style = ' stroke-dasharray="4 3"' if status != "done" else ""
        canvas.add(
            f'<path d="M14 {f(above + 12)}V{f(below - 12)}" stroke="currentColor" '
            f'stroke-width="2" fill="none"{style}/>'
        )
    return y


ADDED_LINK = ' stroke-width="3" stroke-dasharray="6 3"'
REMOVED_LINK = ' stroke-width="1.5" stroke-dasharray="1.5 3"'


def _mapping(canvas: Canvas, figure: Figure, lang: str, marks: Marks) -> float:
    """Two columns of boxes; a curve from each left item to each right item it feeds.
    In a changes view a new link is thick and dashed, a removed one dotted with an open
    arrowhead, and a key under the drawing says so."""
    m = figure.mapping
    assert m is not None
    box_w, gap = 124.0, 6.0
    y0 = 4.0
    heads = [wrap(m.left_title, box_w), wrap(m.right_title, box_w)]
    canvas.lines(0, y0 + FONT, heads[0], css="st-fig__phase")
    canvas.lines(WIDTH - box_w, y0 + FONT, heads[1], css="st-fig__phase")
    top = y0 + max(len(h) for h in heads) * FONT * 1.25 + 10

    def column(items: list[str], x: float) -> tuple[dict[str, float], float]:
        centres, y = {}, top
        for item in items:
            lines = wrap(marked(item, marks, lang), box_w - 12, SMALL)
            h = len(lines) * SMALL * 1.25 + 10
            extra = (
                ' stroke-width="2.5" stroke-dasharray="5 3"'
                if item in marks.added
                else f' stroke-width="1.5"{REMOVED_DASH}'
                if item in marks.removed
                else ""
            )
            canvas.add(
                f'<rect x="{f(x + 0.5)}" y="{f(y)}" width="{f(box_w - 1)}" height="{f(h)}" '
                f'rx="4" fill="none" stroke="currentColor"{extra}/>'
            )
            canvas.lines(x + 6, y + 5 + SMALL, lines, SMALL)
            centres[item] = y + h / 2
            y += h + gap
        return centres, y

    left, left_end = column(m.left, 0)
    right, right_end = column(m.right, WIDTH - box_w)
    x1, x2 = box_w, WIDTH - box_w
    kinds = set()
    for a, b in m.links:
        y1, y2 = left[a], right[b]
        mid = (x1 + x2) / 2
        key = link_label(a, b)
        kind = "added" if key in marks.added else "removed" if key in marks.removed else ""
        kinds.add(kind)
        style = {"added": ADDED_LINK, "removed": REMOVED_LINK}.get(kind, ' stroke-width="1.5"')
        canvas.add(
            f'<path d="M{f(x1)} {f(y1)}C{f(mid)} {f(y1)} {f(mid)} {f(y2)} {f(x2 - 6)} {f(y2)}" '
            f'fill="none" stroke="currentColor"{style}/>'
        )
        head = f"M{f(x2 - 7)} {f(y2 - 4)}L{f(x2)} {f(y2)}L{f(x2 - 7)} {f(y2 + 4)}Z"
        if kind == "removed":
            canvas.add(f'<path d="{head}" fill="none" stroke="currentColor"/>')
        else:
            canvas.add(f'<path d="{head}"/>')
    y = max(left_end, right_end)
    for kind, style in (("added", ADDED_LINK), ("removed", REMOVED_LINK)):
        if kind in kinds:
            y += 18
            canvas.add(f'<path d="M0 {f(y - 4)}H36" fill="none" stroke="currentColor"{style}/>')
            canvas.text(44, y, t(lang, f"figure.key.{kind}_link"), SMALL, css="st-fig__key")
    return y + (6 if kinds - {""} else 0)
