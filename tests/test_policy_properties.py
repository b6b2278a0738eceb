"""The body policy and the sanitiser agree on any text: what `check` accepts, the
sanitiser leaves whole, in a section as the site renders it and in a changes view.

Texts are made of pieces an attacker (or a hurried editor) would combine: raw HTML,
comments of every form, code spans, fences, indented code, lists, quotes. When the
policy finds nothing to refuse, rendering the text with the site's Markdown and passing
it through the sanitiser must remove nothing; else the policy let something past that
the build would catch only as a warning (check and the build would disagree).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategy_site.content.body_policy import violations
from strategy_site.derive.diff import DiffLabels, diff_body, render_markdown
from strategy_site.plan.sanitise import sanitise

sys.path.insert(0, str(Path(__file__).parent / "diff"))

# What the site renders a section with: MkDocs' own, mkdocs.yml's and the plugin's.
EXTENSIONS = [
    "toc",
    "tables",
    "fenced_code",
    "admonition",
    "footnotes",
    "attr_list",
    "md_in_html",
    "pymdownx.details",
    "strategy_site.plan.paragraphs",
]
PIECES = [
    "\n",
    "\n\n",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n    ",
    "\n  ",
    "\n```\n",
    "```",
    "\n~~~\n",
    "``` {.py}\n",
    "`",
    "``",
    "\\",
    "\\`",
    "<!--",
    "-->",
    "<!-->",
    "--!>",
    "<div>",
    "</div>",
    '<div markdown="1">',
    "<p>",
    "</p>",
    "<span>",
    "</span>",
    "<details>",
    "<script>",
    "</script>",
    "<style>",
    '<img src="karta.png" alt="k">',
    '<img src="https://evil.example/p.png">',
    "<img src=x onerror=alert(1)>",
    "<img alt=it's onerror=alert(1)>",
    '<a href="javascript:alert(1)">',
    "[x](javascript:y)",
    "![k](https://evil.example/k.png)",
    "![k](karta.png)",
    "{: onclick=x }",
    "{: .klass }",
    '!!! note "T"\n    ',
    "\n| a | b |\n|---|---|\n| ",
    " | ",
    "<",
    ">",
    "'",
    '"',
    "=",
    " ",
    "text",
    "#",
]
piece = st.one_of(st.sampled_from(PIECES), st.text(alphabet="ab <>`'\"=\n-!", max_size=4))
bodies = st.lists(piece, max_size=18).map("".join)
EXAMPLES = int(os.environ.get("POLICY_EXAMPLES", "400"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
LABELS = DiffLabels("Tillagt:", "Borttaget:")


def removed(markdown_text: str) -> list[str]:
    html = markdown.markdown(markdown_text, extensions=EXTENSIONS)
    return sanitise(html, "v1/skog/")[1]


@PROPERTY
@given(bodies)
def test_what_the_policy_accepts_the_sanitiser_keeps(body: str) -> None:
    if list(violations(body)):
        return
    assert removed(body) == [], body


@PROPERTY
@given(bodies, bodies)
def test_changes_between_accepted_texts_are_kept_whole(old: str, new: str) -> None:
    if list(violations(old)) or list(violations(new)):
        return
    annotated = render_markdown(diff_body(old, new), LABELS)
    assert removed(annotated) == [], (old, new, annotated)
