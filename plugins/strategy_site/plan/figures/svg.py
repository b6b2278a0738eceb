"""Figures drawn as inline SVG, written by hand (see benchmarks/README.md for why).

What every drawing promises: no script, no link to another host, the same bytes for the
same figure (no random ids, no floats printed at full precision), colours only through
`currentColor` (so light and dark mode, print and black and white all work), series told
apart by patterns and direct labels, and a `viewBox` that scales to 360 px. Text widths
are estimated, not measured, so that the output never depends on the fonts installed.
"""

from __future__ import annotations

import math

from ...model import BAR, LINE, MAPPING, PROCESS, Chart, Figure
from .words import description, number, step_status, t

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

WIDTH = 400
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
        if css == "st-fig__on-fill":
            # White on the dark mark where no stylesheet colours it (a PDF's renderer reads
            # SVG colours from attributes only); the site's stylesheet wins over it.
            attrs += ' fill="#fff"'
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

    def svg(self, figure: Figure, lang: str, height: float) -> str:
        """The drawing; search skips it (its words are in the caption and the table)."""
        d = self.dom_id
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="st-fig__svg" role="img" '
            f'viewBox="0 0 {WIDTH} {f(math.ceil(height))}" width="100%" '
            f'aria-labelledby="{d}-title {d}-desc" fill="currentColor" data-search-exclude="" '
            f'font-size="{FONT}">'
            f'<title id="{d}-title">{esc(figure.title)}</title>'
            f'<desc id="{d}-desc">{esc(description(figure, lang))}</desc>'
            + self.defs()
            + "".join(self.parts)
            + "</svg>"
        )


def render_svg(figure: Figure, dom_id: str, lang: str, added: frozenset[str] = frozenset()) -> str:
    """The figure as one inline <svg>; labels in `added` are marked new (changes view)."""
    canvas = Canvas(dom_id)
    draw = {BAR: _bar, LINE: _line, PROCESS: _process, MAPPING: _mapping}[figure.kind]
    height = draw(canvas, figure, lang, added)
    return canvas.svg(figure, lang, height)


def _label(text: str, added: frozenset[str], lang: str) -> str:
    return f"{text} ({t(lang, 'figure.added')})" if text in added else text


def _legend(canvas: Canvas, chart: Chart, y: float, added: frozenset[str], lang: str) -> float:
    x = 0.0
    for n, name in enumerate(chart.series):
        label = _label(name, added, lang)
        width = 22 + text_width(label) + 14
        if x and x + width > WIDTH:
            x, y = 0.0, y + 22
        canvas.add(
            f'<rect x="{f(x)}" y="{f(y - 11)}" width="14" height="14" fill="{canvas.fill(n)}" '
            'stroke="currentColor"/>'
        )
        canvas.text(x + 20, y + 1, label)
        x += width
    return y + 22


def _bar(canvas: Canvas, figure: Figure, lang: str, added: frozenset[str]) -> float:
    """Horizontal bars: long category names read well at 360 px; values at the bar ends."""
    chart = figure.chart
    assert chart is not None
    several = len(chart.series) > 1
    y = 14.0
    if chart.stacked and several:
        y = _legend(canvas, chart, y, added, lang) + 4
    totals = [sum(v or 0 for v in row) for row in chart.values]
    flat = [v for row in chart.values for v in row if v is not None]
    high = max([*(totals if chart.stacked else flat), 0])
    low = min([*flat, 0]) if not chart.stacked else 0
    ends = [number(v, lang) for v in (totals if chart.stacked else flat)]
    if several and not chart.stacked:
        ends = [f"{s}: {e}" for s, e in zip(chart.series * len(chart.values), ends, strict=False)]
    room = max([text_width(e, SMALL) for e in ends] + [0]) + 8
    span = max(WIDTH - room - 2, 120)
    scale = span / ((high - low) or 1)
    zero = 1 + (-low) * scale
    bar = 16
    for category, values, total in zip(chart.categories, chart.values, totals, strict=True):
        lines = wrap(_label(category, added, lang), WIDTH)
        canvas.lines(0, y, lines, css="st-fig__label")
        y += (len(lines) - 1) * FONT * 1.25 + 6
        css = ' class="st-fig__added"' if category in added else ""
        if chart.stacked:
            x = zero
            for n, value in enumerate(values):
                width = (value or 0) * scale
                if width > 0:
                    canvas.add(
                        f'<rect x="{f(x)}" y="{f(y)}" width="{f(width)}" height="{bar}" '
                        f'fill="{canvas.fill(n)}" stroke="currentColor"{css}/>'
                    )
                x += width
            canvas.text(x + 4, y + bar - 4, number(total, lang), SMALL)
            y += bar + 4
        else:
            for n, (name, value) in enumerate(zip(chart.series, values, strict=True)):
                width = abs(value or 0) * scale
                start = zero if (value or 0) >= 0 else zero - width
                if value is not None:
                    canvas.add(
                        f'<rect x="{f(start)}" y="{f(y)}" width="{f(width)}" height="{bar}" '
                        f'fill="{canvas.fill(n)}" stroke="currentColor"{css}/>'
                    )
                end = number(value, lang)
                if several:
                    end = f"{_label(name, added, lang)}: {end}"
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


