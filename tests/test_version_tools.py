"""The editors' version tools: new-version, freeze and unfreeze, status."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from agreement import agree_on
from conftest import FIXTURES, run_mkdocs_build
from strategy_site.content.loader import load_strategy
from strategy_site.tools.cli import main

STRATEGY_YML = """# The programme, every version.
title:
  sv: Testprogrammet     # the Swedish title
  en: "The test programme"
publisher:
  sv: Testregionen
  en: The Test Region
source_language: sv
languages: [sv, en]
versions: [v1, v2, v3, kort]   # oldest first
current: v3
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_new_version_copies_and_changes_only_what_it_must(basic: Path) -> None:
    (basic / "strategy.yml").write_text(STRATEGY_YML)
    v2 = basic / "versions/v2"
    result = run("new-version", "v2b", "--from", "v2", "--content", str(basic))
    assert result.exit_code == 0, result.output
    new = basic / "versions/v2b"

    assert (basic / "strategy.yml").read_text() == STRATEGY_YML.replace(
        "[v1, v2, v3, kort]   # oldest", "[v1, v2, v3, kort, v2b]   # oldest"
    )
    old_toc, new_toc = (v2 / "version.yml").read_text(), (new / "version.yml").read_text()
    consultation = old_toc[old_toc.index("consultation:") : old_toc.index("sections:")]
    expected = (
        old_toc.replace("status: consultation", "status: draft")
        .replace("based_on: v1", "based_on: v2")
        .replace(consultation, "")
    )
    assert new_toc == expected
    # sections and translations are copied byte for byte, but 'replaces' is dropped
    for path in v2.glob("*.md"):
        copied = (new / path.name).read_text()
        if path.name == "halsa-och-e-halsa.md":
            assert copied == path.read_text().replace("replaces: [halsa, e-halsa]\n", "")
        else:
            assert copied == path.read_text(), path.name
    assert "Removed the 'consultation' block of v2" in result.output
    assert "Removed 'replaces' (it described the previous version) from: halsa-och-e-halsa.md" in (
        result.output
    )
    strategy = load_strategy(basic)  # the result is a valid strategy
    assert strategy.versions["v2b"].based_on == "v2"
    assert list(strategy.versions) == ["v1", "v2", "v3", "kort", "v2b"]


def test_new_version_keeps_a_block_that_fits_its_status(basic: Path) -> None:
    run("new-version", "v3b", "--from", "v3", "--status", "adopted", "--content", str(basic))
    assert load_strategy(basic).versions["v3b"].decision is not None


def test_new_version_refuses_bad_or_taken_ids(basic: Path) -> None:
    for new_id, message in (
        ("v2", "the version 'v2' exists already"),
        ("Ny", "'Ny' is not a valid id"),
        ("en", "'en' is used by the site itself"),
    ):
        result = CliRunner().invoke(
            main, ["new-version", new_id, "--from", "v1", "--content", str(basic)]
        )
        assert result.exit_code == 2 and message in result.output, result.output
    assert sorted(p.name for p in (basic / "versions").iterdir()) == ["kort", "v1", "v2", "v3"]


def test_freeze_then_an_edit_is_refused_with_a_clear_message(basic: Path) -> None:
    result = run("freeze", "v2", "--content", str(basic))
    assert "Froze v2" in result.output
    assert load_strategy(basic).versions["v2"].frozen
    (basic / "versions/v2/skog.md").write_text(
        (basic / "versions/v2/skog.md").read_text().replace("viktig", "mycket viktig")
    )
    (basic / "versions/v2/ny.md").write_text("---\ntitle: Ny\n---\n")
    check = CliRunner().invoke(main, ["check", "--content", str(basic)])
    assert check.exit_code == 1
    assert "versions/v2/skog.md: a file of a frozen version has changed" in check.output
    assert "versions/v2/ny.md: a file has been added to a frozen version" in check.output
    assert "make a new version with 'strategi new-version <id> --from v2'" in check.output
    reported = agree_on(basic)  # the build refuses it in the same words
    assert "strategy/versions/v2/ny.md: a file has been added to a frozen version" in reported


