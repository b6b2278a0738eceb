"""Checks on the Markdown of a section: headings, links and images.

Links to sections of other versions can only be checked once every version is read,
so they wait in `BodyChecks.pending` until `check_versions_links` runs at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Strategy, Version
from .body_policy import Violation, violations
from .figures import check_placements
from .markdown_links import LinkTarget, body_lines, links_in
from .problems import ProblemLog

ATX_H1 = re.compile(r"^ {0,3}#(\s|$)")
SETEXT_H1 = re.compile(r"^ {0,3}=+\s*$")


@lru_cache(maxsize=8192)
def _violations(body: str) -> tuple[Violation, ...]:
    """What the policy refuses in a body depends on its text alone: a preview, which
    checks every file again on each save, checks an unchanged text once."""
    return tuple(violations(body))


@dataclass
class PendingLink:
    path: Path
    line: int
    target: LinkTarget


@dataclass
class BodyChecks:
    log: ProblemLog
    pending: list[PendingLink] = field(default_factory=list)

    def check(self, path: Path, body: str, first_line: int, version: Version) -> None:
        check_placements(path, body, first_line, version.path, version.figures, self.log)
        previous = ""
        for index, line, in_code in body_lines(body):
            number = first_line + index
            if in_code:
                previous = ""
                continue
            if ATX_H1.match(line) or (SETEXT_H1.match(line) and previous.strip()):
                self.log.add(
                    path,
                    number,
                    "a top-level heading ('#' or underlined with '='): the section title is "
                    "the page's only top heading",
                    "Start headings inside a section at '##'.",
                )
            for found in links_in(line):
                if found.is_image and not found.text.strip():
                    self.log.add(
                        path,
                        number,
                        f"the image '{found.target.target}' has no description",
                        "Describe what the image shows between the brackets: ![Karta över "
                        "länet](karta.png). Screen readers read it out.",
                    )
                self._check_target(path, number, found.target, version)
            previous = line
        # Schemes and hosts of links and images, with raw HTML: see body_policy.py.
        for violation in _violations(body):
            self.log.add(path, first_line + violation.line, violation.message, violation.hint)

    def _check_target(self, path: Path, line: int, target: LinkTarget, version: Version) -> None:
        if target.kind == "invalid":
            self.log.add(
                path, line, f"the link '{target.target}' cannot be followed", target.reason
            )
        elif target.kind == "asset" and target.target not in version.assets:
            self.log.add(
                path,
                line,
                f"the file '{target.target}' is not in the folder of version '{version.id}'",
                f"Put the file in {version.path}, or correct the name.",
            )
        elif target.kind == "section" and target.version is None:
            if target.section not in version.sections:
                self.log.add(
                    path,
                    line,
                    f"the link to '{target.target}' points to a section that is not in this "
                    "version",
                    f"Link to one of: {', '.join(f'{s}.md' for s in version.sections)}.",
                )
        elif target.kind == "section":
            self.pending.append(PendingLink(path, line, target))

    def check_versions_links(self, strategy: Strategy, listed: list[str]) -> None:
        """Links to other versions, now that every version has been read."""
        for link in self.pending:
            target = link.target
            other = strategy.versions.get(target.version or "")
            if target.version not in listed:
                self.log.add(
                    link.path,
                    link.line,
                    f"the link to '{target.target}' names the version '{target.version}', "
                    "which does not exist",
                    f"Versions: {', '.join(listed)}.",
                )
            elif other is not None and target.section not in other.sections:
                self.log.add(
                    link.path,
                    link.line,
                    f"the link to '{target.target}' points to a section that is not in "
                    f"'{other.id}'",
                    f"Sections of {other.id}: {', '.join(other.sections)}.",
                )
