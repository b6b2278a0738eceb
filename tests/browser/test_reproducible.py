"""The same content gives the same site, byte for byte (the PDFs: tests/test_pdf.py).
No browser."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from .site_build import build


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_two_builds_in_different_folders_are_identical(
    plain_example_project, plain_example_site, tmp_path
) -> None:
    # The session's build (hash seed 1) and a copy of the session's project (not of the
    # working tree, which may have changed since) in another folder, built into another
    # folder by another process with another hash seed and the same SOURCE_DATE_EPOCH.
    # Without the PDFs: tests/test_pdf.py builds those again elsewhere and compares them.
    project = tmp_path / "second" / "project"
    shutil.copytree(plain_example_project, project)
    first = plain_example_site
    second = build(project, tmp_path / "second" / "site", hash_seed="2")
    files_first, files_second = files_of(first), files_of(second)
    only_first = sorted(files_first - files_second)
    only_second = sorted(files_second - files_first)
    differing = [
        name
        for name in sorted(files_first & files_second)
        if not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    assert not (only_first or only_second or differing), (
        f"files only in the first build: {only_first}\n"
        f"files only in the second build: {only_second}\n"
        f"files that differ: {differing}"
    )
