"""The seam to the engine (mkdocs_plugin/bridge.py): it is the only place that touches
MkDocs', Material's and mkdocs-static-i18n's internals, it stops on releases it was not
written for, and its copies of Material's markup still match the installed Material.
These tests fail loudly when upstream moves, and say what to re-check."""

from __future__ import annotations

import ast
import difflib
import hashlib
import re
import tomllib
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from strategy_site.mkdocs_plugin import bridge

REPO = Path(__file__).resolve().parents[1]
ADAPTER = REPO / "plugins" / "strategy_site" / "mkdocs_plugin"
TEMPLATES = ADAPTER / "templates"
FORK = TEMPLATES / "partials" / "nav.html"


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


@pytest.mark.parametrize("fork", sorted(bridge.MATERIAL_FORKS))
def test_the_installed_materials_partial_is_the_one_we_forked(fork: str) -> None:
    relative, release, digest = bridge.MATERIAL_FORKS[fork]
    installed = installed_material_file(relative)
    found = hashlib.sha256(installed.read_bytes()).hexdigest()
    assert found == digest, (
        f"Material's {relative} is not the one of Material {release} that "
        f"templates/{fork} was forked from. Compare the two, carry Material's changes "
        "into the fork (keeping the strategy plugin's changes, which "
        "test_each_fork_changes_only_what_it_says lists), then put the new file's SHA-256 "
        "in bridge.MATERIAL_FORKS."
        + (
            " For nav.html, also check sidebar.py's markup against the new partials/nav-item.html."
            if fork == "partials/nav.html"
            else ""
        )
    )


def test_every_fork_of_a_material_partial_is_listed() -> None:
    """A partial of ours with Material's name is a fork: it must be in MATERIAL_FORKS, so
    that the tests above compare it with Material's."""
    import material

    materials = Path(material.__file__).parent / "templates"
    ours = {
        p.relative_to(TEMPLATES).as_posix()
        for p in TEMPLATES.rglob("*.html")
        if (materials / p.relative_to(TEMPLATES)).is_file()
    }
    ours -= {"main.html", "404.html"}  # extend Material's templates, fork nothing
    assert ours == set(bridge.MATERIAL_FORKS)


