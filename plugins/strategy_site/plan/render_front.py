"""The opening of a version's front page: what changed since the version it is based on,
in the editors' words and in counts, with the ways on to the details."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..derive.diff import ADDED, REMOVED, UNCHANGED, VersionComparison
from ..model import Version
from .markdown_text import markdown_text
from .render import PageContext
from .render_outcome import localized_paragraphs
from .texts import t


def change_counts(comparison: VersionComparison) -> dict[str, int]:
    """Sections new, changed, removed and unchanged; words added, removed and moved."""
    counts = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
    for change in comparison:
        if change.has(ADDED):
            counts["added"] += 1
        elif change.has(REMOVED):
            counts["removed"] += 1
        elif change.in_new_version:
            counts["unchanged" if change.kinds == (UNCHANGED,) else "changed"] += 1
    counts["words_added"] = comparison.words_added
    counts["words_removed"] = comparison.words_removed
    counts["words_moved"] = comparison.words_moved
    return counts


def counts_sentence(lang: str, counts: dict[str, int]) -> str:
    """ "2 new sections, 4 changed and 1 removed; 27 words added and 57 removed." Kinds
    of which there are none are left out."""
    sections = [
        t(lang, f"front.count_{key}", count=counts[key])
        for key in ("added", "changed", "removed", "unchanged")
        if counts[key]
    ]
    joiner = f" {t(lang, 'list.and')} "
    listed = (
        joiner.join(sections)
        if len(sections) <= 2
        else (", ".join(sections[:-1]) + joiner + sections[-1])
    )
    added, removed = counts["words_added"], counts["words_removed"]
    moved = counts.get("words_moved", 0)
    if moved:  # moved text is neither removed nor added (see the overview)
        words = t(lang, "front.count_words_moved", added=added, removed=removed, moved=moved)
    else:
        words = t(lang, "front.count_words", added=added, removed=removed)
    return f"{listed}; {words}." if listed else f"{words}."


def what_changed(
    ctx: PageContext,
    version: Version,
    base: Version,
    comparison: VersionComparison,
    has_outcome: bool,
) -> str:
    """Under the heading "What has changed since <base>" (`changed_heading`): the
    editors' summary, the counts, the links on."""
    summary = None
    if version.changes_summary:
        summary = Markup(localized_paragraphs(ctx, version.changes_summary))
    outcome_href = ctx.link(urls.outcome_path(version.id)) if has_outcome else None
    html = ctx.fragment(
        "what-changed.html",
        summary=summary,
        counts=counts_sentence(ctx.lang, change_counts(comparison)),
        base=base,
        overview_href=ctx.link(urls.version_changes_path(version.id)),
        outcome_href=outcome_href,
    )
    return str(html)


def changed_heading(ctx: PageContext, base: Version) -> str:
    """The Markdown heading above `what_changed`, so that it is in the page's contents."""
    return f"## {markdown_text(t(ctx.lang, 'front.changed', base=ctx.text(base.title)))}"
