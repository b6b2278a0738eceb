"""What a section body may contain: Markdown, a short list of HTML, nothing that runs.

The site is published under a public authority's name and promises its readers that it
runs no one else's script and makes their browser contact no other host. Bodies are
written by many hands, so every body is checked here, with the line of each problem, so
that the editor fixes the text and nothing is dropped in silence:

- raw HTML only from `ALLOWED_TAGS`, with the attributes of `ALLOWED_ATTRIBUTES`;
- attr_list (`{: .klass #id }`) only classes, ids that are not paragraph anchors
  (`p1`, `p2`, ...) and language codes;
- links only to http, https and mailto addresses or within the site;
- images and other embedded files only from the version's own folder.

The same lists drive the sanitiser the build runs over the rendered HTML (defence in
depth, `plan/sanitise.py`), so what `check` accepts is what the sanitiser keeps.
"""

from __future__ import annotations

import bisect
import html
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

from ..fences import fences
from .markdown_code import masked
from .markdown_links import parse_target
from .yamlfile import BIDI_CONTROLS, INVISIBLE_HINT, character_name

# HTML an editor may write in a section (named in docs/redaktorer.md).
ALLOWED_TAGS = frozenset(
    {
        "abbr", "b", "br", "caption", "cite", "dd", "del", "details", "div", "dl", "dt",
        "em", "figcaption", "figure", "i", "ins", "kbd", "li", "mark", "ol", "p", "q",
        "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "u", "ul", "a", "img",
    }
)  # fmt: skip
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "title", "markdown", "hreflang"})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "abbr": frozenset(),
}
LINK_SCHEMES = ("http", "https", "mailto")
PARAGRAPH_ANCHOR = re.compile(r"p\d+")
CHANGE_STOP = re.compile(r"andring-\d+")  # plan/paragraphs.py CHANGE_ID
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
NAME = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*")

# A tag as the HTML standard's tokenizer reads it: the name runs to a space, "/" or ">"
# (`<a=>` is the element "a="), and a quote delimits a value only after "=" (elsewhere
# it is part of a name or an unquoted value). Bounded, so that no text makes it slow.
TAG_LIMIT = 2000  # characters a tag (and a quoted value) may have
TAG_START = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
TAG = re.compile(
    r"<(/?)([A-Za-z][^\s/>]*)(?=[\s/>])"
    rf"((?:[^>\"'=]|=\s*\"[^\"]{{0,{TAG_LIMIT}}}+\"|=\s*'[^']{{0,{TAG_LIMIT}}}+'|=|[\"'])"
    rf"{{0,{TAG_LIMIT}}}+)>",
    re.S,
)
UNREAD_TAG = (
    f"an HTML tag that is not closed where it seems to be, or longer than {TAG_LIMIT} characters",
    "Check the quotes and the '>' of the tag on this line; write long texts outside tags.",
)
# Python-Markdown reads code spans first and HTML after, so `<a`x`>` is a raw tag with
# the code's HTML put inside it (a browser reads `<a<code>`): the policy cannot see it.
CODE_IN_TAG = (
    "a code span (`...`) inside an HTML tag",
    "Move the code out of the tag, or write &lt; for a '<' that is text.",
)
ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}")
ATTR_TOKEN = re.compile(r"([^\s=]+)=(\"[^\"]*\"|'[^']*'|\S+)|(\S+)")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
URL_IGNORED = re.compile(r"[\t\n\r]")
IMAGE_REFERENCE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?![(\[])")
# The target of an inline link or image, which may start on the next line (as in
# Python-Markdown); its [text], which may span lines, is found from here backwards.
INLINE_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
LINK_TEXT_LIMIT = 2000  # characters a link's text is looked for in
DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)", re.M)

TAGS_HINT = (
    "Write Markdown; of HTML only these tags are allowed: "
    + ", ".join(sorted(ALLOWED_TAGS))
    + " (see the editors' guide)."
)
ATTR_HINT = (
    "Only classes (.name), ids (#name) and languages (lang=en) may be set with {: ... }; "
    "ids p1, p2, ... are the paragraph numbers, andring-1, andring-2, ... the changes, and "
    "ids starting with __ the theme's."
)


@dataclass(frozen=True)
class Violation:
    line: int  # 0-based line index within the body
    message: str
    hint: str


