"""The sidebar of a version, rendered for the cost of one page rather than of every page.

Material renders the whole navigation into every page, so with hundreds of sections the
sidebar dominates the build and its cost per page grows with the size of the strategy.
With `navigation.prune`, every top-level entry but the open one is a plain link; all
pages of a version at the same depth show those links identically. So their HTML is
made once per version, in Material's markup, with links from the language's root, and
handed to the templates as `strategy_closed_entries` (one per top-level entry, in
order); the `partials/nav.html` override inserts an entry with the page's base URL in
front. The open entry is still rendered by Material.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import bridge


def _first_page(item: StructureItem) -> Page:
    while isinstance(item, Section):
        item = item.children[0]
    assert isinstance(item, Page)
    return item


def _closed_entry(item: Page | Section, link: str) -> str:
    """Material 9.8's markup for an entry that is not open (pruned when a section)."""
    marked = bridge.html_title(item)  # a title marked with its language
    # Titles are Markup already (escaped by the plugin); plain text is escaped here.
    title = f'<span class="md-typeset">{marked}</span>' if marked else escape(item.title or "")
    content = f'<span class="md-ellipsis">{title}</span>'
    if isinstance(item, Section):
        return (
            '<li class="md-nav__item md-nav__item--pruned md-nav__item--nested">'
            f'<a href="{escape(link)}" class="md-nav__link">{content}'
            '<span class="md-nav__icon md-icon"></span></a></li>'
        )
    return (
        f'<li class="md-nav__item"><a href="{escape(link)}" class="md-nav__link">{content}</a></li>'
    )


BASE = "__strategy_base__"  # replaced by the page's base URL: its language's root


def prerender_closed_entries(nav: Navigation, language_prefix: str) -> list[str]:
    """Every top-level entry's closed HTML, in the navigation's order, with links from
    the language's root (the template puts the page's `base_url` in front, which points
    there)."""
    entries = []
    for item in nav.items:
        target = _first_page(item).url.removeprefix(language_prefix)
        entries.append(_closed_entry(item, f"{BASE}/{target}"))
    return entries
