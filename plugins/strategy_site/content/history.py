"""Earlier committed texts of a content file, read from git history.

A translation records only the hash of the source text it was made from; to say what
changed since (and when), that text must be found again among the file's commits. This
module only reads git: which text counts as "the one" is the caller's test. Without git
(a tarball, git not installed, a shallow clone) it raises `HistoryUnavailable` with a
reason, and callers degrade to what they know without history.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .frontmatter import split_front_matter
from .problems import ProblemLog
from .yamlfile import parse_yaml


class HistoryUnavailable(Exception):
    """Git cannot answer: not a repository, git missing, or the text is not in history."""


class GitMissing(HistoryUnavailable):
    """The `git` program cannot be run at all."""


GIT_MISSING = (
    "git is not installed on this machine (or not on the PATH), so the earlier text "
    "cannot be found; install git (for example 'apt-get install git') and run the "
    "command again"
)


@dataclass(frozen=True)
class FoundText:
    commit: str
    date: str  # the commit's date, YYYY-MM-DD
    title: str
    body: str
    # The first later commit that changed the file (when the change began), and its date;
    # None when the file's change since is not committed yet.
    changed_in: str | None = None
    changed_on: str | None = None


def _git(folder: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except (FileNotFoundError, PermissionError) as error:
        raise GitMissing(GIT_MISSING) from error
    if result.returncode != 0:
        raise HistoryUnavailable(result.stderr.strip() or f"git {args[0]} failed")
    return result.stdout


def title_and_body(text: str) -> tuple[str, str]:
    """A section file's title (from its front matter) and body."""
    front, body, _ = split_front_matter(text)
    title = ""
    if front is not None:
        data = parse_yaml(front, Path("<history>"), ProblemLog())
        if isinstance(data, dict):
            title = str(data.get("title") or "")
    return title, body


def _committed_text(folder: Path, commit: str, name: str, file_name: str) -> str | None:
    """The file's text in `commit`, under its name then (it may have been renamed since)."""
    try:
        return _git(folder, "show", f"{commit}:{name}")
    except HistoryUnavailable:
        names = _git(folder, "show", "--format=", "--name-only", commit).splitlines()
        candidates = [n for n in names if n.endswith("/" + file_name) or n == file_name]
        if not candidates:
            return None
        return _git(folder, "show", f"{commit}:{candidates[0]}")


def find_committed(path: Path, wanted: Callable[[str, str], bool], what: str) -> FoundText:
    """The newest committed text of `path` whose (title, body) `wanted` accepts.

    `what` names the text sought, for the message when it is not in history."""
    folder = path.parent
    try:
        _git(folder, "rev-parse", "--show-toplevel")
    except GitMissing:
        raise
    except HistoryUnavailable as error:
        raise HistoryUnavailable(
            f"{path.parent} is not in a git repository, so the earlier text cannot be found"
        ) from error
    log = _git(folder, "log", "--follow", "--format=%H %cs", "--", path.name)
    name = _git(folder, "ls-files", "--full-name", "--", path.name).strip() or path.name
    later: tuple[str, str] | None = None
    for line in log.splitlines():
        commit, _, day = line.partition(" ")
        text = _committed_text(folder, commit, name, path.name)
        if text is None:
            continue
        title, body = title_and_body(text)
        if wanted(title, body):
            changed_in, changed_on = later if later is not None else (None, None)
            return FoundText(commit, day, title, body, changed_in, changed_on)
        later = (commit, day)
    shallow = _git(folder, "rev-parse", "--is-shallow-repository").strip() == "true"
    if shallow:
        raise HistoryUnavailable(
            f"this is a shallow clone and {what} is not in the history it has; fetch the "
            "whole history with 'git fetch --unshallow'"
        )
    raise HistoryUnavailable(
        f"no committed version of {path.name} has {what}; it may come from an uncommitted "
        "text or another repository"
    )
