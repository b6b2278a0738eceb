"""One search index per language, so that a search on the English site finds English.

mkdocs-static-i18n merges every language's entries into one `search/search_index.json`.
After the last language is built, the merged index is split: the source language keeps
`search/`, every other language gets `<lang>/search/` with locations relative to its own
root, and pages of that language point Material's search at it (see `language_root`).
"""

from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path


def language_root(page_url: str, lang: str, source_language: str) -> str | None:
    """The relative URL from a page to its language's root, for Material's `base`."""
    if lang == source_language:
        return None
    depth = posixpath.relpath(f"/{lang}/", "/" + page_url.rsplit("/", 1)[0] + "/")
    return depth.rstrip("/") or "."


def copy_sitemaps(site_dir: Path, languages: list[str], source_language: str) -> None:
    """Material fetches `<base>/sitemap.xml`; with `base` at a language's root (see
    language_root) that is `<lang>/sitemap.xml`, so each language root gets a copy."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        source = site_dir / name
        if source.is_file():
            for lang in languages:
                if lang != source_language:
                    shutil.copyfile(source, site_dir / lang / name)


def split_search_index(site_dir: Path, languages: list[str], source_language: str) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    merged = json.loads(path.read_text(encoding="utf-8"))
    docs = merged.get("docs", [])
    for lang in languages:
        if lang == source_language:
            continue
        prefix = f"{lang}/"
        own = [
            dict(d, location=d["location"][len(prefix) :])
            for d in docs
            if d["location"].startswith(prefix)
        ]
        _write(site_dir / lang / "search" / "search_index.json", merged, own, lang)
    others = tuple(f"{lang}/" for lang in languages if lang != source_language)
    _write(path, merged, [d for d in docs if not d["location"].startswith(others)], source_language)


def _write(path: Path, merged: dict, docs: list[dict], lang: str) -> None:
    config = dict(merged.get("config", {}), lang=[lang])
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
