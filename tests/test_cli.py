"""`strategi check`: every problem at once, path:line with a hint, non-zero exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from agreement import agree_on
from conftest import FIXTURES
from strategy_site.tools.cli import main


def test_check_passes_on_good_content() -> None:
    result = CliRunner().invoke(main, ["check", "--content", str(FIXTURES / "basic")])
    assert result.exit_code == 0
    assert "4 versions, 19 sections, 0 input files: no problems found." in result.output


def test_check_lists_every_problem_and_fails(basic: Path) -> None:
    toc = basic / "versions/v1/version.yml"
    toc.write_text(toc.read_text().replace("status: draft", "status: drfat"))
    (basic / "versions/v3/energi.md").unlink()
    result = CliRunner().invoke(main, ["check", "--content", str(basic)])
    assert result.exit_code == 1
    assert "versions/v1/version.yml:1: unknown status 'drfat'" in result.output
    assert "    hint: Use one of: draft, consultation" in result.output
    assert "versions/v3/version.yml:18: the section 'energi' is listed but" in result.output
    assert "2 problems in the strategy content." in result.output
    reported = agree_on(basic)  # the build refuses it in the same words
    assert "strategy/versions/v1/version.yml:1: unknown status 'drfat'" in reported


def test_installed_command_reports_without_traceback(basic: Path) -> None:
    (basic / "strategy.yml").write_text("title: [x\n")
    command = Path(sys.executable).parent / "strategi"
    result = subprocess.run(
        [str(command), "check", "--content", str(basic)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "strategy.yml:2: the YAML cannot be read" in result.stderr
    assert "which starts on line 1" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
