"""What this process keeps from one build to the next, so that a preview's rebuild after
a save redoes only what the save changed.

`mkdocs serve` makes a new configuration and a new Jinja environment for every
rebuild (and keeps our plugin object only because it has `on_startup`, which a later
MkDocs need not do), so whatever is kept lives here, at module level, keyed by what it
was made from. Each cache checks its entries against their inputs, never
against time: a file is parsed again when its text changed (content/reuse.py), a
template compiled again when its source changed (plan/templating.py), a comparison
of two section texts made again when either text changed (derive/comparisons.py), a
version banner or a history list drawn again when the strategy's outline (everything
but the section texts), the build date, the partials or its own facts changed
(plan/kept_html.py). A one-off `mkdocs build` fills them once and exits; the banners
and history lists are kept in a preview only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.reuse import ParseCache
from ..derive import comparisons
from ..plan import templating
from ..plan.kept_html import KeptHtml
from ..plan.templating import CompiledTemplates, environment_options
from . import bridge

_parsed: dict[Path, ParseCache] = {}
_compiled: dict[tuple[object, ...], CompiledTemplates] = {}
_kept_html = KeptHtml()


def parse_cache(content_root: Path) -> ParseCache:
    """The parsed files of the last load of this content folder; one folder is kept
    (a process previews one site)."""
    root = Path(content_root).resolve()
    if root not in _parsed:
        _parsed.clear()
        _parsed[root] = ParseCache()
    return _parsed[root]


def kept_html() -> KeptHtml:
    """The banners, history lists and section pages of the last plan of every language."""
    return _kept_html


def reuse_compiled_templates(env: Any) -> None:
    """Let MkDocs' Jinja environment (`on_env`'s, made anew per build) keep its compiled
    templates for the next build: one cache per set of syntax options (bridge.py)."""
    cache = _compiled.setdefault(environment_options(env), CompiledTemplates())
    bridge.keep_compiled_templates(env, cache)


def forget() -> None:
    """Drop everything kept: the next build is a first build (tests compare a rebuild
    with one)."""
    _parsed.clear()
    _compiled.clear()
    _kept_html.clear()
    templating.forget_compiled()
    comparisons.forget()
