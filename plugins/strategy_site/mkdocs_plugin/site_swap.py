"""The last good site survives a failed build.

MkDocs empties `site_dir` before it reads the pages, so a problem found later (a
hand-written page at a generated address, a warning under `--strict`) would leave the
published folder empty or half-written. `mkdocs build` (and `gh-deploy`) therefore
build into a hidden folder beside it, `.site.building`, and only when the whole build
has succeeded, every language and the strict check included, is that folder moved into
place. A failed or interrupted build removes it and leaves `site/` as it was.

Two builds into one folder would mix their files: the second one is refused with a
message while the first holds `.site.lock`. `mkdocs serve` and `--dirty` builds keep
MkDocs' own behaviour (they reuse what is already in the folder).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock, the rest still holds
    fcntl = None  # type: ignore[assignment]


class SiteInUse(Exception):
    """Another build is writing into the same folder, or the folder cannot be written."""


class SafeSiteDir:
    def __init__(self) -> None:
        self.target: Path | None = None
        self.temporary: Path | None = None
        self.lock: int | None = None
        self.built = False
        self.failed = False

    @property
    def active(self) -> bool:
        return self.target is not None

    def mark_built(self) -> None:
        """Every language is written (a later error still counts: see `mark_failed`)."""
        self.built = True

    def mark_failed(self) -> None:
        """The build failed: `finish` keeps the old site."""
        self.failed = True

    def start(self, site_dir: str) -> str:
        """Take the folder's lock and return the temporary folder to build into."""
        if self.target is not None:  # i18n's build of one more language: already set up
            return str(self.temporary)
        target = Path(site_dir).absolute()
        temporary = target.parent / f".{target.name}.building"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.lock = self._take_lock(target.parent / f".{target.name}.lock", target)
            if temporary.exists():
                shutil.rmtree(temporary)  # left by a build that was killed
            temporary.mkdir()
        except OSError as error:
            self._release()
            raise SiteInUse(
                f"cannot write the site into {target}: {error.strerror or error}. Check that "
                "the folder and the one above it are writable, or build elsewhere with "
                "'mkdocs build -d <folder>'."
            ) from None
        self.target, self.temporary = target, temporary
        self.built = self.failed = False
        return str(temporary)

    @staticmethod
    def _take_lock(path: Path, target: Path) -> int | None:
        if fcntl is None:
            return None
        handle = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise SiteInUse(
                f"another build is writing into {target} right now; wait until it has "
                "finished and build again (two builds into one folder would mix their files)."
            ) from None
        return handle

    def finish(self) -> Path | None:
        """Move the new site into place if the build succeeded, else drop it. Returns the
        folder the site is in now, or None when nothing was published."""
        if self.target is None or self.temporary is None:
            return None
        target, temporary = self.target, self.temporary
        try:
            if self.built and not self.failed:
                self._replace(target, temporary)
                return target
            shutil.rmtree(temporary, ignore_errors=True)
            return None
        finally:
            self.target = self.temporary = None
            self._release()

    @staticmethod
    def _replace(target: Path, temporary: Path) -> None:
        previous = target.parent / f".{target.name}.previous"
        if previous.exists():
            shutil.rmtree(previous)
        try:
            if target.exists():
                target.rename(previous)
            temporary.rename(target)
        except OSError:  # e.g. `site/` is a mount point: replace what is inside it
            target.mkdir(exist_ok=True)
            for child in list(target.iterdir()):
                shutil.rmtree(
                    child
                ) if child.is_dir() and not child.is_symlink() else child.unlink()
            for child in list(temporary.iterdir()):
                child.rename(target / child.name)
            temporary.rmdir()
        shutil.rmtree(previous, ignore_errors=True)

    def _release(self) -> None:
        if self.lock is not None:
            os.close(self.lock)  # closing the file releases the lock
            self.lock = None
