"""Options of the `strategy` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class StrategyPluginConfig(Config):  # type: ignore[no-untyped-call] # MkDocs: unannotated
    # The folder holding strategy.yml, relative to mkdocs.yml.
    content_dir = config_options.Type(str, default="strategy")
    # A PDF of every version in every language, and for a version based on another one a
    # second PDF with the changes since it, linked from the version's first page (see
    # docs/redaktorer.md, "PDF-filer och utskrift"). Making them takes most of a build's
    # time (WeasyPrint: about a quarter of a second of processor time a PDF page, some 25
    # web pages' worth; benchmarks/README.md); `pdf: false` leaves them out, and the version
    # pages then do not mention them. The test suite switches them off except where it
    # tests them (tests/conftest.py); a live preview never makes them and says so.
    pdf = config_options.Type(bool, default=True)
    # Pages of highlighted changes between versions; off only to measure what they cost.
    changes_view = config_options.Type(bool, default=True)
    # A sentence on every page, per language, with an optional link to a page of the
    # site: `notice: {sv: ..., en: ..., link: om-webbplatsen/}` (see notice.py).
    notice = config_options.Type(dict, default={})
