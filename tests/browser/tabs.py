"""Checking many pages at once: several tabs of one browser, each working on its own page.

A check is a script that the page runs on its own once loaded (added to every page of
the context with `add_init_script`) and that leaves its result in a global variable.
The runner starts a page loading in every free tab, then collects results in order:
while it waits for one tab, the others load and check in their own renderer processes,
so that the machine's cores are all busy without a second browser.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from playwright.sync_api import Browser, Page

from .chromium import open_context

T = TypeVar("T")

TABS = 4  # two cores: loading and checking overlap, more tabs only wait longer

# Runs `check` (a JavaScript expression for a function returning a value or a promise)
# once the page has loaded and no animation is running, and stores what it returns.
RUNNER = """
(() => {
  window.__stResult = null;
  const check = %s;
  const settled = () => document.getAnimations().every(a => a.playState !== "running");
  const run = () => {
    if (!settled()) { setTimeout(run, 50); return; }
    Promise.resolve()
      .then(() => check())
      .then(
        r => { window.__stResult = {value: r}; },
        e => { window.__stResult = {error: String(e)}; },
      );
  };
  addEventListener("load", () => requestAnimationFrame(() => setTimeout(run, 0)));
})();
"""


def run_in_tabs(
    browser: Browser,
    base_url: str,
    entries: Iterable[T],
    path_of: Callable[[T], str],
    check: str,
    *,
    setup: str = "",
    after: Callable[[Page, T, Any], None] | None = None,
    tabs: int = TABS,
    **context_options: Any,
) -> list[tuple[T, Any]]:
    """(entry, what `check` returned on its page) for every entry, in order.

    `setup`: JavaScript run before the page's own (e.g. a library `check` uses).
    `after`: called with the tab still on the page, for checks from Python."""
    results: list[tuple[T, Any]] = []
    with open_context(browser, base_url, **context_options) as context:
        context.add_init_script(setup + "\n" + RUNNER % check)
        free = [context.new_page() for _ in range(tabs)]
        pending = deque(entries)
        running: deque[tuple[Page, T]] = deque()
        while pending or running:
            while pending and free:
                page, entry = free.pop(), pending.popleft()
                page.goto(path_of(entry), wait_until="commit")
                running.append((page, entry))
            page, entry = running.popleft()
            page.wait_for_function("window.__stResult !== null", timeout=120_000)
            outcome = page.evaluate("window.__stResult")
            if "error" in outcome:
                raise AssertionError(f"{path_of(entry)}: the check failed: {outcome['error']}")
            if after is not None:
                after(page, entry, outcome["value"])
            results.append((entry, outcome["value"]))
            free.append(page)
    return results
