"""What the plugin needs from the rest of mkdocs.yml, checked before anything is built.

Each problem is a sentence that says what to change in mkdocs.yml; MkDocs shows it as
one line and stops (PluginError), instead of publishing a site that quietly breaks a
promise (fonts from another host) or lacks its banners (an override of our template).
What the site needs and no region has to decide (theme features, heading permalinks,
Markdown extensions) the plugin adds itself, so that a region's mkdocs.yml stays short
(the one `strategi init` writes, explained in docs/ny-region.md).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..content.site_theme import (
    published_link_problems,
    repeated_setting_problems,
    template_names,
    theme_setup_problems,
)

TEMPLATES = Path(__file__).parent / "templates"

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


def engine_templates() -> list[str]:
    """The adapter's templates that a site's overrides may not replace, relative to its
    folder (content/site_theme.py reads them as names, and so does `strategi check`)."""
    return template_names(TEMPLATES)


def theme_problems(config: MkDocsConfig) -> list[str]:
    """Everything in the theme's settings that the site cannot be published with (the
    rules are content/site_theme.py's, shared with `strategi check`)."""
    theme = config.theme
    custom_dir = Path(theme.custom_dir) if theme.custom_dir else None
    return theme_setup_problems(
        theme.name, theme.get("font"), list(config.plugins), custom_dir, engine_templates()
    )


def repeated_settings(config: MkDocsConfig) -> list[str]:
    """Keys given twice in mkdocs.yml, which MkDocs reads as the last alone
    (content/site_theme.py's rule); a configuration given as data has none."""
    path = config.config_file_path
    if not path or not Path(path).is_file():
        return []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:  # MkDocs read it (PyYAML takes UTF-16 too): no text here
        return []
    return repeated_setting_problems(text, Path(path).name)


def published_links(config: MkDocsConfig) -> list[str]:
    """Symbolic links among the files MkDocs copies (content/site_theme.py's rule)."""
    project = Path(config.config_file_path or ".").parent
    folders = [Path(config.docs_dir)]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    return published_link_problems(project, folders)
