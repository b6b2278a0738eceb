"""The diff engine: what changed between two versions of the strategy, and how to show it.

Pure Python (standard library only, no MkDocs): the site plugin and the command line
both build on it.

- `compare_versions` / `compare_with_based_on`: section by section, matched by id.
- `diff_body`: one section body against another, Markdown-aware; the result
  (`BodyDiff`) rebuilds either text and counts words; `render_markdown` shows it as
  annotated Markdown.
- `diff_titles`: a renamed title as escaped HTML.
- Moves: text that left one section for another is marked on its blocks
  (`BlockDiff.move`, found by `moves.mark_moves` across a whole comparison).
- `popular_review_flags`: sections of popular versions whose sources changed since.
- `render_terminal`: the same, as text for a terminal.
"""

from .annotate import NOTE_KINDS, MoveNotes, markdown_text, render_markdown
from .blocks import Block, parse_blocks
from .body import (
    CHANGED,
    DELETED,
    EQUAL,
    INSERTED,
    MOVED_IN,
    MOVED_OUT,
    SHOWN_ELSEWHERE,
    BlockDiff,
    BodyDiff,
    Move,
    diff_body,
)
from .labels import DiffLabels
from .popular import ReviewFlag, popular_review_flags
from .terminal import render_terminal
from .titles import diff_titles
from .versions import (
    ADDED,
    MERGED,
    MERGED_INTO,
    MOVED,
    REMOVED,
    RENAMED,
    REPLACES,
    SPLIT,
    SPLIT_INTO,
    UNCHANGED,
    SectionChange,
    VersionComparison,
    compare_versions,
    compare_with_based_on,
)

__all__ = [
    "NOTE_KINDS",
    "render_markdown",
    "markdown_text",
    "MoveNotes",
    "Move",
    "MOVED_IN",
    "MOVED_OUT",
    "SHOWN_ELSEWHERE",
    "ADDED",
    "CHANGED",
    "DELETED",
    "EQUAL",
    "INSERTED",
    "MERGED",
    "MERGED_INTO",
    "MOVED",
    "REMOVED",
    "RENAMED",
    "REPLACES",
    "SPLIT",
    "SPLIT_INTO",
    "UNCHANGED",
    "Block",
    "BlockDiff",
    "BodyDiff",
    "DiffLabels",
    "ReviewFlag",
    "SectionChange",
    "VersionComparison",
    "compare_versions",
    "compare_with_based_on",
    "diff_body",
    "diff_titles",
    "parse_blocks",
    "popular_review_flags",
    "render_terminal",
]
