"""At 360 px wide no page scrolls sideways; screenshots for a person to look at."""

from __future__ import annotations

import pytest

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
