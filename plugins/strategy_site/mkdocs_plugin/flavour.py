"""The MkDocs + Material flavour of the page plan (see plan/flavour.py)."""

from __future__ import annotations

from ..plan.flavour import Flavour

MKDOCS_MATERIAL = Flavour(
    button_class="md-button",  # Material's button style
    search_exclude={"search": {"exclude": True}},  # Material's search plugin
    hide_toc={"hide": ["toc"]},  # Material's `hide` front matter
    page_source="index.md",  # MkDocs resolves and checks links to a page's source file
    result_labels="tags",  # Material's search shows a page's tags with each result
    search_first={"search": {"boost": 2}},  # Material's search: a page's weight
    search_later={"search": {"boost": 1}},
)
