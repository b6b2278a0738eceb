"""Figures as data: drawn as accessible SVG with a data table, translated, compared, checked.

The fixture `figures` has one figure of each kind (grouped and stacked bars, a line, a
process, a mapping) in two versions, with changes between them, one figure translated
into English and one only in Swedish.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from agreement import agree_on
from conftest import FIXTURES, build_once, run_mkdocs_build, soup
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError
from strategy_site.derive.figure_diff import Marks, diff_figures
from strategy_site.derive.figure_translations import figure_hash
from strategy_site.plan.figures.html import changes_html, figure_html
from strategy_site.plan.figures.svg import render_svg

FIGURES = FIXTURES / "figures"
KINDS = {
    "deltagare": "bar",
    "fordelning": "bar",
    "utveckling": "line",
    "processen": "process",
    "omraden": "mapping",
}


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(FIGURES)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, FIGURES, date(2020, 3, 15))


@pytest.fixture
def figures(tmp_path: Path) -> Path:
    target = tmp_path / "figures"
    shutil.copytree(FIGURES, target)
    return target


def html(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


# -- the drawing and its text alternative ------------------------------------------


@pytest.mark.parametrize("figure_id", sorted(KINDS))
def test_every_kind_is_an_accessible_svg_with_its_data_as_a_table(strategy, figure_id) -> None:
    figure = strategy.versions["v2"].figures[figure_id]
    assert figure.kind == KINDS[figure_id]
    page = html(figure_html(figure, f"figur-{figure_id}", "sv"))
    svg = page.find("svg")
    assert svg["role"] == "img"
    assert svg["viewbox"].startswith("0 0 320 ") and svg["width"] == "100%"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).text == figure.title
    description = svg.find("desc", id=desc_id).text
    assert len(description) > len(figure.title)
    # No script, no style attribute (the CSP), no address of another host.
    assert not page.find("script") and not page.find(attrs={"style": True})
    assert "http" not in str(svg).replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "currentColor" in str(svg)
    # The data, as a real table in a closed <details>, next to the drawing.
    details = page.find("figure").find("details", class_="st-fig__data")
    assert details is not None and not details.has_attr("open")
    table = details.find("table")
    assert table.find("caption").text == figure.title
    assert all(th["scope"] == "col" for th in table.find("thead").find_all("th"))
    assert all(row.find("th")["scope"] == "row" for row in table.find("tbody").find_all("tr"))


def test_chart_descriptions_and_tables_give_every_number_with_its_unit(strategy) -> None:
    figure = strategy.versions["v2"].figures["deltagare"]
    page = html(figure_html(figure, "f", "sv"))
    description = page.find("desc").text
    assert "2019: Kvinnor 15 personer, Män 11 personer" in description
    rows = [[c.text for c in r.find_all(["th", "td"])] for r in page.find_all("tr")]
    assert rows == [
        ["År", "Kvinnor", "Män"],
        ["2018", "10", "12"],
        ["2019", "15", "11"],
        ["2020", "9", "8"],
    ]
    english = html(figure_html(figure, "f", "en"))
    assert "Participants" not in english.find("desc").text  # words come from the figure
    decimals = html(figure_html(strategy.versions["v2"].figures["utveckling"], "u", "sv"))
    assert "2017: Länet 2,25 miljoner kronor" in decimals.find("desc").text
    assert "–" in decimals.find("tbody").find_all("tr")[-1].text  # no value for Riket 2019


def test_a_process_says_which_steps_are_planned_or_unverified(strategy) -> None:
    figure = strategy.versions["v2"].figures["processen"]
    page = html(figure_html(figure, "p", "sv"))
    description = page.find("desc").text
    assert "2. Remiss: Remiss (våren 2020, ej bekräftat)" in description
    assert "4. Beslut: Beslut (24–25 november 2020, planerat)" in description
    assert "PLANERAT" in page.find("svg").text  # in the drawing too, not only by a dash
    statuses = [r.find_all("td")[-1].text for r in page.find("tbody").find_all("tr")]
    assert statuses == ["genomfört", "ej bekräftat", "planerat", "planerat"]


def test_a_mapping_lists_each_left_item_with_what_it_flows_into(strategy) -> None:
    page = html(figure_html(strategy.versions["v1"].figures["omraden"], "m", "sv"))
    description = page.find("desc").text
    assert "Skog → Gröna näringar" in description
    assert "E-hälsa → ingen koppling" in description
    assert page.find(class_="st-fig__note").text == "Illustration för testet"


def test_the_same_figure_gives_the_same_bytes(strategy) -> None:
    for figure in strategy.versions["v2"].figures.values():
        first = figure_html(figure, "x", "sv")
        again = load_strategy(FIGURES).versions["v2"].figures[figure.id]
        assert figure_html(again, "x", "sv") == first
        assert render_svg(figure, "x", "en") == render_svg(again, "x", "en")


def test_drawings_keep_to_the_allow_list_a_sanitiser_needs(strategy) -> None:
    from html.parser import HTMLParser

    from strategy_site.plan.figures.svg import SVG_ATTRIBUTES, SVG_ELEMENTS

    found: set[tuple[str, str]] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.add(("element", tag))
            found.update(("attribute", name) for name, _ in attrs)

    for version in strategy.versions.values():
        for figure in version.figures.values():
            labels = frozenset(figure.labels())
            Collect().feed(render_svg(figure, "x", "sv", Marks(added=labels)))
            Collect().feed(render_svg(figure, "x", "sv", Marks(removed=labels)))
    allowed = {("element", e) for e in SVG_ELEMENTS}
    allowed |= {("attribute", a.lower()) for a in SVG_ATTRIBUTES}
    assert found <= allowed, found - allowed
    assert ("element", "pattern") in found and ("attribute", "stroke-dasharray") in found


def test_patterns_have_ids_of_their_own_figure(strategy) -> None:
    svg = render_svg(strategy.versions["v2"].figures["fordelning"], "figur-fordelning", "sv")
    assert 'id="figur-fordelning-p1"' in svg and 'fill="url(#figur-fordelning-p1)"' in svg


# -- on the site ----------------------------------------------------------------------


def test_section_pages_place_each_figure_where_the_text_says(site: Path) -> None:
    page = soup(site, "v2/figurer/")
    ids = [f["id"] for f in page.find("article").find_all("figure", class_="st-fig")]
    assert ids == [f"figur-{i}" for i in (*KINDS, "ny")]
    assert "![[figur" not in page.text
    first = page.find("figure", id="figur-deltagare")
    assert first.find_previous("p").text.startswith("Deltagare per år.")


def test_a_section_page_says_when_a_figure_changed(site: Path) -> None:
    note = soup(site, "v2/figurer/").find(class_="st-fig-changed")
    assert note.text.startswith("En figur i avsnittet har ändrats")
    assert soup(site, "en/v2/figurer/").find(class_="st-fig-changed").text.startswith("A figure")
    assert soup(site, "v1/figurer/").find(class_="st-fig-changed") is None


def test_english_pages_show_translated_figures_and_mark_the_swedish_ones(site: Path) -> None:
    page = soup(site, "en/v2/figurer/")
    translated = page.find("figure", id="figur-deltagare")
    assert not translated.has_attr("lang")
    assert translated.find("title").text == "Participants per year"
    assert "Women 15 people" in translated.find("desc").text
    assert [th.text for th in translated.find("thead").find_all("th")] == ["Year", "Women", "Men"]
    missing = page.find("figure", id="figur-fordelning")
    assert missing["lang"] == "sv"
    assert missing.find("title").text == "Fördelning per kommun"
    notice = missing.find(class_="st-fig__notice").text
    assert "has not been translated yet and is shown in Swedish" in notice


def test_an_outdated_figure_translation_is_shown_and_marked(figures: Path) -> None:
    source = figures / "versions/v2/figurer/deltagare.yml"
    source.write_text(source.read_text().replace("Män]", "Män]\n# renamed below"))
    source.write_text(source.read_text().replace("Testdata", "Testdata 2020"))
    strategy = load_strategy(figures)
    from strategy_site.plan.figures.place import place_figures

    placed = place_figures("![[figur: deltagare]]", strategy.versions["v2"], "en", "sv")
    figure = html(placed).find("figure")
    assert figure.find("title").text == "Participants per year"
    assert (
        "may be out of date: the Swedish figure has changed"
        in figure.find(class_="st-fig__notice").text
    )


def test_figure_notices_name_the_source_language(strategy) -> None:
    """The language a figure is shown in is the strategy's, named in the page's language
    (CLDR): not Swedish by assumption."""
    from strategy_site.plan.figures.place import place_figures

    v2 = strategy.versions["v2"]
    for lang, source, expected in [
        ("en", "fi", "is shown in Finnish."),
        ("sv", "en", "visas på engelska."),
        ("en", "sv", "is shown in Swedish."),
    ]:
        placed = html(place_figures("![[figur: fordelning]]", v2, lang, source))
        notice = placed.find(class_="st-fig__notice").text
        assert notice.endswith(expected), (lang, source, notice)


def test_changes_view_shows_old_and_new_values_and_what_was_added_or_removed(
    site: Path,
) -> None:
    page = soup(site, "v2/figurer/andringar/")
    bars = page.find("figure", id="figur-deltagare")
    assert "st-fig--changed" in bars["class"]
    assert bars.find("details")["open"] == ""
    cell = bars.find("tbody").find_all("tr")[1].find_all("td")[0]
    assert cell.find("del").text == "Borttaget: 14" and cell.find("ins").text == "Tillagt: 15"
    assert "→" in cell.text
    new_row = bars.find("tbody").find_all("tr")[2]
    assert new_row.find("th").find("ins").text == "Tillagt: 2020"
    assert "2020 (ny)" in bars.find("svg").text  # the drawing marks the new bars

    stacked = page.find("figure", id="figur-fordelning")
    head = [th.text for th in stacked.find("thead").find_all("th")]
    assert head == ["Kommun", "Företag", "Offentligt", "Borttaget: Ideellt"]
    assert stacked.find("thead").find_all("th")[-1].find("del") is not None

    steps = page.find("figure", id="figur-processen")
    rows = steps.find("tbody").find_all("tr")
    assert rows[1].find("th").find("del").text == "Borttaget: Hearing"
    added = rows[3]
    assert added.find("th").find("ins").text == "Tillagt: Dialogmöten"
    assert "Dialogmöten (ny)" in steps.find("svg").text

    links = page.find("figure", id="figur-omraden")
    marked = [
        (r.find("ins") or r.find("del")).name
        for r in links.find("tbody").find_all("tr")
        if r.find(["ins", "del"])
    ]
    assert sorted(marked) == ["del", "del", "ins", "ins"]  # a link moved; the rows say so

    unchanged = page.find("figure", id="figur-utveckling")
    assert "oförändrad" in unchanged.find(class_="st-fig__notice").text

    removed = page.find("figure", id="figur-gammal-borttagen")
    assert "diff-deleted-block" in removed.parent["class"]
    assert removed.parent.find(class_="sr-only").text == "Borttaget:"
    added_figure = page.find("figure", id="figur-ny")
    assert "diff-inserted-block" in added_figure.parent["class"]


def test_a_figure_added_with_its_line_is_drawn_and_numbered_as_on_the_section_page(
    figures: Path, builder
) -> None:
    """A placement line that is new as a whole reads `![[<ins>figur: ny</ins>]]` in the
    diff's Markdown; it must still become the figure, which takes no paragraph number,
    so that "¶n" is the same paragraph on the section page and in its changes view."""
    old = figures / "versions/v1/figurer.md"
    old.write_text(old.read_text().replace("![[figur: gammal]]\n", ""))
    new = figures / "versions/v2/figurer.md"
    new.write_text(new.read_text() + "\nEfter den nya figuren.\n")
    site = builder.build(builder.project(figures))
    page = soup(site, "v2/figurer/andringar/")
    added = page.find("figure", id="figur-ny")
    assert added is not None and "diff-inserted-block" in added.parent["class"]
    assert "![[" not in page.select_one("article").get_text()
    from test_change_navigation import numbered

    plain = numbered(soup(site, "v2/figurer/"))
    assert list(plain) == ["p1", "p2", "p3"]
    assert numbered(page) == plain


def test_changed_words_of_a_figure_are_marked_like_text(strategy) -> None:
    old = strategy.versions["v2"].figures["deltagare"]
    figures_copy = load_strategy(FIGURES).versions["v2"].figures
    new = figures_copy["deltagare"]
    new.title = "Deltagare per år och kön"
    new.unit = "antal"
    page = html(changes_html(diff_figures(old, new), "d", "sv"))
    title = page.find(class_="st-fig__title")
    assert title.find("ins").text == "Tillagt: och kön"
    unit = page.find(class_="st-fig__unit")
    assert unit.find("del").text == "Borttaget: personer"
    assert unit.find("ins").text == "Tillagt: antal"
    # Nothing drawn is new or removed: the note does not promise marks in the drawing.
    notice = page.find(class_="st-fig__notice").text
    assert notice == "Figuren har ändrats. Tabellen visar gamla och nya värden."


def test_figure_hash_ignores_numbers_but_not_words(strategy) -> None:
    v1, v2 = strategy.versions["v1"].figures, strategy.versions["v2"].figures
    assert figure_hash(v1["utveckling"]) == figure_hash(v2["utveckling"])
    assert figure_hash(v1["deltagare"]) != figure_hash(v2["deltagare"])  # a new category


# -- errors, in check and in the build -------------------------------------------------


def problems(root: Path) -> list[tuple[str, int | None, str]]:
    """What loading reports; `strategi check` and the build must report the same and the
    build write nothing (tests/agreement.py), so every error test here checks both."""
    with pytest.raises(ContentError) as caught:
        load_strategy(root)
    reported = agree_on(root)
    for p in caught.value.problems:
        where = f"strategy/{p.path.relative_to(root).as_posix()}" + (f":{p.line}" if p.line else "")
        assert f"{where}: {p.message}" in reported, (p, reported)
    return [(p.path.relative_to(root).as_posix(), p.line, p.message) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_bad_number(figures: Path) -> None:
    edit(figures / "versions/v2/figurer/deltagare.yml", "Kvinnor: 15", "Kvinnor: 15 st")
    assert problems(figures) == [
        ("versions/v2/figurer/deltagare.yml", 9, "'15 st' in the column 'Kvinnor' is not a number")
    ]


def test_a_bad_number_in_csv(figures: Path) -> None:
    edit(figures / "versions/v2/figurer/fordelning.csv", "Krokom,40", "Krokom,fyrtio")
    assert problems(figures) == [
        (
            "versions/v2/figurer/fordelning.csv",
            3,
            "'fyrtio' in the column 'Företag' is not a number",
        )
    ]


def test_an_unknown_column(figures: Path) -> None:
    edit(figures / "versions/v2/figurer/deltagare.yml", "Män: 8}", "Män: 8, Barn: 3}")
    assert problems(figures) == [("versions/v2/figurer/deltagare.yml", 10, "unknown column 'Barn'")]
    edit(figures / "versions/v2/figurer/fordelning.csv", "Offentligt\n", "Offentligt,Ideellt\n")
    assert ("versions/v2/figurer/fordelning.csv", 1, "unknown column 'Ideellt'") in problems(
        figures
    )


def test_a_missing_unit(figures: Path) -> None:
    edit(figures / "versions/v2/figurer/utveckling.yml", "unit: miljoner kronor\n", "")
    assert problems(figures) == [("versions/v2/figurer/utveckling.yml", 1, "'unit' is missing")]


def test_a_figure_placed_but_not_defined(figures: Path) -> None:
    edit(figures / "versions/v2/figurer.md", "![[figur: ny]]", "![[figur: saknas]]")
    edit(figures / "versions/v2/figurer.en.md", "![[figur: ny]]", "![[figur: saknas]]")
    assert problems(figures) == [
        ("versions/v2/figurer.en.md", 20, "the figure 'saknas' is placed here but not defined"),
        ("versions/v2/figurer.md", 19, "the figure 'saknas' is placed here but not defined"),
    ]


def test_a_figure_must_stand_alone(figures: Path) -> None:
    edit(figures / "versions/v2/figurer.md", "Deltagare per år.\n\n", "Deltagare per år.\n")
    edit(figures / "versions/v2/figurer.md", "![[figur: ny]]", "Se ![[figur: ny]]")
    assert problems(figures) == [
        ("versions/v2/figurer.md", 6, "a figure needs a blank line before and after it"),
        ("versions/v2/figurer.md", 18, "a figure must stand alone on its line"),
    ]


def test_mapping_items_and_translated_labels_are_checked(figures: Path) -> None:
    edit(figures / "versions/v2/figurer/omraden.yml", "to: [Digitala", "to: [Digitalt")
    edit(figures / "versions/v2/figurer/deltagare.en.yml", "Män: Men", "Pojkar: Boys")
    assert problems(figures) == [
        (
            "versions/v2/figurer/deltagare.en.yml",
            9,
            "'Pojkar' is not a label of the figure 'deltagare'",
        ),
        (
            "versions/v2/figurer/omraden.yml",
            14,
            "'Digitalt lösningar' is not one of the items on the right",
        ),
    ]


def test_an_unknown_kind_and_an_unknown_step_status(figures: Path) -> None:
    edit(figures / "versions/v2/figurer/ny.yml", "kind: process", "kind: pie")
    edit(figures / "versions/v2/figurer/processen.yml", "status: planned", "status: klar")
    found = problems(figures)
    assert ("versions/v2/figurer/ny.yml", 1, "unknown kind of figure: 'pie'") in found
    assert ("versions/v2/figurer/processen.yml", 15, "unknown status 'klar'") in found


def test_a_figure_without_caption_or_source(figures: Path) -> None:
    """Each figure has a title, a source, a caption and (charts) a unit: readers need to
    know what a drawing shows and where its data comes from."""
    edit(figures / "versions/v2/figurer/deltagare.yml", "caption: Antal deltagare", "# Antal")
    edit(figures / "versions/v2/figurer/omraden.yml", "source: Testdata\n", "")
    edit(figures / "versions/v2/figurer/ny.yml", "source: Testdata", "source: ''")
    problems(figures)  # check and the build agree
    with pytest.raises(ContentError) as caught:
        load_strategy(figures)
    found = {
        (p.path.relative_to(figures).as_posix(), p.line, p.message): p.hint
        for p in caught.value.problems
    }
    assert sorted(found) == [
        ("versions/v2/figurer/deltagare.yml", 1, "'caption' is missing"),
        ("versions/v2/figurer/ny.yml", 4, "'source' is empty"),
        ("versions/v2/figurer/omraden.yml", 1, "'source' is missing"),
    ]
    assert "caption:" in found[("versions/v2/figurer/deltagare.yml", 1, "'caption' is missing")]
    assert (
        "where its data comes from"
        in found[("versions/v2/figurer/omraden.yml", 1, "'source' is missing")]
    )


def _without_words(root: Path) -> None:
    edit(
        root / "versions/v2/figurer/processen.yml",
        "caption: Stegen från workshop till beslut.\n",
        "",
    )
    edit(root / "versions/v2/figurer/processen.yml", "source: Testdata\n", "")


def _bad_number(root: Path) -> None:
    edit(root / "versions/v2/figurer/deltagare.yml", "Kvinnor: 15", "Kvinnor: många")


@pytest.mark.parametrize(
    ("change", "messages"),
    [
        (_bad_number, ["deltagare.yml:9: 'många' in the column 'Kvinnor' is not a number"]),
        (
            _without_words,
            ["processen.yml:1: 'caption' is missing", "processen.yml:1: 'source' is missing"],
        ),
    ],
    ids=["bad number", "no caption or source"],
)
def test_check_and_build_refuse_the_same_figure_problems(
    figures: Path, builder, change, messages
) -> None:
    change(figures)
    strategi = Path(sys.executable).parent / "strategi"
    check = subprocess.run(
        [str(strategi), "check", "--content", str(figures)], capture_output=True, text=True
    )
    assert check.returncode != 0
    project = builder.project(figures, docs={"om.md": "# Om\n"})
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    for message in messages:
        assert message in check.stdout + check.stderr
        assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_translators_mark_a_figure_translation_current(figures: Path) -> None:
    source = figures / "versions/v2/figurer/deltagare.yml"
    edit(source, "source: Testdata", "source: Testdata 2020")
    translation = figures / "versions/v2/figurer/deltagare.en.yml"
    before = translation.read_text(encoding="utf-8")
    strategi = Path(sys.executable).parent / "strategi"
    command = [str(strategi), "translations", "mark-current", "v2/figurer/deltagare"]
    result = subprocess.run([*command, "--content", str(figures)], capture_output=True, text=True)
    new_hash = figure_hash(load_strategy(figures).versions["v2"].figures["deltagare"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"v2/figurer/deltagare: marked current ({new_hash})"
    after = translation.read_text(encoding="utf-8")
    assert after == before.replace("source_hash: 5f34762ca042", f"source_hash: {new_hash}")


def test_the_translation_list_shows_each_figure_state(figures: Path) -> None:
    strategi = Path(sys.executable).parent / "strategi"
    result = subprocess.run(
        [str(strategi), "translations", "--content", str(figures), "--version", "v2"],
        capture_output=True,
        text=True,
    )
    lines = result.stdout.splitlines()
    assert any(line.startswith("v2/figurer/deltagare") and " current " in line for line in lines)
    assert any(line.startswith("v2/figurer/fordelning") and " missing " in line for line in lines)
    assert lines[-1] == "6 figures: 1 current, 0 outdated, 5 missing (en)."


# -- line charts: told apart without colour ------------------------------------------


KEY_ROW = 20.0  # the key's first row sits above this; the plot starts below it


def _markers(svg: BeautifulSoup, marker: str) -> list[tuple[float, float]]:
    """The centres of the markers of one shape, left to right (circles: the first
    series; 8-unit squares: the second)."""
    if marker == "circle":
        found = [(float(c["cx"]), float(c["cy"])) for c in svg.find_all("circle")]
    else:
        found = [
            (float(r["x"]) + 4, float(r["y"]) + 4)
            for r in svg.find_all("rect")
            if r.get("width") == "8"
        ]
    return sorted(found)


def test_each_line_is_named_beside_its_own_last_point(strategy) -> None:
    """'Riket' ends in 2018, a year before 'Länet': its name sits beside its 2018 point,
    not at the right edge beside Länet's 2019 point."""
    figure = strategy.versions["v2"].figures["utveckling"]
    svg = html(render_svg(figure, "u", "sv")).find("svg")
    ends = {e.text: (float(e["x"]), float(e["y"])) for e in svg.find_all(class_="st-fig__end")}
    lan = [p for p in _markers(svg, "circle") if p[1] > KEY_ROW]
    riket = [p for p in _markers(svg, "rect") if p[1] > KEY_ROW]
    assert len(lan) == 4 and len(riket) == 3  # Riket has no value for 2019
    assert ends["Länet"] == pytest.approx((lan[-1][0] + 7, lan[-1][1] + 4), abs=0.1)
    assert ends["Riket"] == pytest.approx((riket[-1][0] + 7, riket[-1][1] + 4), abs=0.1)
    assert ends["Riket"][0] < lan[-1][0]  # inside the plot, left of the last year
    # The key above the plot: each series' line style and marker, with its name.
    keys = [(k.text, float(k["y"])) for k in svg.find_all(class_="st-fig__key")]
    assert [name for name, _ in keys] == ["Länet", "Riket"]
    assert all(y < KEY_ROW for _, y in keys)
    horizontal = [
        (p, re.fullmatch(r"M[\d.]+ ([\d.]+)H[\d.]+", p["d"])) for p in svg.find_all("path")
    ]
    samples = [p for p, match in horizontal if match and float(match[1]) < KEY_ROW]
    lines = [p for p in svg.find_all("path") if p.get("fill") == "none" and "L" in p["d"]]
    assert [p.get("stroke-dasharray") for p in samples] == [None, "6 3"]
    assert [p.get("stroke-dasharray") for p in lines] == [None, "6 3"]
    assert len([p for p in _markers(svg, "circle") if p[1] < KEY_ROW]) == 1
    assert len([p for p in _markers(svg, "rect") if p[1] < KEY_ROW]) == 1


