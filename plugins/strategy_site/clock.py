"""The build date, which decides whether a consultation is open.

It honours SOURCE_DATE_EPOCH, so that two builds of the same content give the same site
byte for byte, and so that tests can build "on" any day.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
