"""Responding to an open consultation: pre-filled e-mails and a response template.

The reading guide asks respondents for concrete proposals with sources and the reference
number; these make that the easy path. Everything is a plain link or a file: no forms,
no server.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from ..model import CONSULTATION, Section, Strategy, Version
from . import docx
from .texts import format_marked, t

PARAGRAPH = "{p}"  # stands for the paragraph number in a template


def is_open(version: Version, today: date) -> bool:
    return (
        version.status == CONSULTATION
        and version.consultation is not None
        and version.consultation.state_on(today) == "open"
    )


def comment_href(
    strategy: Strategy, version: Version, section: Section, lang: str, paragraph: str | None
) -> str:
    """A mailto: link with recipient, reference, section (and paragraph) filled in.

    `paragraph` may be PARAGRAPH, kept literally so the renderer can fill in the number.
    """
    consultation = version.consultation
    assert consultation is not None
    if "@" not in consultation.respond_to:  # a web form: nothing to fill in
        return consultation.respond_to
    name = strategy.text(version.title, lang)
    translation = section.translations.get(lang)
    title = translation.title if translation is not None else section.title
    where = (
        t(lang, "comment.where_paragraph", number=section.number, p=paragraph)
        if paragraph
        else section.number
    )
    subject = t(
        lang, "comment.subject", version=name, reference=consultation.reference, where=where
    )
    body = t(
        lang,
        "comment.body",
        reference=consultation.reference,
        version=name,
        number=section.number,
        title=title,
        paragraph=t(lang, "comment.body_paragraph", p=paragraph) if paragraph else "",
    )
    href = (
        f"mailto:{quote(consultation.respond_to, safe='@')}"
        f"?subject={_encode(subject)}&body={_encode(body)}"
    )
    return href


def _encode(text: str) -> str:
    """Percent-encoded for a mailto: URL (RFC 6068), keeping {p} for the renderer."""
    return PARAGRAPH.join(quote(part, safe="") for part in text.split(PARAGRAPH))


TITLE, HEADING, FIELD, TEXT = "Title", "Heading1", "Heading2", None


def template_blocks(
    strategy: Strategy, version: Version, lang: str
) -> list[tuple[str, str | None]]:
    """The response template as (text, kind) paragraphs: the title, the instructions,
    then for every section room for comment, proposed change and sources."""
    consultation = version.consultation
    assert consultation is not None
    name = strategy.text(version.title, lang)
    intro = t(
        lang,
        "template.intro",
        respond_to=consultation.respond_to,
        closes=format_marked(consultation.closes, consultation.closes_mark, lang),
        reference=consultation.reference,
    )
    blocks: list[tuple[str, str | None]] = [
        (t(lang, "template.title"), TITLE),
        (f"{strategy.text(strategy.title, lang)}: {name}", TEXT),
        (intro, TEXT),
        (f"{t(lang, 'template.sender')}:", FIELD),
        ("", TEXT),
    ]
    headings = [t(lang, "template.general")]
    for section in version.sections.values():
        translation = section.translations.get(lang)
        title = translation.title if translation is not None else section.title
        headings.append(f"{section.number} {title}")
    fields = [t(lang, key) for key in ("template.comment", "template.proposal", "template.sources")]
    for heading in headings:
        blocks.append((heading, HEADING))
        for field_name in fields:
            blocks += [(f"{field_name}:", FIELD), ("", TEXT)]
    return blocks


def response_template(strategy: Strategy, version: Version, lang: str) -> str:
    """The template as plain text, underlined headings and blank lines to write in."""
    lines: list[str] = []
    for text, kind in template_blocks(strategy, version, lang):
        if kind == TITLE:
            lines += [text, "=" * len(text), ""]
        elif kind == HEADING:
            lines += [text, "-" * len(text), ""]
        elif kind == FIELD:
            lines.append(text)
        else:
            lines += [text, ""] if text else ["", ""]
    return "\n".join(lines)


def response_template_docx(strategy: Strategy, version: Version, lang: str) -> bytes:
    """The same template as a Word document, with real headings."""
    return docx.document(template_blocks(strategy, version, lang), lang)
