"""Figures as data: reading `figurer/<id>.yml` (and its CSV) and checking where they stand.

A figure is small YAML an editor writes without a charting library: a kind (bar, line,
process, mapping), a title, a caption, a source, a unit where there are numbers, and its
data. Translations are `figurer/<id>.<lang>.yml` with the words only. A section places a
figure with one line of its own, `![[figur: <id>]]`. Every problem is logged as
`path:line` like the rest of the loader, so `strategi check` and the build agree.
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..model import (
    BAR,
    FIGURE_KINDS,
    LINE,
    MAPPING,
    PROCESS,
    STEP_STATES,
    Chart,
    Figure,
    FigureTranslation,
    Mapping,
    Step,
)
from .markdown_links import body_lines
from .problems import ProblemLog, plural
from .yamlfile import LANGUAGE_PATTERN, Fields, describe, read_yaml_file

FOLDER = "figurer"
FIGURE_FILE = re.compile(
    rf"^figurer/(?P<id>[a-z0-9][a-z0-9-]*)(?:\.(?P<lang>{LANGUAGE_PATTERN}))?\.yml$"
)

PLACEMENT = re.compile(r"^!\[\[figur:\s*(?P<id>[^\]\s]*)\s*\]\]\s*$")
"""A figure in a section: `![[figur: <id>]]` on a line of its own."""
PLACEMENT_START = "![[figur"
PLACEMENT_HINT = (
    "Place a figure on a line of its own, with a blank line before and after: "
    "![[figur: <id>]], where <id> is the name of figurer/<id>.yml."
)

COMMON_KEYS = ("kind", "title", "caption", "source", "note")
CHART_KEYS = (*COMMON_KEYS, "unit", "columns", "rows", "data", "stacked")
KEYS = {
    BAR: CHART_KEYS,
    LINE: tuple(k for k in CHART_KEYS if k != "stacked"),
    PROCESS: (*COMMON_KEYS, "steps"),
    MAPPING: (*COMMON_KEYS, "left", "right", "links"),
}
STEP_KEYS = ("label", "when", "status", "phase")
SIDE_KEYS = ("title", "items")
LINK_KEYS = ("from", "to")
# What every figure says in words besides its title, and how to write it: readers of a
# drawing need to know what it shows and where its data comes from.
WORDS = {
    "caption": "Every figure has a caption: one or two sentences on what it shows, e.g. "
    "'caption: Antal deltagare i workshopparna 2018–2020.'",
    "source": "Every figure says where its data comes from, e.g. 'source: Regionens "
    "deltagarlistor'. For a drawing of your own, name what it is based on.",
}
UNIT_HINT = "A chart says the unit of its numbers, e.g. 'unit: personer' or 'unit: \"%\"'."
TRANSLATION_KEYS = ("title", "caption", "source", "note", "unit", "labels", "source_hash")


def figure_file(relative: str) -> tuple[str, str | None] | None:
    """(figure id, language or None) for a path inside a version folder, if it is one."""
    match = FIGURE_FILE.match(relative)
    return (match["id"], match["lang"]) if match else None


# -- placement in sections ---------------------------------------------------------


def placements(body: str) -> list[tuple[int, str]]:
    """(line index, figure id) of every figure placed in a body, outside code blocks."""
    found = []
    for index, line, in_code in body_lines(body):
        match = None if in_code else PLACEMENT.match(line)
        if match:
            found.append((index, match["id"]))
    return found


def check_placements(
    path: Path,
    body: str,
    first_line: int,
    folder: Path,
    figures: dict[str, Figure],
    log: ProblemLog,
) -> None:
    """Every `![[figur: ...]]` names a figure of the version and stands as its own block.

    A figure whose file exists but is broken has had its own problems reported."""
    lines = body.split("\n")
    for index, line, in_code in body_lines(body):
        if in_code or PLACEMENT_START not in line:
            continue
        number = first_line + index
        match = PLACEMENT.match(line)
        if match is None:
            log.add(path, number, "a figure must stand alone on its line", PLACEMENT_HINT)
            continue
        figure_id = match["id"]
        blank_before = index == 0 or not lines[index - 1].strip()
        blank_after = index + 1 >= len(lines) or not lines[index + 1].strip()
        if not (blank_before and blank_after):
            log.add(
                path,
                number,
                "a figure needs a blank line before and after it",
                PLACEMENT_HINT,
            )
        if figure_id not in figures and not (folder / FOLDER / f"{figure_id}.yml").is_file():
            defined = ", ".join(sorted(figures)) or "none yet"
            log.add(
                path,
                number,
                f"the figure '{figure_id}' is placed here but not defined",
                f"Create {FOLDER}/{figure_id}.yml in the version's folder, or correct the "
                f"name. Figures of this version: {defined}.",
            )


# -- figure files -----------------------------------------------------------------


def read_figure(path: Path, figure_id: str, log: ProblemLog) -> Figure | None:
    """One figure file, checked; None (with every problem logged) when it cannot be used."""
    fields = Fields.of(read_yaml_file(path, log), path, log, 1, "a figure file")
    if fields is None:
        return None
    kind = fields.text("kind")
    if kind not in FIGURE_KINDS:
        fields.problem(
            "kind" if "kind" in fields.data else None,
            f"unknown kind of figure: {describe(kind)}" if kind else "'kind' is missing",
            f"Write 'kind:' and one of: {', '.join(FIGURE_KINDS)}.",
        )
        return None
    chart_kind = kind in (BAR, LINE)
    required = ["kind", "title"] + (["columns"] if chart_kind else [])
    required += {PROCESS: ["steps"], MAPPING: ["left", "right", "links"]}.get(kind, [])
    words = {**WORDS, **({"unit": UNIT_HINT} if chart_kind else {})}
    fields.check_keys(KEYS[kind], required=[*required, *words], hints=words)
    problems_before = len(log.problems)
    figure = Figure(
        id=figure_id,
        kind=kind,
        path=path,
        title=fields.text("title") or figure_id,
        caption=fields.text("caption"),
        source=fields.text("source"),
        note=fields.text("note"),
        unit=fields.text("unit") if chart_kind else None,
    )
    if chart_kind:
        figure.chart = _read_chart(fields, kind)
    elif kind == PROCESS:
        figure.steps = _read_steps(fields)
    else:
        figure.mapping = _read_mapping(fields)
    return figure if len(log.problems) == problems_before else None


def _read_chart(fields: Fields, kind: str) -> Chart | None:
    columns = _unique_texts(fields, "columns", "column")
    if len(columns) < 2:
        if columns:
            fields.problem(
                "columns",
                "a chart needs at least two columns: the labels and one series of numbers",
                "List the columns, e.g. 'columns: [År, Jämtland, Riket]'.",
            )
        return None
    stacked = fields.data.get("stacked", False)
    if not isinstance(stacked, bool):
        fields.problem("stacked", "'stacked' should be true or false", "Write 'stacked: true'.")
        stacked = False
    if ("rows" in fields.data) == ("data" in fields.data):
        fields.problem(
            None,
            "a chart needs its numbers either under 'rows' or in a CSV file named by 'data'",
            "Add 'rows:' with one line per category, or 'data: <name>.csv' (not both).",
        )
        return None
    rows = _csv_rows(fields, columns) if "data" in fields.data else _yaml_rows(fields, columns)
    axis, series = columns[0], columns[1:]
    categories: list[str] = []
    values: list[list[float | None]] = []
    for cells, where in rows:
        path, line = where
        label = cells.get(axis)
        if label is None or not str(label).strip():
            fields.log.add(
                path, line, f"the row has no '{axis}'", f"Give each row a value for '{axis}'."
            )
            continue
        categories.append(_as_text(label))
        values.append([_number(cells.get(name), name, path, line, fields.log) for name in series])
    if not categories:
        fields.problem("rows" if "rows" in fields.data else "data", "the chart has no rows")
    if kind == LINE and stacked:
        fields.problem("stacked", "'stacked' is for bar charts only")
    data = fields.text("data") if "data" in fields.data else None
    return Chart(axis, series, categories, values, stacked, data)


def _yaml_rows(fields: Fields, columns: list[str]) -> list[tuple[dict[str, Any], tuple[Path, int]]]:
    result = []
    for item, line in fields.items("rows"):
        if not isinstance(item, CommentedMap):
            fields.log.add(
                fields.path,
                line,
                f"a row should be a mapping of column and value, not {describe(item)}",
                f"Write rows like '- {{{columns[0]}: 2019, {columns[1]}: 12}}'.",
            )
            continue
        cells = {}
        for key, value in item.items():
            name = _as_text(key)
            if name not in columns:
                fields.log.add(
                    fields.path,
                    item.lc.key(key)[0] + 1 + fields.offset,
                    f"unknown column '{name}'",
                    f"The columns are: {', '.join(columns)}. Add it to 'columns' or correct "
                    "the name.",
                )
                continue
            cells[name] = value
        result.append((cells, (fields.path, line)))
    return result


def _csv_rows(fields: Fields, columns: list[str]) -> list[tuple[dict[str, Any], tuple[Path, int]]]:
    name = fields.text("data") or ""
    path = fields.path.parent / name
    if (
        not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.csv", name)
        or not path.is_file()
        or path.is_symlink()
    ):
        fields.problem(
            "data",
            f"the data file '{name}' is not in the figure's folder",
            f"Put a CSV file beside the figure ({fields.path.parent}) and name it here, "
            "e.g. 'data: deltagare.csv'.",
        )
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fields.log.add(path, None, "the file is not UTF-8 text", "Save it with UTF-8 encoding.")
        return []
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    header = [cell.strip() for cell in header]
    for cell in header:
        if cell not in columns:
            fields.log.add(
                path,
                1,
                f"unknown column '{cell}'",
                f"The figure's columns are: {', '.join(columns)}. Add it to 'columns' in "
                f"{fields.path.name} or correct the header.",
            )
    result = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        line = reader.line_num
        if len(cells) > len(header):
            fields.log.add(
                path,
                line,
                f"the row has {plural(len(cells), 'value')} but the header names "
                f"{plural(len(header), 'column')}",
                "Check the commas on this line; write decimals with a point (12.5).",
            )
            continue
        row = {name: cell.strip() or None for name, cell in zip(header, cells, strict=False)}
        result.append((row, (path, line)))
    return result


def _number(value: Any, column: str, path: Path, line: int, log: ProblemLog) -> float | None:
    """A number from a cell; empty means no value; anything else is a problem."""
    if value is None:
        return None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, (int, float)):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace("\u2212", "-"))
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        text = str(value).strip()
        hint = "Write numbers with digits and a decimal point, e.g. 12.5, without the unit."
        if re.fullmatch(r"-?\d+,\d+", text):
            hint = f"Write the decimal with a point: {text.replace(',', '.')}."
        log.add(path, line, f"'{text}' in the column '{column}' is not a number", hint)
        return None
    return number


def _read_steps(fields: Fields) -> list[Step]:
    steps = []
    seen: set[str] = set()
    for item, line in fields.items("steps"):
        if isinstance(item, str) and item.strip() and item.strip() not in seen:
            seen.add(item.strip())
            steps.append(Step(item.strip()))
            continue
        sub = fields.item_fields(item, line, "a step")
        if sub is None:
            continue
        sub.check_keys(STEP_KEYS, required=("label",))
        label = sub.text("label")
        status = sub.text("status") or "done"
        if status not in STEP_STATES:
            sub.problem(
                "status",
                f"unknown status '{status}'",
                f"Use one of: {', '.join(STEP_STATES)} (planned and unverified steps are "
                "marked for readers).",
            )
            status = "done"
        if label is None:
            continue
        if label in seen:
            sub.problem("label", f"the step '{label}' is listed twice", "Name each step once.")
            continue
        seen.add(label)
        steps.append(Step(label, sub.text("when") or "", status, sub.text("phase") or ""))
    return steps


def _read_mapping(fields: Fields) -> Mapping | None:
    sides: list[tuple[str, list[str]]] = []
    for key in ("left", "right"):
        sub = fields.sub(key, f"'{key}'")
        if sub is None:
            sides.append(("", []))
            continue
        sub.check_keys(SIDE_KEYS, required=SIDE_KEYS)
        sides.append((sub.text("title") or "", _unique_texts(sub, "items", "item")))
    (left_title, left), (right_title, right) = sides
    links: list[tuple[str, str]] = []
    for item, line in fields.items("links"):
        sub = fields.item_fields(item, line, "a link")
        if sub is None:
            continue
        sub.check_keys(LINK_KEYS, required=LINK_KEYS)
        source = sub.text("from")
        if source is not None and source not in left:
            sub.problem(
                "from",
                f"'{source}' is not one of the items on the left",
                f"The left items are: {', '.join(left)}.",
            )
            source = None
        for target, target_line in sub.items("to"):
            target = _as_text(target)
            if target not in right:
                fields.log.add(
                    fields.path,
                    target_line,
                    f"'{target}' is not one of the items on the right",
                    f"The right items are: {', '.join(right)}. A name with a comma needs quotes "
                    'inside [ ]: to: ["Jord, skog och vatten"].',
                )
            elif source is not None and (source, target) not in links:
                links.append((source, target))
    return Mapping(left_title, right_title, left, right, links)


def _unique_texts(fields: Fields, key: str, what: str) -> list[str]:
    result: list[str] = []
    for item, line in fields.items(key):
        text = _as_text(item)
        if isinstance(item, (dict, list)) or not text:
            fields.log.add(fields.path, line, f"{describe(item)} is not a {what} name")
        elif text in result:
            fields.log.add(
                fields.path, line, f"the {what} '{text}' is listed twice", "Name each once."
            )
        else:
            result.append(text)
    return result


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if value is not None else ""


# -- translations -----------------------------------------------------------------


def read_figure_translation(path: Path, lang: str, figure: Figure, log: ProblemLog) -> None:
    """`figurer/<id>.<lang>.yml`: the figure's words in another language."""
    fields = Fields.of(read_yaml_file(path, log), path, log, 1, "a figure translation")
    if fields is None:
        return
    fields.check_keys(TRANSLATION_KEYS, required=("title",))
    known = set(figure.labels())
    labels: dict[str, str] = {}
    sub = fields.sub("labels", "'labels'")
    if sub is not None:
        for key, value in sub.data.items():
            line = sub.data.lc.key(key)[0] + 1
            original = _as_text(key)
            if original not in known:
                log.add(
                    path,
                    line,
                    f"'{original}' is not a label of the figure '{figure.id}'",
                    "Translate the labels as they are written in "
                    f"{figure.path.name}: {', '.join(sorted(known))}.",
                )
            elif not _as_text(value):
                log.add(path, line, f"the label '{original}' has no translation")
            else:
                labels[original] = _as_text(value)
    title = fields.text("title")
    if title is None:
        return
    figure.translations[lang] = FigureTranslation(
        lang=lang,
        title=title,
        caption=fields.text("caption"),
        source=fields.text("source"),
        note=fields.text("note"),
        unit=fields.text("unit"),
        labels=labels,
        source_hash=fields.text("source_hash"),
        path=path,
    )
