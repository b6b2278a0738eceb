"""The seam to the engine (mkdocs_plugin/bridge.py): it is the only place that touches
MkDocs', Material's and mkdocs-static-i18n's internals, it stops on releases it was not
written for, and its copies of Material's markup still match the installed Material.
These tests fail loudly when upstream moves, and say what to re-check."""

from __future__ import annotations

import ast
import hashlib
import tomllib
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from strategy_site.mkdocs_plugin import bridge

REPO = Path(__file__).resolve().parents[1]
ADAPTER = REPO / "plugins" / "strategy_site" / "mkdocs_plugin"
FORK = ADAPTER / "templates" / "partials" / "nav.html"


def installed_material_file(relative: str) -> Path:
    import material

    return Path(material.__file__).parent / relative.removeprefix("material/")


def test_pins_in_pyproject_are_the_bridges_supported_releases() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = set(pyproject["project"]["dependencies"])
    for package, (lowest, first_untested) in bridge.SUPPORTED.items():
        assert f"{package}>={lowest},<{first_untested}" in pins, (
            f"pyproject.toml must pin {package} to what bridge.SUPPORTED says"
        )


def test_the_installed_engine_is_supported() -> None:
    bridge.check_versions()


def test_another_release_stops_the_build_with_a_clear_message(monkeypatch) -> None:
    real = bridge.version
    monkeypatch.setattr(
        bridge, "version", lambda name: "9.9.0" if name == "mkdocs-material" else real(name)
    )
    bridge._version_problems.cache_clear()
    try:
        with pytest.raises(PluginError) as raised:
            bridge.check_versions()
    finally:
        bridge._version_problems.cache_clear()
    message = str(raised.value)
    assert "mkdocs-material 9.9.0 is installed; needs >=9.8.2,<9.9" in message
    assert "bridge.py" in message
    assert "mkdocs 1" not in message  # only the package that differs is named


def test_a_moved_upstream_attribute_fails_loudly() -> None:
    class Plugin:
        pass

    with pytest.raises(PluginError, match="no attribute 'search_index_prev'.*bridge.py"):
        bridge._attribute(Plugin(), "search_index_prev", "material search plugin.py")


def test_the_installed_materials_nav_partial_is_the_one_we_forked() -> None:
    relative, release, digest = bridge.MATERIAL_NAV_PARTIAL
    installed = installed_material_file(relative)
    found = hashlib.sha256(installed.read_bytes()).hexdigest()
    assert found == digest, (
        f"Material's {relative} is not the one of Material {release} that "
        f"{FORK.relative_to(REPO)} was forked from. Compare the two, carry Material's "
        "changes into the fork (keeping the strategy plugin's loop over closed entries), "
        "check sidebar.py's markup against the new partials/nav-item.html, then put the "
        "new file's SHA-256 in bridge.MATERIAL_NAV_PARTIAL."
    )


def test_the_fork_differs_from_material_only_in_the_marked_loop() -> None:
    """Undo the fork's two changes (its header and the closed-entry branch): what is left
    must be Material's file, line for line."""
    relative, _, _ = bridge.MATERIAL_NAV_PARTIAL
    upstream = installed_material_file(relative).read_text(encoding="utf-8").splitlines()
    fork = FORK.read_text(encoding="utf-8").splitlines()
    header_end = fork.index("-#}")
    body = fork[header_end + 1 :]
    start = next(i for i, line in enumerate(body) if "strategy plugin: a closed entry" in line)
    end = next(i for i in range(start, len(body)) if body[i].strip() == "{% endif %}")
    branch = body[start:end]
    kept = [line for line in branch if "item.render(nav_item, path, 1)" in line]
    assert len(kept) == 1
    undone = body[:start] + [kept[0][2:]] + body[end + 1 :]
    upstream_header_end = upstream.index("-#}")
    assert undone == upstream[upstream_header_end + 1 :], (
        f"{FORK.relative_to(REPO)} changes more of Material's partials/nav.html than the "
        "marked loop; keep the fork to that one change."
    )


TOC_FORK = ADAPTER / "templates" / "partials" / "toc.html"


def test_the_installed_materials_toc_partial_is_the_one_we_forked() -> None:
    relative, release, digest = bridge.MATERIAL_TOC_PARTIAL
    installed = installed_material_file(relative)
    found = hashlib.sha256(installed.read_bytes()).hexdigest()
    assert found == digest, (
        f"Material's {relative} is not the one of Material {release} that "
        f"{TOC_FORK.relative_to(REPO)} was forked from. Carry Material's changes into the "
        "fork (keeping its two changes: no <nav> without entries, the text's lang on the "
        "list), then put the new file's SHA-256 in bridge.MATERIAL_TOC_PARTIAL."
    )


def test_the_toc_fork_differs_from_material_only_in_its_two_changes() -> None:
    """Put the <nav> back around the whole partial and drop the list's `lang`: what is
    left must be Material's file, line for line."""
    relative, _, _ = bridge.MATERIAL_TOC_PARTIAL
    upstream = installed_material_file(relative).read_text(encoding="utf-8").splitlines()
    fork = TOC_FORK.read_text(encoding="utf-8").splitlines()
    body = fork[fork.index("-#}") + 1 :]
    opening = next(line for line in body if line.startswith("<nav "))
    undone = [line for line in body if line not in (opening, "</nav>")]
    undone = [
        line.replace('{% if strategy_text_lang %} lang="{{ strategy_text_lang }}"{% endif %}', "")
        for line in undone
    ]
    undone.insert(undone.index("  {% set toc = page.toc %}"), opening)
    undone.append("</nav>")
    expected = upstream[upstream.index("-#}") + 1 :]
    assert undone == expected, (
        f"{TOC_FORK.relative_to(REPO)} changes more of Material's partials/toc.html than "
        "its two marked changes; keep the fork to those."
    )


# The upstream internals the adapter leans on: attribute names that belong to
# mkdocs-static-i18n, Material's search plugin or MkDocs' config internals.
INTERNALS = {
    "building",
    "current_language",
    "build_languages",
    "default_language",
    "i18n_files_per_language",
    "search_entries",
    "search_index_prev",
    "locale",
    "locale_alternate_of",
    "localization",
    "norm_src_uri",
    "alternates",
    "is_modified",
}


def attribute_uses(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in INTERNALS:
            if getattr(node.value, "id", None) == "bridge":
                continue  # the bridge's own functions
            if node.attr == "alternates" and not isinstance(node.ctx, ast.Store):
                continue  # also the name of a planned page's field; only setting is i18n's
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in {
            "vars",
            "getattr",
            "hasattr",
            "setattr",
        }:
            found.append((node.lineno, node.func.id))  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize(
    "module",
    sorted(p.name for p in ADAPTER.glob("*.py") if p.name != "bridge.py"),
)
def test_only_the_bridge_touches_engine_internals(module: str) -> None:
    uses = attribute_uses(ADAPTER / module)
    assert not uses, (
        f"mkdocs_plugin/{module} reaches into engine internals at "
        + ", ".join(f"line {line} ({name})" for line, name in uses)
        + ": go through mkdocs_plugin/bridge.py, with a comment naming the upstream code"
    )
