"""Headings whose accessible name is their text, not their text and "¶".

Python-Markdown's toc extension puts the permalink inside the heading, so a screen reader
names every heading "Inledning ¶". Here the heading's text gets a span of its own that
names the heading (`aria-labelledby`), and the permalink gets a name of its own, in the
page's language (the toc extension's `permalink_title`, set per language by the plugin).
"""

from __future__ import annotations

import re

HEADING = re.compile(
    r'<h(?P<level>[1-6])(?P<before>[^>]*?) id="(?P<id>[^"]+)"(?P<after>[^>]*)>'
    r"(?P<text>(?:(?!</h[1-6]>).)*?)"
    r'(?P<link><a class="headerlink" href="#(?P=id)" title="(?P<title>[^"]*)">)'
    r"(?P<sign>¶|&para;)</a></h(?P=level)>",
    re.DOTALL,
)


def _named(match: re.Match[str]) -> str:
    level, heading_id, title = match["level"], match["id"], match["title"]
    name_id = f"{heading_id}--name"
    link = match["link"].replace(" title=", f' aria-label="{title}" title=', 1)
    return (
        f'<h{level}{match["before"]} id="{heading_id}"{match["after"]}'
        f' aria-labelledby="{name_id}"><span id="{name_id}">{match["text"]}</span>'
        f"{link}{match['sign']}</a></h{level}>"
    )


def name_headings(html: str) -> str:
    """Every heading with a permalink, named by its text alone."""
    return HEADING.sub(_named, html)
