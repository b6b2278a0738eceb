"""No request to any other host: fonts, scripts, styles, images, search, all local."""

from __future__ import annotations

from . import network


def test_every_request_goes_to_the_local_server(example_server, sample, sample_visit) -> None:
    log = sample_visit.requests
    visited = {label for label, _ in log.requests}
    assert visited == {entry.label for entry in sample}, "some sample pages made no request"
    foreign = network.foreign_requests(log.requests, example_server)
    assert not foreign, network.report(foreign)
