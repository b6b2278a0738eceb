"""The checks every page gets (every_page.py), on the pages in the source language
(Swedish, in the example): all that is not under a translated language's folder."""

from __future__ import annotations

import pytest

from .every_page import (
    page_checks,
    pages_to_check,
    test_every_page_was_checked,
    test_no_axe_violations_on_any_page,
    test_no_header_title_is_cut_off_at_360px,
    test_no_page_scrolls_sideways_at_360px,
)

# Imported for pytest to collect here, with this module's share of the pages.
__all__ = [
    "page_checks",
    "pages_to_check",
    "test_every_page_was_checked",
    "test_no_axe_violations_on_any_page",
    "test_no_header_title_is_cut_off_at_360px",
    "test_no_page_scrolls_sideways_at_360px",
]


@pytest.fixture(scope="module")
def share() -> str:
    return "source"
