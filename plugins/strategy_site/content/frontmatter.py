"""Splitting a section file into its YAML front matter and its Markdown body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import ProblemLog
from .yamlfile import UNREADABLE, Fields, parse_yaml

# A section is read, diffed against the version before and rendered in every language;
# a text far beyond any real section (a pasted file, a mistake) takes minutes and
# gigabytes. 2 MB is some 300,000 words, ten times the whole example strategy.
MAX_MARKDOWN_BYTES = 2_000_000

FRONT_MATTER_HINT = (
    "Start the file with a front matter block:\n    ---\n    title: The section's title\n    ---"
)


@dataclass
class MarkdownFile:
    meta: Fields | None  # None when the front matter is missing or unreadable
    body: str
    body_line: int  # 1-based line of the body's first line in the file


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line where the body starts)."""
    lines = normalise_newlines(text).split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, "\n".join(lines), 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body_lines = lines[index + 1 :]
            start = index + 2
            while body_lines and not body_lines[0].strip():
                body_lines.pop(0)
                start += 1
            return front, "\n".join(body_lines).rstrip() + "\n", start
    return None, "\n".join(lines), 1


def read_markdown_file(path: Path, log: ProblemLog) -> MarkdownFile:
    size = path.stat().st_size
    if size > MAX_MARKDOWN_BYTES:
        log.add(
            path,
            None,
            f"the file is too large ({size // 1000} kB; at most {MAX_MARKDOWN_BYTES // 1000} kB)",
            "Split the section into several sections (each its own file, listed in "
            "version.yml); a section this long is hard to read, diff and build.",
        )
        return MarkdownFile(None, "", 1)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        log.add(path, None, "the file is not UTF-8 text", "Save the file with UTF-8 encoding.")
        return MarkdownFile(None, "", 1)
    front, body, body_line = split_front_matter(text)
    if front is None:
        if normalise_newlines(text).startswith("---"):
            log.add(path, 1, "the front matter is not closed", "End it with a line '---'.")
        else:
            log.add(path, 1, "the file has no front matter with a title", FRONT_MATTER_HINT)
        return MarkdownFile(None, body, body_line)
    data = parse_yaml(front, path, log, line_offset=1)
    if data is UNREADABLE:
        return MarkdownFile(None, body, body_line)
    if data is None:
        log.add(path, 1, "the front matter is empty", FRONT_MATTER_HINT)
        return MarkdownFile(None, body, body_line)
    meta = Fields.of(data, path, log, 2, "the front matter", line_offset=1)
    return MarkdownFile(meta, body, body_line)