def _line(canvas: Canvas, figure: Figure, lang: str, added: frozenset[str]) -> float:
    chart = figure.chart
    assert chart is not None
    flat = [v for row in chart.values for v in row if v is not None]
    ticks = _ticks(min([*flat, 0]), max([*flat, 0]))
    low, high = ticks[0], ticks[-1]
    names = [_label(s, added, lang) for s in chart.series]
    right = min(max(text_width(n, SMALL) for n in names) + 12, 150)
    left = max(text_width(number(v, lang), SMALL) for v in ticks) + 8
    top, bottom = 12.0, 220.0
    plot_w = WIDTH - left - right

    def ypos(value: float) -> float:
        return bottom - (value - low) / ((high - low) or 1) * (bottom - top)

    count = len(chart.categories)

    def xpos(index: int) -> float:
        return left + (plot_w * index / (count - 1) if count > 1 else plot_w / 2)

    for tick in ticks:
        y = ypos(tick)
        canvas.add(
            f'<path d="M{f(left)} {f(y)}H{f(left + plot_w)}" stroke="currentColor" '
            'stroke-opacity="0.25" fill="none"/>'
        )
        canvas.text(left - 6, y + 4, number(tick, lang), SMALL, "end")
    every = max(1, math.ceil(count * text_width("0000", SMALL) / plot_w))
    for index, category in enumerate(chart.categories):
        if index % every == 0 or index == count - 1:
            canvas.text(xpos(index), bottom + 16, _label(category, added, lang), SMALL, "middle")
    ends: list[tuple[float, str]] = []
    for n, name in enumerate(names):
        points = [
            (xpos(i), ypos(row[n])) for i, row in enumerate(chart.values) if row[n] is not None
        ]
        if not points:
            continue
        path = "M" + "L".join(f"{f(x)} {f(y)}" for x, y in points)
        width = "3" if chart.series[n] in added else "2"
        canvas.add(
            f'<path d="{path}" fill="none" stroke="currentColor" stroke-width="{width}"'
            f"{DASHES[n % len(DASHES)]}/>"
        )
        canvas.add("".join(MARKERS[n % len(MARKERS)](x, y) for x, y in points))
        ends.append((points[-1][1], name))
    placed = -1e9
    for y, name in sorted(ends):
        y = max(y + 4, placed + SMALL + 2)
        canvas.text(left + plot_w + 8, y, name, SMALL)
        placed = y
    canvas.add(
        f'<path d="M{f(left)} {f(top)}V{f(bottom)}H{f(left + plot_w)}" stroke="currentColor" '
        'fill="none"/>'
    )
    y = bottom + 34
    if figure.unit:
        canvas.text(WIDTH, y, f"{t(lang, 'figure.unit')}: {figure.unit}", SMALL, "end")
        y += 8
    return max(y, placed + 8)


