"""The inputs as a spreadsheet: `inputs.csv`, one row per item with its decision.

One table rather than one of inputs and one of decisions: every item has exactly one
decision, so a table of decisions would repeat the items row for row, and a reader who
filters or counts wants both in one place. The input's fields (who, when, about which
version, what is made up) are repeated on each of its items' rows.

The format is chosen for the spreadsheet a Swedish reader opens with a double click:
UTF-8 with a byte order mark (without it Excel reads the file as Windows-1252 and
garbles å, ä and ö), `;` between fields (Excel's list separator where the decimal
separator is a comma, as in Sweden; a `,` file opens there as a single column), CRLF line
ends and quotes where RFC 4180 needs them. Python reads it with
`csv.reader(open(path, encoding="utf-8-sig", newline=""), delimiter=";")`; pandas with
`read_csv(path, sep=";", encoding="utf-8-sig")`.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
formula by a spreadsheet (CSV injection: a response could make a reader's Excel run
`=HYPERLINK(...)`), so it gets a leading `'`, which spreadsheets show as text and
hide. The JSON has every text exactly as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ...derive.inputs import trace
from ...model import Strategy

DELIMITER = ";"
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

INPUT_COLUMNS = (
    "input_id",
    "input_kind",
    "input_date",
    "input_title",
    "input_from",
    "input_illustrative",
    "about_version",
    "item_id",
    "section",
    "text",
    "proposal",
    "sources",
    "decision",
    "response",
    "effect_version",
    "effect_section",
    "passage",
)


def neutralised(value: str) -> str:
    """A cell a spreadsheet shows as the text it is, never as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(columns: Iterable[str], rows: Iterable[Iterable[str | None]]) -> str:
    """A CSV file in the format above, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(list(columns))
    for row in rows:
        writer.writerow([neutralised(cell or "") for cell in row])
    return BOM + out.getvalue()


def inputs_csv(strategy: Strategy) -> str:
    """Every item of every input, in file and item order."""
    rows = []
    for found in strategy.inputs:
        for item in found.items:
            traced = trace(strategy, found, item)
            sources = " | ".join(
                f"{source.title} <{source.url}>" if source.url else source.title
                for source in item.sources
            )
            rows.append(
                [
                    found.id,
                    found.kind,
                    found.date.isoformat(),
                    found.title,
                    "; ".join(found.from_),
                    found.illustrative,
                    found.about,
                    item.id,
                    item.section,
                    item.text,
                    item.proposal,
                    sources,
                    item.decision,
                    item.response,
                    traced.effect_version,
                    traced.effect_section,
                    item.passage,
                ]
            )
    return write_csv(INPUT_COLUMNS, rows)
