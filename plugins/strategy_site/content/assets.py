"""What the files a version publishes besides its sections may hold.

A version folder's images and documents are published as they are, at the site's own
address: a reader who opens one opens it on the site's origin, where the page's
Content-Security-Policy (a `<meta>` tag in each HTML page) does not reach. An SVG image
is a document that can run script, load other files and embed web pages; so every SVG
is read here with a strict allow-list of drawing elements and attributes, and anything
outside it is refused with its line. The other kinds are checked to be what their names
say (a PNG that is really an SVG or a web page would be served as one by some servers).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Namespaces drawing programs write their own bookkeeping in; no browser acts on them.
EDITOR_NAMESPACES = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
        "http://ns.adobe.com/AdobeIllustrator/10.0/",
        "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
        "http://ns.adobe.com/Graphs/1.0/",
        "http://ns.adobe.com/Extensibility/1.0/",
        "http://ns.adobe.com/Flows/1.0/",
        "http://ns.adobe.com/ImageReplacement/1.0/",
        "http://ns.adobe.com/SaveForWeb/1.0/",
        "http://ns.adobe.com/Variables/1.0/",
        "http://ns.adobe.com/xap/1.0/",
        "http://www.bohemiancoding.com/sketch/ns",
    }
)
# Drawing: shapes, text, paint servers, clipping, masking, filters, structure. Not
# script, animation (which can set an attribute such as href), foreignObject (a web
# page inside the image), or anything that loads a file.
SVG_ELEMENTS = frozenset(
    {"svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
     "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
     "textPath", "image", "clipPath", "mask", "pattern", "marker", "linearGradient",
     "radialGradient", "stop", "style", "a", "filter", "feBlend", "feColorMatrix",
     "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
     "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
     "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge",
     "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
     "feSpotLight", "feTile", "feTurbulence"}
)  # fmt: skip
# Raster images an SVG may embed in itself (never an SVG: it would be checked nowhere).
DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.I)
LINK_TARGET = re.compile(r"(https?://|mailto:|#)", re.I)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}\s?|.)", re.S)

SVG_HINT = (
    "An SVG image on the site may hold only drawing (shapes, text, gradients, filters): "
    "a reader who opens it opens it on the site, so scripts, animation, embedded pages "
    "and references to other files are refused. Export it again as plain SVG (Inkscape: "
    "'Plain SVG'; Illustrator: no JavaScript, images embedded), or save it as PNG."
)
REFERENCE_HINT = (
    "An SVG on the site may refer only to its own parts (#id), and embed raster images "
    "(PNG, JPEG, GIF, WebP) as data: addresses; embed the image, or save the figure as PNG."
)

# The first bytes of each kind of file (its "magic number").
RASTER_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass(frozen=True)
class AssetProblem:
    line: int | None
    message: str
    hint: str


def asset_problems(path: Path) -> list[AssetProblem]:
    """Why the file at `path` cannot be published as it is (empty: it can)."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".svg":
        return svg_problems(data)
    head = data[:1024]
    if suffix in (".png", ".jpg", ".jpeg", ".gif", ".webp"):
        is_webp = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        if not (head.startswith(RASTER_SIGNATURES) or is_webp):
            return [_not_what_it_says(path, "a PNG, JPEG, GIF or WebP image")]
    elif suffix == ".pdf" and b"%PDF-" not in head:
        return [_not_what_it_says(path, "a PDF document")]
    elif suffix in (".docx", ".xlsx", ".odt") and not head.startswith(ZIP_SIGNATURE):
        return [_not_what_it_says(path, f"a {suffix[1:].upper()} document")]
    return []


def _not_what_it_says(path: Path, what: str) -> AssetProblem:
    return AssetProblem(
        None,
        f"'{path.name}' is not {what}, as its name says",
        "Save the file again in the format its name says, or rename it; a browser may "
        "show a file that is something else than its name as that other thing.",
    )


