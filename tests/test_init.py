"""`strategi init` (issue 15): a new content repository that checks and builds at once,
in any set of languages, never overwriting anything; and what the plugin adds so that
its mkdocs.yml can stay minimal."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from conftest import REPO, SiteBuilder, epoch, run_mkdocs_build, soup
from strategy_site.tools.cli import main
from strategy_site.tools.strings_file import strings_template

URL = "https://example.org/strategi/"
TODAY = date(2026, 12, 3)
PAGES = ("om-webbplatsen", "tillganglighet", "personuppgifter")


def init(folder: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["init", str(folder), "--name", "Region Exempel", "--site-url", URL, *options],
        env={"SOURCE_DATE_EPOCH": epoch(TODAY)},
    )
    return result.exit_code, result.output


def check(folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--content", str(folder / "strategy")])
    return result.exit_code, result.output


def build(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return SiteBuilder(folder.parent, monkeypatch).build(folder, TODAY)


def yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_swedish_and_english_check_and_build_at_once(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "region"
    code, output = init(folder, "--languages", "sv,en")
    assert code == 0, output
    assert "Wrote 17 files into" in output
    for page in PAGES:
        assert (folder / "docs" / f"{page}.md").is_file()
        assert (folder / "docs" / f"{page}.en.md").is_file()
    assert check(folder) == (
        0,
        f"{folder / 'strategy'}: 1 version, 2 sections, 0 input files: no problems found.\n",
    )
    site = build(folder, monkeypatch)

    start, english = soup(site, ""), soup(site, "en")
    assert start.html["lang"] == "sv" and english.html["lang"] == "en"
    assert "Region Exempel" in start.title.get_text()
    section = soup(site, "utkast/inledning")
    # The templates say on the page that they are templates, and what to do.
    assert "Mall: skriv strategins inledning här" in section.get_text()
    about = soup(site, "om-webbplatsen").get_text(" ", strip=True)
    assert "Mall: Region Exempel fyller i den här sidan" in about
    assert "[Fyll i:" in soup(site, "tillganglighet").get_text()
    assert "[To complete:" in soup(site, "en/personuppgifter").get_text()
    # What the plugin added: the features the pages are built for, permalinks, the
    # palette toggles named in each language.
    config = start.find("script", id="__config").get_text()
    for feature in ("navigation.indexes", "navigation.prune", "navigation.footer"):
        assert feature in config
    assert section.select("h2 a.headerlink, h1 a.headerlink") or section.select("a.headerlink")
    labels = {i["aria-label"] for i in start.select("input.md-option")}
    assert labels == {"Byt till mörkt läge", "Byt till ljust läge"}
    labels = {i["aria-label"] for i in english.select("input.md-option")}
    assert labels == {"Switch to dark mode", "Switch to light mode"}
    # A 404 page per language, with a search form (the site has search).
    assert (site / "404.html").is_file() and (site / "en" / "404.html").is_file()
    not_found = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert 'action="/strategi/en/"' in not_found


def test_the_ci_examples_commands_run_in_the_new_folder(tmp_path: Path) -> None:
    """The workflow's own `run:` lines (after the install) check and build strictly;
    the published comparison is there, for main only, once PUBLISHED_SITE is set."""
    folder = tmp_path / "region"
    assert init(folder)[0] == 0
    workflow = yaml(folder / ".github/workflows/site.yml")
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert "libpango-1.0-0" in runs[0] and "fonts-liberation" in runs[0]  # for the PDFs
    runs = runs[1:]
    assert runs[0] == "pip install -r requirements.txt"
    assert runs[1:] == [
        "strategi check",
        'strategi check --published "$PUBLISHED_SITE"',
        "mkdocs build --strict",
    ]
    published = next(s for s in steps if "--published" in s.get("run", ""))
    assert "env.PUBLISHED_SITE != ''" in published["if"]
    assert workflow["env"]["PUBLISHED_SITE"] == ""
    assert any(
        step.get("uses", "").startswith("actions/deploy-pages")
        for step in workflow["jobs"]["deploy"]["steps"]
    )
    assert workflow["on"]["schedule"], "rebuilt daily: consultations open and close by date"
    gitlab = yaml(folder / ".gitlab-ci.yml")
    assert gitlab["before_script"][-1] == "pip install -r requirements.txt"
    assert "libpango-1.0-0" in gitlab["before_script"][0]
    assert "mkdocs build --strict --site-dir public" in gitlab["pages"]["script"]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert any("check --published" in line for line in gitlab["pages"]["script"])
    # Run the workflow's commands as the runner would, with this installation's tools.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PUBLISHED_SITE="")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    for command in [runs[1], runs[3]]:
        result = subprocess.run(
            shlex.split(command), cwd=folder, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert (folder / "site" / "manifest.json").is_file()


def test_the_pre_commit_hooks_are_the_projects(tmp_path: Path) -> None:
    folder = tmp_path / "region"
    assert init(folder)[0] == 0
    project_hooks = {hook["id"]: hook for hook in yaml(REPO / ".pre-commit-hooks.yaml")}
    config = yaml(folder / ".pre-commit-config.yaml")
    (local,) = config["repos"]
    assert local["repo"] == "local"
    for hook in local["hooks"]:
        ours = project_hooks[hook["id"]]
        for key in ("name", "entry", "language", "pass_filenames", "files"):
            assert hook[key] == ours[key], key
        # The tool at the version requirements.txt installs for CI.
        (requirement,) = hook["additional_dependencies"]
        assert requirement in (folder / "requirements.txt").read_text(encoding="utf-8")


def test_swedish_only_needs_no_i18n(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "region"
    code, output = init(folder, "--languages", "sv")
    assert code == 0, output
    assert not list((folder / "docs").glob("*.en.md"))
    config = yaml(folder / "mkdocs.yml")
    assert config["theme"]["language"] == "sv"
    assert config["plugins"] == ["search", "strategy"]
    assert "en:" not in (folder / "strategy" / "strategy.yml").read_text(encoding="utf-8")
    assert check(folder)[0] == 0
    site = build(folder, monkeypatch)
    assert soup(site, "").html["lang"] == "sv"
    assert not (site / "en").exists()


def test_a_language_without_strings_gets_a_file_to_translate(tmp_path: Path, monkeypatch):
    folder = tmp_path / "region"
    code, output = init(folder, "--languages", "sv,en,sma")
    assert code == 0, output
    strings = folder / "strategy" / "strings" / "sma.yml"
    assert "strategy/strings/sma.yml" in output
    assert "translate every value in strategy/strings/sma.yml" in output
    assert "the build stops" in output
    code, problems = check(folder)
    assert code == 1
    assert "interface strings are missing" in problems
    languages = yaml(folder / "mkdocs.yml")["plugins"][2]["i18n"]["languages"]
    assert [(lang["locale"], lang["name"]) for lang in languages] == [
        ("sv", "Svenska"),
        ("en", "English"),
        ("sma", "Åarjelsaemien gïele"),
    ]
    # Once translated (here: a fixture whose every text says it is a placeholder).
    strings.write_text(
        strings_template("sma", ["sv", "en", "sma"], fill="(PLACEHOLDER, not South Sami)"),
        encoding="utf-8",
    )
    assert check(folder)[0] == 0
    site = build(folder, monkeypatch)
    assert soup(site, "sma/utkast").html["lang"] == "sma"


def test_init_never_overwrites_and_writes_nothing_when_it_refuses(tmp_path: Path) -> None:
    folder = tmp_path / "region"
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("site_name: Ours\n", encoding="utf-8")
    (folder / "docs" / "tillganglighet.md").write_text("# Vår\n", encoding="utf-8")
    before = files_in(folder)
    code, output = init(folder)
    assert code == 1
    assert "docs/tillganglighet.md, mkdocs.yml already" in output
    assert "wrote nothing" in output
    assert "Traceback" not in output
    assert files_in(folder) == before
    assert (folder / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Ours\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["region"]  # no staging left
    # An existing strategy/ is refused too, even without the starter's files in it.
    other = tmp_path / "other"
    (other / "strategy" / "versions").mkdir(parents=True)
    code, output = init(other)
    assert code == 1 and "strategy/ already" in output


def test_init_fills_an_existing_folder_such_as_a_fresh_clone(tmp_path: Path) -> None:
    folder = tmp_path / "clone"
    (folder / ".git").mkdir(parents=True)
    (folder / "LICENSE").write_text("ours\n", encoding="utf-8")
    code, output = init(folder, "--languages", "sv")
    assert code == 0, output
    assert (folder / "LICENSE").read_text(encoding="utf-8") == "ours\n"
    assert (folder / "strategy" / "versions" / "utkast" / "version.yml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clone"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--languages", "sv,Sv"], "'Sv' is not a language code"),
        (["--languages", "fi,sv"], "begin with sv or en"),
        (["--languages", "sv,en,sv"], "names sv more than once"),
        (["--site-url", "example.org"], "is not the address of a site"),
        (["--name", " "], "--name is empty"),
    ],
)
def test_bad_options_are_messages(tmp_path: Path, options: list[str], message: str) -> None:
    code, output = init(tmp_path / "region", *options)
    assert code == 1
    assert message in output
    assert not (tmp_path / "region").exists()


def test_name_and_address_are_asked_for_when_not_given(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["init", str(tmp_path / "region"), "--languages", "sv"],
        input="Region Exempel: Län\nhttps://example.org/strategi\n",
    )
    assert result.exit_code == 0, result.output
    config = yaml(tmp_path / "region" / "mkdocs.yml")
    assert config["site_name"] == "Region Exempel: Län"  # quoted where YAML needs it
    assert config["site_url"] == URL


# -- what the plugin does for a minimal mkdocs.yml -----------------------------------


def minimal(tmp_path: Path, languages: str = "sv") -> Path:
    folder = tmp_path / "region"
    assert init(folder, "--languages", languages)[0] == 0
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_without_search_the_404_page_offers_no_search(tmp_path: Path, monkeypatch) -> None:
    folder = minimal(tmp_path)
    edit(folder / "mkdocs.yml", "  - search\n", "")
    site = build(folder, monkeypatch)
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "st-notfound-links" in page
    assert "st-notfound-search" not in page and 'role="search"' not in page


def test_a_single_language_site_in_the_wrong_theme_language_is_refused(tmp_path: Path) -> None:
    folder = minimal(tmp_path)
    edit(folder / "mkdocs.yml", "  language: sv\n", "")
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    assert "the theme's language is 'en'" in result.stderr
    assert "set 'language: sv' under 'theme'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_docs_folder_is_a_check_error(tmp_path: Path) -> None:
    """MkDocs refuses a missing docs_dir before any plugin runs (so the build cannot
    explain it, as the guide says); `check` does, first."""
    folder = minimal(tmp_path)
    for page in (folder / "docs").iterdir():
        page.unlink()
    (folder / "docs").rmdir()
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    assert "Config value 'docs_dir': The path" in result.stderr  # MkDocs' own message
    assert "docs' isn't an existing directory" in result.stderr
    code, output = check(folder)
    assert code == 1
    assert "docs: the folder does not exist, and MkDocs stops" in output
    assert "git keeps no empty folder" in output
    # From the folder itself, as an editor runs it (the content found from mkdocs.yml).
    result = subprocess.run(
        [str(Path(sys.executable).parent / "strategi"), "check"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("docs: the folder does not exist")


def test_a_language_missing_from_i18n_is_refused(tmp_path: Path) -> None:
    """Adding a language to strategy.yml alone would leave it unpublished, silently."""
    folder = minimal(tmp_path, "sv,en")
    edit(folder / "strategy" / "strategy.yml", "languages: [sv, en]", "languages: [sv, en, fi]")
    (folder / "strategy" / "strings").mkdir()
    (folder / "strategy" / "strings" / "fi.yml").write_text(
        strings_template("fi", ["sv", "en", "fi"], fill="(PLACEHOLDER, not Finnish)"), "utf-8"
    )
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    assert "strategy.yml has the language fi, but the 'i18n' plugin" in result.stderr
    code, output = check(folder)  # the content is fine, the site lacks fi: check says so
    assert code == 1
    assert "mkdocs.yml: strategy.yml has the language fi, but the 'i18n' plugin" in output
    assert "add '- locale: fi'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_regions_strings_reach_the_theme_escaped(tmp_path: Path, monkeypatch) -> None:
    """The toggles' names and the credit come from strings files a region writes
    (strategy/strings/): text, never markup."""
    folder = minimal(tmp_path)
    strings = folder / "strategy" / "strings"
    strings.mkdir()
    (strings / "sv.yml").write_text(
        "ui.palette_to_dark: 'Mörkt\"><img src=x onerror=alert(1)>'\n"
        "ui.made_with: 'Byggd <b>med</b>'\n",
        encoding="utf-8",
    )
    site = build(folder, monkeypatch)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<b>med</b>" not in html
    page = soup(site, "")
    labels = {i["aria-label"] for i in page.select("input.md-option")}
    assert 'Mörkt"><img src=x onerror=alert(1)>' in labels
    assert "Byggd <b>med</b>" in page.select_one(".md-copyright").get_text()
