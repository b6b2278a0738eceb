"""One visit of every sample page, settled (network idle, scrolled to the end, quiet), that
records what the four tests of test_sample_visit.py read: every request and where it
went, the responses that failed and the sitemaps asked for, the console's messages (the
Content-Security-Policy), and the names of the headings. One visit instead of four keeps
the suite inside CI's time; one module, so that only one test worker makes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Browser

from . import network
from .chromium import open_page
from .pages import SamplePage, visit

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


def visit_sample(browser: Browser, base_url: str, sample: list[SamplePage]) -> SampleVisit:
    found = SampleVisit()
    with open_page(browser, base_url) as page:
        found.requests.attach(page)
        page.on(
            "response", lambda r: r.status >= 400 and found.failed.append(f"{r.status} {r.url}")
        )
        page.on("request", lambda r: r.url.endswith("sitemap.xml") and found.sitemaps.add(r.url))
        page.on("console", lambda message: found.console.append((page.url, message.text)))
        for entry in sample:
            found.requests.page_label = entry.label
            visit(page, entry, settle=True)
            found.policies[entry.label] = page.locator(
                'meta[http-equiv="Content-Security-Policy"]'
            ).count()
            if entry.search:
                continue
            article = page.locator("article")
            found.headings[entry.label] = article.get_by_role("heading").evaluate_all(HEADING_NAMES)
            found.snapshots[entry.label] = article.aria_snapshot()
    return found
