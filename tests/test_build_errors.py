"""A broken strategy stops `mkdocs build` with the same messages, and writes nothing."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from conftest import FIXTURES, run_mkdocs_build


def test_build_stops_with_path_line_messages_and_leaves_the_site_alone(builder) -> None:
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    toc = project / "strategy/versions/v2/version.yml"
    toc.write_text(toc.read_text().replace("based_on: v1", "based_on: v0"))
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the published site")

    result = run_mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "strategy/versions/v2/version.yml:6: 'based_on' names 'v0', which is not a version"
        in output
    )
    assert "hint: Choose one of: v1, v3, kort." in output
    assert "Traceback" not in output
    assert sorted(p.name for p in previous.iterdir()) == ["index.html"]
    assert (previous / "index.html").read_text() == "the published site"


def test_docs_page_may_not_take_a_generated_address(builder, caplog) -> None:
    project = builder.project(FIXTURES / "basic", docs={"index.md": "# Hem\n"})
    with pytest.raises(Abort):
        builder.build(project)
    assert "docs/index.md would take the address of a generated page (/)" in caplog.text


def test_docs_page_may_not_take_a_version_address(builder, caplog) -> None:
    project = builder.project(FIXTURES / "basic", docs={"v1.md": "# En sida\n"})
    with pytest.raises(Abort):
        builder.build(project)
    assert "docs/v1.md would take the address of a generated page (/v1/)" in caplog.text
