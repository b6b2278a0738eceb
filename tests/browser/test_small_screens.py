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