def violations(body: str) -> Iterator[Violation]:
    """Everything in `body` that the policy refuses, in order."""
    yield from _invisible(body)
    for fence in fences(body):
        if fence.attrs is not None:  # attr_list puts these on the code block's <code>
            for message in _attr_list_problems(fence.attrs):
                yield Violation(fence.first, message, ATTR_HINT)
    text = code_free = masked(body)

    newlines = [i for i, char in enumerate(text) if char == "\n"]

    def line_of(offset: int) -> int:
        return bisect.bisect_left(newlines, offset)

    text, comments = _without_comments(text)
    for offset, message, hint in comments:
        yield Violation(line_of(offset), message, hint)
    for match in _tags(text):
        if isinstance(match, int):
            yield Violation(line_of(match), *UNREAD_TAG)
            continue
        if _holds_code(body, code_free, match.start(), match.end()):
            yield Violation(line_of(match.start()), *CODE_IN_TAG)
            continue
        for message, hint in _tag_problems(match):
            yield Violation(line_of(match.start()), message, hint)
    for match in ATTR_LIST.finditer(text):
        for message in _attr_list_problems(match.group(1)):
            yield Violation(line_of(match.start()), message, ATTR_HINT)
    definitions = {m.group(1).lower(): m.group(2) for m in DEFINITION.finditer(text)}
    for match in IMAGE_REFERENCE.finditer(text):
        target = definitions.get((match.group(2) or match.group(1)).lower())
        problem = link_problem(target, image=True) if target is not None else None
        if problem:
            yield Violation(line_of(match.start()), *problem)
    for match in INLINE_TARGET.finditer(text):
        opening = _opening_bracket(text, match.start())
        if opening is None:
            continue  # no link: Python-Markdown needs the [text] before (target)
        is_image = opening > 0 and text[opening - 1] == "!"
        target = parse_target(match.group(1))
        if target.kind == "external" or (is_image and target.kind != "invalid"):
            problem = link_problem(target.target, is_image)
            if problem:
                yield Violation(line_of(match.start(1)), *problem)
    for match in DEFINITION.finditer(text):
        if parse_target(match.group(2)).kind == "external":
            problem = link_problem(match.group(2), image=False)
            if problem:
                yield Violation(line_of(match.start()), *problem)
    for match in AUTOLINK.finditer(text):
        problem = link_problem(match.group(1), image=False)
        if problem:
            yield Violation(line_of(match.start()), *problem)


def _holds_code(body: str, code_free: str, start: int, end: int) -> bool:
    """Whether masking blanked code within body[start:end] (whitespace aside)."""
    return any(
        kept != written and not written.isspace()
        for kept, written in zip(code_free[start:end], body[start:end], strict=True)
    )


def _blank(text: str) -> str:
    """Spaces for every character of `text` but its newlines."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(line) for line in text.split("\n"))


def _tags(text: str) -> Iterator[re.Match[str] | int]:
    """Every tag of `text` in order; the position of a `<name` whose tag the pattern
    cannot read (a browser might, so it is refused), after which the search goes on
    behind the next '>'."""
    position = 0
    while (start := TAG_START.search(text, position)) is not None:
        match = TAG.match(text, start.start())
        if match is not None:
            yield match
            position = match.end()
            continue
        close = text.find(">", start.start())
        if close < 0:
            return  # no '>' is left: no tag can end, nothing further is HTML
        yield start.start()
        position = close + 1


def _opening_bracket(text: str, close: int) -> int | None:
    """Where the `[` that the `]` at `close` closes is, within its paragraph, or None."""
    depth = 0
    index = close - 1
    stop = max(close - LINK_TEXT_LIMIT, 0)
    while index >= stop:
        char = text[index]
        escaped = index > 0 and text[index - 1] == "\\"
        if char == "\n" and not text[text.rfind("\n", 0, index) + 1 : index].strip():
            return None  # a blank line: another paragraph
        if char == "]" and not escaped:
            depth += 1
        elif char == "[" and not escaped:
            if depth == 0:
                return index
            depth -= 1
        index -= 1
    return None


# NUL, which parsers read differently, and the bidirectional controls.
INVISIBLE = re.compile(f"[\x00{BIDI_CONTROLS}]")


def _invisible(body: str) -> Iterator[Violation]:
    seen: set[tuple[int, str]] = set()
    newlines = [i for i, char in enumerate(body) if char == "\n"] if INVISIBLE.search(body) else []
    for match in INVISIBLE.finditer(body):
        line = bisect.bisect_left(newlines, match.start())
        if (line, match.group()) not in seen:
            seen.add((line, match.group()))
            yield Violation(
                line,
                f"the text holds the control character {character_name(match.group())}",
                INVISIBLE_HINT,
            )


COMMENT_HINT = "Write an HTML comment as <!-- text -->, or remove it."


def _without_comments(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The text with HTML comments blanked, read as browsers read them (the HTML
    standard's tokenizer): `<!-->` and `<!--->` are whole, empty comments, and `--!>`
    ends one. Those forms, a comment holding `<!--` (which Markdown takes for text, and
    the HTML in it for HTML), and unclosed comments are refused, so that what the
    policy takes for a comment is one for every reader."""
    problems: list[tuple[int, str, str]] = []
    parts = []
    position = 0
    found: dict[str, int] = {}

    def following(token: str, index: int) -> int:
        """The next `token` at or after `index` (remembered: each text is searched once)."""
        known = found.get(token)
        if known is None or (0 <= known < index):
            known = found[token] = text.find(token, index)
        return known

    while (start := text.find("<!--", position)) >= 0:
        parts.append(text[position:start])
        inner = start + 4
        ends = [(i, t) for t in ("-->", "--!>") if (i := following(t, inner)) >= 0]
        problem = None
        if text.startswith((">", "->"), inner):
            form = "<!-->" if text.startswith(">", inner) else "<!--->"
            problem = f"the HTML comment {form} is read differently by browsers and by Markdown"
        elif not ends:
            problem = "the HTML comment is not closed with -->"
        if problem is not None:
            problems.append((start, problem, COMMENT_HINT))
            parts.append(text[start:inner])
            position = inner
            continue
        end, token = min(ends)
        if token == "--!>":
            problem = (
                "the HTML comment ends with --!>, which browsers and Markdown read differently"
            )
        elif 0 <= following("<!--", inner) < end + 3:  # where Markdown's (?!<!--) looks
            problem = "the HTML comment holds another <!--"
        if problem is not None:
            problems.append((start, problem, COMMENT_HINT))
        stop = end + len(token)
        parts.append(_blank(text[start:stop]))
        position = stop
    parts.append(text[position:])
    return "".join(parts), problems


