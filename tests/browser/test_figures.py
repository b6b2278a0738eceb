"""Figures drawn from data, in a real browser: light and dark, 360 px, the data table.

axe, the HTML checker, the privacy check and the 360 px check cover the example's figure
pages through the sample (pages.py); this adds what only figures have, and the test
fixture `figures` (tests/fixtures/figures), whose pages have every kind of figure the
example has not: grouped and stacked bars, a line chart, a figure changed in every way.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from . import axe
from .chromium import MATERIAL_SCHEMES, color_scheme_problem, open_page
from .page_checks import LAYOUT
from .pages import SamplePage, settle_animations, visit
from .site_build import REPO, build, copy_project
from .site_server import serve
from .tabs import run_in_tabs

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


# -- the figures fixture: every kind of figure, and every kind of change ------------------

FIXTURE_PAGES = [
    SamplePage("/v2/figurer/", "bars, stacked bars, line, process, mapping, sv", "figures"),
    SamplePage("/en/v2/figurer/", "the same, translated and not, en", "figures"),
    SamplePage("/v2/figurer/andringar/", "every figure changed, sv", "figures"),
    SamplePage("/en/v2/figurer/andringar/", "every figure changed, en", "figures"),
    SamplePage("/v1/figurer/", "the first version's figures, sv", "figures"),
]


@pytest.fixture(scope="module")
def figures_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("figures")
    project = copy_project(
        root / "project", strategy=REPO / "tests/fixtures/figures", docs={"om.md": "# Om\n"}
    )
    with serve(build(project, root / "site")) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_pages_with_every_kind_of_figure(
    browser, figures_server, scheme
) -> None:
    check = (
        "async () => ({scheme: document.body.getAttribute('data-md-color-scheme'), "
        f"axe: await ({axe.CHECK})()}})"
    )
    results = run_in_tabs(
        browser,
        figures_server,
        FIXTURE_PAGES,
        lambda entry: entry.path,
        check,
        setup=axe.axe_source(),
        color_scheme=scheme,
    )
    wrong_scheme = [
        f"{entry.label}: {found[0]['scheme']!r}"
        for entry, found in results
        if found[0]["scheme"] != MATERIAL_SCHEMES[scheme]
    ]
    assert not wrong_scheme, wrong_scheme
    found = [
        v for entry, r in results for v in axe.violations(r[0]["axe"], f"{entry.label} ({scheme})")
    ]
    assert len(results) == len(FIXTURE_PAGES)
    assert not found, axe.report(found)


# What a figure draws with, measured in the page: fills that are patterns (and that the
# patterns exist), line markers and dashes, and the smallest text as drawn on screen.
DRAWN = """() => [...document.querySelectorAll("figure.st-fig")].map(figure => {
  const svg = figure.querySelector("svg");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const fills = [...svg.querySelectorAll("[fill^='url(']")].map(e => e.getAttribute("fill"));
  const ids = new Set([...svg.querySelectorAll("pattern")].map(p => p.id));
  const sizes = [...svg.querySelectorAll("text")].map(t =>
    parseFloat(getComputedStyle(t).fontSize) * scale);
  const box = figure.getBoundingClientRect();
  return {
    id: figure.id,
    kind: [...figure.classList].find(c => c.startsWith("st-fig--") && c !== "st-fig--changed"),
    patterns: fills.length,
    missing: fills.filter(f => !ids.has(f.slice(5, -1))),
    markers: svg.querySelectorAll("circle, rect[width='8']").length,
    dashed: svg.querySelectorAll("[stroke-dasharray]").length,
    smallest: Math.min(...sizes),
    right: box.right,
    viewport: document.documentElement.clientWidth,
  };
})"""


def test_every_kind_of_figure_fits_360px_and_tells_series_apart_without_colour(
    browser, figures_server, artifacts
) -> None:
    results = run_in_tabs(
        browser,
        figures_server,
        FIXTURE_PAGES,
        lambda entry: entry.path,
        LAYOUT,
        width=360,
        height=740,
    )
    wide = [
        f"{entry.label}: {found[0]['scrollWidth']} px wide; " + "; ".join(found[0]["wide"])
        for entry, found in results
        if found[0]["scrollWidth"] > found[0]["clientWidth"]
    ]
    assert not wide, "pages that scroll sideways at 360 px:\n" + "\n".join(wide)
    with open_page(browser, figures_server, width=360, height=740) as page:
        for entry in FIXTURE_PAGES[:3]:
            visit(page, entry)
            figures = page.evaluate(DRAWN)
            kinds = {f["kind"] for f in figures}
            assert {"st-fig--bar", "st-fig--line", "st-fig--process", "st-fig--mapping"} <= kinds
            for found in figures:
                assert found["right"] <= found["viewport"] + 1, (entry.label, found)
                assert found["smallest"] >= 11.9, (entry.label, found)  # 12 px, rounding
                assert not found["missing"], (entry.label, found)
            by_id = {f["id"]: f for f in figures}
            assert by_id["figur-deltagare"]["patterns"] >= 2  # Män hatched, not a colour
            assert by_id["figur-fordelning"]["patterns"] >= 2
            assert by_id["figur-utveckling"]["markers"] >= 7 and by_id["figur-utveckling"]["dashed"]
            settle_animations(page)
            name = entry.path.strip("/").replace("/", "-")
            for figure_id in ("figur-utveckling", "figur-fordelning", "figur-processen"):
                shot = artifacts / f"figure-fixture-{name}-{figure_id}.png"
                page.locator(f"figure[id='{figure_id}'] svg").screenshot(path=str(shot))
