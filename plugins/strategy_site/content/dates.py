"""Dates that say how sure they are: `date: 2020-11-24`, or a mapping that marks it.

    date:
      planned: 2020-11-24        # or approximate: 2020-03-02
      until: 2020-11-25          # optional: the last day of a range
      note:                      # optional: what is known, per language
        sv: Enligt tidplanen hösten 2020; beslutet är inte bekräftat.
        en: According to the autumn 2020 timetable; the decision is not confirmed.

A plain date stays a plain date. The model keeps the first day as the date (for order
and for a consultation's state) and the mark beside it for display.
"""

from __future__ import annotations

from datetime import date

from ruamel.yaml.comments import CommentedMap

from ..model import CERTAINTIES, DateMark
from .yamlfile import Fields

MARK_KEYS = (*CERTAINTIES, "until", "note")
MARK_HINT = (
    "Write a plain date (2020-11-24), or mark it: 'planned: 2020-11-24' or "
    "'approximate: 2020-03-02' on its own line under the key, optionally with "
    "'until:' (the last day of a range) and 'note:' (sv: ..., en: ...)."
)


def read_marked_date(
    fields: Fields, key: str, languages: list[str]
) -> tuple[date | None, DateMark | None]:
    """The date under `key` and its mark, if any; every problem logged with its line."""
    if not isinstance(fields.data.get(key), CommentedMap):
        return fields.date(key), None
    sub = fields.sub(key, f"'{key}'")
    assert sub is not None
    sub.check_keys(MARK_KEYS)
    given = [c for c in CERTAINTIES if c in sub.data]
    if len(given) != 1:
        what = (
            "both 'planned' and 'approximate'" if given else "neither 'planned' nor 'approximate'"
        )
        fields.problem(key, f"the date '{key}' has {what}", MARK_HINT)
        return None, None
    certainty = given[0]
    start, until = sub.date(certainty), sub.date("until")
    if start is None:
        return None, None
    if until is not None and until <= start:
        sub.problem(
            "until",
            f"'until' ({until}) is not after the first day ({start})",
            "Write the last day of the range, later than the first, or remove 'until'.",
        )
        until = None
    note = sub.localized("note", languages) or {}
    return start, DateMark(certainty, until, note)