def _body(path: Path) -> list[str]:
    """A template's lines after its header comment (`{#- ... -#}`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[lines.index("-#}") + 1 :]


def test_the_nav_fork_differs_from_material_only_in_the_marked_loop() -> None:
    """Undo the fork's change (the closed-entry branch): what is left must be Material's
    file, line for line."""
    relative, _, _ = bridge.MATERIAL_FORKS["partials/nav.html"]
    upstream = _body(installed_material_file(relative))
    body = _body(FORK)
    start = next(i for i, line in enumerate(body) if "strategy plugin: a closed entry" in line)
    end = next(i for i in range(start, len(body)) if body[i].strip() == "{% endif %}")
    branch = body[start:end]
    kept = [line for line in branch if "item.render(nav_item, path, 1)" in line]
    assert len(kept) == 1
    undone = body[:start] + [kept[0][2:]] + body[end + 1 :]
    assert undone == upstream, (
        f"{FORK.relative_to(REPO)} changes more of Material's partials/nav.html than the "
        "marked loop; keep the fork to that one change."
    )


# What each of the other forks changes in Material's partial, line for line:
# (Material's lines, ours), whitespace at the ends aside. Anything else that differs
# fails, on either side.
PALETTE_INPUT = (
    '<input class="md-option" data-md-color-media="{{{{ option.media }}}}" '
    "data-md-color-scheme=\"{{{{ scheme | replace(' ', '-') }}}}\" "
    "data-md-color-primary=\"{{{{ primary | replace(' ', '-') }}}}\" "
    "data-md-color-accent=\"{{{{ accent | replace(' ', '-') }}}}\" "
    '{{% if option.toggle %}} aria-label="{{{{ {label} }}}}" {{% else %}} aria-hidden="true" '
    '{{% endif %}} type="radio" name="__palette" id="__palette_{{{{ loop.index0 }}}}">'
)
PALETTE_LABEL = (
    '<label class="md-header__button md-icon" title="{{{{ {label} }}}}" '
    'for="__palette_{{{{ loop.index % loop.length }}}}" hidden>'
)
FORK_CHANGES: dict[str, list[tuple[list[str], list[str]]]] = {
    "partials/footer.html": [
        (
            ['<div class="md-ellipsis">'],
            [
                '<div class="md-ellipsis"{% if strategy_title_langs[page.previous_page.url] %}'
                ' lang="{{ strategy_title_langs[page.previous_page.url] }}"{% endif %}>'
            ],
        ),
        (
            ['<div class="md-ellipsis">'],
            [
                '<div class="md-ellipsis"{% if strategy_title_langs[page.next_page.url] %}'
                ' lang="{{ strategy_title_langs[page.next_page.url] }}"{% endif %}>'
            ],
        ),
    ],
    "partials/alternate.html": [
        (
            ['<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">'],
            [
                '<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" lang="{{ alt.lang }}"'
                ' class="md-select__link">'
            ],
        ),
    ],
    "partials/copyright.html": [
        (
            [],
            [
                "{% if strategy_links %}",
                '<p class="st-footer-links"><a href="{{ strategy_links.data.href | url }}">'
                "{{ strategy_links.data.text | e }}</a>{% if strategy_links.feed %} · "
                '<a href="{{ strategy_links.feed.href | url }}" type="application/atom+xml" '
                'hreflang="{{ strategy_links.feed.lang }}">{{ strategy_links.feed.text | e }}'
                "</a>{% endif %}</p>",
                "{% endif %}",
            ],
        ),
        (
            [
                "Made with",
                '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" '
                'rel="noopener">',
            ],
            [
                '{{ strategy_ui.made_with | d("Made with") | e }}',
                '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" '
                'rel="noopener" lang="en">',
            ],
        ),
    ],
    # A toggle without a name in mkdocs.yml is named in the page's language (escaped:
    # a region's strings file may set the words).
    "partials/palette.html": [
        (
            [PALETTE_INPUT.format(label="option.toggle.name")],
            [
                "{% set ui = strategy_ui | d({}) %}",
                '{% set to_light = ui.palette_to_light | d("Switch to light mode") %}',
                '{% set to_dark = ui.palette_to_dark | d("Switch to dark mode") %}',
                '{% set name = (option.toggle | d({})).name | d(to_light if scheme == "slate"'
                " else to_dark, true) %}",
                PALETTE_INPUT.format(label="name | e"),
            ],
        ),
        (
            [PALETTE_LABEL.format(label="option.toggle.name")],
            [PALETTE_LABEL.format(label="name | e")],
        ),
    ],
}


def fork_changes(upstream: list[str], fork: list[str]) -> list[tuple[list[str], list[str]]]:
    """Where `fork` differs from `upstream`: each change as (upstream's lines, fork's)."""
    matcher = difflib.SequenceMatcher(a=upstream, b=fork, autojunk=False)
    return [
        ([line.strip() for line in upstream[a1:a2]], [line.strip() for line in fork[b1:b2]])
        for tag, a1, a2, b1, b2 in matcher.get_opcodes()
        if tag != "equal"
    ]


@pytest.mark.parametrize("fork", sorted(FORK_CHANGES))
def test_each_fork_changes_only_what_it_says(fork: str) -> None:
    relative, _, _ = bridge.MATERIAL_FORKS[fork]
    changes = fork_changes(_body(installed_material_file(relative)), _body(TEMPLATES / fork))
    assert changes == FORK_CHANGES[fork], (
        f"templates/{fork} and Material's {relative} differ in other lines than the "
        "strategy plugin's changes (FORK_CHANGES): carry Material's change into the fork, "
        "or keep the fork to its listed changes."
    )


def test_the_fork_comparison_sees_a_changed_line() -> None:
    """Guards the test above: a line changed on either side is reported."""
    upstream = ["<a>", '<div class="md-ellipsis">', "</a>"]
    assert fork_changes(upstream, upstream) == []
    changed = ["<a>", '<div class="md-ellipsis" hidden>', "</a>"]
    assert fork_changes(upstream, changed) == [
        (['<div class="md-ellipsis">'], ['<div class="md-ellipsis" hidden>'])
    ]


# -- only the bridge touches engine internals ----------------------------------------------

# The engine's packages whose internals only the bridge may touch.
ENGINE_PACKAGES = ("mkdocs_static_i18n", "material")
# MkDocs' public plugin API (the modules its "Plugins" and "API reference" documentation
# names): everything else of `mkdocs` is for the bridge only.
PUBLIC_MKDOCS = {
    "mkdocs.config",
    "mkdocs.config.base",
    "mkdocs.config.config_options",
    "mkdocs.config.defaults",
    "mkdocs.exceptions",
    "mkdocs.livereload",
    "mkdocs.plugins",
    "mkdocs.structure",
    "mkdocs.structure.files",
    "mkdocs.structure.nav",
    "mkdocs.structure.pages",
    "mkdocs.utils.templates",  # TemplateContext, the type of on_template_context's context
}
# Attributes of MkDocs' objects that its API documents as a plugin's to set.
PUBLIC_WRITES = {
    "dest_uri",  # File.dest_uri: "may be reassigned" in on_files (mkdocs/structure/files.py)
    "title",  # Page.title, Section.title
    "parent",  # StructureItem.parent
    "previous_page",  # Page.previous_page, Page.next_page
    "next_page",
    "site_dir",  # the `site_dir` setting
}
# Template context names of MkDocs' own that on_page_context may replace; every other name
# an adapter module sets there is ours and starts with `strategy_`.
PUBLIC_CONTEXT = {"nav"}
# Dynamic attribute access: what a guard against a moved attribute looks like.
DYNAMIC = {"setattr", "delattr", "hasattr", "vars"}


def internals_used(source: str) -> list[tuple[int, str]]:
    """Where a module reaches past the public API: `(line, what)` for each import of an
    engine package (or of a non-public MkDocs module, or a private name), each attribute
    set on anything but the module's own objects (`self.x`) that is not one of
    `PUBLIC_WRITES`, each `setattr`/`delattr`/`hasattr`/`vars`/`getattr` and `__dict__`,
    and each template-context or Jinja-global name set that is neither ours nor public."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for module in modules:
                top = module.split(".")[0]
                if top in ENGINE_PACKAGES:
                    found.append((node.lineno, f"import of {module}"))
                elif top == "mkdocs" and module not in PUBLIC_MKDOCS:
                    found.append((node.lineno, f"import of {module} (not MkDocs' plugin API)"))
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mkdocs"):
                for alias in node.names:
                    if alias.name.startswith("_"):
                        found.append((node.lineno, f"import of private {alias.name}"))
        elif isinstance(node, ast.Attribute):
            if node.attr == "__dict__":
                found.append((node.lineno, "__dict__"))
            elif isinstance(node.ctx, ast.Store | ast.Del):
                own = isinstance(node.value, ast.Name) and node.value.id == "self"
                if not own and node.attr not in PUBLIC_WRITES:
                    found.append((node.lineno, f"sets .{node.attr}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in DYNAMIC or node.func.id == "getattr":
                found.append((node.lineno, f"{node.func.id}()"))
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            container = node.value
            is_context = isinstance(container, ast.Name) and container.id == "context"
            is_globals = isinstance(container, ast.Attribute) and container.attr == "globals"
            key = node.slice.value if isinstance(node.slice, ast.Constant) else None
            if (is_context or is_globals) and not (
                isinstance(key, str) and (key.startswith("strategy_") or key in PUBLIC_CONTEXT)
            ):
                found.append((node.lineno, f"sets the template's {key!r}"))
    return sorted(found)


ADAPTER_MODULES = sorted(p.name for p in ADAPTER.glob("*.py") if p.name != "bridge.py")


@pytest.mark.parametrize("module", ADAPTER_MODULES)
def test_only_the_bridge_touches_engine_internals(module: str) -> None:
    uses = internals_used((ADAPTER / module).read_text(encoding="utf-8"))
    assert not uses, (
        f"mkdocs_plugin/{module} reaches into engine internals at "
        + ", ".join(f"line {line} ({what})" for line, what in uses)
        + ": go through mkdocs_plugin/bridge.py, with a comment naming the upstream code"
    )


def test_the_internals_check_finds_each_kind_of_touch() -> None:
    """Guards the test above: each kind of reach past the public API is found, and the
    public API passes."""
    touches = """
from mkdocs_static_i18n.plugin import I18n
import material.plugins.search
from mkdocs.commands.build import _populate_page
from mkdocs.utils import get_relative_url
file.locale = "sv"
nav.homepage = start
item.strategy_closed_html = "<li>"
del page.typeset
setattr(file, "locale", "sv")
hasattr(plugin, "building")
getattr(plugin, "building", False)
vars(config.extra).get("alternate")
page.__dict__["x"] = 1
context["base_url"] = "."
env.globals["lang"] = "sv"
"""
    found = [what for _, what in internals_used(touches)]
    assert found == [
        "import of mkdocs_static_i18n.plugin",
        "import of material.plugins.search",
        "import of mkdocs.commands.build (not MkDocs' plugin API)",
        "import of private _populate_page",
        "import of mkdocs.utils (not MkDocs' plugin API)",
        "sets .locale",
        "sets .homepage",
        "sets .strategy_closed_html",
        "sets .typeset",
        "setattr()",
        "hasattr()",
        "getattr()",
        "vars()",
        "__dict__",
        "sets the template's 'base_url'",
        "sets the template's 'lang'",
    ]
    public = """
from mkdocs.structure.files import File
self.plan = None
file.dest_uri = "v1/index.html"
page.title = escape(title)
context["nav"] = nav
context["strategy_page"] = planned
env.globals["strategy_notice"] = notice
page.meta["title"] = "x"
"""
    assert internals_used(public) == []


# Core modules that extend Python-Markdown: they use its documented extension API and,
# where they must read a treeprocessor's attribute, fail loudly (no defaults).
MARKDOWN_EXTENSIONS = sorted(
    p
    for p in (REPO / "plugins" / "strategy_site").rglob("*.py")
    if "mkdocs_plugin" not in p.parts
    and re.search(r"^from markdown[ .]", p.read_text(encoding="utf-8"), re.M)
)


def dynamic_access(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        name = node.func.id
        if name in DYNAMIC or (name == "getattr" and len(node.args) > 2):
            found.append((node.lineno, f"{name}()"))
    return found


@pytest.mark.parametrize("path", MARKDOWN_EXTENSIONS, ids=lambda p: p.name)
def test_markdown_extensions_have_no_silent_fallbacks(path: Path) -> None:
    assert "change_headings.py" in {p.name for p in MARKDOWN_EXTENSIONS}
    uses = dynamic_access(path.read_text(encoding="utf-8"))
    assert not uses, f"{path.name}: {uses}: read Python-Markdown's attributes and fail loudly"
    assert dynamic_access('getattr(toc, "sep", "-")') == [(1, "getattr()")]


def test_under_properdocs_its_release_is_checked_instead_of_mkdocs(monkeypatch) -> None:
    real = bridge.version
    versions = {"properdocs": "1.7.0", "mkdocs": "0.1"}
    monkeypatch.setattr(bridge, "version", lambda name: versions.get(name) or real(name))
    monkeypatch.setattr(bridge, "_running_properdocs", lambda: True)
    bridge._version_problems.cache_clear()
    try:
        with pytest.raises(PluginError) as raised:
            bridge.check_versions()
    finally:
        bridge._version_problems.cache_clear()
    assert "properdocs 1.7.0 is installed; needs >=1.6.7,<1.7" in str(raised.value)
    assert "mkdocs 0.1" not in str(raised.value)  # ProperDocs runs, not the mkdocs package


def test_the_engine_here_is_mkdocs_not_properdocs() -> None:
    assert not bridge._running_properdocs()
