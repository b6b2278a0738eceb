"""The strategy as `strategi check` and the build both see it.

The loader checks the content; the plan adds what publishing it needs besides (an
interface string for every key in every language) and what needs the derived facts
(that a decision's `passage` quotes text the decision changed, which takes the diff).
Both commands load through here, so what one refuses, the other refuses.
"""

from __future__ import annotations

from pathlib import Path

from ..content.loader import load_strategy
from ..content.problems import ProblemLog
from ..content.reuse import ParseCache
from ..derive.causes import in_unchanged_text
from ..derive.comparisons import Comparisons
from ..derive.inputs import trace
from ..model import Strategy
from .texts import check_interface_strings


def load_publishable(root: Path, cache: ParseCache | None = None) -> Strategy:
    """The strategy under `root`; raises ContentError listing every problem. `cache`:
    parsed files kept from the last load of the same content (content/reuse.py)."""
    return load_strategy(
        root, checks=[check_interface_strings, check_passages_changed], cache=cache
    )


def check_passages_changed(strategy: Strategy, log: ProblemLog) -> None:
    """A `passage` must quote text the decision changed: text that is new or reworded in
    the version where the decision took effect, compared with the version it is based
    on. A passage in a paragraph left as it was would put the cause note on text the
    decision did not touch. (The diffs are kept: the build uses them again.)"""
    comparisons = Comparisons(strategy)
    for found in strategy.inputs:
        for item in found.items:
            if item.passage is None:
                continue
            traced = trace(strategy, found, item)
            version = strategy.versions.get(traced.effect_version or "")
            if version is None or traced.effect_section not in version.sections:
                continue  # the loader has said what is wrong
            comparison = comparisons.get(version)
            change = comparison.get(traced.effect_section) if comparison else None
            if change is None or change.body is None:
                continue  # nothing to compare with: the first version
            section = version.sections[traced.effect_section]
            if in_unchanged_text(change.body, section.body, item.passage):
                base = strategy.versions[version.based_on or ""]
                log.add(
                    found.path,
                    item.passage_line or item.line,
                    f"the passage is in text of {version.id}/{section.id} that did not change "
                    f"since '{base.id}'",
                    "Quote a few words of the text the decision added or reworded (shown "
                    "as changed in the section's changes view), or leave out 'passage' if "
                    "the decision changed no text of the section.",
                )
