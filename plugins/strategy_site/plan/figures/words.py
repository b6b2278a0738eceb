"""The words around a figure: numbers as a reader of the language writes them, and the
text alternative (the SVG's description), which says what the drawing shows."""

from __future__ import annotations

from babel import UnknownLocaleError
from babel.numbers import format_decimal

from ...model import BAR, LINE, MAPPING, PROCESS, Figure
from ..texts import t


def number(value: float | None, lang: str) -> str:
    """A number as the language writes it (12,5 in Swedish, 12.5 in English), from CLDR;
    thousands grouped, at most two decimals."""
    if value is None:
        return "–"
    try:
        return format_decimal(value, format="#,##0.##", locale=lang)
    except (UnknownLocaleError, ValueError):
        return f"{value:,.2f}".rstrip("0").rstrip(".")


def with_unit(value: float | None, figure: Figure, lang: str) -> str:
    if value is None or not figure.unit:
        return number(value, lang)
    unit = figure.unit
    return f"{number(value, lang)}{'' if unit == '%' else ' '}{unit}"


def step_status(status: str, lang: str) -> str:
    """'' for a step that happened; 'planned' or 'unverified' in the reader's language."""
    return "" if status == "done" else t(lang, f"figure.status.{status}")


def description(figure: Figure, lang: str) -> str:
    """Everything the drawing shows, as one text for screen readers."""
    if figure.kind in (BAR, LINE):
        chart = figure.chart
        assert chart is not None
        kind = "figure.kind.stacked" if chart.stacked else f"figure.kind.{figure.kind}"
        parts = []
        for category, values in zip(chart.categories, chart.values, strict=True):
            cells = ", ".join(
                f"{name} {with_unit(v, figure, lang)}"
                if len(chart.series) > 1
                else with_unit(v, figure, lang)
                for name, v in zip(chart.series, values, strict=True)
            )
            parts.append(f"{category}: {cells}")
        return f"{t(lang, kind, unit=figure.unit or '')} " + "; ".join(parts) + "."
    if figure.kind == PROCESS:
        parts = []
        for n, step in enumerate(figure.steps, 1):
            extra = ", ".join(x for x in (step.when, step_status(step.status, lang)) if x)
            phase = f"{step.phase}: " if step.phase else ""
            parts.append(f"{n}. {phase}{step.label}" + (f" ({extra})" if extra else ""))
        return (
            t(lang, "figure.kind.process", count=len(figure.steps)) + " " + "; ".join(parts) + "."
        )
    assert figure.kind == MAPPING and figure.mapping is not None
    m = figure.mapping
    parts = []
    for item in m.left:
        targets = [b for a, b in m.links if a == item]
        parts.append(f"{item} → {', '.join(targets) if targets else t(lang, 'figure.no_link')}")
    intro = t(lang, "figure.kind.mapping", left=m.left_title, right=m.right_title)
    return f"{intro} " + "; ".join(parts) + "."
