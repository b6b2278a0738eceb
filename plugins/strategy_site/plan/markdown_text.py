"""Plain text placed inside generated Markdown, so that it reads as the text it is.

A title such as `"><img src=x onerror=alert(1)>` or `Skog {: onclick=x }` must come
out as those characters, not as HTML or attributes: HTML's special characters become
entities and Markdown's become backslash escapes, so neither Markdown nor attr_list nor
raw HTML sees anything but text. Escaped exactly once: the result is Markdown source.
"""

from __future__ import annotations

import re

# Python-Markdown's escapable characters (markdown.Markdown.ESCAPED_CHARS) and the ones
# the enabled extensions add; '<', '>' and '&' become entities instead.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def markdown_text(text: str) -> str:
    """`text` as Markdown source that renders as exactly that text, on one line."""
    text = " ".join(text.split())
    text = "".join(_HTML.get(char, char) for char in text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def html_for_markdown(html: str) -> str:
    """HTML (a partial's) placed inside generated Markdown, with the quotes that Jinja's
    escaping writes as numeric references written as named ones: HTML in the site's
    Markdown carries no '&#' (the rule figures/svg.py's `esc` keeps, for Python-Markdown's
    raw HTML stash)."""
    text = str(html)  # a plain string: Markup's own replace and + would escape again
    return text.replace("&#39;", "&apos;").replace("&#x27;", "&apos;").replace("&#34;", "&quot;")
