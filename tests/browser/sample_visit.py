"""One visit of every sample page, settled (network idle, scrolled to the end, quiet), that
records what the four tests of test_sample_visit.py read: every request and where it
went, the responses that failed and the sitemaps asked for, the console's messages (the
Content-Security-Policy), and the names of the headings. One visit instead of four keeps
the suite inside CI's time; one module, so that only one test worker makes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page

from . import network
from .chromium import open_context
from .pages import SamplePage, finish_visit, start_visit
from .tabs import TABS

# Every heading's accessible name in the article: its aria-labelledby target, else its text.
HEADING_NAMES = (
    "hs => hs.map(h => h.hasAttribute('aria-labelledby')"
    " ? document.getElementById(h.getAttribute('aria-labelledby')).textContent"
    " : h.textContent)"
)


@dataclass
class SampleVisit:
    requests: network.RequestLog = field(default_factory=network.RequestLog)
    failed: list[str] = field(default_factory=list)  # "status URL" of responses >= 400
    sitemaps: set[str] = field(default_factory=set)  # sitemap.xml URLs asked for
    console: list[tuple[str, str]] = field(default_factory=list)  # (page URL, message)
    headings: dict[str, list[str]] = field(default_factory=dict)  # label -> heading names
    snapshots: dict[str, str] = field(default_factory=dict)  # label -> the article's ARIA
    policies: dict[str, int] = field(default_factory=dict)  # label -> policy <meta>s


def visit_sample(
    browser: Browser, base_url: str, sample: list[SamplePage], tabs: int = TABS
) -> SampleVisit:
    """`tabs` pages load side by side (each tab waits for the network to go quiet, which is
    most of a visit); each records under its own label."""
    found = SampleVisit()
    with open_context(browser, base_url) as context:
        pages = [context.new_page() for _ in range(tabs)]
        for page in pages:
            _record(page, found)
        for start in range(0, len(sample), tabs):
            batch = list(zip(pages, sample[start : start + tabs], strict=False))
            started = []
            for page, entry in batch:
                found.requests.labels[page] = entry.label
                started.append(start_visit(page, entry, settle=True))
            for (page, entry), requests in zip(batch, started, strict=True):
                finish_visit(page, entry, requests)
                _read(page, entry, found)
    return found


def _record(page: Page, found: SampleVisit) -> None:
    found.requests.attach(page)
    page.on("response", lambda r: r.status >= 400 and found.failed.append(f"{r.status} {r.url}"))
    page.on("request", lambda r: r.url.endswith("sitemap.xml") and found.sitemaps.add(r.url))
    page.on("console", lambda message: found.console.append((page.url, message.text)))


def _read(page: Page, entry: SamplePage, found: SampleVisit) -> None:
    found.policies[entry.label] = page.locator('meta[http-equiv="Content-Security-Policy"]').count()
    if entry.search:
        return
    article = page.locator("article")
    found.headings[entry.label] = article.get_by_role("heading").evaluate_all(HEADING_NAMES)
    found.snapshots[entry.label] = article.aria_snapshot()
