"""What changed between two versions of a figure.

Every kind of figure is first seen as one data table (a chart: a row per category and
a column per series; a process: a row per step; a mapping: a row per link), so that one
comparison serves them all: rows and columns added or removed, and cells whose value
went from old to new. The words around the data (title, caption, source, note, unit)
are compared one by one.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ..model import MAPPING, PROCESS, Chart, Figure, Mapping

Value = float | str | None
Row = tuple[tuple[str, ...], tuple[Value, ...]]

# Column names that are the site's own words (translated where the table is drawn).
STEP = "@step"
PHASE = "@phase"
WHEN = "@when"
STATUS = "@status"

EQUAL = "equal"
INSERTED = "inserted"
DELETED = "deleted"
CHANGED = "changed"

TEXT_FIELDS = ("title", "caption", "source", "note", "unit")


@dataclass(frozen=True)
class DataTable:
    """A figure's data as a table: key cells say what a row is about, values follow."""

    key_columns: list[str]
    columns: list[str]
    rows: list[Row]


def data_table(figure: Figure) -> DataTable:
    if figure.kind == PROCESS:
        columns = [PHASE, WHEN, STATUS] if any(s.phase for s in figure.steps) else [WHEN, STATUS]
        rows: list[Row] = []
        for step in figure.steps:
            cells: tuple[Value, ...] = (step.when, step.status)
            rows.append(((step.label,), (step.phase, *cells) if PHASE in columns else cells))
        return DataTable([STEP], columns, rows)
    if figure.kind == MAPPING:
        assert figure.mapping is not None
        m = figure.mapping
        linked = {a for a, _ in m.links} | {b for _, b in m.links}
        links: list[Row] = [((a, b), ()) for a in m.left for (x, b) in m.links if x == a]
        links += [((a, ""), ()) for a in m.left if a not in linked]
        links += [(("", b), ()) for b in m.right if b not in linked]
        return DataTable([m.left_title, m.right_title], [], links)
    assert figure.chart is not None
    chart = figure.chart
    values: list[Row] = [
        ((c,), tuple(v)) for c, v in zip(chart.categories, chart.values, strict=True)
    ]
    return DataTable([chart.axis], list(chart.series), values)


@dataclass(frozen=True)
class RowDiff:
    key: tuple[str, ...]
    status: str  # EQUAL (cells may still have changed), INSERTED or DELETED
    cells: tuple[tuple[Value, Value], ...]  # (old, new) per column of the diff


@dataclass
class FigureDiff:
    """Two versions of one figure, as the changes view shows them."""

    old: Figure
    new: Figure
    key_columns: list[str]
    columns: list[tuple[str, str]]  # (name, EQUAL / INSERTED / DELETED)
    rows: list[RowDiff]
    texts: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # changed

    @property
    def changed(self) -> bool:
        return (
            bool(self.texts)
            or self.old.kind != self.new.kind
            or any(status != EQUAL for _, status in self.columns)
            or any(row.status != EQUAL or old != new for row in self.rows for old, new in row.cells)
            or any(row.status != EQUAL for row in self.rows)
        )

    def added_keys(self) -> set[str]:
        """Labels of what is new in the figure (bars, series, steps, items, links): the
        drawing marks them."""
        return _labels(self.new) - _labels(self.old)

    def removed_keys(self) -> set[str]:
        """Labels of what the old figure had and the new one has not."""
        return _labels(self.old) - _labels(self.new)

    def drawing(self) -> tuple[Figure, Marks]:
        """What the changes view draws: the new figure with what was removed put back
        where it stood, and which of its labels are new or removed."""
        if self.old.kind != self.new.kind:
            return self.new, Marks()
        marks = Marks(frozenset(self.added_keys()), frozenset(self.removed_keys()))
        return merged(self.old, self.new), marks


@dataclass(frozen=True)
class Marks:
    """Labels of a drawing to mark as new or as removed (a changes view); link labels
    read 'left → right'."""

    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()


def link_label(left: str, right: str) -> str:
    return f"{left} → {right}"


def merged(old: Figure, new: Figure) -> Figure:
    """`new` with what only `old` had put back after its predecessor (as _merge orders
    rows): removed bars keep their old values, removed steps and links their place."""
    if new.chart is not None and old.chart is not None:
        a, b = old.chart, new.chart
        series = [name for name, _ in _merge(a.series, b.series)]
        categories = [name for name, _ in _merge(a.categories, b.categories)]
        old_values = _chart_cells(a)
        new_values = _chart_cells(b)
        values = [
            [
                (new_values if c in b.categories and s in b.series else old_values).get((c, s))
                for s in series
            ]
            for c in categories
        ]
        chart = Chart(b.axis, series, categories, values, b.stacked, b.data)
        return dataclasses.replace(new, chart=chart)
    if new.mapping is not None and old.mapping is not None:
        m, n = old.mapping, new.mapping
        mapping = Mapping(
            n.left_title,
            n.right_title,
            [item for item, _ in _merge(m.left, n.left)],
            [item for item, _ in _merge(m.right, n.right)],
            [link for link, _ in _merge(m.links, n.links)],
        )
        return dataclasses.replace(new, mapping=mapping)
    if new.kind == PROCESS:
        by_label = {step.label: step for step in old.steps}
        by_label.update({step.label: step for step in new.steps})
        labels = _merge([s.label for s in old.steps], [s.label for s in new.steps])
        return dataclasses.replace(new, steps=[by_label[label] for label, _ in labels])
    return new


def _chart_cells(chart: Chart) -> dict[tuple[str, str], float | None]:
    return {
        (category, name): value
        for category, row in zip(chart.categories, chart.values, strict=True)
        for name, value in zip(chart.series, row, strict=True)
    }


def _labels(figure: Figure) -> set[str]:
    if figure.chart is not None:
        return {*figure.chart.series, *figure.chart.categories}
    if figure.mapping is not None:
        m = figure.mapping
        return {*m.left, *m.right, *(link_label(a, b) for a, b in m.links)}
    return {step.label for step in figure.steps} | {step.phase for step in figure.steps}


def diff_figures(old: Figure, new: Figure) -> FigureDiff:
    before, after = data_table(old), data_table(new)
    columns = _merge(before.columns, after.columns)
    old_rows = dict(before.rows)
    new_rows = dict(after.rows)
    keys = _merge([k for k, _ in before.rows], [k for k, _ in after.rows])
    rows = []
    for key, status in keys:
        old_cells = _cells(before.columns, old_rows.get(key))
        new_cells = _cells(after.columns, new_rows.get(key))
        cells = tuple((old_cells.get(name), new_cells.get(name)) for name, _ in columns)
        rows.append(RowDiff(key, status, cells))
    texts = {}
    for name in TEXT_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            texts[name] = (a, b)
    key_columns = after.key_columns
    return FigureDiff(old, new, key_columns, columns, rows, texts)


def _cells(columns: list[str], values: tuple[Value, ...] | None) -> dict[str, Value]:
    return dict(zip(columns, values, strict=True)) if values is not None else {}


def _merge(old: list[Any], new: list[Any]) -> list[tuple[Any, str]]:
    """The new order, with what only the old list had put back after its predecessor."""
    result = [(item, EQUAL if item in old else INSERTED) for item in new]
    for index, item in enumerate(old):
        if item in new:
            continue
        position = 0
        for earlier in reversed(old[:index]):
            found = [i for i, (x, _) in enumerate(result) if x == earlier]
            if found:
                position = found[0] + 1
                break
        result.insert(position, (item, DELETED))
    return result
