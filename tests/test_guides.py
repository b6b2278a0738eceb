"""The guides' examples are real: they parse, they load, they build, and those taken
from the example strategy (marked `<!-- exempel: <path> -->` before the block) match its
files.

The Markdown examples (a section, its text, its links, images and figure lines; a
popular text; a translation) and the figure examples are put into a copy of the example
strategy and built, as an editor would put them in: they must pass the checks and come
out as pages."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify
from ruamel.yaml import YAML

from conftest import EXAMPLE, REPO, SiteBuilder, soup
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError
from test_content_errors import edit

GUIDES = [REPO / "docs/redaktorer.md", REPO / "docs/oversattare.en.md"]
BLOCK = re.compile(
    r"(?:<!-- exempel: (?P<source>\S+) -->\n)?"
    r"(?P<indent> *)```(?P<lang>\w*)\n(?P<body>.*?)\n(?P=indent)```",
    re.S,
)
FIGURE_KINDS = ("bar", "line", "process", "mapping")


def blocks(guide: Path, lang: str) -> list[tuple[str | None, str]]:
    text = guide.read_text(encoding="utf-8")
    found = []
    for match in BLOCK.finditer(text):
        if match["lang"] == lang:
            indent = len(match["indent"])
            body = "\n".join(line[indent:] for line in match["body"].splitlines())
            found.append((match["source"], body))
    return found


def in_order(lines: list[str], within: list[str]) -> bool:
    """Whether every line appears in `within`, in the same order."""
    rest = iter(within)
    return all(any(line == other for other in rest) for line in lines)


def test_every_yaml_example_parses() -> None:
    """Front matter examples (between --- lines) count as several documents."""
    examples = [body for guide in GUIDES for _, body in blocks(guide, "yaml")]
    assert len(examples) > 10
    for body in examples:
        list(YAML(typ="safe").load_all(body))


def test_marked_examples_are_taken_from_the_example_files() -> None:
    marked = [
        (source, body)
        for lang in ("yaml", "markdown")
        for source, body in blocks(GUIDES[0], lang)
        if source is not None
    ]
    assert len(marked) >= 8
    for source, body in marked:
        real = (REPO / source).read_text(encoding="utf-8").splitlines()
        lines = [line.rstrip() for line in body.splitlines()]
        assert in_order(lines, [line.rstrip() for line in real]), source


def test_the_decision_examples_load(basic: Path) -> None:
    """Each `decision:` example of the editors' guide, put into an adopted version."""
    decisions = [b for _, b in blocks(GUIDES[0], "yaml") if b.startswith("decision:")]
    assert len(decisions) >= 2
    toc = basic / "versions/v3/version.yml"
    original = toc.read_text(encoding="utf-8")
    current = original[original.index("decision:") : original.index("sections:")]
    for example in decisions:
        toc.write_text(original, encoding="utf-8")
        edit(toc, current, example + "\n")
        decision = load_strategy(basic).versions["v3"].decision
        assert decision is not None and decision.reference.startswith("RUN/")
        assert decision.by["en"] == "the Regional Council (regionfullmäktige)"


# ---------------------------------------------------------------------------------------
# The Markdown and figure examples, put into a copy of the example and built.


def section_examples() -> list[str]:
    """The editors' guide's Markdown examples, each as a whole section file."""
    sections = []
    for number, (_, body) in enumerate(blocks(GUIDES[0], "markdown"), 1):
        if not body.startswith("---\n"):
            body = f"---\ntitle: Exempel {number} ur guiden\n---\n\n{body}"
        sections.append(body + "\n")
    return sections


def figure_examples() -> list[str]:
    return [
        body
        for _, body in blocks(GUIDES[0], "yaml")
        if any(body.startswith(f"kind: {kind}\n") for kind in FIGURE_KINDS)
    ]


def add_sections(version: Path, ids: list[str]) -> None:
    """List `ids` at the end of the version's table of contents (its last key)."""
    toc = version / "version.yml"
    text = toc.read_text(encoding="utf-8").rstrip("\n")
    assert text.splitlines()[-1].startswith("  - "), "sections should be the last key"
    toc.write_text(text + "\n" + "".join(f"  - {i}\n" for i in ids), encoding="utf-8")


