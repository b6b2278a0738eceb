"""The hostile-input corpus (tests/hostile.py): `strategi check` and the build refuse each
case with the same `path:line: message`, and the build writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agreement import agree
from conftest import FIXTURES, SiteBuilder
from hostile import CASES, Case
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError


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
