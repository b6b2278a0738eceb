"""Every content mistake gives one message with file, line, what is wrong and a hint.

Each test breaks a private copy of the basic fixture in one way and checks the exact
problem reported. content-format.md names: bad YAML, an unknown status, a section
listed but missing, a duplicate id, a date that is not a date, a based_on that names no
version, an input that points at a section that does not exist. The rest are the
checks an editor would otherwise trip over in the built site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement import agree_on
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError


def problems(root: Path) -> list[tuple[str, int | None, str, str]]:
    """What loading reports; `strategi check` and the build must report the same, and
    the build must write nothing (tests/agreement.py), so every test here checks both."""
    with pytest.raises(ContentError) as caught:
        load_strategy(root)
    reported = agree_on(root)
    for p in caught.value.problems:
        where = f"strategy/{p.path.relative_to(root).as_posix()}" + (f":{p.line}" if p.line else "")
        assert f"{where}: {p.message}" in reported, (p, reported)
    return [
        (p.path.relative_to(root).as_posix(), p.line, p.message, p.hint)
        for p in caught.value.problems
    ]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only(root: Path) -> tuple[str, int | None, str, str]:
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


def test_the_fixture_itself_is_fine(basic: Path) -> None:
    strategy = load_strategy(basic)
    assert list(strategy.versions) == ["v1", "v2", "v3", "kort"]


def test_bad_yaml(basic: Path) -> None:
    edit(basic / "versions/v2/version.yml", "status: consultation", "status: [consultation")
    path, line, message, hint = problems(basic)[0]
    assert path == "versions/v2/version.yml"
    assert line in (1, 2)
    assert message.startswith("the YAML cannot be read")
    assert "indentation" in hint


def test_bad_yaml_in_front_matter_names_the_file_line(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "title: Skog", "title: Skog: och mark")
    path, line, message, _ = only(basic)
    assert (path, line) == ("versions/v1/skog.md", 2)
    assert message.startswith("the YAML cannot be read")


def test_unknown_status(basic: Path) -> None:
    edit(basic / "versions/v1/version.yml", "status: draft", "status: drfat")
    assert only(basic) == (
        "versions/v1/version.yml",
        1,
        "unknown status 'drfat'",
        "Use one of: draft, consultation, adopted, popular, superseded.",
    )


def test_section_listed_but_missing(basic: Path) -> None:
    (basic / "versions/v1/halsa.md").unlink()
    assert only(basic) == (
        "versions/v1/version.yml",
        11,
        "the section 'halsa' is listed but halsa.md does not exist",
        f"Create {basic / 'versions/v1/halsa.md'} or remove the line.",
    )


def test_section_file_not_listed(basic: Path) -> None:
    (basic / "versions/v1/extra.md").write_text("---\ntitle: Extra\n---\n\nText.\n")
    path, line, message, hint = only(basic)
    assert (path, line) == ("versions/v1/extra.md", None)
    assert message == "the section file 'extra.md' is not listed in version.yml"
    assert "Add '- extra' under 'sections'" in hint


def test_duplicate_section_id(basic: Path) -> None:
    edit(basic / "versions/v1/version.yml", "  - uppfoljning\n", "  - uppfoljning\n  - skog\n")
    path, line, message, _ = only(basic)
    assert (path, line) == ("versions/v1/version.yml", 14)
    assert message == "the section 'skog' is listed twice (first on line 10)"


def test_duplicate_version_id(basic: Path) -> None:
    edit(basic / "strategy.yml", "versions: [v1, v2, v3, kort]", "versions: [v1, v2, v3, kort, v2]")
    path, line, message, _ = only(basic)
    assert (path, line) == ("strategy.yml", 10)
    assert message == "the version 'v2' is listed twice on this line"


def test_duplicate_input_item_id(basic: Path) -> None:
    write_input(basic, items="  - id: a\n    text: Ett\n  - id: a\n    text: Två\n")
    path, line, message, _ = only(basic)
    assert (path, line) == ("inputs/workshop.yml", 8)
    assert message == "the item id 'a' is used twice in this file (first on line 6)"


def test_date_that_is_not_a_date(basic: Path) -> None:
    edit(basic / "versions/v1/version.yml", "date: 2019-12-20", "date: 2019-13-20")
    assert only(basic) == (
        "versions/v1/version.yml",
        5,
        "'date' is not a date: '2019-13-20'",
        "Write dates as year-month-day, for example 2020-03-31.",
    )


def test_date_in_words_is_not_a_date(basic: Path) -> None:
    edit(basic / "versions/v2/version.yml", "closes: 2020-04-30", "closes: 30 april")
    path, line, message, _ = only(basic)
    assert (path, line, message) == (
        "versions/v2/version.yml",
        9,
        "'closes' is not a date: '30 april'",
    )


def test_based_on_names_no_version(basic: Path) -> None:
    edit(basic / "versions/v2/version.yml", "based_on: v1", "based_on: v0")
    path, line, message, hint = only(basic)
    assert (path, line) == ("versions/v2/version.yml", 6)
    assert message == "'based_on' names 'v0', which is not a version"
    assert hint == "Choose one of: v1, v3, kort."


def test_based_on_a_later_version(basic: Path) -> None:
    edit(basic / "versions/v2/version.yml", "based_on: v1", "based_on: v3")
    path, line, message, _ = only(basic)
    assert (path, line) == ("versions/v2/version.yml", 6)
    assert message == "'based_on' names 'v3', which does not come before 'v2' in strategy.yml"


def write_input(root: Path, items: str, about: str = "v1") -> Path:
    folder = root / "inputs"
    folder.mkdir(exist_ok=True)
    path = folder / "workshop.yml"
    path.write_text(
        f"kind: workshop\ndate: 2019-12-11\nfrom: [Almi]\nabout: {about}\nitems:\n{items}",
        encoding="utf-8",
    )
    return path


def test_input_points_at_a_section_that_does_not_exist(basic: Path) -> None:
    write_input(basic, "  - id: punkt\n    text: Något\n    section: turism\n")
    path, line, message, hint = only(basic)
    assert (path, line) == ("inputs/workshop.yml", 8)
    assert message == "'section' names 'turism', which is not a section of 'v1'"
    assert hint.startswith("Sections of v1: inledning, omraden, skog")


def test_input_with_bad_decision_kind_and_versions(basic: Path) -> None:
    path = write_input(
        basic,
        "  - id: punkt\n    text: Något\n    decision: maybe\n    addressed_in: v9\n",
        about="v7",
    )
    path.write_text(path.read_text().replace("kind: workshop", "kind: seminar"))
    found = {(line, message) for _, line, message, _ in problems(basic)}
    assert found == {
        (1, "unknown kind 'seminar'"),
        (4, "'about' names 'v7', which is not a version"),
        (8, "unknown decision 'maybe'"),
        (9, "'addressed_in' names 'v9', which is not a version"),
    }


def test_input_addressed_in_an_earlier_version(basic: Path) -> None:
    write_input(basic, "  - id: punkt\n    text: Något\n    addressed_in: v1\n", about="v2")
    _, line, message, _ = only(basic)
    assert (line, message) == (8, "'addressed_in' names 'v1', which is not later than 'v2'")


def test_input_with_unknown_illustrative_value(basic: Path) -> None:
    path = write_input(basic, "  - id: punkt\n    text: Något\n", about="v2")
    path.write_text(path.read_text().replace("kind: workshop", "kind: workshop\nillustrative: yes"))
    _, line, message, hint = only(basic)
    assert (line, message) == (2, "unknown value 'yes' for 'illustrative'")
    assert "'all'" in hint and "'handling'" in hint


def test_missing_strategy_yml(tmp_path: Path) -> None:
    path, line, message, _ = only(tmp_path)
    assert (path, line, message) == ("strategy.yml", None, "strategy.yml is missing")


def test_current_not_a_version(basic: Path) -> None:
    edit(basic / "strategy.yml", "current: v3", "current: v4")
    path, line, message, _ = only(basic)
    assert (path, line) == ("strategy.yml", 11)
    assert message == "'current' names 'v4', which is not in 'versions'"


def test_listed_version_without_folder(basic: Path) -> None:
    edit(basic / "strategy.yml", "versions: [v1, v2, v3, kort]", "versions: [v1, v2, v3, kort, v5]")
    edit(basic / "strategy.yml", "current: v3", "current: v3")
    path, line, message, _ = only(basic)
    assert (path, line) == ("strategy.yml", 10)
    assert message == "the version 'v5' has no folder with a version.yml"


def test_version_folder_not_listed(basic: Path) -> None:
    (basic / "versions/gammal").mkdir()
    path, line, message, _ = only(basic)
    assert (path, line) == ("versions/gammal/version.yml", None)
    assert message == "the version folder 'gammal' is not listed in strategy.yml"


def test_unknown_key_suggests_the_right_one(basic: Path) -> None:
    edit(basic / "versions/v1/version.yml", "date:", "datum: 2019-12-20\ndate:")
    path, line, message, hint = only(basic)
    assert (path, line, message, hint) == (
        "versions/v1/version.yml",
        5,
        "unknown key 'datum'",
        "Did you mean 'date'?",
    )


def test_section_without_title(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "title: Skog", "summary: Om skogen")
    path, line, message, _ = only(basic)
    assert (path, line, message) == ("versions/v1/skog.md", 2, "'title' is missing")


def test_section_without_front_matter(basic: Path) -> None:
    (basic / "versions/v1/skog.md").write_text("Skogen är viktig.\n", encoding="utf-8")
    path, line, message, hint = only(basic)
    assert (path, line, message) == (
        "versions/v1/skog.md",
        1,
        "the file has no front matter with a title",
    )
    assert "title:" in hint


def test_single_hash_heading_in_body(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "Skogen är viktig", "# Skogen\n\nSkogen är viktig")
    path, line, message, hint = only(basic)
    assert (path, line) == ("versions/v1/skog.md", 5)
    assert message.startswith("a top-level heading ('#' or underlined with '=')")
    assert hint == "Start headings inside a section at '##'."


def test_heading_in_code_block_is_not_a_heading(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "Skogen är viktig", "```\n# kommentar\n```\n\nSkogen")
    load_strategy(basic)


def test_link_to_a_section_not_in_the_version(basic: Path) -> None:
    edit(basic / "versions/v1/uppfoljning.md", "(inledning.md)", "(energi.md)")
    path, line, message, _ = only(basic)
    assert (path, line) == ("versions/v1/uppfoljning.md", 5)
    assert message == "the link to 'energi.md' points to a section that is not in this version"


def test_invalid_and_reserved_section_ids(basic: Path) -> None:
    edit(basic / "versions/v1/version.yml", "  - inledning\n", "  - Inledning\n  - andringar\n")
    found = {(line, message) for _, line, message, _ in problems(basic) if line}
    assert (7, "'Inledning' is not a valid section id") in found
    assert (
        8,
        "'andringar' cannot be a section id: the site uses it for its own pages",
    ) in found


def test_consultation_needs_its_block_and_sane_dates(basic: Path) -> None:
    edit(basic / "versions/v2/version.yml", "closes: 2020-04-30", "closes: 2020-02-01")
    path, line, message, _ = only(basic)
    assert (path, line) == ("versions/v2/version.yml", 9)
    assert message == "the consultation closes (2020-02-01) before it opens (2020-03-02)"


def test_consultation_block_missing(basic: Path) -> None:
    path = basic / "versions/v2/version.yml"
    text = path.read_text()
    start, end = text.index("consultation:\n"), text.index("sections:")
    path.write_text(text[:start] + text[end:])
    _, line, message, _ = only(basic)
    assert (line, message) == (1, "a consultation version needs a 'consultation' block")


def test_decision_only_for_adopted(basic: Path) -> None:
    edit(basic / "versions/v3/version.yml", "status: adopted", "status: draft")
    _, line, message, _ = only(basic)
    assert (line, message) == (
        7,
        "'decision' is only for adopted (or superseded) versions, not draft",
    )


def test_replaces_names_a_section_of_the_base(basic: Path) -> None:
    edit(basic / "versions/v3/energi.md", "title: Energi", "title: Energi\nreplaces: [vatten]")
    path, line, message, hint = only(basic)
    assert (path, line) == ("versions/v3/energi.md", 3)
    assert message == "'replaces' names 'vatten', which is not a section of 'v2'"
    assert "If this file was copied from an earlier version, remove 'replaces'" in hint


def test_replaces_without_based_on(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "title: Skog", "title: Skog\nreplaces: [mark]")
    _, line, message, _ = only(basic)
    assert (line, message) == (3, "'replaces' names sections, but the version has no 'based_on'")


def test_popular_version_needs_based_on(basic: Path) -> None:
    edit(basic / "versions/kort/version.yml", "based_on: v3\n", "")
    found = [(path, message) for path, _, message, _ in problems(basic)]
    assert (
        "versions/kort/version.yml",
        "a popular version needs 'based_on': the version it summarises",
    ) in found


def test_translation_of_unknown_section_and_language(basic: Path) -> None:
    (basic / "versions/v1/mark.en.md").write_text("---\ntitle: Land\n---\n\nText.\n")
    (basic / "versions/v1/skog.de.md").write_text("---\ntitle: Wald\n---\n\nText.\n")
    found = {(path, message) for path, _, message, _ in problems(basic)}
    assert found == {
        (
            "versions/v1/mark.en.md",
            "'mark.en.md' translates the section 'mark', which is not in this version",
        ),
        ("versions/v1/skog.de.md", "'de' is not a translation language of this strategy"),
    }


def test_every_problem_is_reported_at_once(basic: Path) -> None:
    edit(basic / "versions/v1/version.yml", "status: draft", "status: drfat")
    edit(basic / "versions/v2/version.yml", "based_on: v1", "based_on: v0")
    (basic / "versions/v3/energi.md").unlink()
    assert len(problems(basic)) == 3


def test_report_format_is_path_line_message_and_hint(basic: Path) -> None:
    edit(basic / "versions/v1/version.yml", "status: draft", "status: drfat")
    with pytest.raises(ContentError) as caught:
        load_strategy(basic)
    report = caught.value.report().splitlines()
    assert report[0].endswith("versions/v1/version.yml:1: unknown status 'drfat'")
    assert report[1] == "    hint: Use one of: draft, consultation, adopted, popular, superseded."
    assert report[-1] == "1 problem in the strategy content."


def test_heading_underlined_with_equals_is_a_top_heading(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "Skogen är viktig", "Skogen\n======\n\nSkogen är viktig")
    _, line, message, _ = only(basic)
    assert line == 6 and message.startswith("a top-level heading")


@pytest.mark.parametrize(
    ("old", "new", "required"),
    [
        ("status: draft", "status:", True),
        ("date: 2019-12-20", "date:", True),
        ("title:\n  sv: Första utkastet\n  en: First draft", "title:", True),
    ],
)
def test_empty_fields_are_reported(basic: Path, old: str, new: str, required: bool) -> None:
    edit(basic / "versions/v1/version.yml", old, new)
    path, line, message, hint = only(basic)
    key = new.rstrip(":")
    assert (path, message) == ("versions/v1/version.yml", f"'{key}' is empty")
    assert hint == f"Write a value after '{key}:'."


def test_empty_optional_field_says_remove_the_line(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "title: Skog", "title: Skog\nsummary:")
    _, line, message, hint = only(basic)
    assert (line, message) == (3, "'summary' is empty")
    assert hint == "Write a value after 'summary:', or remove the line."


def test_empty_section_title_and_items(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "title: Skog", "title: ''")
    write_input(basic, items="")
    found = {(path, message) for path, _, message, _ in problems(basic)}
    assert found == {
        ("versions/v1/skog.md", "'title' is empty"),
        ("inputs/workshop.yml", "'items' is empty"),
    }


def test_summarises_only_in_popular_versions(basic: Path) -> None:
    edit(basic / "versions/v3/energi.md", "title: Energi", "title: Energi\nsummarises: [skog]")
    _, line, message, _ = only(basic)
    assert (line, message) == (3, "'summarises' is for sections of a popular version")


def test_duplicate_key_gets_its_own_hint(basic: Path) -> None:
    edit(
        basic / "versions/v1/version.yml", "date: 2019-12-20", "date: 2019-12-20\ndate: 2019-12-21"
    )
    _, _, message, hint = only(basic)
    assert 'duplicate key "date"' in message
    assert hint == "Each key may appear only once here; remove or rename one of them."


def test_unreadable_version_gives_one_problem_not_a_cascade(basic: Path) -> None:
    (basic / "versions/v1/version.yml").write_text("status: [draft\n")
    write_input(basic, "  - id: punkt\n    text: Något\n    section: skog\n")
    found = problems(basic)
    assert [p for p, *_ in found] == ["versions/v1/version.yml"], found


def test_link_inside_code_is_not_a_link(basic: Path) -> None:
    edit(basic / "versions/v1/skog.md", "Skogen är viktig", "Skriv `[text](energi.md)` så. Skogen")
    load_strategy(basic)


def test_links_to_other_versions(basic: Path) -> None:
    edit(
        basic / "versions/v3/energi.md",
        "Förnybar energi",
        "Se [utkastet](../v1/skog.md), [fel](../v1/energi.md) och [okänt](../v9/skog.md). Förnybar",
    )
    found = {(line, message) for _, line, message, _ in problems(basic)}
    assert found == {
        (5, "the link to '../v1/energi.md' points to a section that is not in 'v1'"),
        (5, "the link to '../v9/skog.md' names the version 'v9', which does not exist"),
    }


def test_links_that_cannot_be_followed(basic: Path) -> None:
    edit(
        basic / "versions/v3/energi.md",
        "Förnybar energi",
        "[a](skog.en.md) [b](/v1/skog/) [c](../../etc/passwd.png) [d](docs.txt) Förnybar energi",
    )
    found = dict((message, hint) for _, _, message, hint in problems(basic))
    assert sorted(found) == sorted(
        f"the link '{target}' cannot be followed"
        for target in ("skog.en.md", "/v1/skog/", "../../etc/passwd.png", "docs.txt")
    )
    assert found["the link 'skog.en.md' cannot be followed"].startswith("link to the section's")


def test_images_need_a_description_and_a_file(basic: Path) -> None:
    (basic / "versions/v3/karta.png").write_bytes(b"\x89PNG\r\n")
    edit(
        basic / "versions/v3/energi.md",
        "Förnybar energi",
        "![](karta.png) ![Karta](saknas.png)\n\nX",
    )
    found = {(line, message) for _, line, message, _ in problems(basic)}
    assert found == {
        (5, "the image 'karta.png' has no description"),
        (5, "the file 'saknas.png' is not in the folder of version 'v3'"),
    }


def test_other_files_in_a_version_folder(basic: Path) -> None:
    (basic / "versions/v1/anteckningar.txt").write_text("x")
    (basic / "versions/v1/Stor.md").write_text("---\ntitle: X\n---\n")
    found = {(path, message, hint.split(" ")[0]) for path, _, message, hint in problems(basic)}
    assert found == {
        (
            "versions/v1/anteckningar.txt",
            "'anteckningar.txt' is neither a section, a translation nor a file the site publishes",
            "Sections",
        ),
        (
            "versions/v1/Stor.md",
            "the file name 'Stor.md' is neither a section nor a translation",
            "Name",
        ),
    }


def test_input_folder_holds_only_input_files(basic: Path) -> None:
    (basic / "inputs").mkdir()
    (basic / "inputs/svar.yaml").write_text("kind: workshop\n")
    (basic / "inputs/notes.txt").write_text("x")
    found = {(path, message) for path, _, message, _ in problems(basic)}
    assert found == {
        ("inputs/svar.yaml", "input files end in .yml, not .yaml"),
        ("inputs/notes.txt", "'notes.txt' is not an input file"),
    }
