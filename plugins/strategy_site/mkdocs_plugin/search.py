"""Search: one index per language, and previews whose index does not grow.

One search index per language, so that a search on the English site finds English.

mkdocs-static-i18n merges every language's entries into one `search/search_index.json`.
After the last language is built, the merged index is split: the source language keeps
`search/`, every other language gets `<lang>/search/` with locations relative to its own
root, and pages of that language point Material's search at it (see `language_root`).
The index's format and where Material reads its root from are the bridge's business
(bridge.py: `read_search_index`, `write_search_index`, `set_search_root`).
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from typing import Any

from . import bridge

Entry = dict[str, Any]


def language_root(page_url: str, lang: str, source_language: str) -> str | None:
    """The relative URL from a page to its language's root, for Material's `base`."""
    if lang == source_language:
        return None
    depth = posixpath.relpath(f"/{lang}/", "/" + page_url.rsplit("/", 1)[0] + "/")
    return depth.rstrip("/") or "."


def copy_sitemaps(site_dir: Path, languages: list[str], source_language: str) -> None:
    """Material fetches `sitemap.xml` beside every `<link rel=alternate>` (instant
    navigation's lookup): the feed of a language at `<lang>/feed.xml` makes it ask for
    `<lang>/sitemap.xml`, so each language root gets a copy of the site's sitemap."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        source = site_dir / name
        if source.is_file():
            for lang in languages:
                if lang != source_language:
                    shutil.copyfile(source, site_dir / lang / name)


def search_from(html: str, root: str) -> str:
    """A page rendered without a page of its own (404.html) searches from `root`, its
    language's root, whose search index it needs."""
    return bridge.set_rendered_search_root(html, root)


def split_search_index(
    site_dir: Path, languages: list[str], source_language: str, partial: bool = False
) -> None:
    """Split the merged index by language.

    `partial`: a dirty preview build, whose index holds only the pages it rebuilt; the
    entries of every other page are kept from the previous split index.
    """
    path = site_dir / bridge.SEARCH_INDEX
    if not path.is_file():
        return
    config, docs = bridge.read_search_index(path)
    for lang in languages:
        if lang == source_language:
            continue
        prefix = f"{lang}/"
        own = [
            dict(d, location=d["location"][len(prefix) :])
            for d in docs
            if d["location"].startswith(prefix)
        ]
        target = site_dir / lang / bridge.SEARCH_INDEX
        own = _with_previous(target, own) if partial else own
        bridge.write_search_index(target, config, own, lang)
    others = tuple(f"{lang}/" for lang in languages if lang != source_language)
    own = [d for d in docs if not d["location"].startswith(others)]
    if partial:
        # The merged file is rewritten by every build: keep the last split to merge with.
        kept = path.parent / ".preview_index.json"
        own = _with_previous(kept, own)
        bridge.write_search_index(kept, config, own, source_language)
    bridge.write_search_index(path, config, own, source_language)


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _with_previous(path: Path, docs: list[Entry]) -> list[Entry]:
    """`docs`, plus the entries of `path` for pages that `docs` does not cover."""
    if not path.is_file():
        return docs
    rebuilt = {_page(d["location"]) for d in docs}
    _, previous = bridge.read_search_index(path)
    return [d for d in previous if _page(d["location"]) not in rebuilt] + docs
