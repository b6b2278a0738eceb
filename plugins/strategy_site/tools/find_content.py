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
    try:
        data = YAML(typ="rt").load(config.read_text(encoding="utf-8"))
    except Exception:  # an unreadable mkdocs.yml: MkDocs itself will say what is wrong
        return None
    plugins = data.get("plugins") if isinstance(data, dict) else None
    for item in plugins or []:
        if item == "strategy":
            return str(DEFAULT)
        if isinstance(item, dict) and "strategy" in item:
            options: Any = item["strategy"] or {}
            return str(options.get("content_dir") or DEFAULT)
    return None


def missing_docs_dir(content: Path) -> Path | None:
    """The docs folder of the site built from `content` when it does not exist.

    MkDocs refuses a missing docs_dir (docs/ by default) before any plugin runs, so the
    build cannot say more than that; `check` says it, with what to do, beforehand. Git
    keeps no empty folder, so a docs/ without pages vanishes from a fresh clone.
    """
    root = content.absolute().parent
    config = root / "mkdocs.yml"
    if not config.is_file() or plugin_content_dir(config) is None:
        return None
    if (root / str(plugin_content_dir(config))).absolute() != content.absolute():
        return None
    try:
        data = YAML(typ="rt").load(config.read_text(encoding="utf-8"))
    except Exception:  # MkDocs itself will say what is wrong with the file
        return None
    docs = root / str(data.get("docs_dir") or "docs")
    return None if docs.is_dir() else docs


def _shown(path: Path) -> Path:
    """Relative to the working folder when inside it: as an editor would type it."""
    relative = Path(os.path.relpath(path))
    upwards = [part for part in relative.parts if part == ".."]
    inside_or_above = not upwards or len(upwards) == len(relative.parts)
    return relative if inside_or_above else path