def test_names_of_lines_ending_together_do_not_overlap() -> None:
    from strategy_site.model import LINE, Chart, Figure

    chart = Chart(
        "År",
        ["Första serien", "Andra serien", "Tredje serien"],
        ["2019", "2020"],
        [[1.0, 1.1, 1.05], [2.0, 2.05, 2.02]],
    )
    figure = Figure("x", LINE, Path("x.yml"), "Tre", "Tre serier.", "Test", unit="st", chart=chart)
    svg = html(render_svg(figure, "x", "sv")).find("svg")
    ends = sorted(float(e["y"]) for e in svg.find_all(class_="st-fig__end"))
    assert len(ends) == 3
    assert all(b - a >= 12 for a, b in zip(ends, ends[1:], strict=False)), ends
    height = float(svg["viewbox"].split()[3])
    assert ends[-1] < height


def test_the_drawing_is_sized_for_legible_text_at_360px(strategy) -> None:
    """At 360 px the text column is 328 px wide (Material's margins): a drawing 320
    units wide draws its smallest text, 12 units, at 12.3 px (figures.css lets it grow,
    never shrink below the column)."""
    from strategy_site.plan.figures.svg import SMALL, WIDTH

    assert WIDTH <= 328 and SMALL * 328 / WIDTH >= 12
    for figure in strategy.versions["v2"].figures.values():
        svg = html(render_svg(figure, "x", "sv")).find("svg")
        sizes = [float(t.get("font-size", svg["font-size"])) for t in svg.find_all("text")]
        assert min(sizes) >= SMALL, figure.id