def _process(canvas: Canvas, figure: Figure, lang: str, added: frozenset[str]) -> float:
    """Steps top to bottom, numbered; planned and unverified steps are open circles with
    a dashed or dotted line and say so in words."""
    y = 6.0
    phase = None
    centres: list[tuple[float, float, str]] = []
    for n, step in enumerate(figure.steps, 1):
        if step.phase and step.phase != phase:
            phase = step.phase
            y += 12
            canvas.text(36, y + 4, _label(phase, added, lang), css="st-fig__phase")
            canvas.add(
                f'<path d="M36 {f(y + 10)}H{WIDTH}" stroke="currentColor" stroke-opacity="0.4" '
                'fill="none"/>'
            )
            y += 22
        cy = y + 14
        dash = {"planned": ' stroke-dasharray="4 3"', "unverified": ' stroke-dasharray="1.5 2.5"'}
        style = dash.get(step.status, "")
        if step.status == "done":
            canvas.add(f'<circle cx="14" cy="{f(cy)}" r="12"/>')
            canvas.text(14, cy + 4.5, str(n), anchor="middle", css="st-fig__on-fill")
        else:
            canvas.add(
                f'<circle cx="14" cy="{f(cy)}" r="11" fill="none" stroke="currentColor" '
                f'stroke-width="2"{style}/>'
            )
            canvas.text(14, cy + 4.5, str(n), anchor="middle")
        centres.append((cy, y, step.status))
        label_lines = wrap(_label(step.label, added, lang), WIDTH - 36)
        canvas.lines(36, y + 10, label_lines, css="st-fig__label")
        y += 10 + len(label_lines) * FONT * 1.25
        status = step_status(step.status, lang)
        meta = ", ".join(x for x in (step.when, status.upper() if status else "") if x)
        if meta:
            meta_lines = wrap(meta, WIDTH - 36, SMALL)
            canvas.lines(36, y + 2, meta_lines, SMALL)
            y += len(meta_lines) * SMALL * 1.25
        y = max(y + 10, cy + 22)
    for (above, _, _), (below, _, status) in zip(centres, centres[1:], strict=False):
        style = ' stroke-dasharray="4 3"' if status != "done" else ""
        canvas.add(
            f'<path d="M14 {f(above + 12)}V{f(below - 12)}" stroke="currentColor" '
            f'stroke-width="2" fill="none"{style}/>'
        )
    return y


def _mapping(canvas: Canvas, figure: Figure, lang: str, added: frozenset[str]) -> float:
    """Two columns of boxes; a curve from each left item to each right item it feeds."""
    m = figure.mapping
    assert m is not None
    box_w, gap = 160.0, 6.0
    y0 = 4.0
    heads = [wrap(m.left_title, box_w), wrap(m.right_title, box_w)]
    canvas.lines(0, y0 + FONT, heads[0], css="st-fig__phase")
    canvas.lines(WIDTH - box_w, y0 + FONT, heads[1], css="st-fig__phase")
    top = y0 + max(len(h) for h in heads) * FONT * 1.25 + 10

    def column(items: list[str], x: float) -> tuple[dict[str, float], float]:
        centres, y = {}, top
        for item in items:
            lines = wrap(_label(item, added, lang), box_w - 12, SMALL)
            h = len(lines) * SMALL * 1.25 + 10
            extra = ' stroke-width="2.5" stroke-dasharray="5 3"' if item in added else ""
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
    for a, b in m.links:
        y1, y2 = left[a], right[b]
        mid = (x1 + x2) / 2
        new = f"{a} → {b}" in added
        width = ' stroke-width="3" stroke-dasharray="6 3"' if new else ' stroke-width="1.5"'
        canvas.add(
            f'<path d="M{f(x1)} {f(y1)}C{f(mid)} {f(y1)} {f(mid)} {f(y2)} {f(x2 - 6)} {f(y2)}" '
            f'fill="none" stroke="currentColor"{width}/>'
        )
        canvas.add(f'<path d="M{f(x2 - 7)} {f(y2 - 4)}L{f(x2)} {f(y2)}L{f(x2 - 7)} {f(y2 + 4)}Z"/>')
    return max(left_end, right_end)
