"""What a site's mkdocs.yml must say about its theme and the files it publishes, as plain
data: fonts from the site itself, template overrides that keep the plugin's page, an
address per section, and no symbolic link among the files MkDocs copies.

The plugin refuses such a build before writing anything; `strategi check` reads
mkdocs.yml and says the same, in the same words, so that check and the build agree (as
site_languages.py does for the languages). Both sides hand in what they read; neither
side's way of reading mkdocs.yml is here. The adapter's own template files are data to
this module (their names, under `engine_templates`), never imported code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .loader import symlinks_under
from .yamlfile import repeated_keys

PAGE_BASE = "strategy-base.html"
EXTENDS_BASE = re.compile(r"{%-?\s*extends\s+[\"']" + re.escape(PAGE_BASE) + r"[\"']")
PRIVACY_PLUGINS = {"material/privacy", "privacy"}


def template_names(folder: Path) -> list[str]:
    """The templates under `folder`, relative to it: how both sides name the adapter's."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def theme_setup_problems(
    theme_name: str | None,
    font: object,
    plugin_names: Iterable[str],
    custom_dir: Path | None,
    engine_templates: Iterable[str],
) -> list[str]:
    """Each problem as a sentence that says what to change in mkdocs.yml. `font` is the
    theme's `font` setting as written (None when left out: Material's default, Roboto
    from Google); `engine_templates` the adapter's templates, relative to its folder."""
    problems = []
    self_hosted = bool(set(plugin_names) & PRIVACY_PLUGINS)
    if theme_name == "material" and font is not False and not self_hosted:
        problems.append(
            "the theme loads its fonts from fonts.googleapis.com, so every reader's browser "
            "would contact Google; set 'font: false' under 'theme' in mkdocs.yml (the "
            "readers' own fonts), or add Material's 'privacy' plugin to host them yourself."
        )
    if custom_dir is not None:
        problems += override_problems(custom_dir, engine_templates)
    return problems


def override_problems(custom_dir: Path, engine_templates: Iterable[str]) -> list[str]:
    """A site's own templates that would replace ours (banners, version selector)."""
    problems = []
    main = custom_dir / "main.html"
    if main.is_file() and not EXTENDS_BASE.search(main.read_text(encoding="utf-8")):
        problems.append(
            f"{main} replaces the strategy plugin's page template, which draws the version "
            f'banners and the version selector; begin it with {{% extends "{PAGE_BASE}" %}} '
            "instead of extending base.html, and call {{ super() }} in the blocks you change."
        )
    for relative in sorted(engine_templates):
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


def address_problems(use_directory_urls: object) -> list[str]:
    """Every section has the address /<version>/<section>/ (MkDocs' default: true)."""
    if use_directory_urls is False:
        return [
            "the site needs 'use_directory_urls: true' in mkdocs.yml, so that every "
            "section has the address /<version>/<section>/."
        ]
    return []


def repeated_setting_problems(text: str, name: str) -> list[str]:
    """Each key given twice in mkdocs.yml (its `text`; `name`, the file's): MkDocs keeps
    the last and ignores the first without a word (two `plugins:` lists, and the first
    one's plugins are gone), so both sides refuse it."""
    return [
        f"line {line}: '{key}' is given twice in {name} (first on line {first}); MkDocs "
        f"keeps only the last, so what the first says is silently ignored: keep one "
        f"'{key}', holding what both say."
        for key, line, first in repeated_keys(text)
    ]


def published_link_problems(project: Path, folders: Iterable[Path]) -> list[str]:
    """Symbolic links among the files MkDocs copies into the site (docs/, the theme's
    custom_dir): MkDocs follows them, so a link would publish whatever it points to
    (the repository's .git/config, which can hold a CI token; any file of the machine).
    Each path is shown relative to `project` (the folder of mkdocs.yml)."""
    problems = []
    for folder in folders:
        for link in symlinks_under(folder):
            shown = link.absolute()
            if shown.is_relative_to(project.absolute()):
                shown = shown.relative_to(project.absolute())
            problems.append(
                f"{shown}: a symbolic link: the site may hold only real files and folders; "
                "replace the link with a copy of the file (or folder), or remove it (a link "
                "could publish any file of the machine that builds the site)."
            )
    return problems