# -- the changes view: what was removed is drawn too -----------------------------------


def test_removed_steps_series_and_links_are_drawn_dashed_and_marked(site: Path) -> None:
    page = soup(site, "v2/figurer/andringar/")
    steps = page.find("figure", id="figur-processen").find("svg")
    assert "Hearing (borttagen)" in steps.text
    assert "– Utkast: Hearing (borttagen) (januari 2020)" in steps.find("desc").text
    assert "3. Remiss: Dialogmöten (ny)" in steps.find("desc").text  # not counted
    numbers = [t.text for t in steps.find_all("text", class_="st-fig__on-fill")]
    assert numbers == ["1"]  # Workshop; the removed step has a cross, not a number

    stack = page.find("figure", id="figur-fordelning").find("svg")
    assert "Ideellt (borttagen)" in stack.text
    dashed = [r for r in stack.find_all("rect") if r.get("stroke-dasharray") == "3 2"]
    assert len(dashed) == 3  # the key, and Ideellt's old share in Östersund and Krokom
    assert all(r["fill"] == "none" for r in dashed)
    totals = [t.text for t in stack.find_all("text") if t.text.isdigit()]
    assert totals == ["100", "100", "100"]  # what the new figure adds up to

    links = page.find("figure", id="figur-omraden").find("svg")
    dotted = [p for p in links.find_all("path") if p.get("stroke-dasharray") == "1.5 3"]
    assert len(dotted) == 2  # Hälsa → Digitala lösningar, and the key
    assert "borttagen koppling" in links.text and "ny koppling" in links.text
    assert "Hälsa → Digitala lösningar (borttagen)" in links.find("desc").text
    note = page.find("figure", id="figur-omraden").find(class_="st-fig__notice").text
    assert "(borttagen)" in note


