"""Links and images in section bodies, as editors write them.

- `[text](section-id.md)` or `section-id.md#anchor`: a section of the same version;
- `[text](../version-id/section-id.md)`: a section of another version;
- `![description](figur.png)` or `[text](underlag.pdf)`: a file in the version's folder;
- `https://...`, `mailto:...`, `#anchor`: left as they are.

The loader checks every such link against the content; the page planner points each one
at the page or file it names. Both use `parse_target`, so they cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .yamlfile import LANGUAGE_PATTERN

INLINE_LINK = re.compile(r"(!?)\[((?:[^\]\\]|\\.)*)\](\(\s*<?)([^)\s>]*)(>?(?:\s+[\"'][^)]*)?\))")
REFERENCE_LINK = re.compile(r"^(\s{0,3}\[(?!\^)[^\]]+\]:\s*<?)(\S+?)(>?(?:\s.*)?)$")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
SECTION = re.compile(r"(?:\.\./([a-z0-9][a-z0-9-]*)/)?([a-z0-9][a-z0-9-]*)\.md(#.*)?")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)

# Files a version folder may hold besides its sections: figures and documents to download.
ASSET_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".csv", ".xlsx", ".docx", ".odt"}
)


@dataclass(frozen=True)
class LinkTarget:
    kind: str  # "section", "asset", "external" or "invalid"
    target: str
    version: str | None = None  # for a section of another version
    section: str | None = None
    anchor: str = ""
    reason: str = ""  # why an invalid target is invalid


def parse_target(target: str) -> LinkTarget:
    if not target or EXTERNAL.match(target):
        return LinkTarget("external", target)
    section = SECTION.fullmatch(target)
    if section:
        return LinkTarget(
            "section", target, section.group(1), section.group(2), section.group(3) or ""
        )
    path = target.split("#", 1)[0]
    if path.endswith(".md"):
        if re.fullmatch(rf"[a-z0-9][a-z0-9-]*\.{LANGUAGE_PATTERN}\.md", path):
            reason = "link to the section's own id, e.g. 'inledning.md': readers get their language"
        else:
            reason = "link to a section as 'id.md', or to another version as '../version/id.md'"
        return LinkTarget("invalid", target, reason=reason)
    if target.startswith("/"):
        return LinkTarget(
            "invalid",
            target,
            reason="write a full address (https://...), or link to a section as 'id.md' or "
            "'../version/id.md'",
        )
    if ".." in path.split("/") or not any(path.lower().endswith(s) for s in ASSET_SUFFIXES):
        return LinkTarget(
            "invalid",
            target,
            reason="a file must lie in the version's folder and be one of: "
            + ", ".join(sorted(ASSET_SUFFIXES)),
        )
    return LinkTarget("asset", path, anchor=target[len(path) :])


def body_lines(body: str) -> Iterator[tuple[int, str, bool]]:
    """(index, line, inside a fenced code block) for each line of a body."""
    in_fence = False
    for index, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
            yield index, line, True
            continue
        yield index, line, in_fence


@dataclass(frozen=True)
class FoundLink:
    target: LinkTarget
    is_image: bool
    text: str


def links_in(line: str) -> list[FoundLink]:
    """The links and images on one line of Markdown, outside code spans."""
    line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    found = [
        FoundLink(parse_target(m.group(4)), m.group(1) == "!", m.group(2))
        for m in INLINE_LINK.finditer(line)
    ]
    reference = REFERENCE_LINK.match(line)
    if reference:
        found.append(FoundLink(parse_target(reference.group(2)), False, ""))
    return found


def rewrite_links(body: str, to_url: Callable[[LinkTarget], str]) -> str:
    """The body with every section and asset link replaced by `to_url(target)`."""

    def inline(match: re.Match[str]) -> str:
        parsed = parse_target(match.group(4))
        if parsed.kind not in ("section", "asset"):
            return match.group(0)
        return (
            match.group(1)
            + f"[{match.group(2)}]"
            + match.group(3)
            + to_url(parsed)
            + match.group(5)
        )

    def reference(match: re.Match[str]) -> str:
        parsed = parse_target(match.group(2))
        if parsed.kind not in ("section", "asset"):
            return match.group(0)
        return match.group(1) + to_url(parsed) + match.group(3)

    lines = []
    for _, line, in_code in body_lines(body):
        if not in_code:
            spans = [(m.start(), m.end()) for m in CODE_SPAN.finditer(line)]
            line = _outside_spans(line, spans, lambda part: INLINE_LINK.sub(inline, part))
            line = REFERENCE_LINK.sub(reference, line)
        lines.append(line)
    return "\n".join(lines)


def _outside_spans(line: str, spans: list[tuple[int, int]], change: Callable[[str], str]) -> str:
    """Apply `change` to the parts of `line` outside the code spans."""
    result, position = [], 0
    for start, end in spans:
        result.append(change(line[position:start]))
        result.append(line[start:end])
        position = end
    result.append(change(line[position:]))
    return "".join(result)
