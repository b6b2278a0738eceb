"""The guides' examples are real: they parse, they load, and those taken from the
example strategy (marked `<!-- exempel: <path> -->` before the block) match its files."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from conftest import REPO
from strategy_site.content.loader import load_strategy
from test_content_errors import edit

GUIDES = [REPO / "docs/redaktorer.md", REPO / "docs/oversattare.en.md"]
BLOCK = re.compile(
    r"(?:<!-- exempel: (?P<source>\S+) -->\n)?"
    r"(?P<indent> *)```(?P<lang>\w*)\n(?P<body>.*?)\n(?P=indent)```",
    re.S,
)


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
    marked = [(s, b) for s, b in blocks(GUIDES[0], "yaml") if s is not None]
    assert len(marked) >= 4
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
        assert decision is not None and decision.reference == "RUN/430/2018"
        assert decision.by["en"] == "the Regional Council (Regionfullmäktige)"


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
    from conftest import SiteBuilder

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