def files_linked(markdown: str) -> list[str]:
    """Files of the version folder that a Markdown text embeds or links to."""
    targets = re.findall(r"\]\(([^)#\s]+)\)", markdown)
    return [t for t in targets if not t.endswith(".md") and "://" not in t]


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory):
    """The example with every Markdown and figure example of the guides added."""
    root = tmp_path_factory.mktemp("guides") / "strategy"
    shutil.copytree(EXAMPLE, root)
    adopted, popular = root / "versions/beslutad", root / "versions/popular"
    ids, popular_ids = [], []
    for number, text in enumerate(section_examples(), 1):
        summarises = "\nsummarises:" in text.split("\n---\n")[0]
        folder = popular if summarises else adopted
        section = f"guide-exempel-{number}"
        (folder / f"{section}.md").write_text(text, encoding="utf-8")
        (popular_ids if summarises else ids).append(section)
        for name in files_linked(text):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(
                b"\x89PNG\r\n\x1a\n" if name.endswith(".png") else b"%PDF-1.4\n"
            )
    # Each figure example as a figure of its own, placed in a section of its own.
    figures = figure_examples()
    placed = []
    for number, body in enumerate(figures, 1):
        (adopted / f"figurer/guide-figur-{number}.yml").write_text(body + "\n", encoding="utf-8")
        placed.append(f"![[figur: guide-figur-{number}]]")
    (adopted / "guide-figurer.md").write_text(
        "---\ntitle: Figurerna ur guiden\n---\n\n" + "\n\n".join(placed) + "\n", encoding="utf-8"
    )
    ids.append("guide-figurer")
    add_sections(adopted, ids)
    add_sections(popular, popular_ids)
    # The translators' guide: its translation file, and its figure translation.
    (translation,) = [b for _, b in blocks(GUIDES[1], "markdown") if b.startswith("---\n")]
    (adopted / f"{ids[0]}.en.md").write_text(translation + "\n", encoding="utf-8")
    (figure_words,) = [b for _, b in blocks(GUIDES[1], "yaml") if "\nlabels:\n" in b]
    (adopted / "figurer/processen.en.yml").write_text(figure_words + "\n", encoding="utf-8")
    # The editors' guide's input file, as an input of its own.
    (response,) = [b for _, b in blocks(GUIDES[0], "yaml") if b.startswith("kind: consultation")]
    (root / "inputs/guide-inspel.yml").write_text(response + "\n", encoding="utf-8")
    try:
        strategy = load_strategy(root)
    except ContentError as error:  # the message names every example that fails
        pytest.fail(str(error))
    monkeypatch = pytest.MonkeyPatch()
    try:
        builder = SiteBuilder(tmp_path_factory.mktemp("guides-site"), monkeypatch)
        project = builder.project(root, docs={"om.md": "# Om\n"})
        site = builder.build(project, date(2026, 6, 1))
    finally:
        monkeypatch.undo()
    return strategy, site, ids, popular_ids, len(figures)


def test_every_markdown_example_of_the_guides_checks_and_builds(guide_site) -> None:
    strategy, site, ids, popular_ids, _ = guide_site
    assert len(ids) + len(popular_ids) >= 9
    for section in ids:
        page = soup(site, f"beslutad/{section}/")
        assert page.select_one("article h1") is not None, section
    for section in popular_ids:
        page = soup(site, f"popular/{section}/")
        assert "sammanfattar" in page.select_one("article").get_text(), section
    # The translators' example is the English page of the first one.
    english = soup(site, f"en/beslutad/{ids[0]}/").select_one("article h1").get_text()
    assert "Sustainable energy" in english


def test_the_guides_links_point_to_real_sections_and_headings(guide_site) -> None:
    """The checks follow a link to a section; the part after '#' they leave to the
    editor, so here it is checked against the headings of the section it names."""
    strategy = guide_site[0]
    anchors = [
        (target, anchor)
        for text in section_examples()
        for target, anchor in re.findall(r"\]\(([a-z0-9-]+)\.md#([^)]+)\)", text)
    ]
    assert anchors
    adopted = strategy.versions["beslutad"]
    for target, anchor in anchors:
        if re.fullmatch(r"p\d+", anchor):
            continue  # a paragraph number
        headings = re.findall(r"^##+ (.+)$", adopted.sections[target].body, re.M)
        assert anchor in [slugify(h, "-") for h in headings], (target, anchor)


def test_every_figure_example_is_drawn(guide_site) -> None:
    strategy, site, _, _, count = guide_site
    figures = strategy.versions["beslutad"].figures
    kinds = {figures[f"guide-figur-{n}"].kind for n in range(1, count + 1)}
    assert kinds == {"bar", "process", "mapping"}
    page = soup(site, "beslutad/guide-figurer/")
    assert len(page.select("article figure svg")) == count


