"""The CLI as a region's editors meet it (issues 12 and 15): content found like git finds
its repository, options anywhere, --version, NO_COLOR, plurals, clear words for odd
arguments, and file-system failures as messages."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from strategy_site.tools.cli import main


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def repo(tmp_path: Path, basic: Path) -> Path:
    """A content repository whose strategy lives in 'innehall/', named by mkdocs.yml."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.move(basic, root / "innehall")
    (root / "docs").mkdir()  # MkDocs needs it, and `check` says so when it is missing
    (root / "mkdocs.yml").write_text(
        "site_name: X\nplugins:\n  - search\n  - strategy:\n      content_dir: innehall\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n"
    )
    return root


def test_content_is_found_from_mkdocs_yml_and_from_any_subfolder(repo, monkeypatch) -> None:
    for where in (repo, repo / "innehall", repo / "innehall" / "versions" / "v2"):
        monkeypatch.chdir(where)
        result = run("check")
        assert result.exit_code == 0, result.output
        assert "4 versions, 19 sections, 0 input files: no problems found." in result.output
    monkeypatch.chdir(repo / "innehall" / "versions")
    assert run("check").output.startswith("..:")  # shown as the editor would type it


def test_content_option_before_or_after_the_subcommand(basic: Path, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = run("--content", str(basic), "status")
    after = run("status", "--content", str(basic))
    assert before.exit_code == 0 and before.output == after.output
    nested = run("--content", str(basic), "translations", "--lang", "en")
    assert nested.exit_code == 0 and "sections:" in nested.output


def test_version_option() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("strategi, version ")


def test_plurals(basic: Path) -> None:
    for folder in ("v2", "v3", "kort"):
        shutil.rmtree(basic / "versions" / folder)
    strategy = basic / "strategy.yml"
    text = strategy.read_text().replace("[v1, v2, v3, kort]", "[v1]")
    strategy.write_text(text.replace("current: v3", "current: v1"))
    result = run("check", "--content", str(basic))
    assert "1 version, 6 sections, 0 input files" in result.output, result.output


def test_no_color_is_honoured(basic: Path, monkeypatch) -> None:
    from strategy_site.tools import cli

    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.use_color(None) is False
    assert cli.use_color(True) is True
    monkeypatch.delenv("NO_COLOR")
    assert cli.use_color(None) is True
    colored = run("diff", "v1", "v2", "--content", str(basic), env={"NO_COLOR": "1"})
    assert "\x1b[" not in colored.output


def test_diff_names_a_reversed_or_same_version_comparison(basic: Path) -> None:
    same = run("diff", "v2", "v2", "--content", str(basic))
    assert same.exit_code == 2 and "are the same version (v2)" in same.output
    reversed_ = run("diff", "v3", "v2", "--content", str(basic))
    assert reversed_.exit_code == 0
    assert "v3 is newer than v2, so this is the comparison reversed" in reversed_.stderr
    assert "'strategi diff v2 v3' compares them forwards" in reversed_.stderr


def test_mark_current_hints_the_version_section_form(basic: Path) -> None:
    result = run("translations", "mark-current", "inledning", "--content", str(basic))
    assert result.exit_code == 2
    assert "'inledning' names no section: write version/section, e.g. 'v3/" in result.output


def test_status_columns_fit_long_ids(basic: Path) -> None:
    old, new = "v2", "remissutkast-till-regionfullmaktige"
    (basic / "versions" / old).rename(basic / "versions" / new)
    for path in [basic / "strategy.yml", *basic.glob("versions/*/version.yml")]:
        text = path.read_text()
        path.write_text(
            text.replace(f"based_on: {old}", f"based_on: {new}").replace(" v2,", f" {new},")
        )
    result = run("status", "--content", str(basic))
    assert result.exit_code == 0, result.output
    rows = [x for x in result.output.splitlines() if " sections  " in x]
    assert len({row.index(" sections  ") for row in rows}) == 1, rows
    assert f"  {new} consultation " in result.output


def test_unfreeze_refuses_a_path_as_version_id(basic: Path, tmp_path: Path) -> None:
    victim = tmp_path / "x"
    victim.mkdir()
    (victim / "version.lock").write_text("keep me")
    result = run("unfreeze", "../../x", "--content", str(basic))
    assert result.exit_code == 2 and "'../../x' is not a version id" in result.output
    assert (victim / "version.lock").read_text() == "keep me"


def test_strings_refuses_a_path_as_language(basic: Path) -> None:
    result = run("strings", "../x", "--content", str(basic))
    assert result.exit_code == 2 and "'../x' is not a language code" in result.output
    assert not (basic / "x.yml").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_a_message(basic: Path) -> None:
    versions = basic / "versions"
    versions.chmod(0o555)
    try:
        result = run("new-version", "v4", "--from", "v3", "--content", str(basic))
    finally:
        versions.chmod(0o755)
    assert result.exit_code == 1
    assert "Permission denied" in result.output and "Traceback" not in result.output


def test_a_permission_error_is_a_message_not_a_traceback(basic: Path, monkeypatch) -> None:
    """Root ignores file modes, so the failure is simulated where the tool writes."""
    from strategy_site.tools import new_version

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(basic / "versions"))

    monkeypatch.setattr(new_version.shutil, "copytree", refuse)
    result = run("new-version", "v4", "--from", "v3", "--content", str(basic))
    assert result.exit_code == 1
    assert "versions: Permission denied. Check that the folder is writable" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_interrupted_new_version_is_named_by_check(basic: Path) -> None:
    shutil.copytree(basic / "versions" / "v3", basic / "versions" / ".v4.new")
    result = run("check", "--content", str(basic))
    assert result.exit_code == 1
    assert "'.v4.new' is left over from an interrupted 'strategi new-version' of 'v4'" in (
        result.output
    )
