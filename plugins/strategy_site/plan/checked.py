"""The strategy as `strategi check` and the build both see it.

The loader checks the content; the plan adds what publishing it needs besides (an
interface string for every key in every language). Both commands load through here, so
what one refuses, the other refuses.
"""

from __future__ import annotations

from pathlib import Path

from ..content.loader import load_strategy
from ..content.reuse import ParseCache
from ..model import Strategy
from .texts import check_interface_strings


def load_publishable(root: Path, cache: ParseCache | None = None) -> Strategy:
    """The strategy under `root`; raises ContentError listing every problem. `cache`:
    parsed files kept from the last load of the same content (content/reuse.py)."""
    return load_strategy(root, checks=[check_interface_strings], cache=cache)