def test_removed_bars_and_items_are_drawn_in_english_too(strategy) -> None:
    import dataclasses

    from strategy_site.model import Chart, Mapping

    old = strategy.versions["v2"].figures["deltagare"]
    chart = old.chart
    new = dataclasses.replace(
        old,
        chart=Chart(chart.axis, chart.series[:1], chart.categories[1:], [[15.0], [9.0]]),
    )
    svg = html(changes_html(diff_figures(old, new), "d", "en")).find("svg")
    assert "2018 (removed)" in svg.text and "Män (removed): 12" in svg.text
    removed = [r for r in svg.find_all("rect") if r.get("fill") == "none"]
    assert len(removed) == 4  # 2018's two bars, and Men's in 2019 and 2020
    assert all(r["stroke-dasharray"] == "3 2" for r in removed)

    areas = strategy.versions["v2"].figures["omraden"]
    m = areas.mapping
    fewer = dataclasses.replace(
        areas, mapping=Mapping(m.left_title, m.right_title, m.left[:2], m.right, m.links[:1])
    )
    svg = html(changes_html(diff_figures(areas, fewer), "m", "sv")).find("svg")
    assert "E-hälsa (borttagen)" in svg.text
    box = [r for r in svg.find_all("rect") if r.get("stroke-dasharray") == "3 2"]
    assert len(box) == 1


