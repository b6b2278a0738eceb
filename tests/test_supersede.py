"""`strategi supersede`: an adopted version becomes superseded when a later one is
adopted, in one command, without unfreezing it. Only its status changes; the lock and the
published manifest accept that change and no other."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreement import agree_on
from conftest import FIXTURES, soup
from strategy_site.content.freezing import freeze
from strategy_site.content.loader import load_strategy
from strategy_site.tools.cli import main

# v3's version.yml with comments, odd spacing and Windows line endings.
V3_TOC = (
    "# The adopted programme.\r\n"
    "status: adopted   # set by the board\r\n"
    "title:\r\n"
    "  sv: Beslutad version\r\n"
    "  en: Adopted version\r\n"
    "\r\n"
    "date: 2020-11-25\r\n"
    "based_on: v2\r\n"
    "decision:\r\n"
    "  by: Regionfullmäktige\r\n"
    "  date: 2020-11-25\r\n"
    "  reference: TEST 2020/1 § 7\r\n"
    "sections:\r\n"
    "  - inledning\r\n"
    "  - uppfoljning\r\n"
    "  - id: omraden\r\n"
    "    sections:\r\n"
    "      - skog\r\n"
    "      - halsa-och-e-halsa\r\n"
    "      - energi\r\n"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def two_adopted(builder) -> tuple[Path, Path]:
    """(strategy folder, its project): v3 adopted and frozen, v4 adopted after it and
    current; the site built and 'published' from that."""
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    strategy = project / "strategy"
    (strategy / "versions/v3/version.yml").write_bytes(V3_TOC.encode("utf-8"))
    freeze(strategy / "versions/v3", date(2020, 11, 26))
    code, output = run(
        "new-version", "v4", "--from", "v3", "--status", "adopted", "--content", str(strategy)
    )
    assert code == 0, output
    strategy_yml = strategy / "strategy.yml"
    strategy_yml.write_text(strategy_yml.read_text().replace("current: v3", "current: v4"))
    return strategy, project


def test_supersede_changes_only_the_status_of_a_frozen_version(two_adopted, builder) -> None:
    strategy, project = two_adopted
    published = builder.build(project, today=date(2021, 1, 10))
    toc = strategy / "versions/v3/version.yml"
    lock = (strategy / "versions/v3/version.lock").read_bytes()

    code, output = run("supersede", "v3", "--content", str(strategy))
    assert code == 0, output
    assert "v3 is superseded by v4: 'status: superseded' in" in output
    assert "It stays frozen" in output
    expected = V3_TOC.replace("status: adopted   #", "status: superseded   #")
    assert toc.read_bytes() == expected.encode("utf-8"), "every other byte kept"
    assert (strategy / "versions/v3/version.lock").read_bytes() == lock
    version = load_strategy(strategy).versions["v3"]
    assert (version.status, version.frozen) == ("superseded", True)
    assert run("check", "--content", str(strategy))[0] == 0
    code, output = run("check", "--content", str(strategy), "--published", str(published))
    assert code == 0, output

    site = builder.build(project, today=date(2021, 1, 10))
    assert soup(site, "v3").select_one(".st-status").get_text() == "Ersatt"
    # The published manifest now has the superseded text; the next check matches it too.
    code, output = run("check", "--content", str(strategy), "--published", str(site))
    assert code == 0, output


def test_the_lock_still_finds_every_other_change(two_adopted) -> None:
    strategy, _ = two_adopted
    assert run("supersede", "v3", "--content", str(strategy))[0] == 0
    toc = strategy / "versions/v3/version.yml"
    superseded = toc.read_text(encoding="utf-8")
    toc.write_text(superseded.replace("§ 7", "§ 8"), encoding="utf-8")
    code, output = run("check", "--content", str(strategy))
    assert code == 1
    assert "versions/v3/version.yml: a file of a frozen version has changed" in output
    reported = agree_on(strategy)  # the build refuses it in the same words
    assert "strategy/versions/v3/version.yml: a file of a frozen version has changed" in reported
    # Changing the status another way (here: by hand, quoted) is a change of the text.
    toc.write_text(superseded.replace("status: superseded", "status: 'superseded'"), "utf-8")
    assert run("check", "--content", str(strategy))[0] == 1
    # A version locked while superseded may not go back to adopted unseen.
    toc.write_text(superseded, encoding="utf-8")
    freeze(strategy / "versions/v3", date(2021, 1, 10))
    toc.write_text(superseded.replace("status: superseded", "status: adopted"), "utf-8")
    code, output = run("check", "--content", str(strategy))
    assert code == 1 and "a file of a frozen version has changed" in output


def test_supersede_refuses_what_is_not_an_adopted_version_with_a_successor(two_adopted) -> None:
    strategy, _ = two_adopted
    for target, message in [
        ("v2", "v2 has status consultation: only an adopted version can be superseded"),
        ("v4", "no version after v4 in strategy.yml is adopted: adopt the next version"),
        ("v9", "no version 'v9'"),
    ]:
        code, output = run("supersede", target, "--content", str(strategy))
        assert code != 0 and message in output, (target, output)
    strategy_yml = strategy / "strategy.yml"
    strategy_yml.write_text(strategy_yml.read_text().replace("current: v4", "current: v3"))
    code, output = run("supersede", "v3", "--content", str(strategy))
    assert code == 1 and "v3 is still 'current' in strategy.yml" in output
    assert "'current: v4'" in output
    strategy_yml.write_text(strategy_yml.read_text().replace("current: v3", "current: v4"))
    assert run("supersede", "v3", "--content", str(strategy))[0] == 0
    code, output = run("supersede", "v3", "--content", str(strategy))
    assert code == 1 and "v3 is superseded already" in output
