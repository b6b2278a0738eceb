"""Debian's chromium through Playwright for Python, and what to do when it is missing.

Playwright's own browser download does not work on our machines: the test command
installs Debian's `chromium` instead, and the tests launch it by path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

# What `data-md-color-scheme` on <body> says when Material renders each colour scheme.
MATERIAL_SCHEMES = {"light": "default", "dark": "slate"}


# What was missing in this session, for the banner at the end of the run (conftest.py).
MISSING: set[str] = set()


def unavailable(what: str, how: str) -> NoReturn:
    """A tool the tests need is missing: fail in CI, skip loudly elsewhere."""
    message = f"{what} is missing, so these tests cannot run. {how}"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set: {message}", pytrace=False)
    MISSING.add(message)
    pytest.skip(f"SKIPPED, NOT PASSED: {message} (In CI this is a failure.)")


def launch(playwright: Playwright) -> Browser:
    if not CHROMIUM.is_file():
        unavailable(
            f"Debian's chromium ({CHROMIUM})",
            "Run scripts/test, which installs it, or `apt-get install chromium`.",
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(FLAGS))


def _not_under(base_url: str) -> re.Pattern[str]:
    """Matches every http(s) URL that is not on the server at `base_url`."""
    return re.compile(rf"^(?!{re.escape(base_url)}/)https?:")


@contextmanager
def open_context(
    browser: Browser,
    base_url: str,
    *,
    color_scheme: str = "light",
    width: int = 1280,
    height: int = 900,
) -> Iterator[BrowserContext]:
    """A fresh browser context whose relative URLs go to `base_url`.

    Requests to any other host are recorded as usual (the privacy check sees them) and
    then aborted, so that no test ever sends traffic off this machine.
    """
    context = browser.new_context(
        base_url=base_url,
        color_scheme=color_scheme,
        viewport={"width": width, "height": height},
        service_workers="block",
    )
    try:
        context.route(_not_under(base_url), lambda route: route.abort("blockedbyclient"))
        context.set_default_timeout(15_000)
        yield context
    finally:
        context.close()


@contextmanager
def open_page(browser: Browser, base_url: str, **options: str | int) -> Iterator[Page]:
    """A page in a fresh browser context (see open_context)."""
    with open_context(browser, base_url, **options) as context:  # type: ignore[arg-type]
        yield context.new_page()


def color_scheme_problem(page: Page, scheme: str) -> str | None:
    """None when Material really renders `scheme` ("light" or "dark"), else what is wrong."""
    expected = MATERIAL_SCHEMES[scheme]
    found = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    if found != expected:
        return f"{page.url}: expected data-md-color-scheme={expected!r} on body, found {found!r}"
    return None
