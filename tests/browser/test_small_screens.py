"""Small screens, beyond the checks every page gets at 360 px (test_every_page.py): the
title in the header after scrolling, the first change on a phone's first screen,
paragraph links shown and big enough, and screenshots for a person to look at."""

from __future__ import annotations

import pytest

from .chromium import open_page
from .pages import settle_animations, visit, wait_until
from .tabs import run_in_tabs

WIDTH = 360


def test_the_page_title_shows_in_the_header_after_scrolling(browser, example_server) -> None:
    """At 360 px, scrolled past its heading, a page with a long title shows that title
    whole in the header (Material swaps the site's name for it)."""
    with open_page(browser, example_server, width=WIDTH, height=740) as page:
        page.goto("/en/beslutad/regionala-forutsattningar/andringar/")
        page.mouse.wheel(0, 1500)
        topic = page.locator("[data-md-component=header-topic]")
        wait_until(page, "() => document.querySelector('.md-header__title--active') !== null")
        settle_animations(page)
        title = topic.locator(".md-ellipsis")
        found = title.evaluate(
            "t => ({text: t.textContent.trim(), opacity: getComputedStyle(t.parentElement).opacity,"
            " cut: t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1,"
            " lines: Math.round(t.getBoundingClientRect().height"
            " / parseFloat(getComputedStyle(t).lineHeight))})"
        )
    assert found["text"].startswith("Changes: 4 Regional"), found
    assert found["opacity"] == "1" and not found["cut"], found
    assert found["lines"] >= 2, f"the title did not wrap: {found}"


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
    for entry, (found,) in results:
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


# Every link among the paragraph tools: its box, and its opacity with its ancestors'.
PARAGRAPH_LINKS = """() => [...document.querySelectorAll("article .st-para-tools a")].map(a => {
  const box = a.getBoundingClientRect();
  let opacity = 1;
  for (let el = a; el; el = el.parentElement) opacity *= parseFloat(getComputedStyle(el).opacity);
  return {text: a.textContent.trim(), width: box.width, height: box.height, opacity,
          visibility: getComputedStyle(a).visibility};
})"""


@pytest.mark.parametrize("width", [1280, WIDTH])
def test_paragraph_links_are_shown_and_big_enough(browser, example_server, width) -> None:
    """Paragraph numbers show without hover or focus, so that readers find them, and each
    link is a target of at least 24 by 24 px (WCAG 2.2, 2.5.8), on a desktop and a phone."""
    with open_page(browser, example_server, width=width, height=740) as page:
        page.goto("/beslutad/inledning/")
        settle_animations(page)
        links = page.evaluate(PARAGRAPH_LINKS)
    assert len(links) > 3, "no paragraph links found"
    problems = [
        link
        for link in links
        if link["width"] < 24
        or link["height"] < 24
        or link["opacity"] < 1
        or link["visibility"] != "visible"
    ]
    assert not problems, f"paragraph links hidden or too small at {width} px: {problems[:5]}"
