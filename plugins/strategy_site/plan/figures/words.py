"""The words around a figure: numbers as a reader of the language writes them, and the
text alternative (the SVG's description), which says what the drawing shows."""

from __future__ import annotations

from ...model import BAR, LINE, MAPPING, PROCESS, Figure

# The site's own words about figures, kept here beside their only user.
STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "figure.label": "Figur",
        "figure.source": "Källa",
        "figure.unit": "Enhet",
        "figure.data": "Figurens data som tabell",
        "figure.status.planned": "planerat",
        "figure.status.unverified": "ej bekräftat",
        "figure.status.done": "genomfört",
        "figure.kind.bar": "Stapeldiagram, i {unit}.",
        "figure.kind.stacked": "Staplat stapeldiagram, i {unit}.",
        "figure.kind.line": "Linjediagram, i {unit}.",
        "figure.kind.process": "En process i {count} steg:",
        "figure.kind.mapping": "Hur {left} förs till {right}:",
        "figure.no_link": "ingen koppling",
        "figure.added": "ny",
        "figure.col.@step": "Steg",
        "figure.col.@phase": "Fas",
        "figure.col.@when": "När",
        "figure.col.@status": "Status",
        "figure.missing": "Figuren är ännu inte översatt och visas på svenska.",
        "figure.outdated": "Figurens översättning kan vara inaktuell: den svenska figuren har "
        "ändrats sedan den översattes.",
        "figure.changed": "Figuren har ändrats. Tabellen visar gamla och nya värden.",
        "figure.changed_in_section": "En figur i avsnittet har ändrats; visa ändringarna för "
        "att se vad.",
        "figure.unchanged": "Figuren är oförändrad.",
        "figure.added_figure": "Figuren är ny i den här versionen.",
        "figure.removed_figure": "Figuren finns inte längre i den här versionen.",
        "figure.text.title": "Rubrik",
        "figure.text.caption": "Bildtext",
        "figure.text.source": "Källa",
        "figure.text.note": "Anmärkning",
        "figure.text.unit": "Enhet",
    },
    "en": {
        "figure.label": "Figure",
        "figure.source": "Source",
        "figure.unit": "Unit",
        "figure.data": "The figure's data as a table",
        "figure.status.planned": "planned",
        "figure.status.unverified": "unverified",
        "figure.status.done": "done",
        "figure.kind.bar": "Bar chart, in {unit}.",
        "figure.kind.stacked": "Stacked bar chart, in {unit}.",
        "figure.kind.line": "Line chart, in {unit}.",
        "figure.kind.process": "A process in {count} steps:",
        "figure.kind.mapping": "How {left} lead into {right}:",
        "figure.no_link": "no link",
        "figure.added": "new",
        "figure.col.@step": "Step",
        "figure.col.@phase": "Phase",
        "figure.col.@when": "When",
        "figure.col.@status": "Status",
        "figure.missing": "This figure has not been translated yet and is shown in Swedish.",
        "figure.outdated": "This figure's translation may be out of date: the Swedish figure "
        "has changed since it was translated.",
        "figure.changed": "The figure has changed. The table shows old and new values.",
        "figure.changed_in_section": "A figure in this section has changed; show the changes "
        "to see what.",
        "figure.unchanged": "The figure is unchanged.",
        "figure.added_figure": "The figure is new in this version.",
        "figure.removed_figure": "The figure is no longer in this version.",
        "figure.text.title": "Title",
        "figure.text.caption": "Caption",
        "figure.text.source": "Source",
        "figure.text.note": "Note",
        "figure.text.unit": "Unit",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """A figure word in `lang` (English for languages without their own table)."""
    template = (STRINGS.get(lang) or STRINGS["en"]).get(key) or STRINGS["en"][key]
    return template.format(**values) if values else template


def number(value: float | None, lang: str) -> str:
    """12,5 in Swedish, 12.5 in English; thousands grouped; at most two decimals."""
    if value is None:
        return "–"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "sv":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text.replace("-", "\u2212")


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
