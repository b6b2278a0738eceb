"""Building sites for the tests: a copy of a project, built by MkDocs in a fresh process.

A fresh process per build keeps the test process free of MkDocs' global state (logging,
plugins, the working folder), and lets two builds run with different hash seeds, so that
the reproducibility test also catches output that depends on set or dict ordering.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

from conftest import without_pdfs

REPO = Path(__file__).resolve().parents[2]

# The build date of every test site: 1 April 2020, while the example's consultation is
# open, so that pages show the richest banner (dates, reference number, how to respond).
SOURCE_DATE_EPOCH = int(datetime(2020, 4, 1, 12, tzinfo=UTC).timestamp())


class BuildFailed(Exception):
    pass


def copy_project(
    target: Path,
    strategy: Path = REPO / "strategy",
    docs: Path | dict[str, str | bytes] = REPO / "docs",
    pdf: bool = False,
) -> Path:
    """A project folder `target` with the repository's mkdocs.yml, `strategy` and `docs`.

    `docs` is a folder to copy or a mapping of file names to contents. The PDFs are
    made only with `pdf` (the example's own build): they take most of a build's time.
    """
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    if not pdf:
        without_pdfs(target / "mkdocs.yml")
    shutil.copytree(strategy, target / "strategy")
    if isinstance(docs, Path):
        shutil.copytree(docs, target / "docs")
    else:
        (target / "docs").mkdir()
        for name, content in docs.items():
            path = target / "docs" / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    return target


def build(
    project: Path,
    site_dir: Path,
    epoch: int = SOURCE_DATE_EPOCH,
    hash_seed: str = "0",
    engine: tuple[str, ...] = (sys.executable, "-m", "mkdocs"),
    strict: bool = False,
) -> Path:
    """Build `project` into `site_dir` as `mkdocs build` would, on the day of `epoch`
    (`engine`: the command that builds, such as ProperDocs' in another environment)."""
    env = dict(os.environ)
    env.update(
        SOURCE_DATE_EPOCH=str(epoch),
        NO_MKDOCS_2_WARNING="1",
        PYTHONHASHSEED=hash_seed,
    )
    command = [
        *engine,
        "build",
        "--quiet",
        *(["--strict"] if strict else []),
        "--config-file",
        str(project / "mkdocs.yml"),
        "--site-dir",
        str(site_dir),
    ]
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=1800, check=False
    )
    if result.returncode != 0 or not (site_dir / "index.html").is_file():
        raise BuildFailed(
            f"{' '.join(engine)} build of {project} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return site_dir


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its tags (!ENV, !!python/name: ...)."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url(project: Path) -> str:
    """The `site_url` of the project's mkdocs.yml, with a trailing slash."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), _AnyTagLoader)
    url = (config or {}).get("site_url") or "http://localhost/"
    return url if url.endswith("/") else url + "/"
