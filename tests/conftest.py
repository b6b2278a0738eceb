"""Shared test helpers: build real sites from fixture strategies into temporary folders."""

from __future__ import annotations

import builtins
import contextlib
import errno
import fcntl
import hashlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = REPO / "strategy"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The line of mkdocs.yml after which a test project's plugin options go.
PLUGIN_OPTIONS = "      content_dir: strategy\n"


# The order in which pytest-xdist hands out the test modules (`--dist loadfile
# --no-loadscope-reorder`, scripts/test): the longest job first, the every-page browser
# visit, so that it starts at once on one worker; then the modules that need no browser,
# so that the other worker works while the first builds the example site that the
# browser tests share (tests/browser/conftest.py); the other browser modules last.
LONGEST_FIRST = ("tests/browser/test_every_page.py",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.path.relative_to(REPO).as_posix()
        if path in LONGEST_FIRST:
            return 0
        return 2 if path.startswith("tests/browser/") else 1

    items.sort(key=rank)  # stable: within a rank, the order pytest collected


def without_pdfs(config: Path) -> None:
    """Switch the PDFs off in a project's mkdocs.yml: they are most of a build's time,
    and only the tests of the PDFs (tests/test_pdf.py) and the example's builds need them."""
    text = config.read_text(encoding="utf-8")
    assert PLUGIN_OPTIONS in text, "mkdocs.yml should name the strategy's content_dir"
    config.write_text(text.replace(PLUGIN_OPTIONS, PLUGIN_OPTIONS + "      pdf: false\n", 1))


def epoch(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()))


class SiteBuilder:
    """Builds a site from a strategy folder with the repository's own mkdocs.yml."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
        self.tmp_path = tmp_path
        self.monkeypatch = monkeypatch

    def project(
        self, strategy: Path, docs: dict[str, str] | None = None, pdf: bool = False
    ) -> Path:
        """A project folder: mkdocs.yml, docs/ and a copy of `strategy` as strategy/;
        the PDFs only with `pdf`."""
        project = self.tmp_path / "project"
        if project.exists():
            shutil.rmtree(project)
        project.mkdir()
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        if not pdf:
            without_pdfs(project / "mkdocs.yml")
        shutil.copytree(strategy, project / "strategy")
        if docs is None:
            shutil.copytree(REPO / "docs", project / "docs")
        else:
            (project / "docs").mkdir()
            for name, text in docs.items():
                (project / "docs" / name).write_text(text, encoding="utf-8")
        return project

    def build(self, project: Path, today: date = date(2020, 3, 15), strict: bool = True) -> Path:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        self.monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(today))
        self.monkeypatch.chdir(project)
        config = load_config(str(project / "mkdocs.yml"), strict=strict)
        # As `mkdocs build` runs it: MkDocs keeps a plugin object that has on_startup
        # across loads, so without this a build after an in-process preview is a preview.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return project / "site"


@pytest.fixture
def builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    return SiteBuilder(tmp_path, monkeypatch)


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    """A private copy of the basic fixture strategy, free to break."""
    target = tmp_path / "basic"
    shutil.copytree(FIXTURES / "basic", target)
    return target


def read(site: Path, path: str) -> str:
    """The HTML of the page at site path `path` ("v2/inledning/")."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def build_once(
    factory: pytest.TempPathFactory,
    strategy: Path,
    today: date,
    docs: dict[str, str] | None = None,
    pdf: bool = False,
) -> Path:
    """One site built for a whole test module (for module-scoped fixtures)."""
    monkeypatch = pytest.MonkeyPatch()
    try:
        builder = SiteBuilder(factory.mktemp("site"), monkeypatch)
        project = builder.project(strategy, docs=docs or {"om.md": "# Om\n"}, pdf=pdf)
        return builder.build(project, today)
    finally:
        monkeypatch.undo()


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once for the whole run by `make` and shared by the test workers
    (pytest-xdist's basetemp holds one folder per worker; this is beside them): the first
    worker to ask makes it under a lock, the others wait and read it. Read it, copy it,
    never change it."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (folder / ".made").is_file():
                for stale in folder.iterdir():
                    if stale.name != ".lock":
                        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
                make(folder)
                (folder / ".made").touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder


GUIDES = None  # `shared_site`'s docs: the repository's own docs/, guides and all


def shared_site(
    factory: pytest.TempPathFactory,
    strategy: Path,
    today: date,
    docs: dict[str, str] | None = {"om.md": "# Om\n"},  # noqa: B006 # read, never changed
) -> Path:
    """The site of an unchanged fixture strategy of the repository, built once per run for
    every module that asks for the same one (several modules read the lineage fixture's
    site of 1 April 2021). Never for a build with anything patched. `docs` are the
    hand-written pages, or GUIDES for the repository's own."""
    assert REPO in strategy.parents, "only the repository's own strategies are shared"
    pages = sorted(docs.items()) if docs is not None else "the repository's docs"
    key = hashlib.sha256(repr((str(strategy), today, pages)).encode())
    name = f"site-{strategy.name}-{today}-{key.hexdigest()[:8]}"

    def make(folder: Path) -> None:
        with pytest.MonkeyPatch.context() as monkeypatch:
            builder = SiteBuilder(folder, monkeypatch)
            builder.build(builder.project(strategy, docs=docs), today)

    return made_once(factory, name, make) / "project" / "site"


def run_mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in a process of its own, as an editor runs it."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [str(mkdocs), "build", "--strict"], cwd=project, capture_output=True, text=True, env=env
    )


def soup(site: Path, path: str):
    """The parsed HTML of the page at site path `path`."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(read(site, path), "html.parser")


@contextlib.contextmanager
def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`folder` cannot be written: no entry may be made, removed or renamed in it.

    For an ordinary user its mode says so. Root ignores modes (CI runs as root), so for
    root the calls that make, remove or rename an entry in `folder` fail as the kernel
    would fail them for anyone else: with EACCES, from the same functions."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    folder = folder.absolute()

    def denied(path: object) -> bool:
        target = Path(os.fsdecode(path)) if isinstance(path, (str, bytes, os.PathLike)) else None
        return target is not None and target.absolute().parent == folder

    def refuse(path: object) -> NoReturn:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))  # type: ignore[arg-type]

    def guard(real, creates=lambda *args, **kwargs: True):
        def call(path, *args, **kwargs):
            if denied(path) and creates(path, *args, **kwargs):
                refuse(path)
            return real(path, *args, **kwargs)

        return call

    def new_entry(path, *args, **kwargs) -> bool:
        return not os.path.lexists(path)

    def creating(path, flags, *args, **kwargs) -> bool:
        return bool(flags & os.O_CREAT) and not os.path.lexists(path)

    def opening(path, mode="r", *args, **kwargs) -> bool:
        return any(c in str(mode) for c in "wax+") and not os.path.lexists(path)

    monkeypatch.setattr(os, "mkdir", guard(os.mkdir, new_entry))
    monkeypatch.setattr(os, "open", guard(os.open, creating))
    monkeypatch.setattr(io, "open", guard(io.open, opening))
    monkeypatch.setattr(builtins, "open", guard(builtins.open, opening))
    for name in ("unlink", "remove", "rmdir"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))
    for name in ("rename", "replace", "symlink", "link"):
        real = getattr(os, name)

        def moved(src, dst, *args, _real=real, _name=name, **kwargs):
            if denied(dst) or (_name in ("rename", "replace") and denied(src)):
                refuse(dst if denied(dst) else src)
            return _real(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, name, moved)
    yield
