"""No request to any other host: fonts, scripts, styles, images, search, all local."""

from __future__ import annotations

from . import network
from .chromium import open_page
from .pages import visit


def test_every_request_goes_to_the_local_server(browser, example_server, sample) -> None:
    log = network.RequestLog()
    with open_page(browser, example_server) as page:
        log.attach(page)
        for entry in sample:
            log.page_label = entry.label
            visit(page, entry, settle=True)
    visited = {label for label, _ in log.requests}
    assert len(visited) == len(sample), "some sample pages made no request at all"
    foreign = network.foreign_requests(log.requests, example_server)
    assert not foreign, network.report(foreign)
