"""Fenced code blocks, found the way the site's Markdown finds them.

MkDocs always enables Python-Markdown's `fenced_code`, whose preprocessor takes every
fence out of the text before anything else is parsed: a fence at the start of a line,
closed by the same fence, is code wherever it stands (after a paragraph line, inside
what looks like a list or raw HTML) and whatever it holds. The body policy (which must
not read code as HTML) and the diff (which must not split code into blocks) both ask
here, so they cannot disagree with each other or with the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# markdown.extensions.fenced_code.FencedBlockPreprocessor.FENCED_BLOCK_RE, 3.11
# (tests/test_markdown_code.py fails if Python-Markdown's changes).
FENCED_BLOCK = re.compile(
    r"""
(?P<fence>^(?:~{3,}|`{3,}))[ ]*                          # opening fence
((\{(?P<attrs>[^\n]*)\})|                                # (optional {attrs} or
(\.?(?P<lang>[\w#.+-]*)[ ]*)?                            # optional (.)lang
(hl_lines=(?P<quot>"|')(?P<hl_lines>.*?)(?P=quot)[ ]*)?) # optional hl_lines)
\n                                                       # newline (end of opening fence)
(?P<code>.*?)(?<=\n)                                     # the code block
(?P=fence)[ ]*$                                          # closing fence
""",
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)
TAB = 4


@dataclass(frozen=True)
class Fence:
    first: int  # 0-based line of the opening fence
    last: int  # line of the closing fence
    attrs: str | None  # the `{...}` on the opening line, which attr_list puts on <code>


def normalised(text: str) -> str:
    """What the fence pattern sees (Python-Markdown's NormalizeWhitespace first):
    tabs expanded, lines of only whitespace empty; the same lines as `text`."""
    return "\n".join("" if not line.strip() else line.expandtabs(TAB) for line in text.split("\n"))


def fences(text: str) -> list[Fence]:
    """Every fenced code block of `text`, by its lines, in order."""
    normal = normalised(text) + "\n\n"
    found = []
    index = 0
    while match := FENCED_BLOCK.search(normal, index):
        if "}" in (match.group("attrs") or ""):
            # Python-Markdown skips a fence whose {...} leaves text after a "}"; one
            # that it might accept is taken for no fence either, so its text is checked.
            index = match.end("attrs")
            continue
        first = normal.count("\n", 0, match.start())
        found.append(Fence(first, normal.count("\n", 0, match.end()), match.group("attrs")))
        index = match.end()
    return found
