"""Search: one index per language, and previews whose index does not grow.

One search index per language, so that a search on the English site finds English.

mkdocs-static-i18n merges every language's entries into one `search/search_index.json`.
After the last language is built, the merged index is split: the source language keeps
`search/`, every other language gets `<lang>/search/` with locations relative to its own
root, and pages of that language point Material's search at it (see `language_root`).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path


def language_root(page_url: str, lang: str, source_language: str) -> str | None:
    """The relative URL from a page to its language's root, for Material's `base`."""
    if lang == source_language:
        return None
    depth = posixpath.relpath(f"/{lang}/", "/" + page_url.rsplit("/", 1)[0] + "/")
    return depth.rstrip("/") or "."


CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def search_from(html: str, root: str) -> str:
    """A page rendered without a page of its own (404.html) has Material's `base` at the
    site's root; point it at `root`, its language's root, whose search index it needs.
    (`base_url` itself cannot move: asset and navigation links are built from it.)"""

    def rebase(match: re.Match[str]) -> str:
        config = json.loads(match[2])
        config["base"] = root.rstrip("/") or "/"
        return match[1] + json.dumps(config, separators=(",", ":")) + match[3]

    return CONFIG.sub(rebase, html, count=1)


def split_search_index(
    site_dir: Path, languages: list[str], source_language: str, partial: bool = False
) -> None:
    """Split the merged index by language.

    `partial`: a dirty preview build, whose index holds only the pages it rebuilt; the
    entries of every other page are kept from the previous split index.
    """
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
        target = site_dir / lang / "search" / "search_index.json"
        _write(target, merged, _with_previous(target, own) if partial else own, lang)
    others = tuple(f"{lang}/" for lang in languages if lang != source_language)
    own = [d for d in docs if not d["location"].startswith(others)]
    if partial:
        # The merged file is rewritten by every build: keep the last split to merge with.
        kept = site_dir / "search" / ".preview_index.json"
        own = _with_previous(kept, own)
        _write(kept, merged, own, source_language)
    _write(path, merged, own, source_language)


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _with_previous(path: Path, docs: list[dict]) -> list[dict]:
    """`docs`, plus the entries of `path` for pages that `docs` does not cover."""
    if not path.is_file():
        return docs
    rebuilt = {_page(d["location"]) for d in docs}
    previous = json.loads(path.read_text(encoding="utf-8")).get("docs", [])
    return [d for d in previous if _page(d["location"]) not in rebuilt] + docs


def _write(path: Path, merged: dict, docs: list[dict], lang: str) -> None:
    config = dict(merged.get("config", {}), lang=[lang])
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