def test_the_input_example_loads_as_an_input_of_its_own(guide_site) -> None:
    strategy = guide_site[0]
    (copied,) = [i for i in strategy.inputs if i.id == "guide-inspel"]
    assert copied.kind == "consultation-response" and copied.illustrative == "all"


# -- the guide "Ny region" (docs/ny-region.md, its English summary) --------------------

NEW_REGION = [REPO / "docs/ny-region.md", REPO / "docs/ny-region.en.md"]
INIT_MARK = re.compile(
    r"<!-- strategi init, languages (?P<languages>[a-z,]+): (?P<file>\S+) -->\n"
    r"```\w*\n(?P<body>.*?)\n```",
    re.S,
)
RUN_MARK = re.compile(r"<!-- körs i testerna -->\n```console\n(?P<body>.*?)\n```", re.S)
INIT_NAME = ["--name", "Region Exempel", "--site-url", "https://example.org/strategi/"]


def init_output(tmp_path: Path, args: str) -> Path:
    from click.testing import CliRunner

    from strategy_site.tools.cli import main

    folder = tmp_path / "init" / args.replace(" ", "_").replace(",", "-")
    if folder.exists():
        return folder  # written for an earlier block
    result = CliRunner().invoke(main, ["init", str(folder), *INIT_NAME, *shlex.split(args)])
    assert result.exit_code == 0, result.output
    return folder


def test_the_guides_mkdocs_yml_is_the_one_init_writes(tmp_path: Path) -> None:
    """The full file in the Swedish guide is exactly init's; every other marked block
    is an excerpt of what init writes, line for line in order. (The mark has no `--`,
    which an HTML comment may not hold.)"""
    marked = [(guide, m) for guide in NEW_REGION for m in INIT_MARK.finditer(guide.read_text())]
    assert len(marked) >= 3
    full = [m for guide, m in marked if guide == NEW_REGION[0] and m["languages"] == "sv,en"]
    assert len(full) == 1
    for guide, match in marked:
        args = f"--languages {match['languages']}"
        written = (init_output(tmp_path, args) / match["file"]).read_text("utf-8")
        if match in full:
            assert match["body"] + "\n" == written
        else:
            lines = [line.rstrip() for line in match["body"].splitlines()]
            assert in_order(lines, written.splitlines()), (guide.name, args)


def test_the_guides_commands_run(tmp_path: Path) -> None:
    """The marked console blocks, run in order in an empty folder, with this
    installation's `strategi` and `mkdocs` for `.venv/bin/...` (the install itself is
    tests/test_packaging.py's); `mkdocs serve` is left out."""
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    blocks_run = 0
    for guide in NEW_REGION:
        for match in RUN_MARK.finditer(guide.read_text(encoding="utf-8")):
            cwd = tmp_path / guide.stem
            cwd.mkdir()
            for line in match["body"].splitlines():
                words = shlex.split(line)
                if words[0] == "cd":
                    cwd = cwd / words[1]
                    continue
                if words[0] == "git":
                    (cwd / words[2]).mkdir()
                    continue
                if words[0] == "python3" or words[1:3] == ["install", "strategy-site"]:
                    continue  # the environment and the install: this one's
                if words[:2] == [".venv/bin/mkdocs", "serve"]:
                    continue
                assert words[0].startswith(".venv/bin/"), line
                command = [str(bin_dir / words[0].removeprefix(".venv/bin/")), *words[1:]]
                result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
                assert result.returncode == 0, (guide.name, line, result.stdout, result.stderr)
            assert (cwd / "site" / "index.html").is_file()
            blocks_run += 1
    assert blocks_run == 2


def test_the_guides_strings_examples_rename_the_document(tmp_path: Path, monkeypatch) -> None:
    examples = [b for _, b in blocks(NEW_REGION[0], "yaml") if b.startswith("document.")]
    assert len(examples) == 2
    folder = init_output(tmp_path, "--languages sv,en")
    strings = folder / "strategy" / "strings"
    strings.mkdir()
    for lang, example in zip(["sv", "en"], examples, strict=True):
        (strings / f"{lang}.yml").write_text(example + "\n", encoding="utf-8")
    site = SiteBuilder(tmp_path, monkeypatch).build(folder)
    assert "Strategins versioner" in (site / "index.html").read_text(encoding="utf-8")
    assert "the strategy" in (site / "en" / "index.html").read_text(encoding="utf-8").lower()


def test_the_guides_yaml_examples_parse() -> None:
    examples = [body for guide in NEW_REGION for _, body in blocks(guide, "yaml")]
    assert len(examples) >= 5
    for body in examples:
        list(YAML(typ="safe").load_all(body))
