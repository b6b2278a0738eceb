"""Every page carries a Content-Security-Policy: only the site's own scripts, styles,
images and fonts, and no request to another host.

Material puts a few small scripts inline (its `partials/javascripts/`); each page's copy
of those is allowed by its hash, and nothing else inline is, so a script that slipped
into the text would not run. The policy goes in a `<meta>` tag, because the site is
static and may be served by any web server.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache

from ..plan.sanitise import TABLE_ALIGNMENTS
from .bridge import material_inline_script_templates

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
JINJA = re.compile(r"\\\{\\\{.*?\\\}\\\}|\\\{%.*?%\\\}")


@cache
def material_scripts() -> tuple[re.Pattern[str], ...]:
    """Material's inline scripts as patterns: a template value becomes a wildcard."""
    patterns = []
    for template in material_inline_script_templates():
        for body in INLINE_SCRIPT.findall(template):
            patterns.append(re.compile(JINJA.sub(r'[^"<>]*', re.escape(body))))
    return tuple(patterns)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(page_html: str) -> str:
    """The policy for one page: its inline scripts from Material's templates by hash."""
    scripts = sorted(
        {
            _hash(body)
            for body in INLINE_SCRIPT.findall(page_html)
            if any(pattern.fullmatch(body) for pattern in material_scripts())
        }
    )
    styles = sorted(_hash(style) for style in TABLE_ALIGNMENTS)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(scripts),
            "style-src 'self' 'unsafe-hashes' " + " ".join(styles),
            "img-src 'self' data:",  # data: for Material's icons in its stylesheet
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    ).replace("  ", " ")


def with_policy(page_html: str) -> str:
    """The page with its policy as the first element of `<head>`, before any script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    head = page_html.find("<head>")
    if head < 0:
        return page_html
    at = head + len("<head>")
    return page_html[:at] + "\n    " + tag + page_html[at:]
