"""Dates that say how sure they are: planned or approximate, a range, a note.

A plain date keeps working; a marked one is shown to readers with its certainty and note
in every language, and a wrong mark stops check and build alike with path:line.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, build_once, run_mkdocs_build, soup
from strategy_site.content.loader import load_strategy
from strategy_site.model import DateMark
from strategy_site.plan.texts import format_marked, format_span
from strategy_site.tools.cli import main
from test_content_errors import edit, only

PLANNED_DECISION = """decision:
  by:
    sv: regionfullmäktige
    en: the Regional Council (Regionfullmäktige)
  date:
    planned: 2020-11-24
    until: 2020-11-25
    note:
      sv: Enligt tidplanen, inte bekräftat.
      en: According to the timetable, not confirmed.
  reference: TEST 2020/1 § 7
  in_force:
    planned: 2021-01-01
"""
APPROXIMATE_CONSULTATION = """  opens:
    approximate: 2020-03-02
    note: Våren 2020, exakta datum okända.
  closes:
    approximate: 2020-04-30
"""


def marked(root: Path) -> Path:
    """The basic fixture with a planned decision and an approximate consultation."""
    v3 = root / "versions/v3/version.yml"
    text = v3.read_text()
    start = text.index("decision:")
    end = text.index("sections:")
    v3.write_text(text[:start] + PLANNED_DECISION + text[end:])
    edit(
        root / "versions/v2/version.yml",
        "  opens: 2020-03-02\n  closes: 2020-04-30\n",
        APPROXIMATE_CONSULTATION,
    )
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("marks") / "strategy"
    shutil.copytree(FIXTURES / "basic", root)
    return build_once(tmp_path_factory, marked(root), date(2021, 2, 1))


def test_a_plain_date_has_no_mark_and_a_marked_one_keeps_its_first_day(basic: Path) -> None:
    plain = load_strategy(basic).versions["v3"]
    assert plain.decision.date == date(2020, 11, 25) and plain.decision.date_mark is None
    assert plain.decision.by == {"sv": "Regionfullmäktige"}
    versions = load_strategy(marked(basic)).versions
    v2, v3 = versions["v2"], versions["v3"]
    decision = v3.decision
    assert decision.date == date(2020, 11, 24)
    assert decision.date_mark == DateMark(
        "planned",
        date(2020, 11, 25),
        {
            "sv": "Enligt tidplanen, inte bekräftat.",
            "en": "According to the timetable, not confirmed.",
        },
    )
    assert decision.by["en"] == "the Regional Council (Regionfullmäktige)"
    assert (decision.in_force, decision.in_force_mark.certainty) == (date(2021, 1, 1), "planned")
    consultation = v2.consultation
    assert consultation.opens == date(2020, 3, 2)
    assert consultation.opens_mark.note == {"sv": "Våren 2020, exakta datum okända."}
    assert consultation.closes_mark == DateMark("approximate")


def test_ranges_and_certainty_in_words() -> None:
    assert format_span(date(2020, 11, 24), date(2020, 11, 25), "sv") == "24–25 november 2020"
    assert (
        format_span(date(2020, 11, 30), date(2020, 12, 2), "en") == "30 November – 2 December 2020"
    )
    assert (
        format_span(date(2020, 12, 30), date(2021, 1, 2), "sv")
        == "30 december 2020 – 2 januari 2021"
    )
    approximate = DateMark("approximate")
    assert format_marked(date(2020, 3, 2), approximate, "sv") == "cirka 2 mars 2020"
    assert format_marked(date(2020, 3, 2), approximate, "en") == "about 2 March 2020"
    planned = DateMark("planned", date(2020, 11, 25))
    assert format_marked(date(2020, 11, 24), planned, "en") == "24–25 November 2020 (planned)"


def test_a_planned_decision_is_shown_as_planned_in_both_languages(site) -> None:
    for path, decision, in_force, note in [
        (
            "v3/",
            "Planerat beslut i regionfullmäktige 24–25 november 2020, "
            "diarienummer TEST 2020/1 § 7.",
            "Planeras gälla från 1 januari 2021.",
            "Enligt tidplanen, inte bekräftat.",
        ),
        (
            "en/v3/",
            "Planned decision by the Regional Council (Regionfullmäktige) on 24–25 November 2020, "
            "reference number TEST 2020/1 § 7.",
            "Planned to take effect on 1 January 2021.",
            "According to the timetable, not confirmed.",
        ),
    ]:
        text = soup(site, path).select_one(".st-banner__decision").get_text()
        assert decision in text and in_force in text and note in text
        assert "Beslutad av" not in text and "Adopted by" not in text
    timeline = soup(site, "").select_one(".st-timeline").get_text(" ")
    assert "Planerat beslut: regionfullmäktige, 24–25 november 2020" in " ".join(timeline.split())


def test_an_approximate_consultation_says_about_and_its_note(site) -> None:
    for path, words, note in [
        ("v2/", "Remisstiden var cirka 2 mars 2020 – cirka 30 april 2020", "Våren 2020"),
        ("en/v2/", "The consultation period was about 2 March 2020 – about 30 April 2020", "Våren"),
    ]:
        text = " ".join(soup(site, path).select_one(".st-consultation").get_text().split())
        assert words in text and note in text
    time = soup(site, "v2/").select_one(".st-consultation time")
    assert time["datetime"] == "2020-03-02"


@pytest.mark.parametrize(
    ("mark", "line", "message"),
    [
        (
            "  date:\n    planned: 2020-11-24\n    approximate: 2020-11-24\n",
            9,
            "the date 'date' has both 'planned' and 'approximate'",
        ),
        (
            "  date:\n    note: Okänt.\n",
            9,
            "the date 'date' has neither 'planned' nor 'approximate'",
        ),
        (
            "  date:\n    planned: 2020-11-24\n    until: 2020-11-20\n",
            11,
            "'until' (2020-11-20) is not after the first day (2020-11-24)",
        ),
        (
            "  date:\n    planned: 24 november\n",
            10,
            "'planned' is not a date: '24 november'",
        ),
        ("  date:\n    planned: 2020-11-24\n    maybe: yes\n", 11, "unknown key 'maybe'"),
    ],
)
def test_a_bad_mark_is_reported_with_its_line(basic: Path, mark, line, message) -> None:
    edit(basic / "versions/v3/version.yml", "  date: 2020-11-25\n", mark)
    path, found_line, found, hint = only(basic)
    assert (path, found_line) == ("versions/v3/version.yml", line)
    assert found.startswith(message), found
    assert hint


def test_check_and_build_both_refuse_a_bad_mark(builder) -> None:
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    edit(
        project / "strategy/versions/v3/version.yml",
        "  date: 2020-11-25\n",
        "  date:\n    note: Okänt.\n",
    )
    expected = "versions/v3/version.yml:9: the date 'date' has neither"
    checked = CliRunner().invoke(main, ["check", "--content", str(project / "strategy")])
    assert checked.exit_code != 0 and expected in checked.output
    built = run_mkdocs_build(project)
    assert built.returncode != 0 and expected in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
