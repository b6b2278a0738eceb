"""The content model: plain data loaded from `strategy/`.

Everything the site shows is derived from these classes. They hold what the editors
wrote, already validated, plus the few facts that follow directly from the table of
contents (section numbers, nesting, reading order). Nothing here knows about MkDocs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Status values, in the words of content-format.md.
DRAFT = "draft"
CONSULTATION = "consultation"
ADOPTED = "adopted"
POPULAR = "popular"
SUPERSEDED = "superseded"
STATUSES = (DRAFT, CONSULTATION, ADOPTED, POPULAR, SUPERSEDED)

LocalizedText = dict[str, str]
"""A short string in several languages, e.g. {"sv": "Remissutkast", "en": "Consultation draft"}."""


def pick(text: LocalizedText, lang: str, fallback: str) -> str:
    """The text in `lang`, else in the fallback (source) language, else any."""
    if lang in text:
        return text[lang]
    if fallback in text:
        return text[fallback]
    return next(iter(text.values()), "")


PLANNED = "planned"
APPROXIMATE = "approximate"
CERTAINTIES = (PLANNED, APPROXIMATE)


@dataclass(frozen=True)
class DateMark:
    """How sure a date is, shown to readers beside it: a plan that may not have happened,
    or a date known only roughly. `until` makes it a range (24-25 November); `note` says
    in words what is known."""

    certainty: str  # one of CERTAINTIES
    until: date | None = None
    note: LocalizedText = field(default_factory=dict)


@dataclass(frozen=True)
class Consultation:
    opens: date
    closes: date
    respond_to: str
    reference: str
    opens_mark: DateMark | None = None
    closes_mark: DateMark | None = None

    def state_on(self, today: date) -> str:
        """'upcoming', 'open' or 'closed': decided by the build date, not at read time."""
        if today < self.opens:
            return "upcoming"
        if today > self.closes:
            return "closed"
        return "open"


@dataclass(frozen=True)
class Decision:
    by: LocalizedText  # the deciding body, e.g. {"sv": "Regionfullmäktige", "en": ...}
    date: date
    reference: str
    date_mark: DateMark | None = None
    in_force: datetime.date | None = None  # takes effect (datetime.: `date` is a field)
    in_force_mark: DateMark | None = None


@dataclass
class Translation:
    """A section's text in another language (`<id>.<lang>.md`)."""

    lang: str
    title: str
    body: str
    summary: str | None
    source_hash: str | None
    path: Path
    body_line: int


@dataclass
class Section:
    """One section of one version, in the source language, with its translations.

    `number` ("3.2"), `parent`, `children` and `depth` come from the version's table of
    contents; the rest from the section's file.
    """

    id: str
    title: str
    body: str
    path: Path
    body_line: int  # line in `path` where the body starts, for error messages
    summary: str | None = None
    replaces: list[str] = field(default_factory=list)
    summarises: list[str] = field(default_factory=list)
    translations: dict[str, Translation] = field(default_factory=dict)
    number: str = ""
    depth: int = 1
    parent: str | None = None
    children: list[str] = field(default_factory=list)


# Figures: charts and diagrams kept as data (`figurer/<id>.yml`), drawn at build time.
BAR = "bar"
LINE = "line"
PROCESS = "process"
MAPPING = "mapping"
FIGURE_KINDS = (BAR, LINE, PROCESS, MAPPING)
STEP_STATES = ("done", "planned", "unverified")


@dataclass(frozen=True)
class Chart:
    """The numbers of a bar or line chart: one row per category, one column per series."""

    axis: str  # the name of the first column: what the categories are ("År")
    series: list[str]
    categories: list[str]
    values: list[list[float | None]]  # values[category][series]; None: no value
    stacked: bool = False
    data: str | None = None  # the CSV file beside the figure holding the numbers, if any


@dataclass(frozen=True)
class Step:
    label: str
    when: str = ""
    status: str = "done"  # done, planned or unverified: shown to readers
    phase: str = ""


@dataclass(frozen=True)
class Mapping:
    """Items on the left flowing into items on the right."""

    left_title: str
    right_title: str
    left: list[str]
    right: list[str]
    links: list[tuple[str, str]]  # (left item, right item)


@dataclass
class FigureTranslation:
    """A figure's words in another language (`figurer/<id>.<lang>.yml`)."""

    lang: str
    title: str
    caption: str | None
    source: str | None
    note: str | None
    unit: str | None
    labels: dict[str, str]  # source-language label -> translated label
    source_hash: str | None
    path: Path


