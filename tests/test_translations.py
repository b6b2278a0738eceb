"""Translation state by source_hash, and the translators' commands."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, soup
from strategy_site.content.loader import load_strategy
from strategy_site.derive.translations import source_hash, text_hash, translation_statuses
from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
from strategy_site.plan.pages import plan_site
from strategy_site.plan.source_changes import SourceChanges
from strategy_site.tools.cli import main


def test_hash_ignores_trailing_spaces_line_endings_and_end_blank_lines() -> None:
    base = text_hash("Skog", "Skogen är viktig.\n\nFör länet.\n")
    assert text_hash("Skog  ", "Skogen är viktig.   \r\n\r\nFör länet.\r\n\n\n") == base
    assert text_hash("Skog", "Skogen är viktig.\nFör länet.\n") != base
    assert text_hash("Skogen", "Skogen är viktig.\n\nFör länet.\n") != base
    assert len(base) == 12


def test_states_in_the_basic_fixture() -> None:
    strategy = load_strategy(FIXTURES / "basic")
    states = {(r.version, r.section): r.state for r in translation_statuses(strategy, "en")}
    assert states[("v3", "inledning")] == "current"
    assert states[("v3", "skog")] == "outdated"
    assert states[("v3", "energi")] == "missing"
    assert states[("kort", "skogen")] == "current"


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_list_command_filters_by_version_and_state() -> None:
    result = run("translations", "--content", str(FIXTURES / "basic"), "--version", "v3")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0].split()[:3] == ["v3/inledning", "current", "0"]
    assert lines[3].split()[:3] == ["v3/skog", "outdated", "10"]
    assert lines[-1] == "6 sections: 1 current, 1 outdated, 4 missing; 43 words to translate (en)."
    outdated = run("translations", "--content", str(FIXTURES / "basic"), "--state", "outdated")
    assert [line.split()[0] for line in outdated.output.splitlines()[:-1]] == ["v3/skog"]


UNUSUAL = (
    """---
# Translator: keep "county" lower case
title:   "Forest"     # quoted, padded
summary: >-
    The forest,
      folded   over lines.
source_hash: 'oldhash00000'   # tooling writes this
---

