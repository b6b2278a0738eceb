"""The words around a figure: numbers as a reader of the language writes them, and the
text alternative (the SVG's description), which says what the drawing shows."""

from __future__ import annotations

from babel import UnknownLocaleError
from babel.numbers import format_decimal

from ...derive.figure_diff import Marks, link_label
from ...model import BAR, LINE, MAPPING, PROCESS, Figure
from ..texts import t

NO_MARKS = Marks()


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


def marked(text: str, marks: Marks, lang: str, key: str | None = None) -> str:
    """A label as the drawing writes it: '2020 (ny)', 'Ideellt (borttagen)'. `key` is
    what the marks name, when it is not the label itself (a link)."""
    key = text if key is None else key
    if key in marks.added:
        return f"{text} ({t(lang, 'figure.added')})"
    if key in marks.removed:
        return f"{text} ({t(lang, 'figure.removed')})"
    return text


def step_numbers(figure: Figure, marks: Marks) -> list[int]:
    """Each step's number; 0 for a removed step, which the new process does not count."""
    numbers, count = [], 0
    for step in figure.steps:
        removed = step.label in marks.removed
        count += 0 if removed else 1
        numbers.append(0 if removed else count)
    return numbers


def description(figure: Figure, lang: str, marks: Marks = NO_MARKS) -> str:
    """Everything the drawing shows, as one text for screen readers; in a changes view
    what is new or removed says so, as in the drawing."""

    def m(text: str) -> str:
        return marked(text, marks, lang)

    if figure.kind in (BAR, LINE):
        chart = figure.chart
        assert chart is not None
        kind = "figure.kind.stacked" if chart.stacked else f"figure.kind.{figure.kind}"
        parts = []
        for category, values in zip(chart.categories, chart.values, strict=True):
            cells = ", ".join(
                f"{m(name)} {with_unit(v, figure, lang)}"
                if len(chart.series) > 1
                else with_unit(v, figure, lang)
                for name, v in zip(chart.series, values, strict=True)
            )
            parts.append(f"{m(category)}: {cells}")
        return f"{t(lang, kind, unit=figure.unit or '')} " + "; ".join(parts) + "."
    if figure.kind == PROCESS:
        parts = []
        numbers = step_numbers(figure, marks)
        for number_, step in zip(numbers, figure.steps, strict=True):
            extra = ", ".join(x for x in (step.when, step_status(step.status, lang)) if x)
            phase = f"{m(step.phase)}: " if step.phase else ""
            start = f"{number_}." if number_ else "–"
            parts.append(f"{start} {phase}{m(step.label)}" + (f" ({extra})" if extra else ""))
        count = sum(1 for n in numbers if n)
        return t(lang, "figure.kind.process", count=count) + " " + "; ".join(parts) + "."
    assert figure.kind == MAPPING and figure.mapping is not None
    parts = []
    mapping = figure.mapping
    for item in mapping.left:
        targets = [marked(b, marks, lang, link_label(a, b)) for a, b in mapping.links if a == item]
        shown = ", ".join(targets) if targets else t(lang, "figure.no_link")
        parts.append(f"{m(item)} → {shown}")
    intro = t(lang, "figure.kind.mapping", left=mapping.left_title, right=mapping.right_title)
    return f"{intro} " + "; ".join(parts) + "."
