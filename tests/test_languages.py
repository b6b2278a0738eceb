"""Any set of languages (issue 15): BCP 47 codes, a region's own strings files, names and
dates from CLDR, a language Material lacks, and a Swedish-only site."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from agreement import agree_on, build_output
from conftest import run_mkdocs_build, soup
from strategy_site.content.problems import ContentError
from strategy_site.content.site_languages import MATERIAL_DEFAULT_LANGUAGE
from strategy_site.model import InterfaceStrings
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.texts import (
    format_date,
    interface_keys,
    language_name,
    plural_form,
    plural_forms,
    t,
    use_region_strings,
)
from strategy_site.tools.cli import main
from strategy_site.tools.strings_file import strings_template

PLACEHOLDER = "(PLACEHOLDER, not South Sami: a test fixture)"
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


def with_south_sami(strategy: Path) -> None:
    """The strategy in Swedish, English and South Sami, with the fixture strings file."""
    with_languages(strategy, "[sv, en, sma]")
    (strategy / "strings").mkdir()
    (strategy / "strings" / "sma.yml").write_text(sma_strings(), encoding="utf-8")


def list_south_sami(project: Path) -> None:
    """List South Sami among the i18n plugin's languages in the project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("        - locale: en\n", SMA_I18N + "        - locale: en\n"))


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
    reported = agree_on(basic)  # the build refuses it in the same words
    assert "strategy/strings/se.yml: the site's interface has no strings in 'se'" in reported


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
    reported = "\n".join(agree_on(basic))  # check and the build say the same
    assert "'x1' is not a language code" in reported and "no strings in 'sma'" in reported


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
    assert int(missing[1]) == len(interface_keys("sma"))
    assert "status.draft" in missing[2].split(", ")
    assert "no name for the language 'sv' in 'sma'" in output
    assert any("interface strings are missing" in line for line in agree_on(basic))
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
    assert "1 interface string is missing: status.draft" in output
    assert "uses {datum}, which this string does not have" in output
    assert "strings for 'de', which is not among the strategy's languages" in output
    reported = agree_on(basic)  # check and the build say the same
    assert any(f"sma.yml:{typo}: unknown interface string" in line for line in reported)


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
    with_south_sami(basic)
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    list_south_sami(project)
    strings = basic.parent / "project" / "strategy" / "strings" / "sma.yml"
    two = f"start.sections.two: '{PLACEHOLDER} {{count}} sections'"
    assert two in strings.read_text(encoding="utf-8"), "the fixture has South Sami's 'two'"
    strings.write_text(
        strings.read_text(encoding="utf-8").replace(two, "start.sections.two: '{count} (two)'"),
        encoding="utf-8",
    )
    site = builder.build(project)
    # South Sami has three plural forms (CLDR): the short version's 2 sections take 'two'.
    facts = [p.get_text() for p in soup(site, "sma").select(".st-timeline__facts")]
    assert facts[-1].endswith("2 (two)") and not facts[0].endswith("(two)"), facts
    assert facts[0].endswith(" sections")
    assert soup(site, "en").select(".st-timeline__facts")[-1].get_text().endswith("2 sections")
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
    without_i18n(project)
    result = run_mkdocs_build(project)
    assert result.returncode == 1
    message = "the strategy has 2 languages (sv, en), but mkdocs.yml has no 'i18n'"
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    code, output = check(project / "strategy")  # check and the build agree
    assert code == 1 and f"mkdocs.yml: {message}" in output


def test_check_and_build_agree_on_a_language_mkdocs_yml_does_not_list(
    builder, basic: Path, monkeypatch
) -> None:
    with_south_sami(basic)
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    message = (
        "strategy.yml has the language sma, but the 'i18n' plugin in mkdocs.yml does not "
        "list it under 'languages', so it would not be published; add '- locale: sma'"
    )
    result = run_mkdocs_build(project)
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert not (project / "site").exists()
    code, output = check(project / "strategy")
    assert code == 1 and f"mkdocs.yml: {message}" in output, output
    # From a version's folder too: the content is found upwards, and so is mkdocs.yml.
    monkeypatch.chdir(project / "strategy" / "versions" / "v2")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1 and f"{project / 'mkdocs.yml'}: {message}" in result.output
    # Listed, both pass.
    list_south_sami(project)
    code, output = check(project / "strategy")
    assert code == 0, output


