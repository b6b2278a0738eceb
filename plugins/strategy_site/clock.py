"""The build date, which decides whether a consultation is open.

It honours SOURCE_DATE_EPOCH, so that two builds of the same content give the same site
byte for byte, and so that tests can build "on" any day. MkDocs reads the variable too
(the pages' dates, the sitemap's gzip header) and fails with a traceback on a value it
cannot use, so the adapter checks it here first: set, it must be whole seconds since
1970 that a gzip header can hold (reproducible-builds.org's definition, bounded by
2106), else the build stops with the message below before MkDocs reads it.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

LATEST = 2**32 - 1  # gzip's MTIME field (RFC 1952), which MkDocs writes the sitemap with
DIGITS = re.compile(r"[0-9]{1,10}")


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a time the site can be built at."""


def build_date() -> date:
    if os.environ.get("SOURCE_DATE_EPOCH") is None:
        return date.today()
    return build_time().date()


def build_time() -> datetime:
    """The build's moment in UTC (a PDF's creation date): SOURCE_DATE_EPOCH, or now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(tz=UTC).replace(microsecond=0)
    value = epoch.strip()
    if DIGITS.fullmatch(value) and int(value) <= LATEST:
        return datetime.fromtimestamp(int(value), tz=UTC)
    shown = "empty" if not value else f"'{value[:40]}'"
    raise BuildDateError(
        f"SOURCE_DATE_EPOCH is {shown}, which is not a time: set it to whole seconds "
        "since 1970-01-01 UTC (for example 1700000000, at most 4294967295), or unset it "
        "to build as of today."
    )
