"""The opening of a version's front page: what changed since the version it is based on,
in the editors' words and in counts, with the ways on to the details."""

from __future__ import annotations

from html import escape

from .. import urls
from ..derive.diff import ADDED, REMOVED, UNCHANGED, VersionComparison
from ..model import Version
from .render import PageContext, link, tag
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
    lang = ctx.lang
    base_name = ctx.text(base.title)
    parts = []
    if version.changes_summary:
        parts.append(localized_paragraphs(ctx, version.changes_summary))
    parts.append(tag("p", escape(counts_sentence(lang, change_counts(comparison)))))
    links = [
        link(
            ctx.link(urls.version_changes_path(version.id)),
            escape(t(lang, "front.overview_link", base=base_name)),
        )
    ]
    if has_outcome:
        links.append(
            link(ctx.link(urls.outcome_path(version.id)), escape(t(lang, "outcome.title")))
        )
    parts.append(tag("ul", "".join(tag("li", x) for x in links), class_="st-front-links"))
    return tag("div", "".join(parts), class_="st-what-changed")


def changed_heading(ctx: PageContext, base: Version) -> str:
    """The Markdown heading above `what_changed`, so that it is in the page's contents."""
    return f"## {escape(t(ctx.lang, 'front.changed', base=ctx.text(base.title)))}"
