"""Plain-text rendering of a diff for the command line.

Shows the Markdown source, not the rendered page: per section a header line, then only
the blocks that changed, with unchanged stretches elided. With colour, insertions are
green and underlined, deletions red and struck through; without, they are `[+…+]` and
`[-…-]` (as `git diff --word-diff` writes them), so the output survives pipes and logs.
"""

from __future__ import annotations

from .blocks import BLANK
from .body import CHANGED, DELETED, EQUAL, INSERTED, BlockDiff, BodyDiff
from .versions import MOVED, RENAMED, SectionChange, VersionComparison
from .words import EQUAL as OP_EQUAL

_GREEN = "\x1b[32;4m"
_RED = "\x1b[31;9m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"

_GLYPH = {CHANGED: "~ ", INSERTED: "+ ", DELETED: "- "}


def _marked(text: str, inserted: bool, color: bool) -> str:
    """Mark `text` line by line, so a marker never runs across a line break."""
    out = []
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append("\n")
        if not line:
            continue
        if color:
            out.append(f"{_GREEN if inserted else _RED}{line}{_RESET}")
        else:
            out.append(f"[+{line}+]" if inserted else f"[-{line}-]")
    return "".join(out)


def _block_text(bd: BlockDiff, color: bool) -> str:
    if bd.status == INSERTED:
        assert bd.new is not None
        return _marked(bd.new.text.rstrip("\n"), True, color)
    if bd.status == DELETED:
        assert bd.old is not None
        return _marked(bd.old.text.rstrip("\n"), False, color)
    assert bd.new_tokens is not None
    parts = [bd.new_tokens.lead]
    for op in bd.ops:
        if op.tag == OP_EQUAL:
            parts += [t.text + t.gap for t in op.new]
            continue
        if op.old:
            text = "".join(t.text + t.gap for t in op.old)
            body = text.rstrip()
            parts.append(_marked(body, False, color))
            if op.new:
                touching = body[-1:].isalnum() and op.new[0].text[:1].isalnum()
                parts.append(" " if text != body or touching else "")
            else:
                parts.append(text[len(body) :].replace("\n", " "))
        if op.new:
            text = "".join(t.text + t.gap for t in op.new)
            body = text.rstrip()
            parts.append(_marked(body, True, color))
            parts.append(text[len(body) :])
    parts.append(bd.new_tokens.tail)
    return "".join(parts).rstrip("\n")


def render_body(diff: BodyDiff, color: bool, indent: str = "  ") -> str:
    lines: list[str] = []
    skipped = 0

    def flush() -> None:
        nonlocal skipped
        if skipped:
            note = f"{indent}  … {skipped} unchanged block{'s' if skipped > 1 else ''} …"
            lines.append(f"{_DIM}{note}{_RESET}" if color else note)
            skipped = 0

    for bd in diff.blocks:
        block = bd.new or bd.old
        if block is None or block.kind == BLANK:
            continue
        if bd.status == EQUAL:
            skipped += 1
            continue
        flush()
        glyph = _GLYPH[bd.status]
        for n, line in enumerate(_block_text(bd, color).split("\n")):
            lines.append(f"{indent}{glyph if n == 0 else '  '}{line}")
    flush()
    return "\n".join(lines)


def _header(entry: SectionChange, color: bool) -> str:
    number = entry.new_number or entry.old_number or ""
    if entry.has(MOVED) and entry.old_number and entry.new_number != entry.old_number:
        number = f"{entry.old_number} -> {entry.new_number}"
    title = entry.new_title if entry.new_title is not None else entry.old_title or ""
    if entry.has(RENAMED) and entry.old_title is not None:
        title = f"{entry.old_title} -> {entry.new_title}"
    kinds = ", ".join(k.replace("_", " ") for k in entry.kinds)
    if entry.new_ids:
        kinds += f" ({', '.join(entry.new_ids)})"
    elif len(entry.old_ids) > 1 or (entry.old_ids and entry.old_ids[0] != entry.section_id):
        kinds += f" (from {', '.join(entry.old_ids)})"
    counts = f"+{entry.words_added} -{entry.words_removed}"
    head = f"{number} {title}".strip()
    if color:
        return f"{_BOLD}{head}{_RESET}  [{kinds}]  {counts}"
    return f"{head}  [{kinds}]  {counts}"


def render_terminal(subject: VersionComparison | BodyDiff, color: bool) -> str:
    """A comparison (every section) or one body diff, as text for a terminal."""
    if isinstance(subject, BodyDiff):
        return render_body(subject, color, indent="") + "\n"
    old = subject.old_version or "(nothing)"
    lines = [
        f"{old} -> {subject.new_version}: +{subject.words_added} -{subject.words_removed} words"
    ]
    for entry in subject.sections:
        lines.append(_header(entry, color))
        if entry.body is not None and entry.body.changed:
            lines.append(render_body(entry.body, color))
    return "\n".join(lines) + "\n"