def test_no_empty_marks_for_blank_cells(strategy) -> None:
    """A new step without a date has nothing in its date cell to mark: no <ins> whose
    only text is 'Tillagt:'."""
    import dataclasses

    from strategy_site.model import Step

    old = strategy.versions["v2"].figures["processen"]
    new = dataclasses.replace(
        old,
        steps=[
            *old.steps[:1],
            dataclasses.replace(old.steps[1], when=""),
            Step("Utan datum", status="planned", phase="Remiss"),
            *old.steps[2:],
        ],
    )
    page = html(changes_html(diff_figures(old, new), "p", "sv"))
    marks = page.find("table").find_all(["ins", "del"])
    assert marks
    for element in marks:
        label = element.find(class_="sr-only")
        assert element.get_text().strip() != label.get_text().strip(), element
    remiss = page.find("tbody").find_all("tr")[1].find_all("td")
    assert remiss[1].find("del").text == "Borttaget: våren 2020" and not remiss[1].find("ins")


def test_no_empty_marks_on_the_site(site: Path) -> None:
    for file in sorted(site.rglob("*.html")):
        document = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for element in document.select(".st-fig ins, .st-fig del"):
            label = element.find(class_="sr-only")
            text = element.get_text().strip()
            assert label is None or text != label.get_text().strip(), (file, element)


