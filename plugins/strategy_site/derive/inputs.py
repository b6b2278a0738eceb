"""Derived facts about inputs: which version and section each concerns, and where each
decision took effect, so that every input can be traced to the change it caused."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..lineage import counterparts
from ..model import CONSULTATION, DECISIONS, INPUT_KINDS, Input, InputItem, Strategy, Version

RESPONSE = "consultation-response"
WORKSHOP = "workshop"  # its `from` lists who took part, not who said what
PRIVATE = "private"  # `from: private`: a private person, published without a name


@dataclass(frozen=True)
class TracedItem:
    input: Input
    item: InputItem
    # Where the decision took effect: the version, and the section there that the editor
    # named or that alone continues the one the item concerns (None when the item names
    # no section, or it is gone).
    effect_version: str | None
    effect_section: str | None

    @property
    def anchor(self) -> str:
        """The item's fragment id on pages that list inputs."""
        return f"{self.input.id}--{self.item.id}"

    @property
    def cause_anchor(self) -> str:
        """The fragment id of the passage the decision changed, on the changes page."""
        return f"orsak-{self.anchor}"


def trace(strategy: Strategy, found: Input, item: InputItem) -> TracedItem:
    effect_section = item.addressed_section
    if effect_section is None and item.addressed_in and item.section:
        about = strategy.versions.get(found.about)
        target = strategy.versions.get(item.addressed_in)
        if about is not None and target is not None and item.section in about.sections:
            found_ids = counterparts(strategy, about, item.section, target)
            # Several: the loader refuses that unless the editor names the section.
            effect_section = found_ids[0] if len(found_ids) == 1 else None
    return TracedItem(found, item, item.addressed_in, effect_section)


def items_about(strategy: Strategy, version_id: str) -> list[TracedItem]:
    """Every item of every input that concerns this version, in file and item order."""
    return [
        trace(strategy, found, item)
        for found in strategy.inputs
        if found.about == version_id
        for item in found.items
    ]


def items_addressed_in(strategy: Strategy, version_id: str) -> list[TracedItem]:
    """Every item whose decision took effect in this version: the inputs that shaped it."""
    return [
        trace(strategy, found, item)
        for found in strategy.inputs
        for item in found.items
        if item.addressed_in == version_id
    ]


def answered_consultation(strategy: Strategy, version: Version) -> Version | None:
    """The consultation version this version answers: the one it is based on, once an
    item about it says where its decision took effect. Such a version has an outcome."""
    base = strategy.based_on(version)
    if base is None or base.status != CONSULTATION:
        return None
    answered = any(
        item.addressed_in
        for found in strategy.inputs
        if found.about == base.id
        for item in found.items
    )
    return base if answered else None


def answering_version(strategy: Strategy, consultation: Version) -> Version | None:
    """The version that answers a consultation (the inverse of answered_consultation)."""
    for version in strategy.versions.values():
        if version.based_on == consultation.id and answered_consultation(strategy, version):
            return version
    return None


def items_affecting(strategy: Strategy, version_id: str, section_id: str) -> list[TracedItem]:
    """Items whose decision took effect in this section of this version."""
    return effects_index(strategy).get((version_id, section_id), [])


def effects_index(strategy: Strategy) -> dict[tuple[str, str], list[TracedItem]]:
    """(version, section) -> the items whose decision took effect there, in file order.

    A site plan builds this once: asking per section would trace every item per page.
    """
    index: dict[tuple[str, str], list[TracedItem]] = {}
    for found in strategy.inputs:
        for item in found.items:
            traced = trace(strategy, found, item)
            if traced.effect_version and traced.effect_section:
                index.setdefault((traced.effect_version, traced.effect_section), []).append(traced)
    return index


@dataclass(frozen=True)
class Respondents:
    """Who took part in a consultation: inputs by kind, and every sender once."""

    by_kind: list[tuple[str, int]]  # (kind, number of inputs), in the format's order
    # Of the responses, in the order of the inputs, private individuals as PRIVATE.
    senders: list[str]
    workshops: list[Input]  # each once: its participants did not each say its points


def respondents(items: list[TracedItem]) -> Respondents:
    inputs = list({t.input.id: t.input for t in items}.values())
    kinds = Counter(found.kind for found in inputs)
    senders = list(
        dict.fromkeys(
            sender for found in inputs if found.kind != WORKSHOP for sender in found.from_
        )
    )
    return Respondents(
        by_kind=[(kind, kinds[kind]) for kind in INPUT_KINDS if kinds[kind]],
        senders=senders,
        workshops=[found for found in inputs if found.kind == WORKSHOP],
    )


def count_decisions(items: list[TracedItem]) -> list[tuple[str, int]]:
    """Every decision in the format's order, with how many items have it (zeros too)."""
    decisions = Counter(t.item.decision for t in items)
    return [(d, decisions[d]) for d in DECISIONS]


@dataclass(frozen=True)
class Summary:
    by_decision: list[tuple[str, int]]
    by_sender: list[tuple[str, int]]
    by_section: list[tuple[str | None, int]]


def summarise(items: list[TracedItem]) -> Summary:
    """Counts by decision (in the format's order), by sender and by section (most first).

    Senders are counted for consultation responses only: a workshop's `from` lists who
    took part, not who said what.
    """
    decisions = Counter(t.item.decision for t in items)
    senders = Counter(sender for t in items if t.input.kind == RESPONSE for sender in t.input.from_)
    sections = Counter(t.item.section for t in items)
    return Summary(
        by_decision=[(d, decisions[d]) for d in DECISIONS if decisions[d]],
        by_sender=sorted(senders.items(), key=lambda pair: (-pair[1], pair[0].lower())),
        by_section=sorted(sections.items(), key=lambda pair: (-pair[1], pair[0] or "")),
    )
