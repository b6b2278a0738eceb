"""At 360 px wide no page scrolls sideways; screenshots for a person to look at."""

from __future__ import annotations

from .chromium import open_page
from .pages import settle_animations, visit
from .tabs import run_in_tabs

WIDTH = 360

# The widest elements reaching past the right edge: for the failure message.
OVERFLOW = """() => {
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
  return {scrollWidth: root.scrollWidth, clientWidth: limit, wide: wide.slice(-5)};
}"""


def test_no_page_scrolls_sideways_at_360px(browser, example_server, every_page, sample) -> None:
    """Every page of the site's own (walked from the built site) and every sample page."""
    entries = list({entry.path: entry for entry in every_page + sample}.values())
    results = run_in_tabs(
        browser,
        example_server,
        entries,
        lambda entry: entry.path,
        OVERFLOW,
        width=WIDTH,
        height=740,
    )
    problems = [
        f"{entry.label}: {found['scrollWidth']} px wide in a {found['clientWidth']} px "
        "window; " + "; ".join(found["wide"])
        for entry, found in results
        if found["scrollWidth"] > found["clientWidth"]
    ]
    assert len(results) == len(entries)
    assert not problems, "pages that scroll sideways at 360 px:\n" + "\n".join(problems)


# Where the first change of a changes view starts: the block that holds its stop
# (andring-1). `expected`: the view says its text changed (it links to the first change).
FIRST_CHANGE = """() => {
  const stop = document.querySelector("article .st-change-stop");
  const expected = document.querySelector("article .st-first-change") !== null;
  if (!stop) return {expected, top: null};
  const block = stop.closest("p, li, td, th, h2, h3, h4, h5, h6, div, figure") || stop;
  const box = block.getBoundingClientRect();
  return {expected, top: Math.round(box.top), shown: box.height > 0, height: innerHeight};
}"""
PHONE = {"width": 360, "height": 640}
LINE = 24  # at least a line of the first change is in sight, not only its top edge


def test_first_change_is_on_the_first_screen_of_a_phone(browser, example_server, every_page):
    """On a 360 by 640 px phone every changes view, in both languages, shows its first
    change without scrolling: the banner folds, the way back, the summary and the way
    to the first change share a row, and unchanged text before it folds."""
    views = [entry for entry in every_page if entry.kind == "changes"]
    results = run_in_tabs(
        browser, example_server, views, lambda entry: entry.path, FIRST_CHANGE, **PHONE
    )
    checked, problems = 0, []
    for entry, found in results:
        if found["top"] is None:
            if found["expected"]:
                problems.append(f"{entry.label}: says it changed but marks no change")
            continue
        checked += 1
        if not found["shown"] or found["top"] + LINE > found["height"]:
            problems.append(
                f"{entry.label}: the first change starts at {found['top']} px "
                f"in a {found['height']} px window"
            )
    assert {page_language(entry) for entry in views} == {"sv", "en"}
    assert checked >= 50  # the example's changes views with changes, both languages
    assert not problems, "first change below the first screen at 360 x 640:\n" + "\n".join(problems)


def page_language(entry) -> str:
    return entry.description.rsplit(", ", 1)[-1]


def test_screenshots_at_360px(browser, example_server, sample, artifacts) -> None:
    """A section page, and the first page inside a section (its highlighted changes)."""
    section = next(entry for entry in sample if entry.kind == "section")
    shots = [("section", section, True)]
    inside = next((entry for entry in sample if entry.kind == "section-page"), None)
    if inside is not None:
        shots.append((f"section-{inside.path.rstrip('/').rsplit('/', 1)[-1]}", inside, False))
    for name, entry, open_selector in shots:
        for scheme in ("light", "dark"):
            small = {"width": WIDTH, "height": 740, "color_scheme": scheme}
            with open_page(browser, example_server, **small) as page:
                visit(page, entry)
                if open_selector:
                    page.locator(".st-versions summary").click()
                settle_animations(page)
                target = artifacts / f"360px-{name}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                assert target.stat().st_size > 0
