"""Content problems: what editors see when a file in `strategy/` is wrong.

Every check reports into a `ProblemLog` instead of raising, so that one run of
`strategi check` (or one build) lists every problem at once, each with the file, the
line, what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int | None  # 1-based; None when the problem concerns the file as a whole
    message: str
    hint: str = ""

    def location(self) -> str:
        shown = display_path(self.path)
        return f"{shown}:{self.line}" if self.line else shown

    def format(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f"\n    hint: {display_paths_in(self.hint)}"
        return text


def display_path(path: Path) -> str:
    """A path as the editor typed it: relative to where the command runs, if inside."""
    absolute = Path(path).absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def display_paths_in(text: str) -> str:
    """`text` with the paths in it under the working folder shown as display_path shows
    them: the build reads the content by its absolute path, `check` by the path typed,
    and both must give the editor the same words."""
    folder = str(Path.cwd())
    return text if folder == "/" else text.replace(folder + "/", "")


@dataclass
class ProblemLog:
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(path, line, message, hint))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)


class ContentError(Exception):
    """The content cannot be published as it is; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [p.format() for p in self.problems]
        lines.append(f"{plural(len(self.problems), 'problem')} in the strategy content.")
        return "\n".join(lines)


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 version', '2 versions': the tools' messages, which are in English (the site's
    own words follow CLDR's plural rules: plan/texts.py)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _sort_key(problem: Problem) -> tuple[str, int, str]:
    return (str(problem.path), problem.line or 0, problem.message)
