"""What the plugin needs from the rest of mkdocs.yml, checked before anything is built.

Each problem is a sentence that says what to change in mkdocs.yml; MkDocs shows it as
one line and stops (PluginError), instead of publishing a site that quietly breaks a
promise (fonts from another host) or lacks its banners (an override of our template).
What the site needs and no region has to decide (theme features, heading permalinks,
Markdown extensions) the plugin adds itself, so that a region's mkdocs.yml stays short
(the one `strategi init` writes, explained in docs/ny-region.md).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

TEMPLATES = Path(__file__).parent / "templates"
PAGE_BASE = "strategy-base.html"
EXTENDS_BASE = re.compile(r"{%-?\s*extends\s+[\"']" + re.escape(PAGE_BASE) + r"[\"']")

# Material features the site's pages are built for: section pages as the index of their
# section (a version's chapters), the sidebar pruned to the open entry (sidebar.py
# renders the closed ones in that markup), previous and next within a version.
REQUIRED_FEATURES = ("navigation.indexes", "navigation.prune", "navigation.footer")
SEARCH_PLUGINS = ("search", "material/search")


def add_required_settings(config: MkDocsConfig) -> None:
    """What every strategy site needs, added when mkdocs.yml leaves it out (and kept as
    written when it does not): theme features and heading permalinks."""
    if config.theme.name == "material":
        features = config.theme.get("features")
        if not isinstance(features, list):
            features = config.theme["features"] = []
        features += [feature for feature in REQUIRED_FEATURES if feature not in features]
    config.mdx_configs.setdefault("toc", {}).setdefault("permalink", True)


def has_search(config: MkDocsConfig) -> bool:
    """Whether the site has a search (the 404 page offers one only then)."""
    return any(name in config.plugins for name in SEARCH_PLUGINS)


def language_problems(config: MkDocsConfig, source_language: str, has_i18n: bool) -> list[str]:
    """A site in one language names it in the theme (i18n sets it per language)."""
    language = config.theme.get("language")
    if has_i18n or config.theme.name != "material" or language == source_language:
        return []
    return [
        f"the theme's language is '{language}' (Material's default when none is set), but "
        f"the strategy is written in '{source_language}', so every page would say it is in "
        f"'{language}'; set 'language: {source_language}' under 'theme' in mkdocs.yml."
    ]


def theme_problems(config: MkDocsConfig) -> list[str]:
    """Everything in the theme's settings that the site cannot be published with."""
    problems = []
    theme = config.theme
    plugins = set(config.plugins)
    self_hosted = bool(plugins & {"material/privacy", "privacy"})
    if theme.name == "material" and theme.get("font") is not False and not self_hosted:
        problems.append(
            "the theme loads its fonts from fonts.googleapis.com, so every reader's browser "
            "would contact Google; set 'font: false' under 'theme' in mkdocs.yml (the "
            "readers' own fonts), or add Material's 'privacy' plugin to host them yourself."
        )
    if theme.custom_dir:
        problems += override_problems(Path(theme.custom_dir))
    return problems


def override_problems(custom_dir: Path) -> list[str]:
    """A site's own templates that would replace ours (banners, version selector)."""
    problems = []
    main = custom_dir / "main.html"
    if main.is_file() and not EXTENDS_BASE.search(main.read_text(encoding="utf-8")):
        problems.append(
            f"{main} replaces the strategy plugin's page template, which draws the version "
            f'banners and the version selector; begin it with {{% extends "{PAGE_BASE}" %}} '
            "instead of extending base.html, and call {{ super() }} in the blocks you change."
        )
    for ours in sorted(TEMPLATES.rglob("*.html")):
        relative = ours.relative_to(TEMPLATES).as_posix()
        if relative in ("main.html", PAGE_BASE):
            continue
        if (custom_dir / relative).is_file():
            problems.append(
                f"{custom_dir / relative} replaces the strategy plugin's {relative}, which the "
                "site needs; remove it from the overrides folder, or change "
                f"{PAGE_BASE}'s blocks from overrides/main.html instead."
            )
    if (custom_dir / PAGE_BASE).is_file():
        problems.append(
            f"{custom_dir / PAGE_BASE} replaces the strategy plugin's page template; extend it "
            "from overrides/main.html instead."
        )
    return problems