@dataclass
class Figure:
    """A chart or diagram as data; exactly one of chart, steps and mapping is set."""

    id: str
    kind: str
    path: Path
    title: str
    caption: str | None = None
    source: str | None = None
    note: str | None = None  # shown with the figure, e.g. "Illustration, reconstructed"
    unit: str | None = None
    chart: Chart | None = None
    steps: list[Step] = field(default_factory=list)
    mapping: Mapping | None = None
    translations: dict[str, FigureTranslation] = field(default_factory=dict)

    def labels(self) -> list[str]:
        """Every short text in the data that a translation may give in its `labels`."""
        labels: list[str] = []
        if self.chart is not None:
            labels += [self.chart.axis, *self.chart.series, *self.chart.categories]
        for step in self.steps:
            labels += [step.label, step.when, step.phase]
        if self.mapping is not None:
            m = self.mapping
            labels += [m.left_title, m.right_title, *m.left, *m.right]
        return list(dict.fromkeys(label for label in labels if label))


@dataclass
class Version:
    """One complete text of the strategy: a folder under `versions/`."""

    id: str
    status: str
    title: LocalizedText
    date: date
    path: Path
    based_on: str | None = None
    date_mark: DateMark | None = None
    consultation: Consultation | None = None
    decision: Decision | None = None
    sections: dict[str, Section] = field(default_factory=dict)  # in reading order
    assets: list[str] = field(default_factory=list)  # figures and documents, folder-relative
    figures: dict[str, Figure] = field(default_factory=dict)  # figurer/<id>.yml, by id
    frozen: bool = False  # published and locked (version.lock)
    changes_summary: LocalizedText | None = None  # editors' words on what changed since based_on
    outcome: LocalizedText | None = None  # editors' summary of the consultation on based_on

    @property
    def top_level(self) -> list[Section]:
        return [s for s in self.sections.values() if s.parent is None]


@dataclass
class Source:
    title: str
    url: str | None = None


@dataclass
class InputItem:
    id: str
    text: str
    line: int
    section: str | None = None
    proposal: str | None = None
    sources: list[Source] = field(default_factory=list)
    decision: str = "open"
    response: str | None = None
    addressed_in: str | None = None  # the version where the decision took effect
    addressed_section: str | None = None  # and the section, when the editor names it
    passage: str | None = None  # a phrase of the changed text that the decision caused


@dataclass
class Input:
    """What was said in one workshop or one consultation response (`inputs/<id>.yml`)."""

    id: str
    kind: str
    date: date
    about: str
    path: Path
    from_: list[str] = field(default_factory=list)
    title: str | None = None
    items: list[InputItem] = field(default_factory=list)
    # What of this input is made up for an example, shown to readers: "all" (an invented
    # input) or "handling" (what was said is real, the decisions and responses are not).
    illustrative: str | None = None


INPUT_KINDS = ("workshop", "consultation-response")
ILLUSTRATIVE = ("all", "handling")
DECISIONS = ("accepted", "partly", "rejected", "noted", "open")


@dataclass
class InterfaceStrings:
    """A region's own interface strings for one language (`strings/<lang>.yml`):
    a whole table for a language the package does not ship, or overrides (the
    document's noun, say) for one it does."""

    lang: str
    path: Path
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key -> line in `path`


@dataclass(frozen=True)
class Licence:
    """The terms the region publishes its text and open data under (`licence:` in
    strategy.yml): a name, where the terms are, and what readers should know besides."""

    name: LocalizedText
    url: str | None = None
    note: LocalizedText = field(default_factory=dict)


@dataclass
class Strategy:
    """The whole document: every version, oldest first, and the inputs."""

    root: Path
    title: LocalizedText
    publisher: LocalizedText
    source_language: str
    languages: list[str]
    current: str
    versions: dict[str, Version] = field(default_factory=dict)  # oldest first
    inputs: list[Input] = field(default_factory=list)
    strings: dict[str, InterfaceStrings] = field(default_factory=dict)  # by language
    licence: Licence | None = None  # None: the region has not said

    @property
    def current_version(self) -> Version:
        return self.versions[self.current]

    def based_on(self, version: Version) -> Version | None:
        return self.versions.get(version.based_on) if version.based_on else None

    def text(self, value: LocalizedText, lang: str) -> str:
        return pick(value, lang, self.source_language)
