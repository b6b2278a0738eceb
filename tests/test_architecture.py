"""The import contract: the package's folders are the stages of the flow, and imports
only run downwards (README, "How it fits together").

    mkdocs_plugin      the adapter: may import everything below
    tools | publish    the editors' commands | outputs made from rendered pages (PDFs)
    plan               the page plan
    derive | content   facts from the model | reading the files (side by side)
    ground floor       model, urls, lineage, clock, files

No core package imports MkDocs, Material or mkdocs-static-i18n: moving to another
engine means a new adapter, nothing else.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "plugins" / "strategy_site"

# What each room may import from the package (besides itself and the ground floor).
ALLOWED = {
    "ground": set(),
    "content": set(),
    "derive": set(),
    "plan": {"content", "derive"},
    "tools": {"content", "derive", "plan"},
    # Documents made from the rendered pages: the plan's helpers and templates, no more.
    "publish": {"plan"},
    "mkdocs_plugin": {"content", "derive", "plan", "publish"},
}
ENGINE_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n"}


def room_of(parts: tuple[str, ...]) -> str:
    """The stage a module (dotted parts below strategy_site) belongs to."""
    return parts[0] if parts and parts[0] in ALLOWED else "ground"


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imports_of(path: Path, rel: tuple[str, ...]) -> list[tuple[int, str]]:
    """Every import in a module (at `rel` below the package) as (line, dotted name)."""
    package = rel[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append((node.lineno, node.module or ""))
                continue
            base = list(package[: len(package) - (node.level - 1)])
            targets = [node.module] if node.module else [a.name for a in node.names]
            for target in targets:
                found.append((node.lineno, ".".join(["strategy_site", *base, target])))
    return found


def test_every_module_is_in_a_known_room():
    rooms = {room_of(p.relative_to(PACKAGE).parts) for p in modules()}
    assert rooms <= set(ALLOWED)
    ground = sorted(
        p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"
    )  # keep the ground floor small: what every stage may use
    # lineage: the loader checks where an input took effect, derive/ traces it.
    assert ground == ["clock.py", "files.py", "lineage.py", "model.py", "urls.py"]


def wrong_imports(path: Path, rel: tuple[str, ...]) -> list[str]:
    room = room_of(rel)
    wrong = []
    for line, name in imports_of(path, rel):
        top = name.split(".")[0]
        if top in ENGINE_PACKAGES and room != "mkdocs_plugin":
            wrong.append(f"{line}: {name} (only the adapter may import the engine)")
        if top != "strategy_site":
            continue
        target = room_of(tuple(name.split(".")[1:]))
        if target not in {room, "ground"} and target not in ALLOWED[room]:
            wrong.append(f"{line}: {name} ({room} may not import {target})")
    return wrong


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_downwards(path: Path):
    rel = path.relative_to(PACKAGE).with_suffix("").parts
    assert not wrong_imports(path, rel), "\n".join(wrong_imports(path, rel))


def test_the_contract_can_fail(tmp_path):
    """The checker sees an upward import (a guard against a test that cannot fail)."""
    bad = tmp_path / "probe.py"
    bad.write_text("from ..plan import pages\nfrom .. import urls\nimport mkdocs\n")
    assert wrong_imports(bad, ("content", "probe")) == [
        "1: strategy_site.plan (content may not import plan)",
        "3: mkdocs (only the adapter may import the engine)",
    ]
    sideways = tmp_path / "sideways.py"
    sideways.write_text("from ..publish import pdf\nfrom ..mkdocs_plugin import bridge\n")
    assert wrong_imports(sideways, ("plan", "probe")) == [
        "1: strategy_site.publish (plan may not import publish)",
        "2: strategy_site.mkdocs_plugin (plan may not import mkdocs_plugin)",
    ]
    assert wrong_imports(sideways, ("publish", "probe")) == [
        "2: strategy_site.mkdocs_plugin (publish may not import mkdocs_plugin)",
    ]


README = PACKAGE.parents[1] / "README.md"


def readme_rows() -> dict[str, str]:
    """The README's module table: its first column ("content/", "(top level)") -> the row."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| folder | stage | modules |") :].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        folder = line.split("|")[1].strip().strip("`")
        rows[folder] = line
    return rows


def named_in_readme(path: Path, rows: dict[str, str]) -> bool:
    """Whether the module at `path` is named, as `file.py`, in its folder's row."""
    parts = path.relative_to(PACKAGE).parts
    row = rows.get(f"{parts[0]}/" if len(parts) > 1 else "(top level)", "")
    return f"`{path.name}`" in row


def test_every_module_is_named_in_the_readme() -> None:
    """The README's module table stays true: every module of the package (package
    `__init__.py` files aside) is named in the row of its folder."""
    rows = readme_rows()
    assert {"content/", "(top level)", "derive/", "plan/", "tools/", "mkdocs_plugin/"} <= set(rows)
    missing = [
        str(p.relative_to(PACKAGE))
        for p in modules()
        if p.name != "__init__.py" and not named_in_readme(p, rows)
    ]
    assert not missing, f"README.md's module table does not name {missing}"
    # Guards the check: a module in the wrong row, or not there at all, is not named.
    assert not named_in_readme(PACKAGE / "content" / "cli.py", rows)
    assert not named_in_readme(PACKAGE / "tools" / "no_such_module.py", rows)