# -- the renderer behind one small interface -----------------------------------------------


def test_placement_draws_every_figure_with_the_renderer_it_is_given(strategy) -> None:
    from strategy_site.plan.figures.place import place_figure_changes, place_figures

    calls: list[tuple[str, str, str, Marks]] = []

    def stub(figure, dom_id: str, lang: str, marks: Marks) -> str:
        calls.append((figure.id, dom_id, lang, marks))
        return f'<svg class="stub" id="{dom_id}-stub"></svg>'

    v1, v2 = strategy.versions["v1"], strategy.versions["v2"]
    body = (FIGURES / "versions/v2/figurer.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    placed = html(place_figures(body, v2, "sv", "sv", renderer=stub))
    assert len(placed.find_all("svg", class_="stub")) == len(placed.find_all("figure")) == 6
    assert not placed.find("svg", class_="st-fig__svg")
    assert all(marks == Marks() for *_, marks in calls)

    calls.clear()
    old_body = (FIGURES / "versions/v1/figurer.md").read_text(encoding="utf-8").split("---\n", 2)
    diff_body = old_body[2].replace("![[figur: gammal]]", "![[<del>figur: gammal</del>]]")
    diff_body += "\n![[<ins>figur: ny</ins>]]\n"
    changes = html(place_figure_changes(diff_body, v2, v1, "sv", "sv", renderer=stub))
    drawn = {figure_id for figure_id, *_ in calls}
    assert drawn == {*KINDS, "gammal", "ny"}  # changed, unchanged, removed and added alike
    assert not changes.find("svg", class_="st-fig__svg")
    marks = {figure_id: m for figure_id, _, _, m in calls}
    assert "2020" in marks["deltagare"].added and "Hearing" in marks["processen"].removed
    assert marks["utveckling"] == Marks()  # unchanged: drawn as on the section page


# -- the data as a file -------------------------------------------------------------


def test_a_chart_from_csv_links_its_file_in_the_version_folder(site: Path) -> None:
    import posixpath

    for path in ("v2/figurer/", "en/v2/figurer/", "v2/figurer/andringar/", "v1/figurer/"):
        page = soup(site, path)
        figure = page.find("figure", id="figur-fordelning")
        link = figure.find("details").find("a")
        assert link.text in ("Ladda ner siffrorna (CSV-fil)", "Download the numbers (CSV file)")
        href = link["href"]
        assert "//" not in href and not href.startswith("/")
        target = posixpath.normpath(posixpath.join("/" + path, href)).lstrip("/")
        version = "v1" if path.startswith("v1") else "v2"
        assert target == f"{version}/figurer/fordelning.csv", (path, href)
        assert (site / target).read_text(encoding="utf-8").startswith("Kommun,")
        others = [f for f in page.find_all("figure", class_="st-fig") if f is not figure]
        assert not any(f.find("a", href=lambda h: h and h.endswith(".csv")) for f in others)


# -- hostile words in figures ---------------------------------------------------------------

HOSTILE = '"><img src=x onerror=alert(1)>'


def hostile_figures(root: Path) -> Path:
    """Every kind of word a figure has, hostile: title, caption, source, note, unit,
    column names, category and step labels, mapping items, and the translation's."""
    shutil.copytree(FIGURES, root)
    bars = root / "versions/v2/figurer/deltagare.yml"
    edit(bars, "title: Deltagare per år", f"title: '{HOSTILE} titel'")
    edit(bars, "caption: Antal", f"caption: '{HOSTILE} bildtext' #")
    edit(bars, "source: Testdata", f"source: '{HOSTILE} källa'")
    edit(bars, "unit: personer", f"unit: '{HOSTILE} enhet'")
    text = bars.read_text(encoding="utf-8").replace("Kvinnor", "'<b>Kvinnor</b>'")
    text = text.replace("{År: 2020", f"{{År: '{HOSTILE} år'")
    bars.write_text(text, encoding="utf-8")
    translation = root / "versions/v2/figurer/deltagare.en.yml"
    edit(translation, "title: Participants per year", f"title: '{HOSTILE} title'")
    edit(translation, "Kvinnor: Women", "'<b>Kvinnor</b>': '<script>alert(2)</script>'")
    csv = root / "versions/v2/figurer/fordelning.csv"
    edit(csv, "Kommun,Företag", f'Kommun,"{HOSTILE.replace(chr(34), chr(34) * 2)}"')
    edit(
        root / "versions/v2/figurer/fordelning.yml",
        "columns: [Kommun, Företag",
        f"columns: [Kommun, '{HOSTILE}'",
    )
    steps = root / "versions/v2/figurer/processen.yml"
    edit(steps, "label: Dialogmöten", f"label: '{HOSTILE} steg'")
    edit(steps, "phase: Beslut", f"phase: '{HOSTILE} fas'")
    mapping = root / "versions/v2/figurer/omraden.yml"
    edit(mapping, "items: [Skog,", f"items: ['{HOSTILE} vänster', Skog,")
    edit(mapping, "note: Illustration för testet", f"note: '{HOSTILE} anmärkning'")
    return root


def test_hostile_words_in_a_figure_pass_check_and_show_as_text(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = hostile_figures(tmp_path_factory.mktemp("hostile") / "figures")
    strategi = Path(sys.executable).parent / "strategi"
    check = subprocess.run(
        [str(strategi), "check", "--content", str(root)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr  # words, not mistakes
    site = build_once(tmp_path_factory, root, date(2020, 3, 15))
    pages = ["v2/figurer/", "en/v2/figurer/", "v2/figurer/andringar/", "en/v2/figurer/andringar/"]
    for path in pages:
        page = soup(site, path)
        assert page.find("img", src="x") is None, path
        assert not page.find("b", string="Kvinnor"), path
        assert all("alert(2)" not in s.get_text() for s in page.find_all("script")), path
        for element in page.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), (path, element)
        text = (site / path / "index.html").read_text(encoding="utf-8")
        assert "&amp;lt;" not in text and "&amp;quot;" not in text, path
    page = soup(site, "v2/figurer/")
    figure = page.find("figure", id="figur-deltagare")
    assert figure.find("title").text == f"{HOSTILE} titel"
    assert f"{HOSTILE} bildtext" in figure.find(class_="st-fig__caption").text
    assert f"{HOSTILE} källa" in figure.find(class_="st-fig__source").text
    assert f"{HOSTILE} år" in figure.find("desc").text
    assert "<b>Kvinnor</b>" in [th.text for th in figure.find("thead").find_all("th")]
    assert HOSTILE in [th.text for th in page.find("figure", id="figur-fordelning").find_all("th")]
    assert f"{HOSTILE} steg" in page.find("figure", id="figur-processen").find("svg").text
    areas = page.find("figure", id="figur-omraden")
    assert f"{HOSTILE} vänster" in areas.find("svg").text
    assert f"{HOSTILE} anmärkning" == areas.find(class_="st-fig__note").text
    english = soup(site, "en/v2/figurer/").find("figure", id="figur-deltagare")
    assert english.find("title").text == f"{HOSTILE} title"
    assert "<script>alert(2)</script>" in [th.text for th in english.find_all("th")]


def test_hostile_words_in_a_figure_problem_are_reported_as_written(figures: Path, builder) -> None:
    edit(
        figures / "versions/v2/figurer/omraden.yml",
        "to: [Digitala lösningar]",
        f"to: ['{HOSTILE}']",
    )
    message = f"omraden.yml:14: '{HOSTILE}' is not one of the items on the right"
    strategi = Path(sys.executable).parent / "strategi"
    check = subprocess.run(
        [str(strategi), "check", "--content", str(figures)], capture_output=True, text=True
    )
    assert check.returncode != 0 and message in check.stdout + check.stderr
    result = run_mkdocs_build(builder.project(figures, docs={"om.md": "# Om\n"}))
    assert result.returncode != 0 and message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
