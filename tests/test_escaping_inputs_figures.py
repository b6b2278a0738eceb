"""Inputs and figures are written by many hands too (staff transcribing responses,
translators of figures): their texts reach the pages escaped exactly once.

Every free text of every input file, and the headings and captions of the adopted
version's figures (the labels inside are what translations name, so they stay), get a
hostile tail; the example must still build, and no page may carry an element or
attribute that came from those texts.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from conftest import EXAMPLE, build_once

HOSTILE = ' "><img src=x onerror=alert(1)><script>alert(2)</script>'
FREE_TEXT = {"title", "caption", "source", "note", "text", "proposal", "response"}


def poison(node: object, deep: bool = True) -> int:
    """Appends HOSTILE to every free text in `node` (with `deep`, in what it holds too);
    how many it changed."""
    changed = 0
    if isinstance(node, dict):
        for key, value in node.items():
            if key in FREE_TEXT and isinstance(value, str):
                node[key] = value + HOSTILE
                changed += 1
            elif key == "from" and isinstance(value, list):
                node[key] = [v + HOSTILE if isinstance(v, str) else v for v in value]
                changed += len(value)
            elif deep:
                changed += poison(value)
    elif isinstance(node, list):
        changed += sum(poison(item) for item in node)
    return changed


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    strategy = tmp_path_factory.mktemp("hostile-example") / "strategy"
    shutil.copytree(EXAMPLE, strategy)
    yaml = YAML(typ="rt")
    files = sorted((strategy / "inputs").glob("*.yml"))
    # The Swedish figures: their translations name the labels as written (kept), and
    # translate titles, captions and notes (poisoned in the Swedish only).
    files += [
        path
        for path in sorted((strategy / "versions/beslutad/figurer").glob("*.yml"))
        if not path.name.endswith(".en.yml")
    ]
    for path in files:
        data = yaml.load(path)
        assert poison(data, deep=path.parent.name == "inputs"), path
        yaml.dump(data, path)
    return build_once(tmp_path_factory, strategy, date(2021, 6, 1))


def test_no_element_or_attribute_comes_from_an_input_or_a_figure(site: Path) -> None:
    """...and every page carries the Content-Security-Policy, allowing only the site."""
    shown = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "&amp;lt;" not in text and "&amp;quot;" not in text, page
        document = BeautifulSoup(text, "html.parser")
        assert document.find("img", src="x") is None, page
        for element in document.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), (page, element)
        assert not any("alert(" in s.get_text() for s in document.find_all("script")), page
        policy = document.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None and policy.find_parent("head") is not None, page
        parts = (rule.strip().partition(" ") for rule in policy["content"].split(";"))
        rules = {name: value for name, _, value in parts if name}
        assert rules["default-src"] == "'self'" and rules["img-src"] == "'self' data:", page
        assert "unsafe-inline" not in rules["script-src"], page
        shown += document.get_text().count(HOSTILE.strip())
    assert shown > 100  # the texts are shown, as written
