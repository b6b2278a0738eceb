"""Where the strategy is, found the way git finds its repository.

From the folder the command runs in, and then each folder above it: a folder holding
strategy.yml is the content; a folder with a mkdocs.yml that uses the strategy plugin
names it by the plugin's `content_dir`; a folder with strategy/strategy.yml has it there.
So `strategi check` works from the repository's root, from inside strategy/, from a
version folder, and for a site whose content is not called strategy/.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..content.site_languages import language_setup_problems, theme_language_problems
from ..content.site_theme import (
    address_problems,
    published_link_problems,
    repeated_setting_problems,
    template_names,
    theme_setup_problems,
)
from ..plan.notice import notice_refusal
from ..plan.templating import OVERRIDES, Fragments

DEFAULT = Path("strategy")


def find_content(start: Path | None = None) -> Path:
    """The content folder for a command run in `start` (default: here); `strategy` if
    nothing is found, so that the loader's message names what is missing."""
    here = (start or Path.cwd()).absolute()
    for folder in [here, *here.parents]:
        if (folder / "strategy.yml").is_file():
            return _shown(folder)
        config = folder / "mkdocs.yml"
        if config.is_file():
            content_dir = plugin_content_dir(config)
            if content_dir is not None:
                return _shown(folder / content_dir)
        if (folder / DEFAULT / "strategy.yml").is_file():
            return _shown(folder / DEFAULT)
    return DEFAULT


def plugin_content_dir(config: Path) -> str | None:
    """The strategy plugin's `content_dir` in a mkdocs.yml, or None without the plugin."""
    data = _read_settings(config)
    plugins = data.get("plugins") if isinstance(data, dict) else None
    for item in plugins or []:
        if item == "strategy":
            return str(DEFAULT)
        if isinstance(item, dict) and "strategy" in item:
            options: Any = item["strategy"] or {}
            return str(options.get("content_dir") or DEFAULT)
    return None


def site_config(content: Path) -> tuple[Path, dict[str, Any]] | None:
    """The mkdocs.yml (its path and what it says) of the site built from `content`: the
    one beside it whose strategy plugin reads `content`; None when there is none."""
    content = Path(os.path.abspath(content))  # '..' from a subfolder: its real parent
    root = content.parent
    config = root / "mkdocs.yml"
    if not config.is_file():
        return None
    content_dir = plugin_content_dir(config)
    if content_dir is None or Path(os.path.abspath(root / content_dir)) != content:
        return None
    data = _read_settings(config)
    return (config, data) if isinstance(data, dict) else None


def _read_settings(config: Path) -> Any:
    """mkdocs.yml as data; None when unreadable (MkDocs itself will say what is wrong).
    A key given twice does not make it unreadable, as it does not for MkDocs: check
    refuses it (`site_problems`), and so does the build."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True
    try:
        return yaml.load(config.read_text(encoding="utf-8"))
    except Exception:
        return None


def missing_docs_dir(content: Path) -> Path | None:
    """The docs folder of the site built from `content` when it does not exist.

    MkDocs refuses a missing docs_dir (docs/ by default) before any plugin runs, so the
    build cannot say more than that; `check` says it, with what to do, beforehand. Git
    keeps no empty folder, so a docs/ without pages vanishes from a fresh clone.
    """
    found = site_config(content)
    if found is None:
        return None
    config, data = found
    docs = config.parent / str(data.get("docs_dir") or "docs")
    return None if docs.is_dir() else docs


def site_problems(
    content: Path, languages: list[str], source_language: str
) -> tuple[Path, list[str]]:
    """What the build would refuse in mkdocs.yml, with the file's path: the addresses,
    the strategy's languages (content/site_languages.py), the theme, its fonts and
    overrides, symbolic links among the published files (content/site_theme.py), the
    partials' overrides (plan/templating.py) and the notice (plan/notice.py): the
    plugin's own rules, read from the YAML (plugin.py's on_config calls the same)."""
    found = site_config(content)
    if found is None:
        return Path("mkdocs.yml"), []
    config, data = found
    problems = repeated_setting_problems(config.read_text(encoding="utf-8"), config.name)
    custom_dir = _custom_dir(config, data)
    published = [config.parent / str(data.get("docs_dir") or "docs")]
    problems += address_problems(data.get("use_directory_urls", True))
    problems += _language_problems(data, languages, source_language)
    problems += _theme_problems(data, custom_dir)
    if custom_dir is not None:
        published.append(custom_dir)  # MkDocs copies the overrides' files too
    problems += published_link_problems(config.parent, published)
    problems += Fragments([custom_dir / OVERRIDES] if custom_dir else []).problems()
    options = dict(_plugins(data)).get("strategy")
    notice = options.get("notice") if isinstance(options, dict) else None
    return config, problems + notice_refusal(notice, source_language)


def _custom_dir(config: Path, data: dict[str, Any]) -> Path | None:
    """The theme's overrides folder, if mkdocs.yml names one."""
    custom_dir = _theme_settings(data).get("custom_dir")
    return config.parent / str(custom_dir) if custom_dir else None


def _language_problems(
    data: dict[str, Any], languages: list[str], source_language: str
) -> list[str]:
    plugins = _plugins(data)
    locales: list[str] = []
    for name, options in plugins:
        if name == "i18n" and isinstance(options, dict):
            for language in options.get("languages") or []:
                if isinstance(language, dict) and language.get("locale") is not None:
                    locales.append(str(language["locale"]))
    names = [name for name, _ in plugins]
    theme = _theme_settings(data)
    language = theme.get("language")
    return language_setup_problems(languages, names, locales) + theme_language_problems(
        theme.get("name"),
        None if language is None else str(language),
        source_language,
        "i18n" in names,
    )


# The adapter's templates, read as files (tools/ imports no engine code): an override of
# one of them is refused by the build, and so by check.
ENGINE_TEMPLATES = Path(__file__).parents[1] / "mkdocs_plugin" / "templates"


def _theme_settings(data: dict[str, Any]) -> dict[str, Any]:
    """mkdocs.yml's theme settings; `theme: material` is `{name: material}`."""
    theme = data.get("theme")
    return theme if isinstance(theme, dict) else {"name": theme}


def _theme_problems(data: dict[str, Any], custom_dir: Path | None) -> list[str]:
    settings = _theme_settings(data)
    return theme_setup_problems(
        settings.get("name"),
        settings.get("font"),
        [name for name, _ in _plugins(data)],
        custom_dir,
        template_names(ENGINE_TEMPLATES),
    )


def _plugins(data: dict[str, Any]) -> list[tuple[str, object]]:
    """mkdocs.yml's plugins as (name, options), in order."""
    found = []
    for item in data.get("plugins") or []:
        name = item if isinstance(item, str) else next(iter(item), None)
        if isinstance(name, str):
            found.append((name, item.get(name) if isinstance(item, dict) else None))
    return found


def _shown(path: Path) -> Path:
    """Relative to the working folder when inside it: as an editor would type it."""
    relative = Path(os.path.relpath(path))
    upwards = [part for part in relative.parts if part == ".."]
    inside_or_above = not upwards or len(upwards) == len(relative.parts)
    return relative if inside_or_above else path
