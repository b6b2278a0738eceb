"""axe-core in the page: WCAG 2.0, 2.1 and 2.2, levels A and AA, every rule on.

axe-core comes pinned from PyPI: the package axe-playwright-python==0.1.8 (pinned in
pyproject.toml) ships axe.min.js of axe-core 4.12.1. We use only that file and run it
ourselves; `AXE_VERSION` makes a change of package that changes axe fail loudly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from playwright.sync_api import Page

AXE_VERSION = "4.12.1"
# WCAG 2.2 AA adds target size (2.5.8, axe's `target-size`): the paragraph links, among
# others, must be targets of at least 24 by 24 px.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

# The rules whose outcome can depend on the colour scheme: axe's category "cat.color"
# among the WCAG rules above (axe-core's rule descriptions: color-contrast, "Ensure the
# contrast between foreground and background colors meets WCAG 2 AA minimum contrast
# ratio thresholds", and link-in-text-block, "Ensure links are distinguished from
# surrounding text in a way that does not rely on color"). Every other rule reads the
# DOM, names, roles, attributes and layout, which a scheme does not change: Material's
# dark scheme and the site's own rules for it set colours only (test_accessibility
# checks both, so that an upgrade that breaks either fails). The dark scheme runs these.
SCHEME_RULES = ("color-contrast", "link-in-text-block")


@dataclass(frozen=True)
class Violation:
    page: str  # what was checked: path, description, colour scheme
    rule: str
    impact: str | None
    help: str
    targets: tuple[str, ...]  # one CSS selector per offending element
    summaries: tuple[str, ...]  # axe's "fix any of the following", per element

    def __str__(self) -> str:
        lines = [f"{self.page}: {self.rule} ({self.impact}): {self.help}"]
        for target, summary in zip(self.targets, self.summaries, strict=True):
            lines.append(f"    {target}")
            for line in summary.splitlines():
                if line.strip():
                    lines.append(f"        {line.strip()}")
        return "\n".join(lines)


# How axe's colour-contrast check treats pseudo-elements. By default, for every element
# with text it walks up every ancestor asking for its ::before and ::after, and where one
# is large (a quarter of the element) it gives up: the node is "incomplete" (needs a
# person), never a violation (axe-core's color-contrast-evaluate returns undefined).
# That walk is most of the time axe spends on a page (color-contrast alone: 1.6 s
# with it, 0.2 s without, on a section page). With `ignorePseudo` axe computes the
# contrast of those nodes too: every violation the default finds is still found, and
# nodes it would leave unjudged are judged. (Were a pseudo-element what gives some text
# its contrast, this would report it falsely, and the test would fail: loudly, not
# silently.)
CONFIGURE = "axe.configure({checks: [{id: 'color-contrast', options: {ignorePseudo: true}}]});"


@cache
def axe_source() -> str:
    """axe.min.js, configured (CONFIGURE)."""
    source = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    return source + "\n" + CONFIGURE


# axe.run over the whole document with the WCAG tags, as a check for tabs.run_in_tabs.
CHECK = (
    "() => axe.run(document, {runOnly: {type: 'tag', values: "
    + json.dumps(list(WCAG_TAGS))
    + "}, resultTypes: ['violations']})"
)


# axe.run with the scheme rules only (see SCHEME_RULES).
SCHEME_CHECK = (
    "() => axe.run(document, {runOnly: {type: 'rule', values: "
    + json.dumps(list(SCHEME_RULES))
    + "}, resultTypes: ['violations']})"
)

# The WCAG rules of the loaded axe that are in a category, as [rule id, [categories]].
RULE_CATEGORIES = (
    "tags => axe.getRules(tags).map(r => [r.ruleId, r.tags.filter(t => t.startsWith('cat.'))])"
)


def run_axe(page: Page, label: str) -> list[Violation]:
    """Every WCAG 2.0/2.1/2.2 A and AA violation axe finds in the page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    check_version(page.evaluate("window.axe.version"))
    return violations(page.evaluate(f"({CHECK})()"), label)


def check_version(version: str) -> None:
    if version != AXE_VERSION:
        raise AssertionError(f"axe-core {version} was loaded, the tests pin {AXE_VERSION}")


def violations(results: dict, label: str) -> list[Violation]:
    """axe's results as Violations of the page called `label`."""
    return [
        Violation(
            page=label,
            rule=v["id"],
            impact=v.get("impact"),
            help=v["help"],
            targets=tuple(_selector(node["target"]) for node in v["nodes"]),
            summaries=tuple(node.get("failureSummary") or "" for node in v["nodes"]),
        )
        for v in results["violations"]
    ]


def _selector(target: list) -> str:
    """axe's target: a list of selectors, nested lists for shadow DOM and frames."""
    return " >>> ".join(" ".join(t) if isinstance(t, list) else str(t) for t in target)


def report(violations: list[Violation]) -> str:
    pages = len({v.page for v in violations})
    elements = sum(len(v.targets) for v in violations)
    header = f"axe-core {AXE_VERSION} found {len(violations)} violations "
    header += f"({elements} elements) on {pages} pages:"
    return "\n".join([header, *map(str, violations)])
