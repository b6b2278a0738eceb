"""Links between sections, written by editors as `[text](section-id.md)`.

The loader uses this to check that every such link names a section of the same version;
the page planner uses it to point the link at the section's page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

INLINE_LINK = re.compile(r"(\]\(\s*<?)([^)\s>]+)(>?(?:\s+[\"'][^)]*)?\))")
REFERENCE_LINK = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?(?:\s.*)?)$")
FENCE = re.compile(r"^\s*(```|~~~)")
SECTION_TARGET = re.compile(r"([a-z0-9][a-z0-9-]*)\.md(#.*)?")


def section_link_target(target: str) -> str | None:
    """The section id of a link target `<id>.md` or `<id>.md#anchor`, else None."""
    match = SECTION_TARGET.fullmatch(target)
    return match.group(1) if match else None


def body_lines(body: str) -> Iterator[tuple[int, str, bool]]:
    """(index, line, inside a fenced code block) for each line of a body."""
    in_fence = False
    for index, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
            yield index, line, True
            continue
        yield index, line, in_fence


def link_targets(line: str) -> list[str]:
    targets = [match.group(2) for match in INLINE_LINK.finditer(line)]
    reference = REFERENCE_LINK.match(line)
    if reference:
        targets.append(reference.group(2))
    return targets


def rewrite_section_links(body: str, to_target: Callable[[str, str], str]) -> str:
    """The body with every `<id>.md[#anchor]` link replaced by `to_target(id, anchor)`."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        found = SECTION_TARGET.fullmatch(target)
        if not found:
            return match.group(0)
        return match.group(1) + to_target(found.group(1), found.group(2) or "") + match.group(3)

    lines = []
    for _, line, in_code in body_lines(body):
        if not in_code:
            line = INLINE_LINK.sub(replace, line)
            line = REFERENCE_LINK.sub(replace, line)
        lines.append(line)
    return "\n".join(lines)
