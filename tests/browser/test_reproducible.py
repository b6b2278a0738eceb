"""The same content gives the same site, byte for byte. No browser."""

from __future__ import annotations

import filecmp
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import without_pdfs

from .site_build import build


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_two_builds_in_different_folders_are_identical(example_project, tmp_path) -> None:
    # Two copies of the session's project (not of the working tree, which may have changed
    # since) in different folders, built into different folders at the same time by two
    # processes with different hash seeds, with the same SOURCE_DATE_EPOCH.
    jobs = []
    for name, seed in (("first", "1"), ("second", "2")):
        project = tmp_path / name / "project"
        shutil.copytree(example_project, project)
        # Without the PDFs, which are most of a build's time: tests/test_pdf.py builds its
        # PDFs twice, in two folders and with two hash seeds, and compares them.
        without_pdfs(project / "mkdocs.yml")
        jobs.append((project, tmp_path / name / "site", seed))
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda job: build(job[0], job[1], hash_seed=job[2]), jobs)
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
