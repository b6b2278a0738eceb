"""The checks EVERY page gets, in one visit per page: axe-core in the light scheme, axe's
colour rules again in the dark scheme, and the layout at 360 px (no sideways scrolling,
a header title that is not cut off).

One load serves the three: the page loads in the light scheme at a desktop's width and
axe runs all its WCAG rules; then Material's palette toggle switches it to the dark
scheme (the colour-scheme media feature is emulated as well) and axe runs the rules whose
outcome can depend on colours (`axe.SCHEME_RULES`, see there why only those); then the
window narrows to 360 px and the layout is measured. Loading every page once instead of
three times, and running two rules instead of seventy in the dark, is what keeps the
browser suite inside CI's time (figures in the README).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, Page

from . import axe
from .chromium import MATERIAL_SCHEMES
from .pages import SamplePage
from .tabs import TABS, Step, Timings, run_in_tabs

DESKTOP = {"width": 1280, "height": 900}  # open_context's default window
NARROW = {"width": 360, "height": 740}

# Material keeps the reader's choice of scheme in localStorage, shared by every tab: the
# dark step's toggle would make pages loading in the other tabs start dark (Material reads
# the choice again once its script has loaded). Each page here keeps its choice to itself.
KEEP_PALETTE_TO_THE_PAGE = """
try {
  localStorage.clear();
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (!String(key).endsWith("__palette")) setItem.call(this, key, value);
  };
} catch (error) {}
"""

LIGHT = (
    "async () => ({path: location.pathname, "
    "scheme: document.body.getAttribute('data-md-color-scheme'), "
    f"axe: await ({axe.CHECK})()}})"
)

DARK = (
    "async () => ({scheme: document.body.getAttribute('data-md-color-scheme'), "
    f"axe: await ({axe.SCHEME_CHECK})()}})"
)

# At 360 px: how wide the page is against the window, the widest elements reaching past
# its right edge (for the failure message), and whether the header's titles (the site's
# name, and the page's title that replaces it once the reader scrolls) fit their boxes.
LAYOUT = """() => {
  const root = document.scrollingElement;
  const limit = root.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > limit + 1 && box.width > 0 && getComputedStyle(el).position !== "fixed") {
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + [...el.classList].map(c => "." + c).join("");
      wide.push(`${name} reaches ${Math.round(box.right)} px`);
    }
  }
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const titles = [...document.querySelectorAll(".md-header__topic .md-ellipsis")].map(t => {
    const box = t.getBoundingClientRect();
    return {text: t.textContent.trim(), cut: t.scrollWidth > t.clientWidth + 1
      || t.scrollHeight > t.clientHeight + 1 || box.top < header.top - 1
      || box.bottom > header.bottom + 1};
  });
  return {width: window.innerWidth, scrollWidth: root.scrollWidth, clientWidth: limit,
          wide: wide.slice(-5), titles};
}"""


def _dark(page: Page) -> None:
    """What a reader does: the system's scheme dark, and Material's toggle to match."""
    page.emulate_media(color_scheme="dark")
    page.evaluate(
        "() => document.querySelector('form[data-md-component=palette] "
        'input[data-md-color-media="(prefers-color-scheme: dark)"]\').click()'
    )


def _narrow(page: Page) -> None:
    page.set_viewport_size(NARROW)


def _reset(page: Page) -> None:
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(DESKTOP)


STEPS = [
    Step(LIGHT, name="axe, light"),
    Step(DARK, _dark, name="axe colour rules, dark"),
    Step(LAYOUT, _narrow, name="layout at 360 px"),
]


@dataclass(frozen=True)
class PageResult:
    entry: SamplePage
    light: dict[str, Any]  # path, scheme, axe's results
    dark: dict[str, Any]  # scheme, axe's results for the scheme rules
    narrow: dict[str, Any]  # LAYOUT's findings


@dataclass(frozen=True)
class CheckRun:
    results: list[PageResult]
    timings: Timings

    def summary(self) -> str:
        steps = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in self.timings.steps.items())
        return (
            f"every page checked once: {self.timings.pages} pages in {self.timings.wall:.0f} s; "
            f"time inside the checks, summed over the tabs: {steps}"
        )


def check_every_page(
    browser: Browser, base_url: str, entries: list[SamplePage], tabs: int = TABS
) -> CheckRun:
    timings = Timings()
    found = run_in_tabs(
        browser,
        base_url,
        entries,
        lambda entry: entry.path,
        STEPS,
        setup=KEEP_PALETTE_TO_THE_PAGE + "\n" + axe.axe_source(),
        reset=_reset,
        timings=timings,
        tabs=tabs,
        color_scheme="light",
        **DESKTOP,
    )
    results = [PageResult(entry, *values) for entry, values in found]
    return CheckRun(results, timings)


def scheme_problems(run: CheckRun) -> list[str]:
    """Pages that were not checked in the scheme each step says (Material's attribute)."""
    problems = []
    for result in run.results:
        for scheme, found in (("light", result.light), ("dark", result.dark)):
            if found["scheme"] != MATERIAL_SCHEMES[scheme]:
                problems.append(
                    f"{result.entry.label}: expected the {scheme} scheme "
                    f"({MATERIAL_SCHEMES[scheme]}), found {found['scheme']!r}"
                )
    return problems


def unchecked(run: CheckRun, entries: list[SamplePage]) -> list[str]:
    """Entries that were not really checked: missing, another page (a redirect), or a
    page on which axe ran no rule."""
    problems = []
    by_path = {result.entry.path: result for result in run.results}
    for entry in entries:
        result = by_path.get(entry.path)
        if result is None:
            problems.append(f"{entry.label}: not checked")
            continue
        if result.light["path"] != entry.path:
            problems.append(f"{entry.label}: checked {result.light['path']} instead")
        for name, found in (("light", result.light), ("dark", result.dark)):
            if not found["axe"]["passes"] and not found["axe"]["violations"]:
                problems.append(f"{entry.label}: axe ran no rule in the {name} scheme")
        if result.narrow["width"] != NARROW["width"]:
            problems.append(f"{entry.label}: measured at {result.narrow['width']} px")
    return problems
