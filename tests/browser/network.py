"""Every request a page makes, and the ones that go anywhere but the local server."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Page, Request

LOCAL_SCHEMES = ("data", "blob", "about")


@dataclass
class RequestLog:
    """Attach to a page; records (page label, URL) for every request it makes, including
    those from its workers (Material's search) and those made after the load event."""

    page_label: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)
    # Pages visited side by side label their requests each with its own page's label.
    labels: dict[Page, str] = field(default_factory=dict)

    def attach(self, page: Page) -> RequestLog:
        page.on("request", lambda request: self._record(page, request))
        return self

    def _record(self, page: Page, request: Request) -> None:
        self.requests.append((self.labels.get(page, self.page_label), request.url))


def foreign_requests(requests: list[tuple[str, str]], base_url: str) -> list[tuple[str, str]]:
    """The (page, URL) pairs whose URL is not on the server at `base_url`."""
    server = urlsplit(base_url)
    foreign = []
    for label, url in requests:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            continue
        if (parts.scheme, parts.netloc) != (server.scheme, server.netloc):
            foreign.append((label, url))
    return foreign


def report(foreign: list[tuple[str, str]]) -> str:
    lines = [f"{len(foreign)} requests went to another host than the local server:"]
    lines += [f"  {url}\n      made by {label}" for label, url in foreign]
    return "\n".join(lines)