class _SvgReader:
    """Reads an SVG with expat (namespaces resolved, no DTD, no entities), noting every
    problem with its line."""

    def __init__(self) -> None:
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.problems: list[AssetProblem] = []
        self.depth = 0
        self.style_depth: int | None = None
        self.style_text: list[str] = []
        self.style_line = 0
        parser = self.parser
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.entity
        parser.ProcessingInstructionHandler = self.instruction
        parser.ExternalEntityRefHandler = self.external_entity

    def add(self, message: str, hint: str = SVG_HINT) -> None:
        self.problems.append(AssetProblem(self.parser.CurrentLineNumber, message, hint))

    def read(self, data: bytes) -> list[AssetProblem]:
        try:
            self.parser.Parse(data, True)
        except xml.parsers.expat.ExpatError as error:
            self.problems.append(
                AssetProblem(
                    error.lineno,
                    "the SVG image cannot be read as XML: "
                    + xml.parsers.expat.ErrorString(error.code),
                    "Export the image again from the drawing program; an SVG is an XML file.",
                )
            )
        return self.problems

    def doctype(self, name: str, system: str | None, public: str | None, internal: int) -> None:
        if internal:
            self.add("the SVG image declares its own DTD (<!DOCTYPE ... [ ... ]>)")

    def entity(self, name: str, *args: object) -> None:
        self.add(f"the SVG image declares the entity '{name}' (<!ENTITY>)")

    def instruction(self, target: str, data: str) -> None:
        self.add(f"the SVG image holds the processing instruction <?{target} ...?>")

    def external_entity(self, *args: object) -> int:
        self.add("the SVG image refers to an external entity")
        return 1

    def start(self, qualified: str, attributes: dict[str, str]) -> None:
        namespace, _, name = qualified.rpartition(" ")
        self.depth += 1
        if self.depth == 1 and (namespace, name) != (SVG, "svg"):
            self.add(f"the file is not an SVG image: it starts with <{name}>, not <svg>")
        if namespace == SVG:
            if name not in SVG_ELEMENTS:
                self.add(f"the element <{name}> is not allowed in an SVG image")
        elif namespace not in EDITOR_NAMESPACES:
            where = f" (namespace {namespace})" if namespace else ""
            self.add(f"the element <{name}>{where} is not allowed in an SVG image")
        for key, value in attributes.items():
            self._attribute(name if namespace == SVG else "", key, value)
        if namespace == SVG and name == "style" and self.style_depth is None:
            self.style_depth, self.style_text = self.depth, []
            self.style_line = self.parser.CurrentLineNumber

    def end(self, qualified: str) -> None:
        if self.style_depth == self.depth:
            self._css("".join(self.style_text), "<style>")
            self.style_depth = None
        self.depth -= 1

    def text(self, data: str) -> None:
        if self.style_depth is not None:
            self.style_text.append(data)

    def _attribute(self, element: str, qualified: str, value: str) -> None:
        namespace, _, name = qualified.rpartition(" ")
        if name.lower().startswith("on"):
            self.add(
                f"the attribute '{name}' is not allowed in an SVG image",
                "Scripts cannot run on the site; remove the attribute.",
            )
            return
        if namespace in EDITOR_NAMESPACES:
            return
        if namespace not in ("", XLINK, XML):
            self.add(
                f"the attribute '{name}' (namespace {namespace}) is not allowed in an SVG image"
            )
            return
        if name == "href":
            self._reference(element, value.strip())
        elif name == "style":
            self._css(value, f"the attribute style on <{element or '?'}>")
        elif "url(" in value.lower() or "javascript:" in value.lower():
            self._css(value, f"the attribute {name}")  # fill="url(#gradient)" and the like

    def _reference(self, element: str, value: str) -> None:
        if value.startswith("#"):
            return
        if element in ("image", "feImage") and DATA_IMAGE.fullmatch(value):
            return
        if element == "a" and LINK_TARGET.match(value):
            return  # a link the reader may follow, like a link in the text
        shown = value if len(value) <= 80 else value[:77] + "..."
        self.add(f"the SVG image refers to another file or host: '{shown}'", REFERENCE_HINT)

    def _css(self, css: str, where: str) -> None:
        plain = CSS_ESCAPE.sub(_unescape_css, css)
        lowered = plain.lower()
        if "@import" in lowered:
            message = f"{where} in the SVG image imports another stylesheet (@import)"
            self.add(message, REFERENCE_HINT)
        for match in CSS_URL.finditer(plain):
            target = match.group(2).strip()
            if not target.startswith("#") and not DATA_IMAGE.fullmatch(target):
                shown = target if len(target) <= 80 else target[:77] + "..."
                self.add(f"the SVG image refers to another file or host: '{shown}'", REFERENCE_HINT)
        for word in ("expression(", "javascript:", "-moz-binding", "behavior:"):
            if word in lowered:
                self.add(f"{where} in the SVG image holds '{word}'")


def _unescape_css(match: re.Match[str]) -> str:
    escaped = match.group(1)
    if re.fullmatch(r"[0-9a-fA-F]{1,6}\s?", escaped):
        try:
            return chr(int(escaped.strip(), 16))
        except (ValueError, OverflowError):
            return "\ufffd"
    return escaped


def svg_problems(data: bytes) -> list[AssetProblem]:
    """Everything in an SVG file outside the allow-list, with its line."""
    return _SvgReader().read(data)
