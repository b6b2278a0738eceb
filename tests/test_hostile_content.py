"""The hostile-input corpus (tests/hostile.py): `strategi check` and the build refuse each
case with the same `path:line: message`, and the build writes nothing."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from conftest import FIXTURES, SiteBuilder
from hostile import CASES, Case
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError
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


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_check_and_build_refuse_hostile_content(
    case: Case, builder: SiteBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "strategy"
    shutil.copytree(FIXTURES / "basic", root)
    case.change(root)
    with pytest.raises(ContentError) as caught:
        load_strategy(root)
    found = [
        (p.path.relative_to(root).as_posix(), p.line, p.message) for p in caught.value.problems
    ]
    assert case.expected in found, found

    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    case.change(project / "strategy")
    file, line, message = case.expected
    location = f"strategy/{file}" + (f":{line}" if line else "")
    assert f"{location}: {message}" in agree(builder, project, monkeypatch)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)