def test_translations_of_a_frozen_version_stay_editable(basic: Path) -> None:
    run("freeze", "v2", "--content", str(basic))
    path = basic / "versions/v2/skog.en.md"
    path.write_text(path.read_text().replace("matters", "is important"))
    (basic / "versions/v2/uppfoljning.en.md").write_text("---\ntitle: Follow-up\n---\n\nText.\n")
    load_strategy(basic)


def test_build_of_an_edited_frozen_version_fails_and_writes_nothing(builder) -> None:
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    run("freeze", "v1", "--content", str(project / "strategy"))
    skog = project / "strategy/versions/v1/skog.md"
    skog.write_text(skog.read_text() + "\nEtt nytt stycke.\n")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "strategy/versions/v1/skog.md: a file of a frozen version has changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_unfreeze_lifts_the_lock_and_says_what_it_means(basic: Path) -> None:
    run("freeze", "v2", "--content", str(basic))
    (basic / "versions/v2/skog.md").write_text("---\ntitle: Skog\n---\n\nÄndrad.\n")
    result = run("unfreeze", "v2", "--content", str(basic))
    assert "Unfroze v2" in result.output and "Prefer a new version" in result.output
    assert not load_strategy(basic).versions["v2"].frozen


def test_status_shows_versions_locks_consultation_translations_and_open_inputs(basic: Path) -> None:
    run("freeze", "v1", "--content", str(basic))
    (basic / "inputs").mkdir()
    (basic / "inputs/svar.yml").write_text(
        "kind: workshop\ndate: 2019-12-11\nfrom: [Almi]\nabout: v1\nitems:\n"
        "  - id: a\n    text: Mer om skogen\n    decision: accepted\n    addressed_in: v2\n"
        "  - id: b\n    text: Vad betyder bioekonomi?\n"
    )
    output = run("status", "--content", str(basic)).output
    assert "  v1           draft         2019-12-20    6 sections  frozen" in output
    assert "  v3           adopted       2020-11-25    6 sections  current, editable" in output
    assert "consultation 2020-03-02 to 2020-04-30" in output
    assert "en: 1 current, 1 outdated, 4 missing" in output
    assert "Inputs: 1 file, 2 items, 1 without decision" in output
    assert "  svar/b: Vad betyder bioekonomi?" in output


def test_status_lists_popular_texts_to_review(basic: Path) -> None:
    run("new-version", "v4", "--from", "v3", "--content", str(basic))
    skog = basic / "versions/v4/skog.md"
    skog.write_text(skog.read_text().replace("viktig", "avgörande"))
    output = run("status", "--content", str(basic)).output
    assert "Popular texts to review" in output
    assert "  kort/skogen: skog in v4" in output


def test_new_popular_version_from_a_popular_one_keeps_what_it_summarises(basic: Path) -> None:
    result = run(
        "new-version", "kort2", "--from", "kort", "--status", "popular", "--content", str(basic)
    )
    assert result.exit_code == 0, result.output
    assert load_strategy(basic).versions["kort2"].based_on == "v3"


def test_a_full_version_copied_from_a_popular_one_summarises_nothing(basic: Path) -> None:
    result = run("new-version", "v4", "--from", "kort", "--content", str(basic))
    assert result.exit_code == 0, result.output
    assert (
        "Removed 'summarises' (only a popular version's sections summarise) from: "
        "om-programmet.md, skogen.md" in result.output
    )
    text = (basic / "versions/v4/skogen.md").read_text(encoding="utf-8")
    assert text == "---\ntitle: Skogen\n---\n\nSkogen ger jobb.\n"
    checked = run("check", "--content", str(basic))
    assert checked.exit_code == 0, checked.output
    assert load_strategy(basic).versions["v4"].based_on == "kort"


