"""The build date, which decides whether a consultation is open.

It honours SOURCE_DATE_EPOCH, so that two builds of the same content give the same site
byte for byte, and so that tests can build "on" any day.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a time the site can be built at."""


def build_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return date.today()
    return build_time().date()


def build_time() -> datetime:
    """The build's moment in UTC (a PDF's creation date): SOURCE_DATE_EPOCH, or now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(tz=UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise BuildDateError(
            f"SOURCE_DATE_EPOCH is '{epoch[:40]}', which is not a time: set it to whole "
            "seconds since 1970-01-01 UTC (for example 1700000000), or unset it to build "
            "as of today."
        ) from None
