"""A minimal Word document (.docx) for the response template, written by hand.

Respondents at municipalities and companies answer consultations in a word processor, so
the template is offered as a document too. It needs only headings and paragraphs, which
a few lines of WordprocessingML give; no dependency is worth that. Zip entries carry a
fixed date, so the same content gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

FIXED_DATE = (2020, 1, 1, 0, 0, 0)

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

CONTENT_TYPES = (
    f'{XML}<Types xmlns="{PACKAGE}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{WML}.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/styles" Target="styles.xml"/>'
    "</Relationships>"
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _style(style_id: str, name: str, size: int, bold: bool, outline: int | None) -> str:
    outline_xml = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    bold_xml = "<w:b/>" if bold else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" '
        f'w:after="120"/>{outline_xml}</w:pPr><w:rPr>{bold_xml}<w:sz w:val="{size}"/></w:rPr>'
        "</w:style>"
    )


STYLES = (
    f'{XML}<w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:rPr><w:sz w:val="22"/></w:rPr></w:style>'
    + _style("Title", "Title", 36, True, None)
    + _style("Heading1", "heading 1", 30, True, 0)
    + _style("Heading2", "heading 2", 26, True, 1)
    + _style("Heading3", "heading 3", 22, True, 2)
    + "</w:styles>"
)


def _paragraph(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = "<w:r><w:br/></w:r>".join(
        f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>' for line in text.split("\n")
    )
    return f"<w:p>{props}{runs}</w:p>"


def document(blocks: list[tuple[str, str | None]], lang: str) -> bytes:
    """A .docx of (text, style) paragraphs; style is None, "Title" or "Heading1".."3"."""
    body = "".join(_paragraph(text, style) for text, style in blocks)
    xml = f'{XML}<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    settings_lang = f'<w:lang w:val="{escape(lang)}"/>'
    styles = STYLES.replace("<w:rPr><w:sz", f"<w:rPr>{settings_lang}<w:sz", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", PACKAGE_RELS),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", styles),
            ("word/document.xml", xml),
        ):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
