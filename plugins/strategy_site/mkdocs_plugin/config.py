"""Options of the `strategy` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class StrategyPluginConfig(Config):  # type: ignore[no-untyped-call] # MkDocs: unannotated
    # The folder holding strategy.yml, relative to mkdocs.yml.
    content_dir = config_options.Type(str, default="strategy")
    # Pages of highlighted changes between versions; off only to measure what they cost.
    changes_view = config_options.Type(bool, default=True)
    # A sentence on every page, per language, with an optional link to a page of the
    # site: `notice: {sv: ..., en: ..., link: om-webbplatsen/}` (see notice.py).
    notice = config_options.Type(dict, default={})
