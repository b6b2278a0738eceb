"""Parsed files kept between loads of the same content, for previews that rebuild on save.

`mkdocs serve` loads the whole strategy again after every save, and most of a load is
ruamel.yaml reading front matter that did not change. A `ParseCache` handed to
`load_strategy` keeps every YAML document it parsed, by file and by the digest of the
text parsed, with the problems its reading logged. A document whose text is the same as
last time is not parsed again: its result is reused and its problems are logged again,
so a file with a mistake reports it on every load, as a fresh load would. A changed
text is parsed afresh, and the files a load no longer reads (deleted ones) drop out.

Only the parsing is kept: every check that looks beyond one document (a link to another
section, a version's status) runs on every load, so `check` and a preview cannot
disagree. The parsed documents are shared between loads and must not be changed by
their readers (nothing in `content/` writes to one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import Problem, ProblemLog

_active: ContextVar[ParseCache | None] = ContextVar("strategy_parse_cache", default=None)


@dataclass(frozen=True)
class _Parsed:
    digest: bytes
    result: Any
    problems: tuple[Problem, ...]


class ParseCache:
    """YAML documents parsed by earlier loads, by (file, line offset)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, int], _Parsed] = {}
        self._read: set[tuple[Path, int]] = set()
        self.parsed = 0  # documents parsed by the last load (the others were reused)
        self.reused = 0

    @contextmanager
    def loading(self) -> Iterator[None]:
        """One load of the content: the documents it does not read are forgotten after."""
        self._read, self.parsed, self.reused = set(), 0, 0
        token = _active.set(self)
        try:
            yield
        finally:
            _active.reset(token)
            for key in set(self._entries) - self._read:
                del self._entries[key]

    def parse(
        self,
        text: str,
        path: Path,
        log: ProblemLog,
        line_offset: int,
        parse: Callable[[ProblemLog], Any],
    ) -> Any:
        key = (Path(path), line_offset)
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass")).digest()
        self._read.add(key)
        entry = self._entries.get(key)
        if entry is None or entry.digest != digest:
            own = ProblemLog()
            result = parse(own)
            entry = _Parsed(digest, result, tuple(own.problems))
            self._entries[key] = entry
            self.parsed += 1
        else:
            self.reused += 1
        log.problems.extend(entry.problems)
        return entry.result

    def __len__(self) -> int:
        return len(self._entries)


def active() -> ParseCache | None:
    """The cache of the load running now, if it was given one."""
    return _active.get()