The forest   matters.\r
Trailing spaces stay."""
    + "   \n"
)


def test_mark_current_changes_only_the_hash_byte_for_byte(basic: Path) -> None:
    path = basic / "versions/v3/skog.en.md"
    path.write_bytes(UNUSUAL.encode("utf-8"))
    result = run("translations", "--content", str(basic), "mark-current", "v3/skog")
    assert result.exit_code == 0, result.output
    new_hash = source_hash(load_strategy(basic).versions["v3"].sections["skog"])
    expected = UNUSUAL.replace("'oldhash00000'", f"'{new_hash}'")
    assert path.read_bytes() == expected.encode("utf-8")
    statuses = translation_statuses(load_strategy(basic), "en", version="v3")
    assert {r.section: r.state for r in statuses}["skog"] == "current"


def test_mark_current_adds_a_missing_hash_after_the_title(basic: Path) -> None:
    path = basic / "versions/v2/skog.en.md"
    text = path.read_text().replace("source_hash", "# no hash yet\nold_note")
    text = text.replace("old_note", "summary")
    path.write_text(text)
    run("translations", "--content", str(basic), "mark-current", "v2/skog")
    lines = path.read_text().splitlines()
    assert lines[1] == "title: Forest"
    assert lines[2].startswith("source_hash: ")
    assert lines[3] == "# no hash yet"


def test_mark_current_several_at_once(basic: Path) -> None:
    for name in ("inledning", "skog"):
        path = basic / f"versions/v3/{name}.en.md"
        path.write_text(path.read_text().replace("source_hash:", "source_hash: 000000000000 #"))
    result = run("translations", "--content", str(basic), "mark-current", "--all-in", "v3")
    assert "v3/inledning: marked current" in result.output
    assert "v3/skog: marked current" in result.output
    states = {r.section: r.state for r in translation_statuses(load_strategy(basic), "en", "v3")}
    assert states["inledning"] == states["skog"] == "current"


def test_mark_current_without_a_translation_says_how_to_start_one(basic: Path) -> None:
    result = CliRunner().invoke(
        main, ["translations", "--content", str(basic), "mark-current", "v3/energi"]
    )
    assert result.exit_code == 1
    assert "strategi translations new v3/energi" in result.output


def test_a_started_translation_counts_as_missing_until_marked_current(basic: Path, builder) -> None:
    """`translations new` writes `source_hash: pending`: readers see the Swedish text with
    the missing-translation notice and translators see the section to do, until
    `mark-current` records the hash (a commit of the started file publishes nothing as a
    current translation)."""
    result = run("translations", "--content", str(basic), "new", "v1/inledning")
    assert result.exit_code == 0
    assert "counts as not translated" in result.output
    assert "'strategi translations mark-current v1/inledning'" in result.output
    path = basic / "versions/v1/inledning.en.md"
    assert path.read_text().startswith(
        "---\ntitle: Inledning\nsummary: Vad programmet är och varför det finns.\n"
        "source_hash: pending\n---\n\nJämtland har"
    )
    again = CliRunner().invoke(
        main, ["translations", "--content", str(basic), "new", "v1/inledning"]
    )
    assert again.exit_code == 1 and "exists already" in again.output

    def row():
        rows = translation_statuses(load_strategy(basic), "en", version="v1")
        return next(r for r in rows if r.section == "inledning")

    assert (row().state, row().started) == ("missing", True)
    assert row().words > 10  # every word of the section is still to translate
    listing = run("translations", "--content", str(basic), "--version", "v1")
    line = next(x for x in listing.output.splitlines() if x.startswith("v1/inledning "))
    assert " missing " in line and line.endswith("(started, not marked current)")
    diff = CliRunner().invoke(
        main, ["translations", "--content", str(basic), "diff", "v1/inledning"]
    )
    assert diff.exit_code == 1 and "has never been marked current" in diff.output

    site = builder.build(builder.project(basic, docs={"om.md": "# Om\n"}))
    page = soup(site, "en/v1/inledning")
    assert "has not been translated into English yet" in page.get_text(" ")
    assert page.find(attrs={"lang": "sv"}, string=None) is not None
    assert "Jämtland har" in page.find(class_="md-content").get_text(" ")

    skipped = run("translations", "--content", str(basic), "mark-current", "--all-in", "v1")
    assert "v1/inledning: skipped, started with 'translations new'" in skipped.output
    assert row().state == "missing"
    marked = run("translations", "--content", str(basic), "mark-current", "v1/inledning")
    assert "v1/inledning: marked current" in marked.output
    section = load_strategy(basic).versions["v1"].sections["inledning"]
    assert f"source_hash: {source_hash(section)}\n" in path.read_text()
    assert (row().state, row().started) == ("current", False)


def test_unknown_target_names_what_exists(basic: Path) -> None:
    result = CliRunner().invoke(main, ["translations", "--content", str(basic), "new", "v3/mark"])
    assert result.exit_code == 2
    assert "no section 'mark' in v3; sections: inledning, uppfoljning" in result.output


@pytest.mark.parametrize("target", ["v9/skog", "skog"])
def test_unknown_version(basic: Path, target: str) -> None:
    result = CliRunner().invoke(main, ["translations", "--content", str(basic), "new", target])
    assert result.exit_code == 2 and "versions: v1, v2, v3, kort" in result.output


def git(folder: Path, *args: str, date: str | None = None) -> None:
    import os
    import subprocess

    env = dict(os.environ)
    if date is not None:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.se", *args],
        cwd=folder,
        check=True,
        capture_output=True,
        env=env,
    )


def translate(basic: Path, target: str) -> None:
    """A translation started, translated (here: left as it is) and marked current."""
    run("translations", "--content", str(basic), "new", target)
    run("translations", "--content", str(basic), "mark-current", target)


def test_translation_diff_finds_the_old_source_text_in_git(basic: Path) -> None:
    git(basic, "init", "-q")
    translate(basic, "v1/skog")
    git(basic, "add", "-A")
    git(basic, "commit", "-q", "-m", "Översättning av skog")
    skog = basic / "versions/v1/skog.md"
    skog.write_text(skog.read_text().replace("Skogen är viktig", "Skogen är mycket viktig"))
    git(basic, "commit", "-q", "-am", "Skärpt formulering")

    result = run("translations", "--content", str(basic), "diff", "v1/skog", "--no-color")
    assert result.exit_code == 0, result.output
    assert "the source text changed since commit" in result.output
    assert "[+mycket+]" in result.output


def test_translation_diff_says_that_git_is_missing(basic: Path, monkeypatch) -> None:
    git(basic, "init", "-q")
    git(basic, "add", "-A")
    git(basic, "commit", "-q", "-m", "Allt")
    monkeypatch.setenv("PATH", "")  # as on a machine without git
    result = CliRunner().invoke(main, ["translations", "--content", str(basic), "diff", "v3/skog"])
    assert result.exit_code == 1
    assert "Error: git is not installed on this machine (or not on the PATH), so the " in (
        result.output
    )
    assert "not in a git repository" not in result.output and "Traceback" not in result.output


def test_translation_diff_says_plainly_when_history_lacks_the_text(basic: Path) -> None:
    outside = CliRunner().invoke(main, ["translations", "--content", str(basic), "diff", "v3/skog"])
    assert outside.exit_code == 1
    assert "is not in a git repository" in outside.output
    git(basic, "init", "-q")
    git(basic, "add", "-A")
    git(basic, "commit", "-q", "-m", "Allt")
    missing = CliRunner().invoke(main, ["translations", "--content", str(basic), "diff", "v3/skog"])
    assert missing.exit_code == 1
    assert "no committed version of skog.md has the text the translation records" in (
        missing.output
    )


def test_translation_diff_of_a_current_translation(basic: Path) -> None:
    result = run("translations", "--content", str(basic), "diff", "v3/inledning")
    assert "the translation is current" in result.output


def translated_then_changed(basic: Path) -> None:
    """v1/skog translated and committed, then its Swedish text sharpened in a later commit
    (dated 3 March 2020)."""
    git(basic, "init", "-q")
    translate(basic, "v1/skog")
    git(basic, "add", "-A")
    git(basic, "commit", "-q", "-m", "Översättning av skog")
    skog = basic / "versions/v1/skog.md"
    text = skog.read_text().replace("Skogen är viktig", "Skogen och fjällen är mycket viktiga")
    skog.write_text(text.replace("title: Skog", "title: Skog och fjäll"))
    # %cs, the date the site shows, is the committer date.
    git(basic, "commit", "-q", "-am", "Skärpt formulering", date="2020-03-03T10:00:00+00:00")


def english_pages(basic: Path) -> dict[str, object]:
    plan = plan_site(load_strategy(basic), "en", date(2020, 3, 15), flavour=MKDOCS_MATERIAL)
    return {page.path: page for page in plan.pages}


def test_outdated_notice_says_what_changed_and_when(basic: Path) -> None:
    translated_then_changed(basic)
    notice = html.unescape(english_pages(basic)["v1/skog/"].before_html)  # type: ignore[attr-defined]
    # Body: 5 words new or changed, 2 removed (the word diff's count); title: 2 new. The
    # date is the commit's: said to be the site's history, not the strategy's calendar.
    assert (
        "The original was changed on 3 March 2020 in the site's version history: 7 words new "
        "or changed and 2 removed."
    ) in notice
    assert "The heading has changed too." in notice
    assert '<a href="andringar-i-kallan/">See what changed in the Swedish text</a>' in notice
    assert 'hreflang="sv">Read the current Swedish text</a>' in notice


def test_status_counts_the_changed_words_not_the_section(basic: Path) -> None:
    translated_then_changed(basic)
    rows = {
        (r.version, r.section): r
        for r in translation_statuses(load_strategy(basic), "en", changes=SourceChanges())
    }
    skog = rows[("v1", "skog")]
    assert skog.state == "outdated" and skog.words == 7
    assert skog.change is not None and skog.change.changed_on == "2020-03-03"
    page = html.unescape(english_pages(basic)["oversattning/"].markdown)  # type: ignore[attr-defined]
    assert "changed 3 March 2020 in the site's version history" in page
    # The row links to what changed, on the English site (from the Swedish list too).
    assert '<a class="st-state__changes" href="../v1/skog/andringar-i-kallan/"' in page
    swedish = {
        p.path: p
        for p in plan_site(
            load_strategy(basic), "sv", date(2020, 3, 15), flavour=MKDOCS_MATERIAL
        ).pages
    }
    assert (
        'href="../en/v1/skog/andringar-i-kallan/" hreflang="en"'
        in swedish["oversattning/"].markdown
    )
    listed = run("translations", "--content", str(basic), "--state", "outdated").output
    assert "v1/skog" in listed and " 7 words" in listed.splitlines()[0]


def test_without_history_the_notice_says_only_that_the_source_changed(basic: Path) -> None:
    # The basic fixture's v3/skog is outdated; a copy outside git has no history to ask.
    notice = html.unescape(english_pages(basic)["v3/skog/"].before_html)  # type: ignore[attr-defined]
    assert "has changed since it was translated" in notice
    assert "What changed cannot be shown here: the site was built without the version" in notice
    assert "changed on" not in notice and "words" not in notice
    assert "andringar-i-kallan" not in notice
    pages = english_pages(basic)
    assert not [path for path in pages if "andringar-i-kallan" in path]
    assert "andringar-i-kallan" not in pages["oversattning/"].markdown  # type: ignore[attr-defined]
    rows = translation_statuses(load_strategy(basic), "en", changes=SourceChanges())
    skog = next(r for r in rows if (r.version, r.section) == ("v3", "skog"))
    assert skog.change is None and skog.words == 10  # every word of the section


def test_a_page_shows_what_changed_in_the_source_since_the_translation(
    basic: Path, builder
) -> None:
    """Built with history (the strategy folder is a git repository): the English site has
    the Swedish text with what changed since the translation marked, and links to it."""
    from conftest import read, soup

    translated_then_changed(basic)
    site = builder.build(builder.project(basic, docs={"om.md": "# Om\n"}))
    page = soup(site, "en/v1/skog/andringar-i-kallan/")
    # (The translation's title is the one `translations new` copied: "Skog".)
    title = page.select_one("article h1").get_text(strip=True)
    assert title == "Changes in the original: 2.1 Skog¶"
    assert page.select_one("article h1").get("lang") is None  # the title is English
    text = page.select_one("article div[lang=sv]")
    # "Skogen är viktig" became "Skogen och fjällen är mycket viktiga" (labels in Swedish).
    inserted = " ".join(i.get_text(" ", strip=True) for i in text.select("ins"))
    deleted = " ".join(d.get_text(" ", strip=True) for d in text.select("del"))
    assert "och fjällen" in inserted and "mycket viktiga" in inserted
    assert "viktig" in deleted and "Tillagt:" in inserted
    assert "Skogen" in text.get_text()
    lead = page.select_one(".st-source-changes__lead").get_text(" ", strip=True)
    assert "made from an earlier Swedish text" in lead and "3 March 2020" in lead
    heading = page.select_one(".st-source-changes__lead + p")
    assert heading.select_one("[lang=sv] ins").get_text(strip=True) == "Tillagt:och fjäll"
    assert heading.get_text(" ", strip=True).startswith("The Swedish heading:")
    links = {a.get_text(strip=True): a["href"] for a in page.select(".st-source-changes__links a")}
    assert links == {
        "Read the English translation": "../",
        "Read the current Swedish text": "../../../../v1/skog/",
    }
    # Its counterpart on the Swedish site is the section itself; search leaves it out.
    switcher = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
    assert switcher["sv"] == "../../../../v1/skog/"
    assert "andringar-i-kallan" not in (site / "en/search/search_index.json").read_text()
    assert not (site / "v1/skog/andringar-i-kallan").exists()
    notice = soup(site, "en/v1/skog/").select_one(".st-translation")
    assert notice.select_one("a[href='andringar-i-kallan/']") is not None
    assert "andringar-i-kallan" in read(site, "oversattning/")
