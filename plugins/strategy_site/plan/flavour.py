"""The engine's conventions that the page plan writes into Markdown and HTML.

The plan is engine-neutral; what an engine (MkDocs with Material today) expects to find
in a page's Markdown comes from one `Flavour` that its adapter hands to `plan_site`, so
that another engine means another adapter and another flavour, not edits here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Flavour:
    """What the engine and its theme call things."""

    button_class: str  # the theme's class for a link or button drawn as a button
    search_exclude: Mapping[str, object]  # front matter that leaves a page out of search
    hide_toc: Mapping[str, object]  # front matter that hides a page's table of contents
    page_source: str  # what a Markdown link to another page's folder ends with
    result_labels: str  # front matter key of the labels shown with a search result
    # Front matter that ranks a section in search: the current version's text first.
    search_first: Mapping[str, object]
    search_later: Mapping[str, object]
