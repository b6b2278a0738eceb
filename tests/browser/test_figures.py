"""Figures drawn from data, in a real browser: light and dark, 360 px, the data table.

axe, the HTML checker, the privacy check and the 360 px check cover the figure pages
through the sample (pages.py); this adds what only figures have.
"""

from __future__ import annotations

import pytest

from .chromium import color_scheme_problem, open_page
from .pages import SamplePage, settle_animations, visit

PAGES = [
    SamplePage("/beslutad/styrkeomraden/", "a mapping figure, sv", "figures"),
    SamplePage("/en/beslutad/metod-och-process/", "a process figure, en", "figures"),
    SamplePage("/remiss/metod-och-process/andringar/", "a changed figure, sv", "figures"),
]

# The drawing's ink is the text colour, and the text colour contrasts with the page.
INK = """(figure) => {
  const svg = figure.querySelector("svg");
  const rgb = (c) => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bgEl = figure; let bg = "rgba(0, 0, 0, 0)";
  while (bgEl && (bg === "rgba(0, 0, 0, 0)" || bg === "transparent")) {
    bg = getComputedStyle(bgEl).backgroundColor; bgEl = bgEl.parentElement;
  }
  const ink = getComputedStyle(svg).color;
  const [a, b] = [lum(rgb(ink)), lum(rgb(bg))].sort((x, y) => y - x);
  const box = svg.getBoundingClientRect();
  return {ink, bg, contrast: (a + 0.05) / (b + 0.05), width: box.width, right: box.right,
          viewport: document.documentElement.clientWidth,
          fixedFills: [...svg.querySelectorAll("[fill],[stroke]")].map(e =>
            (e.getAttribute("fill") || "") + (e.getAttribute("stroke") || ""))
            .filter(v => /#|rgb/.test(v)).length};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_figures_follow_the_colour_scheme_and_fit_the_screen(
    browser, example_server, artifacts, scheme, width
) -> None:
    inks = set()
    with open_page(browser, example_server, color_scheme=scheme, width=width) as page:
        for entry in PAGES:
            visit(page, entry)
            assert color_scheme_problem(page, scheme) is None
            figures = page.locator("figure.st-fig")
            assert figures.count() >= 1, entry.label
            for n in range(figures.count()):
                found = figures.nth(n).evaluate(INK)
                assert found["contrast"] >= 4.5, (entry.label, found)
                assert found["right"] <= found["viewport"] + 1, (entry.label, found)
                assert found["fixedFills"] == 0, entry.label
                inks.add(found["ink"])
            if width == 360:
                settle_animations(page)
                name = entry.path.strip("/").replace("/", "-")
                figures.first.screenshot(path=str(artifacts / f"figure-{name}-{scheme}.png"))
    assert len(inks) == 1  # every figure drawn in the one text colour of the scheme


def test_the_data_table_is_closed_and_opens_from_the_keyboard(browser, example_server) -> None:
    with open_page(browser, example_server, width=360) as page:
        visit(page, PAGES[0])
        figure = page.locator("figure.st-fig").first
        table = figure.locator("details.st-fig__data table")
        assert not table.is_visible()
        figure.locator("details.st-fig__data summary").focus()
        page.keyboard.press("Enter")
        assert table.is_visible()
        rows = table.locator("tbody tr")
        assert rows.count() >= 7  # every link, and the area without one
        label = page.locator("svg[role=img]").first.get_attribute("aria-labelledby")
        title_id, desc_id = label.split()
        assert page.locator(f"[id='{title_id}']").text_content()
        assert "Cirkulär bioekonomi → Jord, skog och vatten, Hållbar energi" in (
            page.locator(f"[id='{desc_id}']").text_content()
        )


def test_the_changes_view_opens_the_table_of_old_and_new(browser, example_server) -> None:
    with open_page(browser, example_server) as page:
        visit(page, PAGES[2])
        figure = page.locator("figure.st-fig--changed").first
        assert figure.locator("details.st-fig__data table").is_visible()
        assert figure.locator("tbody ins").count() >= 2  # steps added since the draft
        assert "(ny)" in figure.locator("svg").text_content()
