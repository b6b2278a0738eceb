"""Checking many pages at once: several tabs of one browser, each working on its own page.

A check is a script that the page runs on its own (the first once the page has loaded,
through `add_init_script`) and that leaves its result in a global variable. A page can
have further checks (`Step`s), each after a change made from Python (another colour
scheme, another window size), so that one load serves them all. The runner starts a page
loading in every free tab, then goes round the tabs in turn: it collects a tab's result,
starts that tab's next step (or its next page) and moves on, so that while it waits for
one tab the others load and check in their own renderer processes, and the machine's
cores stay busy without a second browser.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from playwright.sync_api import Browser, Page

from .chromium import open_context
from .pages import wait_until

T = TypeVar("T")

# Two cores. With one step per page four tabs kept both busy (loading and checking
# overlap); with several steps a tab spends part of its turn waiting for Python, and
# more tabs fill that: measured in the README's paragraph on the browser suite.
TABS = 4

# Runs a check (a function returning a value or a promise) once no animation is running,
# and stores what it returned and how long it took. The first check runs once the page
# has loaded; `window.__stRun(check)` starts a further one.
RUNNER = """
(() => {
  window.__stResult = null;
  const settled = () => document.getAnimations().every(a => a.playState !== "running");
  window.__stRun = check => {
    window.__stResult = null;
    const run = () => {
      if (!settled()) { setTimeout(run, 50); return; }
      const start = performance.now();
      Promise.resolve()
        .then(() => check())
        .then(
          r => { window.__stResult = {value: r, ms: performance.now() - start}; },
          e => { window.__stResult = {error: String(e)}; },
        );
    };
    requestAnimationFrame(() => setTimeout(run, 0));
  };
  const first = %s;
  addEventListener("load", () => window.__stRun(first));
})();
"""


@dataclass(frozen=True)
class Step:
    """A check of a page, after the steps before it on the same page: `prepare` changes
    the page from Python first (e.g. `page.emulate_media`)."""

    check: str  # JavaScript: a function returning a value or a promise
    prepare: Callable[[Page], None] | None = None
    name: str = ""


@dataclass
class Timings:
    """Where the time went: seconds spent inside each step's check, summed over pages
    (the tabs run side by side, so the sums can exceed `wall`), and the whole run."""

    steps: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    wall: float = 0.0

    def add(self, name: str, ms: float) -> None:
        self.steps[name] = self.steps.get(name, 0.0) + ms / 1000


def run_in_tabs(
    browser: Browser,
    base_url: str,
    entries: Iterable[T],
    path_of: Callable[[T], str],
    steps: Sequence[Step] | str,
    *,
    setup: str = "",
    reset: Callable[[Page], None] | None = None,
    timings: Timings | None = None,
    tabs: int = TABS,
    **context_options: Any,
) -> list[tuple[T, list[Any]]]:
    """(entry, what each step's check returned on its page) for every entry, in order.

    `steps`: the checks, in order (a string is one check). The first step's `prepare` is
    not called: it runs as the page loads. `setup`: JavaScript run before the page's own
    (e.g. a library the checks use). `reset`: undoes the steps' changes before a tab
    loads its next page."""
    if isinstance(steps, str):
        steps = [Step(steps)]
    names = [step.name or f"step {n + 1}" for n, step in enumerate(steps)]
    started = time.monotonic()
    results: dict[int, tuple[T, list[Any]]] = {}
    with open_context(browser, base_url, **context_options) as context:
        context.add_init_script(setup + "\n" + RUNNER % steps[0].check)
        free = [context.new_page() for _ in range(tabs)]
        pending = deque(enumerate(entries))
        # A tab at work: its page, the entry's index and entry, the results so far.
        running: deque[tuple[Page, int, T, list[Any]]] = deque()
        while pending or running:
            while pending and free:
                page, (index, entry) = free.pop(), pending.popleft()
                page.goto(path_of(entry), wait_until="commit")
                running.append((page, index, entry, []))
            page, index, entry, values = running.popleft()
            wait_until(page, "() => window.__stResult !== null", timeout_ms=120_000)
            outcome = page.evaluate("window.__stResult")
            step = len(values)
            if "error" in outcome:
                raise AssertionError(
                    f"{path_of(entry)}: the check {names[step]!r} failed: {outcome['error']}"
                )
            values.append(outcome["value"])
            if timings is not None:
                timings.add(names[step], outcome["ms"])
            if len(values) < len(steps):
                following = steps[len(values)]
                if following.prepare is not None:
                    following.prepare(page)
                page.evaluate(f"() => window.__stRun({following.check})")
                running.append((page, index, entry, values))  # the other tabs' turn first
                continue
            results[index] = (entry, values)
            if reset is not None:
                reset(page)
            free.append(page)
    if timings is not None:
        timings.pages += len(results)
        timings.wall += time.monotonic() - started
    return [results[index] for index in sorted(results)]
