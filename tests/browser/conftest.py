"""Session fixtures: the example site, built once; its server; one browser; the sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, sync_playwright

from .chromium import MISSING, launch
from .pages import SamplePage, sample_pages, site_pages
from .site_build import build, copy_project, site_url
from .site_server import serve

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter) -> None:
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
def example_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's own mkdocs.yml, strategy/ and docs/, PDFs included (so
    the reproducibility test compares them too, and the link checker follows the links)."""
    return copy_project(tmp_path_factory.mktemp("example") / "project", pdf=True)


@pytest.fixture(scope="session")
def example_site(example_project: Path) -> Path:
    """The example site, built once per session with the fixed SOURCE_DATE_EPOCH."""
    return build(example_project, example_project.parent / "site", hash_seed="1")


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