def _tag_problems(match: re.Match[str]) -> Iterator[tuple[str, str]]:
    closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
    if name not in ALLOWED_TAGS:
        if not closing:  # the opening tag is reported
            yield f"the HTML tag <{name}> is not allowed in a section", TAGS_HINT
        return
    if closing:
        return
    allowed = GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(name, frozenset())
    for attribute in ATTRIBUTE.finditer(rest):
        key = attribute.group(1).lower()
        value = (attribute.group(2) or "").strip("\"'")
        if key not in allowed:
            if key.startswith("on"):
                hint = "Scripts cannot run on the site; remove the attribute."
            else:
                hint = f"Allowed on <{name}>: {', '.join(sorted(allowed))}."
            yield f"the attribute '{key}' is not allowed on <{name}>", hint
        elif key == "id" and (taken := id_problem(value)):
            yield taken, ATTR_HINT
        elif key in ("lang", "hreflang") and not LANGUAGE_CODE.fullmatch(value):
            yield f"'{value}' is not a language code", "Use a code such as sv or en."
        elif key in ("href", "src") and (refused := link_problem(value, key == "src")):
            yield refused


def _attr_list_problems(inner: str) -> Iterator[str]:
    for token in ATTR_TOKEN.finditer(inner):
        key, value, bare = token.group(1), token.group(2), token.group(3)
        if bare is not None:
            if bare.startswith("#") and (problem := id_problem(bare[1:])):
                yield problem
            elif bare.startswith((".", "#")) and not NAME.fullmatch(bare[1:]):
                yield f"'{bare}' is not a valid class or id"
            continue  # a bare word: ordinary text in braces, or a harmless flag
        key = key.lower()
        value = value.strip("\"'")
        if key in ("lang", "hreflang"):
            if not LANGUAGE_CODE.fullmatch(value):
                yield f"'{value}' is not a language code"
        elif key == "id" and (problem := id_problem(value)):
            yield problem
        elif key not in ("class", "id"):
            yield f"the attribute '{key}' cannot be set with {{: ... }}"


def id_problem(value: str) -> str | None:
    """Why an id an editor sets is refused: one the page already has (a paragraph's
    anchor, a change's stop on a changes view, an element of the theme's own)."""
    if PARAGRAPH_ANCHOR.fullmatch(value):
        return f"the id '{value}' is a paragraph number's anchor"
    if CHANGE_STOP.fullmatch(value):
        return f"the id '{value}' marks a change on the pages of changes"
    if value.startswith("__"):
        return f"the id '{value}' is the theme's (ids starting with __ are)"
    return None


def link_problem(target: str, image: bool) -> tuple[str, str] | None:
    """Why a link (or, with `image`, an embedded file) is refused, or None.

    Read as the browser reads it: entities decoded, tabs and newlines dropped, and a
    backslash read as a slash (the URL standard does so in http(s) addresses, so
    `\\\\host/x.png` is `//host/x.png`)."""
    target = URL_IGNORED.sub("", html.unescape(target)).strip("\x00- ").replace("\\", "/")
    scheme = SCHEME.match(target)
    if image:
        if scheme or target.startswith("//"):
            return (
                f"the image '{target}' is not in the version's folder",
                "Images are shown only from the version's own folder, so that reading the "
                "site contacts no other host: save the file beside the sections and write "
                "its name.",
            )
        parsed = parse_target(target)
        if parsed.kind != "asset":
            return (
                f"the image '{target}' is not in the version's folder",
                parsed.reason or "Write the name of a file in the version's folder.",
            )
        return None
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        return (
            f"the link '{target}' uses the scheme '{scheme.group(1)}:'",
            "Links may go to http://, https:// and mailto: addresses, or within the site.",
        )
    decoded = urllib.parse.unquote(target)  # as a mail program reads it: %62cc is bcc
    address = decoded[len("mailto:") :].split("?", 1)[0]
    if target.lower().startswith("mailto:") and (
        re.search(r"[?&](bcc|cc|to)=", decoded, re.I) or re.search(r"[,;]", address)
    ):
        return (
            f"the mail link '{target}' adds recipients",
            "Link to the address alone: mailto:name@example.se.",
        )
    return None
