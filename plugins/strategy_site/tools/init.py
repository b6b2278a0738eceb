"""Starting a region's content repository (`strategi init [DIR]`).

The starter is a working site: a minimal mkdocs.yml with what a region decides (name,
address, languages, colours; the plugin adds or checks the rest), one draft version in
strategy/, the pages a public site needs (about, accessibility statement, privacy) as
templates that say on the page what the region must complete, CI examples, a
pre-commit configuration and a .gitignore. Right after it, `strategi check` and
`mkdocs build --strict` pass (a language without the package's interface strings gets
a strings file to translate first: init says so).

Nothing is overwritten and nothing is half-written: every file is checked first, then
written into a folder of its own beside the target and moved into place.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..content.yamlfile import LANGUAGE_PATTERN
from ..plan.texts import STRINGS, babel_language_name, language_name
from .strings_file import strings_template
from .yaml_edit import scalar

STARTER = Path(__file__).parent / "starter"
PAGE_LANGUAGES = ("sv", "en")  # the languages the starter's pages are written in
CONTENT = "strategy"

# template in STARTER -> the file it becomes; `{lang}` for one file per page language
# ("" for the source language, ".en" for English beside Swedish).
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "requirements.txt": "requirements.txt",
    "gitignore": ".gitignore",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-site.yml": ".github/workflows/site.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "README.md": "README.md",
    "strategy.yml": f"{CONTENT}/strategy.yml",
    "version.yml": f"{CONTENT}/versions/utkast/version.yml",
    "inledning.md": f"{CONTENT}/versions/utkast/inledning.md",
    "genomforande.md": f"{CONTENT}/versions/utkast/genomforande.md",
}
PAGES = ("om-webbplatsen", "tillganglighet", "personuppgifter")


class InitError(Exception):
    """The starter cannot be written as asked; the message says why and what to do."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # its own name, for the language selector
    default: bool


@dataclass
class Starter:
    """What `strategi init` writes: relative path -> text, and what is left to do."""

    files: dict[str, str]
    untranslated: list[str] = field(default_factory=list)  # languages needing strings


def tool_version() -> str:
    try:
        return package_version("strategy-site")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree uninstalled
        return "0.1.0"


def parse_languages(value: str) -> list[str]:
    """`sv,en,sma` to codes, the first being the source language."""
    codes = [code.strip() for code in value.split(",") if code.strip()]
    if not codes:
        raise InitError("--languages names no language; write for example 'sv' or 'sv,en'")
    for code in codes:
        if not re.fullmatch(LANGUAGE_PATTERN, code):
            raise InitError(
                f"'{code}' is not a language code: write BCP 47 codes in lower case, such "
                "as sv, en, se, sma, smj, fit or fi"
            )
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise InitError(f"--languages names {', '.join(duplicates)} more than once")
    if codes[0] not in PAGE_LANGUAGES:
        raise InitError(
            f"the first language ('{codes[0]}') is the one the strategy is written in, and "
            "the starter's pages exist in Swedish and English only: begin with sv or en "
            "(for example 'sv,en,sma')"
        )
    return codes


def parse_site_url(value: str) -> str:
    """The published address, ending in `/` (the site may live in a subfolder)."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InitError(
            f"'{value}' is not the address of a site: write it in full, such as "
            "https://example.org/strategi/ (GitHub Pages: https://<owner>.github.io/<repo>/)"
        )
    if parts.query or parts.fragment:
        raise InitError(f"'{value}': the site's address has no '?' or '#' part")
    return value.strip().rstrip("/") + "/"


def own_name(code: str, source: str) -> str:
    """A language's name in itself (CLDR), else in the source language: "Svenska"."""
    name = babel_language_name(code, code) or language_name(code, source)
    return name[:1].upper() + name[1:]


def starter(name: str, site_url: str, languages: list[str], today: date) -> Starter:
    """Every file of a new content repository, rendered."""
    if not name.strip():
        raise InitError("--name is empty: write the region's name, such as 'Region Exempel'")
    source = languages[0]
    single = len(languages) == 1
    environment = Environment(
        loader=FileSystemLoader(STARTER),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML and Markdown: values go through the `yaml` filter
    )
    environment.filters["yaml"] = lambda value: scalar(str(value))
    values = {
        "name": name.strip(),
        "site_url": site_url,
        "site_path": urlsplit(site_url).path,
        "source": source,
        "languages": [Language(code, own_name(code, source), code == source) for code in languages],
        "codes": languages,
        "single": single,
        "has_en": "en" in languages,
        "has_sv": "sv" in languages,
        "today": today.isoformat(),
        "tool_version": tool_version(),
        "content": CONTENT,
    }
    files = {
        target: environment.get_template(template).render(values)
        for template, target in FILES.items()
    }
    for page in PAGES:
        for lang in PAGE_LANGUAGES:
            if lang not in languages:
                continue
            suffix = "" if lang == source else f".{lang}"
            template = environment.get_template(f"pages/{page}.{lang}.md")
            files[f"docs/{page}{suffix}.md"] = template.render(values)
    untranslated = [code for code in languages if code not in STRINGS]
    for code in untranslated:
        files[f"{CONTENT}/strings/{code}.yml"] = strings_template(code, languages)
    return Starter(files, untranslated)


def conflicts(target: Path, files: dict[str, str]) -> list[str]:
    """The starter's files (and folders) that exist in `target` already."""
    found = [relative for relative in files if (target / relative).exists()]
    if (target / CONTENT).exists() and not any(f.startswith(CONTENT + "/") for f in found):
        found.append(CONTENT + "/")
    return sorted(found)


def write(target: Path, starter_: Starter) -> None:
    """Write the starter into `target`, which may exist (an empty clone), refusing to
    overwrite anything; written completely or not at all."""
    existing = conflicts(target, starter_.files)
    if existing:
        named = ", ".join(existing[:4])
        if len(existing) > 4:
            named += f" and {len(existing) - 4} more of the starter's files"
        raise InitError(
            f"{target} has {named} already; 'strategi init' never overwrites a file, so it "
            "wrote nothing: start in an empty folder (or move these away first)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".strategi-init-", dir=target.parent))
    try:
        for relative, text in starter_.files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
        if not target.exists():
            os.replace(staging, target)  # one rename: the whole folder or nothing
            return
        _move_into(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _move_into(staging: Path, target: Path) -> None:
    """Move every staged file into an existing folder (after the conflict check); if a
    move fails, the files moved so far are taken back."""
    moved: list[Path] = []
    made: list[Path] = []
    try:
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            destination = target / path.relative_to(staging)
            for folder in reversed(destination.parents):
                if not folder.exists():
                    folder.mkdir()
                    made.append(folder)
            if destination.exists():
                raise InitError(f"{destination} appeared while init was writing; nothing kept")
            os.replace(path, destination)
            moved.append(destination)
    except BaseException:
        for destination in moved:
            destination.unlink(missing_ok=True)
        for folder in reversed(made):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
