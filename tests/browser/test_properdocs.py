"""ProperDocs, a maintained fork of MkDocs 1.x, as a second engine: it builds the example
with `--strict` into the same site, byte for byte, as MkDocs does (the `generator` line
aside). No browser; it reuses the session's MkDocs build of the example without its PDFs.

ProperDocs runs in a virtual environment of its own, made in a temporary folder for the
run: properdocs at the release the bridge was written for (bridge.PROPERDOCS), installed
there alone, and everything else (Material, mkdocs-static-i18n, this project and their
dependencies) seen from the environment the tests run in, through a `.pth` file. So
both engines render with the very same theme and plugins, the test environment itself
does not get properdocs, and making the environment takes seconds (a full second
install took 151 s on the loaded 2-core machine). Material still requires the `mkdocs`
package, which is there too; ProperDocs' command redirects every `mkdocs.*` import to
its own modules (properdocs/replacement.py), so the plugins run on ProperDocs.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from strategy_site.mkdocs_plugin import bridge

from .chromium import unavailable
from .site_build import build

pytestmark = pytest.mark.properdocs

# MkDocs' and ProperDocs' <meta name="generator">: the one line the two sites may differ in.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def properdocs_environment(folder: Path) -> Path:
    """A virtual environment in `folder` with properdocs and, behind it, every package of
    the running environment; returns its Python."""
    shared = sysconfig.get_paths()["purelib"]  # the test environment's site-packages
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    install = [
        sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--target", own, f"properdocs=={bridge.PROPERDOCS[0]}",
    ]  # fmt: skip
    result = subprocess.run(install, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        unavailable(
            f"properdocs {bridge.PROPERDOCS[0]} (from PyPI)",
            f"Installing it failed: {result.stderr.strip()[-2000:]}",
        )
    # After its own packages: the test environment's, with their .pth files (editable
    # installs), as `site` adds a site-packages folder.
    (Path(own) / "strategy-site-shared.pth").write_text(
        f"import site; site.addsitedir({shared!r})\n", encoding="utf-8"
    )
    return python


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def same_but_generator(first: Path, second: Path) -> bool:
    if filecmp.cmp(first, second, shallow=False):
        return True
    if first.suffix != ".html":
        return False
    a, b = first.read_bytes(), second.read_bytes()
    return len(GENERATOR.findall(a)) == 1 and GENERATOR.sub(b"", a) == GENERATOR.sub(b"", b)


def test_properdocs_builds_the_example_as_mkdocs_does(
    plain_example_project: Path, plain_example_site: Path, tmp_path: Path
) -> None:
    """Without the PDFs: the plugin makes them with WeasyPrint from the rendered text of
    the very pages compared here, so equal pages give equal PDFs (and the PDFs are seven
    eighths of a build's time)."""
    started = time.perf_counter()
    python = properdocs_environment(tmp_path / "venv")
    made = time.perf_counter()
    project = tmp_path / "project"
    shutil.copytree(plain_example_project, project)
    example_site = plain_example_site
    engine = (str(python), "-m", "properdocs")
    site = build(project, tmp_path / "site", hash_seed="1", engine=engine, strict=True)
    built = time.perf_counter()
    print(
        f"\nProperDocs: environment {made - started:.1f} s, "
        f"build --strict of the example {built - made:.1f} s"
    )

    html = (site / "index.html").read_text(encoding="utf-8")
    assert f'content="mkdocs-ProperDocs {bridge.PROPERDOCS[0]}' in html, "not built by ProperDocs"
    ours, theirs = files_of(example_site), files_of(site)
    assert len(ours) > 100
    differing = [
        name
        for name in sorted(ours & theirs)
        if not same_but_generator(example_site / name, site / name)
    ]
    assert not (ours - theirs or theirs - ours or differing), (
        f"only in MkDocs' build: {sorted(ours - theirs)[:10]}\n"
        f"only in ProperDocs' build: {sorted(theirs - ours)[:10]}\n"
        f"differ beyond the generator line: {differing[:10]}"
    )


def test_the_comparison_sees_a_difference(tmp_path: Path) -> None:
    """Guards the test above: the generator line is all it overlooks."""
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    mkdocs = b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">'
    properdocs = b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material">'
    first.write_bytes(b"<head>" + mkdocs + b"</head><p>1</p>")
    second.write_bytes(b"<head>" + properdocs + b"</head><p>1</p>")
    assert same_but_generator(first, second)
    second.write_bytes(b"<head>" + properdocs + b"</head><p>2</p>")
    assert not same_but_generator(first, second)
