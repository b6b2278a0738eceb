"""The package as a region gets it (issue 15): the sdist and the wheel build cleanly,
without writing into the source tree; the wheel, installed for real into a fresh
virtual environment outside the repository, starts a repository with `strategi init`
that checks and builds strictly.

The install takes the dependencies from pip's cache (or the package index), like any
installation; deselect with `-m 'not packaging'`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.packaging

PACKAGE = "plugins/strategy_site"


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
    return result.stdout + result.stderr


def untracked() -> set[str]:
    """Every untracked or ignored path in the repository, caches left out."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("the repository is not a git checkout")
    output = run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"], REPO)
    paths = {line[3:] for line in output.splitlines()}
    return {p for p in paths if "__pycache__" not in p and not p.startswith(".venv/")}


def tracked(under: str) -> set[str]:
    output = run(["git", "ls-files", under], REPO)
    return {line for line in output.splitlines() if line}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    before = untracked()
    started = time.monotonic()
    output = run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], REPO)
    print(f"sdist and wheel built in {time.monotonic() - started:.1f} s")
    assert "deprecat" not in output.lower(), output
    assert untracked() == before, "the build wrote into the source tree"
    return out


def test_the_wheel_and_sdist_hold_every_file_of_the_package(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    package = {path.removeprefix("plugins/") for path in tracked(PACKAGE)}
    templates = {p for p in package if not p.endswith(".py")}
    assert any("tools/starter/" in p for p in templates)
    assert any("plan/templates/" in p for p in templates)
    assert any("mkdocs_plugin/templates/" in p for p in templates)
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    assert package <= in_wheel, sorted(package - in_wheel)
    metadata = zipfile.ZipFile(wheel).read(
        next(n for n in in_wheel if n.endswith(".dist-info/METADATA"))
    )
    assert b"License-Expression: EUPL-1.2" in metadata
    with tarfile.open(sdist) as archive:
        root = archive.getnames()[0].split("/")[0]
        in_sdist = {name.removeprefix(root + "/") for name in archive.getnames()}
    assert tracked(PACKAGE) <= in_sdist
    assert {".pre-commit-hooks.yaml", "pyproject.toml", "README.md"} <= in_sdist


def test_an_installed_wheel_starts_a_site_that_builds(dist: Path, tmp_path: Path) -> None:
    """A real install into a new environment in a temporary folder: nothing of this
    repository or its .venv is on the path."""
    assert REPO not in tmp_path.parents
    (wheel,) = dist.glob("*.whl")
    environment = tmp_path / "venv"
    started = time.monotonic()
    # A new environment without pip of its own; this pip installs into it (`--python`),
    # dependencies and all, from pip's cache or the index. No byte-compiling: the
    # environment is thrown away after the test.
    venv.EnvBuilder(with_pip=False).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    pip = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python")]
    run(
        [*pip, "install", "--disable-pip-version-check", "-q", "--no-compile", str(wheel)],
        tmp_path,
        env,
    )
    installed = time.monotonic()
    where = run(
        [str(bin_dir / "python"), "-c", "import strategy_site; print(strategy_site.__file__)"],
        tmp_path,
        env,
    )
    assert str(environment) in where and str(REPO) not in where
    assert "0.1.0" in run([str(bin_dir / "strategi"), "--version"], tmp_path, env)

    run(
        [
            str(bin_dir / "strategi"),
            "init",
            "region",
            "--name",
            "Region Exempel",
            "--site-url",
            "https://example.org/strategi/",
            "--languages",
            "sv,en",
        ],
        tmp_path,
        env,
    )
    site = tmp_path / "region"
    assert "no problems found" in run([str(bin_dir / "strategi"), "check"], site, env)
    run([str(bin_dir / "mkdocs"), "build", "--strict"], site, env)
    finished = time.monotonic()
    print(
        f"venv and install {installed - started:.1f} s, init, check and strict build "
        f"{finished - installed:.1f} s"
    )
    assert (site / "site" / "utkast" / "inledning" / "index.html").is_file()
    assert (site / "site" / "en" / "tillganglighet" / "index.html").is_file()
    assert (site / "site" / "manifest.json").is_file()
