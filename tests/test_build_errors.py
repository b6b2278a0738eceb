"""A broken strategy stops `mkdocs build` with the same messages, and writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from agreement import agree_on
from conftest import FIXTURES, epoch, read_only, run_mkdocs_build
from strategy_site.tools.cli import main


def published_site(project: Path) -> Path:
    """A last good site in the project's site/, as a previous deploy left it."""
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the published site")
    return previous


def assert_no_build_leftovers(project: Path) -> None:
    """No half-built folder is left beside the site (only the lock file stays)."""
    assert sorted(p.name for p in project.iterdir()) == [
        ".site.lock",
        "docs",
        "mkdocs.yml",
        "site",
        "strategy",
    ]


def test_build_stops_with_path_line_messages_and_leaves_the_site_alone(builder) -> None:
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    toc = project / "strategy/versions/v2/version.yml"
    toc.write_text(toc.read_text().replace("based_on: v1", "based_on: v0"))
    previous = published_site(project)

    result = run_mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "strategy/versions/v2/version.yml:6: 'based_on' names 'v0', which is not a version"
        in output
    )
    assert "hint: Choose one of: v1, v3, kort." in output
    assert "Traceback" not in output
    reported = agree_on(project / "strategy")  # `strategi check` says the same
    assert "strategy/versions/v2/version.yml:6: 'based_on' names 'v0'" in reported[0]
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


def test_a_problem_found_after_mkdocs_cleans_keeps_the_last_good_site(builder) -> None:
    """A hand-written page at a generated address is found when the files are listed,
    after MkDocs has emptied site/ when building in place: the old site stays."""
    project = builder.project(FIXTURES / "basic", docs={"v1.md": "# En sida\n"})
    previous = published_site(project)
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "docs/v1.md would take the address of a generated page (/v1/)" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert_no_build_leftovers(project)


def test_a_strict_warning_keeps_the_last_good_site(builder) -> None:
    """MkDocs counts warnings only after every page is written: still nothing changes."""
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n\n[x](saknas.md)\n"})
    previous = published_site(project)
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "saknas.md" in result.stderr
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    (project / "docs/om.md").write_text("# Om\n")
    assert run_mkdocs_build(project).returncode == 0
    assert (previous / "v1/index.html").is_file() and (previous / "en/index.html").is_file()
    assert_no_build_leftovers(project)


def test_two_builds_into_one_folder_do_not_mix(builder) -> None:
    import fcntl

    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    with open(project / ".site.lock", "w") as held:  # as a running build holds it
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "another build is writing into" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def mkdocs_build_in_process(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What `mkdocs build --strict` does (mkdocs/__main__.py), in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2020, 3, 15)))
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_read_only_folder_is_a_message(builder, monkeypatch, caplog) -> None:
    """The project folder cannot be written (for root, which CI runs as, the writes
    fail as they would for anyone else: see conftest.read_only)."""
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    with read_only(project, monkeypatch), pytest.raises(Abort):
        mkdocs_build_in_process(project, monkeypatch)
    assert f"cannot write the site into {project / 'site'}: Permission denied" in caplog.text
    assert "Traceback" not in caplog.text
    assert sorted(p.name for p in project.iterdir()) == ["docs", "mkdocs.yml", "strategy"]


BAD_EPOCHS = ["", "  ", "-5", "abc", "1e9", "1700000000.5", "4294967296", "9" * 30]


@pytest.mark.parametrize("value", BAD_EPOCHS, ids=[repr(v) for v in BAD_EPOCHS])
def test_a_bad_source_date_epoch_is_a_message_before_mkdocs_reads_it(
    builder, monkeypatch, value: str
) -> None:
    """MkDocs reads SOURCE_DATE_EPOCH too (page dates, the sitemap's gzip header) and
    fails with a traceback on these; the plugin stops the build first, in on_config."""
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    previous = published_site(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = run_mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    shown = "empty" if not value.strip() else f"'{value.strip()[:40]}'"
    assert f"strategy: SOURCE_DATE_EPOCH is {shown}, which is not a time: set it to whole" in (
        output
    )
    assert "Traceback" not in output
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    checked = CliRunner().invoke(main, ["check", "--content", str(project / "strategy")])
    assert checked.exit_code == 1 and f"SOURCE_DATE_EPOCH is {shown}" in checked.output


def test_the_largest_source_date_epoch_builds(builder, monkeypatch) -> None:
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4294967295")
    result = run_mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site/sitemap.xml.gz").is_file()


@pytest.mark.parametrize("where", ["docs/secret.txt", "docs/bilder/nyckel.png", "docs/delad"])
def test_a_symbolic_link_in_docs_is_refused(builder, tmp_path: Path, where: str) -> None:
    """MkDocs follows links in docs/: one would publish whatever it points to."""
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "token").write_text("ghp_secret")
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    previous = published_site(project)
    link = project / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(secret if where.endswith("delad") else secret / "token")
    result = run_mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert (
        f"strategy: {where}: a symbolic link: the site may hold only real files and folders; "
        "replace the link with a copy" in output
    )
    assert "Traceback" not in output and "ghp_secret" not in output
    assert [p.name for p in previous.iterdir()] == ["index.html"]
