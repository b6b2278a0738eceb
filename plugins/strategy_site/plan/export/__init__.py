"""The strategy as open data and as feeds: files beside the pages, made from the model
and the derived facts alone.

- `document.py`: the whole strategy as one JSON document (`data/strategy.json`), with
  its schema (`strategy.schema.json`, beside this module, published as it is);
- `plain.py`: a section's text as plain text, for the document;
- `tables.py`: the inputs and decisions as CSV (`data/inputs.csv`);
- `feed.py`: an Atom feed per language (`feed.xml`, `en/feed.xml`).

`open_data_files` gives the files shared by every language, as (site path, bytes);
the page plan hands them to the adapter as planned files, written once.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

from ... import urls
from ...derive.comparisons import Comparisons
from ...model import LocalizedText, Strategy
from .document import SCHEMA_FILE, open_data
from .feed import MEDIA_TYPE, feed_xml
from .tables import inputs_csv

JSON_FILE = "strategy.json"
CSV_FILE = "inputs.csv"


def schema_text() -> str:
    """The JSON Schema of the document, as published."""
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def json_bytes(document: object) -> bytes:
    """JSON as the site writes it: keys sorted, one level indented per line (so that a
    review of a content change can read what changed in the data), UTF-8, no NaN."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def open_data_files(
    strategy: Strategy,
    today: date,
    comparisons: Comparisons | None = None,
    *,
    site_url: str | None = None,
    notice: LocalizedText | None = None,
) -> list[tuple[str, bytes]]:
    """The open data's files, (site path, content), the same for every language."""
    document = open_data(strategy, today, comparisons, site_url=site_url, notice=notice)
    return [
        (urls.data_file_path(JSON_FILE), json_bytes(document)),
        (urls.data_file_path(SCHEMA_FILE), schema_text().encode("utf-8")),
        (urls.data_file_path(CSV_FILE), inputs_csv(strategy).encode("utf-8")),
    ]


__all__ = [
    "CSV_FILE",
    "JSON_FILE",
    "MEDIA_TYPE",
    "SCHEMA_FILE",
    "feed_xml",
    "json_bytes",
    "open_data",
    "open_data_files",
    "schema_text",
]
