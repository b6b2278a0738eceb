"""Session fixtures: the example site, built once; its server; one browser; the sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, sync_playwright

from conftest import made_once

from .chromium import MISSING, launch
from .pages import SamplePage, sample_pages, site_pages
from .sample_visit import SampleVisit, visit_sample
from .site_build import build, copy_project, site_url
from .site_server import serve

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


TIMINGS: list[str] = []  # what the one visit per page took, for the summary


def pytest_terminal_summary(terminalreporter) -> None:
    for line in TIMINGS:
        terminalreporter.write_line(line)
    # Under xdist the skips happen in the workers: their reports reach this process.
    skipped = [
        report.longrepr[2]
        for report in terminalreporter.stats.get("skipped", [])
        if "tests/browser/" in report.nodeid and isinstance(report.longrepr, tuple)
    ]
    messages = set(MISSING) | {str(message) for message in skipped}
    if messages:
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED, NOT PASSED", red=True, bold=True)
        for message in sorted(messages):
            terminalreporter.write_line(message, red=True, bold=True)


@pytest.fixture(scope="session")
def example_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the example is copied and built: one folder for the whole run, shared by the
    test workers, so that the example, PDFs included, is built once and not once per
    worker that runs browser tests."""

    def make(folder: Path) -> None:
        copy_project(folder / "project", pdf=True)
        build(folder / "project", folder / "site", hash_seed="1")

    return made_once(tmp_path_factory, "example", make)


@pytest.fixture(scope="session")
def example_project(example_folder: Path) -> Path:
    """A copy of the repository's own mkdocs.yml, strategy/ and docs/, PDFs included (the
    pages as published link them, and the link checker follows those links). Shared by
    the workers: read it, copy it, never change it."""
    return example_folder / "project"


@pytest.fixture(scope="session")
def example_site(example_folder: Path) -> Path:
    """The example site, built once per run with the fixed SOURCE_DATE_EPOCH; shared by
    the workers like the project."""
    return example_folder / "site"


@pytest.fixture(scope="session")
def plain_example_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example without its PDFs, for the tests that build it again and compare whole
    sites (reproducibility, ProperDocs): the PDFs are seven eighths of a build's time, and
    tests/test_pdf.py checks that they come out the same from another folder and seed."""
    return copy_project(tmp_path_factory.mktemp("plain-example") / "project")


@pytest.fixture(scope="session")
def plain_example_site(plain_example_project: Path) -> Path:
    return build(plain_example_project, plain_example_project.parent / "site", hash_seed="1")


@pytest.fixture(scope="session")
def example_site_url(example_project: Path) -> str:
    """Where the example is published (mkdocs.yml's site_url)."""
    return site_url(example_project)


@pytest.fixture(scope="session")
def sample(example_project: Path, example_site: Path) -> list[SamplePage]:
    return sample_pages(example_project, example_site)


@pytest.fixture(scope="session")
def every_page(example_site: Path) -> list[SamplePage]:
    """Every page of the example site that carries the site's own markup, and its 404s."""
    return site_pages(example_site)


@pytest.fixture(scope="session")
def example_server(example_site: Path, example_site_url: str) -> Iterator[str]:
    """The base URL of the example site served on 127.0.0.1 (also under the path of its
    site_url, as its 404 pages link from there)."""
    with serve(example_site, prefix=urlsplit(example_site_url).path) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One chromium for the whole session; each test opens its own context."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the repository root (git-ignored): screenshots and reports."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_visit(browser: Browser, example_server: str, sample) -> SampleVisit:
    """Every sample page visited once, settled, for the tests of requests, the policy and
    the headings (see sample_visit.py)."""
    return visit_sample(browser, example_server, sample)
