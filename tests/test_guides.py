"""The guides' examples are real: they parse, they load, and those taken from the
example strategy (marked `<!-- exempel: <path> -->` before the block) match its files."""

from __future__ import annotations

import re
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
