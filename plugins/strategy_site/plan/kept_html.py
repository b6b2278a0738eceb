"""Page parts kept from one plan of the site to the next, for a preview's rebuilds.

Two parts of the pages were two thirds of the time of planning a site of 100 sections a
version, and neither depends on the text of a section:

- the banner at the top of every page of a version (its name and status, the notices,
  the version selector with every version's counterpart of the section), on some 2,400
  pages: `render.version_banner` reads the versions, their sections' titles, numbers
  and lineage, the inputs and the interface strings;
- the list on a section's history page: `render_history` reads the same, and of the
  comparisons only what `history_facts` lists (the kinds of change, the numbers and
  titles, the words counted, the inputs that took effect).

So a save that changes a section's text changes no banner, and only the history lists
whose facts it changed. The section pages and changes views, the next largest share, are
kept whole (`page`) while what each reads beyond the outline is the same: its section's
texts, its comparison (compared by value, `ByValue`) and the few facts
`SitePlanner.page_inputs` lists; a save replans the pages of the section it changed and
those whose comparison it changed.

`outline_digest` covers the whole model but the section texts, field by field, so that
a field added to the model later is covered without anyone remembering to; a part is
drawn again when the outline, the build date, the partials, the flavour, the
comparisons' setting, its page or (a history list) its facts differ from the last
plan's. The adapter keeps one `KeptHtml` for a preview
(mkdocs_plugin/rebuilds.py); a plan without one draws every part, as a build does.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import TypeVar, cast

from ..derive.diff import SectionChange
from ..derive.inputs import TracedItem
from ..derive.section_history import HistoryStep
from ..model import Section, Strategy, Translation

P = TypeVar("P")

# The texts no kept part reads: a change to them alone keeps every part.
_TEXTS = {(Section, "body"), (Translation, "body")}


def outline_digest(strategy: Strategy) -> str:
    """A digest of everything in the strategy but the section texts."""
    parts: list[str] = []
    _outline(strategy, parts)
    return _digest(parts)


def history_facts(steps: list[HistoryStep]) -> str:
    """What a history list shows of the comparisons, as a digest; the versions and
    inputs it names by id (the outline covers the rest of them)."""
    parts: list[str] = []
    for step in steps:
        parts += [step.version.id, step.base.id if step.base else "", step.state, *step.ended]
        for entry in step.entries:
            parts.append(entry.section_id)
            _change_facts(entry.change, parts)
            for traced in [*entry.effects, None, *entry.about]:
                parts.append(_traced(traced))
        parts.append("|")
    return _digest(parts)


def _change_facts(change: SectionChange | None, parts: list[str]) -> None:
    if change is None:
        parts.append("-")
        return
    for field in fields(change):
        if field.name != "body":  # the diff itself: only its counts are shown
            parts.append(repr(getattr(change, field.name)))
    counts = (change.words_added, change.words_removed)
    parts.append(repr(counts + (change.words_moved_in, change.words_moved_out)))


def _traced(traced: TracedItem | None) -> str:
    if traced is None:
        return "/"
    return repr((traced.input.id, traced.item.id, traced.effect_version, traced.effect_section))


def _outline(value: object, parts: list[str]) -> None:
    if is_dataclass(value) and not isinstance(value, type):
        parts.append(type(value).__name__ + "(")
        for field in fields(value):
            if (type(value), field.name) not in _TEXTS:
                parts.append(field.name)
                _outline(getattr(value, field.name), parts)
        parts.append(")")
    elif isinstance(value, dict):
        parts.append("{")
        for key, item in value.items():
            parts.append(repr(key))
            _outline(item, parts)
        parts.append("}")
    elif isinstance(value, list | tuple | set | frozenset):
        parts.append("[")
        for item in sorted(value, key=repr) if isinstance(value, set | frozenset) else value:
            _outline(item, parts)
        parts.append("]")
    else:  # str, numbers, dates, paths, None: their repr says what they are
        parts.append(repr(value))


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class ByValue:
    """A derived fact compared by what it holds, for `KeptHtml.page`'s `depends_on`.

    A section's comparison (`SectionChange`, its `BodyDiff`) compares by identity, and a
    rebuild makes new ones for every section of a version whose texts changed: the same
    object is the same at once; another is compared by its repr (every field, as the
    dataclasses print it), made once per object.
    """

    __slots__ = ("value", "_text")

    def __init__(self, value: object) -> None:
        self.value = value
        self._text: str | None = None

    def text(self) -> str:
        if self._text is None:
            self._text = repr(self.value)
        return self._text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ByValue):
            return NotImplemented
        return self.value is other.value or self.text() == other.text()

    __hash__ = None  # type: ignore[assignment]  # compared, never a key


class KeptHtml:
    """The kept parts of the last plans (every language's), by page, for one
    generation: what every part depends on (`use`)."""

    def __init__(self) -> None:
        self.generation: tuple[object, ...] | None = None
        self._html: dict[tuple[object, ...], str] = {}
        self._pages: dict[tuple[object, ...], tuple[tuple[object, ...], object]] = {}
        self.drawn = 0  # parts drawn (not kept) since the generation began, for tests
        self.planned = 0  # pages planned (not kept) since the generation began, for tests
        # By the id of the object each holds (alive in it, so its id is not reused): of
        # this plan and the one before (the other language's, or the last rebuild's).
        self._values: dict[int, ByValue] = {}
        self._values_before: dict[int, ByValue] = {}

    def use(self, strategy: Strategy, *depends_on: object) -> None:
        """Start a plan: keep the parts only if the strategy's outline and what else
        every part depends on (the build date, the partials' digest, ...) are the same."""
        self._values_before, self._values = self._values, {}
        generation = (outline_digest(strategy), *depends_on)
        if generation != self.generation:
            self.clear()
            self.generation = generation

    def clear(self) -> None:
        """Drop every part kept."""
        self.generation = None
        self._html.clear()
        self._pages.clear()
        self._values.clear()
        self._values_before.clear()
        self.drawn = 0
        self.planned = 0

    def html(self, key: tuple[object, ...], draw: Callable[[], str]) -> str:
        """The part of `key` (what it is, its language and page, ...), drawn if new."""
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = draw()
            self.drawn += 1
        return html

    def by_value(self, value: object) -> ByValue:
        """`value` to compare by what it holds, its repr made once for every language's
        plan (each asks for the same comparisons)."""
        found = self._values.get(id(value)) or self._values_before.get(id(value))
        if found is None:
            found = ByValue(value)
        self._values[id(value)] = found
        return found

    def page(
        self, key: tuple[object, ...], depends_on: tuple[object, ...], plan: Callable[[], P]
    ) -> P:
        """The page of `key` (its kind, language and address), planned again unless what
        it reads beyond the outline (`depends_on`: its texts and what is derived from
        them, compared with ==) is what it was last time; a copy, which the plan may
        change."""
        found = self._pages.get(key)
        if found is not None and found[0] == depends_on:
            return copy.copy(cast(P, found[1]))
        page = plan()
        self._pages[key] = (depends_on, page)
        self.planned += 1
        return copy.copy(page)
