"""`strategi check` and the build report the same problems, and the build writes nothing:
what the hostile corpus and every content-error test assert on a broken strategy."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from conftest import SiteBuilder
from strategy_site.tools.cli import main

PROBLEM_LINE = re.compile(r"^(strategy/\S*?)(?::(\d+))?: (.*)$")


def problem_lines(output: str) -> list[str]:
    """The `path:line: message` lines and their hints, as an editor reads them."""
    lines = output.splitlines()
    start = next((i for i, line in enumerate(lines) if PROBLEM_LINE.match(line)), len(lines))
    return [
        line for line in lines[start:] if PROBLEM_LINE.match(line) or line.startswith("    hint:")
    ]


def check_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--content", "strategy"])
    return result.exit_code, result.output


def build_output(builder: SiteBuilder, project: Path) -> str:
    """What a failed build logs; the test fails if the build succeeds."""
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            builder.build(project)
    finally:
        logger.removeHandler(handler)
    return "\n".join(records)


def agree(builder: SiteBuilder, project: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Runs check and the build on `project`; both must refuse it with the same problems."""
    previous = project / "site"
    previous.mkdir(exist_ok=True)
    (previous / "index.html").write_text("the published site")
    code, checked = check_output(project, monkeypatch)
    assert code == 1, checked
    built = build_output(builder, project)
    assert "Traceback" not in checked + built
    assert problem_lines(checked), checked
    assert problem_lines(checked) == problem_lines(built), (checked, built)
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text() == "the published site"
    return problem_lines(checked)


def agree_on(root: Path) -> list[str]:
    """Copies the strategy folder `root` into a project of its own and runs `agree`."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        builder = SiteBuilder(root.parent / f"{root.name}-agreement", monkeypatch)
        builder.tmp_path.mkdir(exist_ok=True)
        project = builder.project(root, docs={"om.md": "# Om\n"})
        try:
            return agree(builder, project, monkeypatch)
        finally:
            shutil.rmtree(builder.tmp_path)
