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

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..fences import fences
from .markdown_code import masked
from .markdown_links import parse_target

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
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
NAME = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*")

# A tag as the HTML standard's tokenizer reads it: the name runs to a space, "/" or ">"
# (`<a=>` is the element "a="), and a quote delimits a value only after "=" (elsewhere
# it is part of a name or an unquoted value).
TAG = re.compile(
    r"<(/?)([A-Za-z][^\s/>]*)(?=[\s/>])((?:[^>\"'=]|=\s*\"[^\"]*\"|=\s*'[^']*'|=|[\"'])*+)>",
    re.S,
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
    "ids p1, p2, ... are the paragraph numbers."
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
    text = masked(body)

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset)

    text, comments = _without_comments(text)
    for offset, message, hint in comments:
        yield Violation(line_of(offset), message, hint)
    for match in TAG.finditer(text):
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


# Characters that make text read otherwise than it is written (bidirectional overrides
# and isolates, "Trojan Source"), and NUL, which browsers and parsers read differently.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE_HINT = (
    "It is invisible, and can make the text read otherwise than it is written (or be "
    "read differently by different programs); delete it, for example by retyping the "
    "words around it."
)


def character_name(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name and char == "\x00":
        name = "NUL"
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _invisible(body: str) -> Iterator[Violation]:
    for index, line in enumerate(body.split("\n")):
        for char in sorted({c for c in line if c == "\x00" or c in BIDI_CONTROLS}):
            yield Violation(
                index,
                f"the text holds the control character {character_name(char)}",
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
    while (start := text.find("<!--", position)) >= 0:
        parts.append(text[position:start])
        rest = text[start + 4 :]
        ends = [(i, token) for token in ("-->", "--!>") if (i := rest.find(token)) >= 0]
        problem = None
        if rest.startswith((">", "->")):
            form = "<!-->" if rest.startswith(">") else "<!--->"
            problem = f"the HTML comment {form} is read differently by browsers and by Markdown"
        elif not ends:
            problem = "the HTML comment is not closed with -->"
        if problem is not None:
            problems.append((start, problem, COMMENT_HINT))
            parts.append(text[start : start + 4])
            position = start + 4
            continue
        end, token = min(ends)
        if token == "--!>":
            problem = (
                "the HTML comment ends with --!>, which browsers and Markdown read differently"
            )
        elif "<!--" in rest[: end + 3]:  # where Markdown's (?!<!--) looks
            problem = "the HTML comment holds another <!--"
        if problem is not None:
            problems.append((start, problem, COMMENT_HINT))
        stop = start + 4 + end + len(token)
        parts.append(re.sub(r"[^\n]", " ", text[start:stop]))
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
        elif key == "id" and PARAGRAPH_ANCHOR.fullmatch(value):
            yield f"the id '{value}' is a paragraph number's anchor", ATTR_HINT
        elif key in ("lang", "hreflang") and not LANGUAGE_CODE.fullmatch(value):
            yield f"'{value}' is not a language code", "Use a code such as sv or en."
        elif key == "href":
            problem = link_problem(value, image=False)
            if problem:
                yield problem
        elif key == "src":
            problem = link_problem(value, image=True)
            if problem:
                yield problem


def _attr_list_problems(inner: str) -> Iterator[str]:
    for token in ATTR_TOKEN.finditer(inner):
        key, value, bare = token.group(1), token.group(2), token.group(3)
        if bare is not None:
            if bare.startswith("#") and PARAGRAPH_ANCHOR.fullmatch(bare[1:]):
                yield f"the id '{bare[1:]}' is a paragraph number's anchor"
            elif bare.startswith((".", "#")) and not NAME.fullmatch(bare[1:]):
                yield f"'{bare}' is not a valid class or id"
            continue  # a bare word: ordinary text in braces, or a harmless flag
        key = key.lower()
        value = value.strip("\"'")
        if key in ("lang", "hreflang"):
            if not LANGUAGE_CODE.fullmatch(value):
                yield f"'{value}' is not a language code"
        elif key == "id" and PARAGRAPH_ANCHOR.fullmatch(value):
            yield f"the id '{value}' is a paragraph number's anchor"
        elif key not in ("class", "id"):
            yield f"the attribute '{key}' cannot be set with {{: ... }}"


def link_problem(target: str, image: bool) -> tuple[str, str] | None:
    """Why a link (or, with `image`, an embedded file) is refused, or None.

    Read as the browser reads it: entities decoded, tabs and newlines dropped."""
    target = URL_IGNORED.sub("", html.unescape(target)).strip("\x00- ")
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
    if target.lower().startswith("mailto:") and re.search(r"[?&](bcc|cc)=", target, re.I):
        return (
            f"the mail link '{target}' adds recipients",
            "Link to the address alone: mailto:name@example.se.",
        )
    return None