COMMENTED_TOC = """# The consultation draft.\r
status: consultation     # out for consultation\r
\r
# Titles in both languages.\r
title:\r
  sv: Remissutkast\r
  en: Consultation draft\r
date: 2020-03-02\r
based_on: v1\r
\r
# The consultation: dates from the board's decision.\r
consultation:\r
  opens: 2020-03-02\r
  # closes a day early: Easter\r
  closes: 2020-04-30\r
  respond_to: registrator@example.se\r
  reference: TEST 2020/1\r
\r
   \r
# Table of contents.\r
sections:\r
  - inledning   # the introduction\r
\r
  - id: omraden\r
    sections:\r
      - skog\r
      - halsa-och-e-halsa\r
  - uppfoljning\r
# end of file\r
"""


def test_new_version_keeps_every_comment_blank_line_and_crlf(basic: Path) -> None:
    (basic / "versions/v2/version.yml").write_bytes(COMMENTED_TOC.encode())
    result = run("new-version", "v2b", "--from", "v2", "--content", str(basic))
    assert result.exit_code == 0, result.output
    new_toc = (basic / "versions/v2b/version.yml").read_bytes().decode()
    block = COMMENTED_TOC[COMMENTED_TOC.index("\nconsultation:") + 1 :]
    block = block[: block.index("\r\n\r\n") + 2]
    expected = (
        COMMENTED_TOC.replace("status: consultation ", "status: draft ")
        .replace("based_on: v1", "based_on: v2")
        .replace(block, "")
    )
    assert new_toc == expected
    assert "# The consultation: dates from the board's decision.\r\n\r\n   \r\n# Table" in new_toc
    assert "\n" not in new_toc.replace("\r\n", "")  # no bare LF written
    yml = (basic / "strategy.yml").read_bytes()
    (basic / "strategy.yml").write_bytes(yml.replace(b"\n", b"\r\n"))
    assert run("new-version", "v2c", "--from", "v2", "--content", str(basic)).exit_code == 0
    assert b"\n" not in (basic / "strategy.yml").read_bytes().replace(b"\r\n", b"")


def test_new_version_writes_blocks_check_accepts_and_names_the_old_title(basic: Path) -> None:
    result = run(
        "new-version", "v4", "--from", "v3", "--status", "consultation", "--content", str(basic)
    )
    assert result.exit_code == 0, result.output
    assert "Added a 'consultation' block that status consultation needs" in result.output
    assert "are still those of v3: set the new version's own" in result.output
    checked = run("check", "--content", str(basic))
    assert checked.exit_code == 0, checked.output
    consultation = load_strategy(basic).versions["v4"].consultation
    assert consultation is not None
    assert consultation.respond_to == "registrator@example.se"  # from the latest one
    result = run(
        "new-version", "v5", "--from", "v1", "--status", "adopted", "--content", str(basic)
    )
    assert "Added a 'decision' block" in result.output
    assert run("check", "--content", str(basic)).exit_code == 0
    assert load_strategy(basic).versions["v5"].decision is not None


def test_new_version_refuses_a_symbolic_link_and_copies_no_target(basic: Path, tmp_path) -> None:
    """A link in the version copied would publish its target (the repository's
    .git/config, say); the copy is refused before anything is made, with the path."""
    secret = tmp_path / "config"
    secret.write_text("[remote] token=ghp_secret")
    (basic / "versions/v3/karta.png").symlink_to(secret)
    before = (basic / "strategy.yml").read_text()
    result = run("new-version", "v4", "--from", "v3", "--content", str(basic))
    assert result.exit_code == 1
    assert "versions/v3/karta.png: a symbolic link: the content may hold only real files" in (
        result.output
    )
    assert not (basic / "versions/v4").exists() and not (basic / "versions/.v4.new").exists()
    assert (basic / "strategy.yml").read_text() == before


def test_new_version_copies_a_hidden_link_as_a_link(basic: Path, tmp_path) -> None:
    """Hidden files are neither read nor published; one that is a link stays a link in
    the copy (never the target's content)."""
    from strategy_site.tools.new_version import create_version

    secret = tmp_path / "config"
    secret.write_text("ghp_secret")
    (basic / "versions/v3/.anteckning").symlink_to(secret)
    strategy = load_strategy(basic)
    create_version(strategy, "v4", "v3", "draft", strategy.versions["v3"].date)
    copied = basic / "versions/v4/.anteckning"
    assert copied.is_symlink() and Path(os.readlink(copied)) == secret
