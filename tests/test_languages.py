"""Any set of languages (issue 15): BCP 47 codes, a region's own strings files, names and
dates from CLDR, a language Material lacks, and a Swedish-only site."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run_mkdocs_build, soup
from strategy_site.content.problems import ContentError
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.texts import (
    format_date,
    interface_keys,
    language_name,
    t,
    use_region_strings,
)
from strategy_site.tools.cli import main
from strategy_site.tools.strings_file import strings_template

PLACEHOLDER = "[PLACEHOLDER, not South Sami: a test fixture]"
SMA_I18N = """        - locale: sma
          name: Åarjelsaemien gïele
          build: true
"""


def sma_strings() -> str:
    """The fixture strings file for South Sami: every key, each text saying that it is a
    placeholder. Made from the package's keys, so that a key added later is in it."""
    return strings_template("sma", ["sv", "en", "sma"], fill=PLACEHOLDER)


def with_languages(strategy: Path, languages: str) -> None:
    path = strategy / "strategy.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("languages: [sv, en]", f"languages: {languages}"), "utf-8")


def check(strategy: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--content", str(strategy)])
    return result.exit_code, result.output


def test_an_unknown_language_without_strings_is_a_check_error_not_a_crash(basic: Path) -> None:
    with_languages(basic, "[sv, se]")
    code, output = check(basic)
    assert code == 1
    assert "strings/se.yml: the site's interface has no strings in 'se'" in output
    assert "strategi strings se" in output
    assert "Traceback" not in output


def test_three_letter_codes_are_language_codes(basic: Path) -> None:
    with_languages(basic, "[sv, en, sma, smj, fit, pt-BR, 'x1', Sv]")
    with pytest.raises(ContentError) as caught:
        load_publishable(basic)
    report = caught.value.report()
    assert "'x1' is not a language code" in report
    assert "'Sv' is not a language code" in report
    for ok in ("sma", "smj", "fit", "pt-BR"):
        assert f"'{ok}' is not a language code" not in report
        assert f"no strings in '{ok}'" in report


def test_strings_new_writes_a_file_whose_empty_keys_check_lists(basic: Path) -> None:
    with_languages(basic, "[sv, en, sma]")
    result = CliRunner().invoke(main, ["strings", "sma", "--content", str(basic)])
    assert result.exit_code == 0, result.output
    text = (basic / "strings" / "sma.yml").read_text(encoding="utf-8")
    assert '# Consultation draft\nstatus.consultation: ""' in text
    code, output = check(basic)
    assert code == 1
    missing = re.search(r"(\d+) interface strings are missing: ([^\n]+)", output)
    assert missing is not None
    assert int(missing[1]) == len(interface_keys())
    assert "status.draft" in missing[2].split(", ")
    assert "no name for the language 'sv' in 'sma'" in output
    again = CliRunner().invoke(main, ["strings", "sma", "--content", str(basic)])
    assert again.exit_code != 0 and "exists already" in again.output


def test_strings_file_problems_name_the_line(basic: Path) -> None:
    with_languages(basic, "[sv, en, sma]")
    (basic / "strings").mkdir()
    fixture = sma_strings()
    broken = fixture.replace("status.draft: '", "status.drafts: '").replace(
        "published {date}'", "published {datum}'"
    )
    (basic / "strings" / "sma.yml").write_text(broken, encoding="utf-8")
    (basic / "strings" / "de.yml").write_text("status.draft: Entwurf\n", encoding="utf-8")
    code, output = check(basic)
    assert code == 1
    lines = broken.splitlines()
    typo = next(i for i, line in enumerate(lines, 1) if line.startswith("status.drafts"))
    assert f"sma.yml:{typo}: unknown interface string 'status.drafts'" in output
    assert "Did you mean 'status.draft'?" in output
    assert "1 interface strings are missing: status.draft" in output
    assert "uses {datum}, which this string does not have" in output
    assert "strings for 'de', which is not among the strategy's languages" in output


def test_names_and_dates_come_from_cldr() -> None:
    use_region_strings({})
    assert format_date(date(2020, 11, 25), "sv") == "25 november 2020"
    assert format_date(date(2020, 11, 25), "en") == "25 November 2020"
    assert format_date(date(2020, 11, 25), "fi") == "25. marraskuuta 2020"
    # CLDR numbers South Sami months ("M11"): the ISO date is readable everywhere.
    assert format_date(date(2020, 11, 25), "sma") == "2020-11-25"
    assert language_name("sma", "sv") == "sydsamiska"
    assert language_name("se", "en") == "Northern Sami"
    assert language_name("fit", "sv") == "meänkieli"
    assert language_name("en", "sv") == "engelska"


def test_the_document_noun_is_a_string_a_region_overrides(basic: Path) -> None:
    use_region_strings({})
    assert t("sv", "start.timeline") == "Programmets versioner"
    assert t("sv", "inputs.no_section") == "Hela programmet"
    assert t("en", "start.timeline_intro").startswith("The programme is written in stages.")
    (basic / "strings").mkdir()
    (basic / "strings" / "sv.yml").write_text(
        "document.definite: strategin\ndocument.genitive: strategins\n", encoding="utf-8"
    )
    (basic / "strings" / "en.yml").write_text(
        "document.definite: the strategy\ndocument.genitive: the strategy's\n", encoding="utf-8"
    )
    strategy = load_publishable(basic)
    use_region_strings(strategy.strings)
    try:
        assert t("sv", "start.timeline") == "Strategins versioner"
        assert t("sv", "start.timeline_intro").startswith("Strategin tas fram i flera steg.")
        assert t("sv", "inputs.no_section") == "Hela strategin"
        assert t("en", "start.timeline") == "Versions of the strategy"
        assert t("en", "inputs.no_section") == "The strategy as a whole"
    finally:
        use_region_strings({})


def test_three_languages_build_with_a_language_material_lacks(builder, basic: Path) -> None:
    with_languages(basic, "[sv, en, sma]")
    (basic / "strings").mkdir()
    (basic / "strings" / "sma.yml").write_text(sma_strings(), encoding="utf-8")
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("        - locale: en\n", SMA_I18N + "        - locale: en\n"))
    site = builder.build(project)
    page = soup(site, "sma/v2")
    assert page.html["lang"] == "sma"
    banner = page.select_one(".st-banner")
    assert banner.select_one(".st-status").get_text() == f"{PLACEHOLDER} Consultation draft"
    assert "2020-03-02" in banner.get_text()
    assert {a["hreflang"] for a in page.select("a.md-select__link")} >= {"sv", "en", "sma"}
    # Swedish and English are unchanged by a third language.
    assert soup(site, "v2").select_one(".st-status").get_text() == "Remissutkast"
    assert soup(site, "en/v2").select_one(".st-status").get_text() == "Consultation draft"
    # A section without an sma translation says so, naming the languages from CLDR.
    notice = soup(site, "sma/v2/inledning").get_text(" ", strip=True)
    assert f"{PLACEHOLDER} This section has not been translated" in notice


def test_several_languages_without_i18n_is_a_clear_error(builder, basic: Path) -> None:
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("  - i18n:")] + text[text.index("validation:") :])
    result = run_mkdocs_build(project)
    assert result.returncode == 1
    assert "the strategy has 2 languages (sv, en), but mkdocs.yml has no 'i18n'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_swedish_only_site_needs_no_i18n(builder, basic: Path) -> None:
    with_languages(basic, "[sv]")
    for path in basic.rglob("*.en.md"):
        path.unlink()
    for path in basic.rglob("*.yml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(x for x in lines if not x.lstrip().startswith("en:")), "utf-8")
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text[: text.index("  - i18n:")] + text[text.index("validation:") :]
    config.write_text(text.replace("lang: [sv, en]", "lang: [sv]"), encoding="utf-8")
    site = builder.build(project)
    page = soup(site, "v2")
    assert page.html["lang"] == "sv"
    assert page.select_one(".st-status").get_text() == "Remissutkast"
    assert not (site / "en").exists()
    assert "2 mars 2020" in page.select_one(".st-banner").get_text()