def swedish_only(strategy: Path) -> None:
    """The strategy in Swedish only: no English files, no English texts."""
    with_languages(strategy, "[sv]")
    for path in strategy.rglob("*.en.md"):
        path.unlink()
    for path in strategy.rglob("*.yml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(x for x in lines if not x.lstrip().startswith("en:")), "utf-8")


def test_a_swedish_only_site_needs_no_i18n(builder, basic: Path) -> None:
    swedish_only(basic)
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    without_i18n(project)
    site = builder.build(project)
    page = soup(site, "v2")
    assert page.html["lang"] == "sv"
    assert page.select_one(".st-status").get_text() == "Remissutkast"
    assert not (site / "en").exists()
    assert "2 mars 2020" in page.select_one(".st-banner").get_text()


def test_plural_forms_come_from_cldr() -> None:
    use_region_strings({})
    assert plural_forms("sv") == plural_forms("en") == ("one", "other")
    assert plural_forms("sma") == plural_forms("se") == ("one", "two", "other")
    assert plural_forms("fit") == ("one", "other")  # unknown to CLDR: counted as Swedish
    assert [plural_form("se", n) for n in (0, 1, 2, 3)] == ["other", "one", "two", "other"]
    assert t("sv", "front.count_added", count=1) == "1 nytt avsnitt"
    assert t("sv", "front.count_added", count=2) == "2 nya avsnitt"
    assert t("en", "start.sections", count=1) == "1 section"
    assert t("en", "start.sections", count=0) == "0 sections"
    assert t("en", "outcome.responded", count=1) == "1 input:"
    assert t("sv", "outcome.shaped_by_intro", count=1).startswith("1 synpunkt ledde")
    assert t("sv", "outcome.shaped_by_intro", count=4).startswith("4 synpunkter ledde")
    region = InterfaceStrings("sma", Path("sma.yml"))
    region.values = {
        "start.sections.one": "{count} one",
        "start.sections.two": "{count} two",
        "start.sections.other": "{count} other",
    }
    use_region_strings({"sma": region})
    try:
        shown = [t("sma", "start.sections", count=n) for n in (1, 2, 3, 11)]
        assert shown == ["1 one", "2 two", "3 other", "11 other"]
    finally:
        use_region_strings({})


def test_a_strings_file_names_each_plural_form_of_its_language(basic: Path) -> None:
    with_languages(basic, "[sv, en, sma]")
    (basic / "strings").mkdir()
    fixture = sma_strings()
    assert "# one: 1; two: 2; other: 0, 3, 4, 5 ..." in fixture
    for form in ("one", "two", "other"):
        assert f"\nfront.count_added.{form}: " in fixture
    lines = fixture.splitlines()
    assert lines.index(next(x for x in lines if x.startswith("front.count_added.two"))) < (
        lines.index(next(x for x in lines if x.startswith("front.count_added.other")))
    ), "a string's forms in CLDR's order"
    without_two = "\n".join(x for x in lines if not x.startswith("start.sections.two")) + "\n"
    (basic / "strings" / "sma.yml").write_text(without_two, encoding="utf-8")
    (basic / "strings" / "sv.yml").write_text(
        "start.sections.two: '{count} två'\nstart.sections: '{count} st'\n"
        "front.count_added.many: '{count} nya'\n",
        encoding="utf-8",
    )
    code, output = check(basic)
    assert code == 1
    assert "1 interface string is missing: start.sections.two" in output
    assert "sv.yml:1: 'start.sections.two' is not a plural form of 'sv'" in output
    assert "'sv' has the plural forms one, other (CLDR)" in output
    assert "sv.yml:2: 'start.sections' has plural forms" in output
    assert "'start.sections.one', 'start.sections.other'" in output
    reported = agree_on(basic)  # check and the build say the same
    assert any("sv.yml:1: 'start.sections.two' is not a plural form" in x for x in reported)
    # '.many', the old name of '.other' in Swedish (which has no 'many'), still works.
    assert "front.count_added.many" not in output
    strategy_strings = {
        "sv": InterfaceStrings("sv", Path("sv.yml"), {"front.count_added.many": "{count} nya"})
    }
    use_region_strings(strategy_strings)
    try:
        assert t("sv", "front.count_added", count=5) == "5 nya"
        assert t("sv", "front.count_added", count=1) == "1 nytt avsnitt"
    finally:
        use_region_strings({})


def without_i18n(project: Path) -> None:
    """mkdocs.yml without the i18n plugin, as a one-language site has it."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text[: text.index("  - i18n:")] + text[text.index("validation:") :]
    config.write_text(text.replace("lang: [sv, en]", "lang: [sv]"), encoding="utf-8")


def i18n_first(project: Path) -> None:
    """mkdocs.yml with the i18n plugin moved above the strategy plugin."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    ours, theirs, rest = (text.index(s) for s in ("  - strategy:", "  - i18n:", "validation:"))
    config.write_text(text[:ours] + text[theirs:rest] + text[ours:theirs] + text[rest:])


ORDER = "'strategy' must come before 'i18n' under 'plugins' in mkdocs.yml"


def test_i18n_before_strategy_is_refused_by_check_and_the_build(builder, basic: Path) -> None:
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    i18n_first(project)
    code, output = check(project / "strategy")
    assert code == 1 and f"mkdocs.yml: {ORDER}" in output, output
    built = build_output(builder, project)
    assert ORDER in built and "Traceback" not in built, built
    assert not (project / "site").exists()


def test_a_three_letter_language_with_i18n_first_is_refused_before_any_build(
    builder, basic: Path
) -> None:
    """A fresh MkDocs stops at i18n's own refusal of 'sma' before the strategy plugin is
    loaded; check names the fix, and neither publishes anything."""
    with_south_sami(basic)
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    list_south_sami(project)
    i18n_first(project)
    code, output = check(project / "strategy")
    assert code == 1 and f"mkdocs.yml: {ORDER}" in output, output
    result = run_mkdocs_build(project)
    assert result.returncode == 1 and "received 'sma'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_a_one_language_site_whose_theme_names_another_is_refused_by_both(
    builder, basic: Path
) -> None:
    swedish_only(basic)
    project = builder.project(basic, docs={"om.md": "# Om\n"})
    without_i18n(project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  language: sv\n" in text
    config.write_text(text.replace("  language: sv\n", ""), encoding="utf-8")
    message = (
        "the theme's language is 'en' (Material's default when none is set), but the "
        "strategy is written in 'sv', so every page would say it is in 'en'; set "
        "'language: sv' under 'theme' in mkdocs.yml."
    )
    code, output = check(project / "strategy")
    assert code == 1 and f"mkdocs.yml: {message}" in output, output
    built = build_output(builder, project)
    assert message in built, built
    config.write_text(text.replace("  language: sv\n", "  language: de\n"), encoding="utf-8")
    code, output = check(project / "strategy")
    assert code == 1 and "the theme's language is 'de', but" in output, output
    assert "the theme's language is 'de', but" in build_output(builder, project)


def test_materials_default_language_is_the_one_check_assumes() -> None:
    """check reads mkdocs.yml, where a left-out language is Material's default: the
    installed Material must still default to it, or check and the build disagree."""
    import material

    defaults = Path(material.__file__).parent / "templates" / "mkdocs_theme.yml"
    theme = yaml.safe_load(defaults.read_text(encoding="utf-8"))
    assert theme["language"] == MATERIAL_DEFAULT_LANGUAGE
