"""Finding, in git history, the source text a translation was made from.

A translation records the hash of its source text. Walking back through the commits
that touched the source file, the first version whose text has that hash is the text
the translator worked from; comparing it with today's text shows what to update.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..content.frontmatter import split_front_matter
from ..content.problems import ProblemLog
from ..content.yamlfile import parse_yaml
from ..derive.translations import text_hash


class HistoryUnavailable(Exception):
    """Git cannot answer: not a repository, git missing, or the hash is not in history."""


@dataclass(frozen=True)
class FoundText:
    commit: str
    date: str
    title: str
    body: str


def _git(folder: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise HistoryUnavailable("git is not installed on this machine") from error
    if result.returncode != 0:
        raise HistoryUnavailable(result.stderr.strip() or f"git {args[0]} failed")
    return result.stdout


def _title_and_body(text: str) -> tuple[str, str]:
    front, body, _ = split_front_matter(text)
    title = ""
    if front is not None:
        data = parse_yaml(front, Path("<history>"), ProblemLog())
        if isinstance(data, dict):
            title = str(data.get("title") or "")
    return title, body


def find_source_text(path: Path, wanted_hash: str) -> FoundText:
    """The committed text of `path` whose title and body hash to `wanted_hash`."""
    folder = path.parent
    try:
        _git(folder, "rev-parse", "--show-toplevel")
    except HistoryUnavailable as error:
        raise HistoryUnavailable(
            f"{path.parent} is not in a git repository, so the earlier text cannot be found"
        ) from error
    log = _git(folder, "log", "--follow", "--format=%H %cs", "--", path.name)
    name = _git(folder, "ls-files", "--full-name", "--", path.name).strip() or path.name
    for line in log.splitlines():
        commit, _, day = line.partition(" ")
        try:
            text = _git(folder, "show", f"{commit}:{name}")
        except HistoryUnavailable:
            # Renamed since: ask git for the name the file had in that commit.
            names = _git(folder, "show", "--format=", "--name-only", commit).splitlines()
            candidates = [n for n in names if n.endswith("/" + path.name) or n == path.name]
            if not candidates:
                continue
            text = _git(folder, "show", f"{commit}:{candidates[0]}")
        title, body = _title_and_body(text)
        if text_hash(title, body) == wanted_hash:
            return FoundText(commit, day, title, body)
    shallow = _git(folder, "rev-parse", "--is-shallow-repository").strip() == "true"
    if shallow:
        raise HistoryUnavailable(
            "this is a shallow clone and the text the translation was made from is not in "
            "the history it has; fetch the whole history with 'git fetch --unshallow'"
        )
    raise HistoryUnavailable(
        f"no committed version of {path.name} has the text the translation records "
        f"({wanted_hash}); the hash may come from an uncommitted text or another repository"
    )
