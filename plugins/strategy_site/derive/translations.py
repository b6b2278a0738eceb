"""Translation status: is each section's translation current, outdated or missing?

A translation records in `source_hash` which source text (title and body) it was made
from. The hash is taken over a normalised text, so that trailing spaces, line endings
and blank lines at the ends do not count as a change to the source.

A file started by `strategi translations new` holds the source text to translate over
and `source_hash: pending` (`PENDING`): it counts as missing, to readers (the site shows
the source text with the notice that the translation is missing) and to translators (it
is listed as to do, `started`), until `strategi translations mark-current` records the
hash of the source text it was translated from. So committing a started file never
publishes source text as a current translation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import PENDING_HASH, Section, Strategy, Version
from .diff import diff_body

PENDING = PENDING_HASH  # `source_hash: pending`: started, not yet translated

CURRENT = "current"
OUTDATED = "outdated"
MISSING = "missing"
STATES = (CURRENT, OUTDATED, MISSING)

HASH_LENGTH = 12
WORD = re.compile(r"\w+(?:[-–'’]\w+)*")


def normalise(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def text_hash(title: str, body: str) -> str:
    """The hash of a source text as `source_hash` records it."""
    text = normalise(title) + "\n\n" + normalise(body)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def source_hash(section: Section) -> str:
    return text_hash(section.title, section.body)


def count_words(text: str) -> int:
    return len(WORD.findall(text))


@dataclass(frozen=True)
class SourceChange:
    """What changed in a section's source text since its translation was made.

    Found by comparing today's text with the text the translation records (read from
    git history by the caller); `changed_on` is the day the source first changed after
    that (None when the change is not committed yet)."""

    words_added: int  # new or replaced words: what the translator has to translate
    words_removed: int
    title_changed: bool
    changed_on: str | None  # YYYY-MM-DD
    # The source text the translation was made from, to show what changed since.
    old_title: str = ""
    old_body: str = ""


def source_change(
    section: Section, old_title: str, old_body: str, changed_on: str | None
) -> SourceChange:
    body = diff_body(old_body, section.body)
    title = diff_body(old_title, section.title)
    return SourceChange(
        words_added=body.words_added + title.words_added,
        words_removed=body.words_removed + title.words_removed,
        title_changed=normalise(old_title) != normalise(section.title),
        changed_on=changed_on,
        old_title=old_title,
        old_body=old_body,
    )


# How a caller finds what changed in an outdated section's source (through git history);
# None when it cannot tell (no history): then the whole section counts as work.
ChangeFinder = Callable[[Section, str], SourceChange | None]


@dataclass(frozen=True)
class TranslationStatus:
    version: str
    section: str
    number: str
    title: str  # the source title
    lang: str
    state: str
    words: int  # the size of the work: words of source text to translate
    recorded_hash: str | None
    current_hash: str
    change: SourceChange | None = None  # for an outdated section, when history tells
    started: bool = False  # missing, but a file started by `translations new` exists


def section_state(section: Section, lang: str) -> str:
    """CURRENT, OUTDATED or MISSING; a started file (`source_hash: pending`, kept in
    `Section.pending` by the loader) is MISSING."""
    translation = section.translations.get(lang)
    if translation is None:
        return MISSING
    if translation.source_hash == source_hash(section):
        return CURRENT
    return OUTDATED


def section_status(
    version: Version, section: Section, lang: str, changes: ChangeFinder | None = None
) -> TranslationStatus:
    """A section's state; for an outdated one the words changed in the source since the
    translation (when `changes` can tell), else every word of the section."""
    state = section_state(section, lang)
    translation = section.translations.get(lang)
    change = changes(section, lang) if changes is not None and state == OUTDATED else None
    if state == CURRENT:
        words = 0
    elif change is not None:
        words = change.words_added
    else:
        words = count_words(section.title + "\n" + section.body)
    return TranslationStatus(
        version=version.id,
        section=section.id,
        number=section.number,
        title=section.title,
        lang=lang,
        state=state,
        words=words,
        recorded_hash=translation.source_hash if translation else None,
        current_hash=source_hash(section),
        change=change,
        started=lang in section.pending,
    )


def translation_statuses(
    strategy: Strategy,
    lang: str,
    version: str | None = None,
    state: str | None = None,
    changes: ChangeFinder | None = None,
) -> list[TranslationStatus]:
    """Every section of every version (or one version), in reading order."""
    result = []
    for candidate in strategy.versions.values():
        if version is not None and candidate.id != version:
            continue
        for section in candidate.sections.values():
            status = section_status(candidate, section, lang, changes)
            if state is None or status.state == state:
                result.append(status)
    return result


def translation_languages(strategy: Strategy) -> list[str]:
    return [lang for lang in strategy.languages if lang != strategy.source_language]


def count_states(rows: list[TranslationStatus]) -> dict[str, int]:
    """How many sections are in each state: the one summary the site and the tools give."""
    return {state: sum(1 for row in rows if row.state == state) for state in STATES}
