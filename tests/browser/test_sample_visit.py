"""What one settled visit of every sample page shows (sample_visit.py): no request to any
other host (fonts, scripts, styles, images, search, all local), none that fails, no rule
of the site's content security policy broken, headings read without the permalink sign.

The tests live in one module so that pytest-xdist (`--dist loadfile`) makes the visit on
one worker only."""

from __future__ import annotations

from . import network


def test_every_request_goes_to_the_local_server(example_server, sample, sample_visit) -> None:
    log = sample_visit.requests
    visited = {label for label, _ in log.requests}
    assert visited == {entry.label for entry in sample}, "some sample pages made no request"
    foreign = network.foreign_requests(log.requests, example_server)
    assert not foreign, network.report(foreign)


def test_the_example_breaks_no_rule_of_its_policy(sample, sample_visit) -> None:
    assert set(sample_visit.policies.values()) == {1}, sample_visit.policies
    violations = [
        (url, text) for url, text in sample_visit.console if "Content Security Policy" in text
    ]
    assert not violations, violations
    assert any(entry.search for entry in sample), "the sample searches: the worker runs"


def test_no_page_makes_a_request_that_fails(sample_visit) -> None:
    """Material looks up a sitemap.xml next to every <link rel=alternate>: with links to
    pages that was a failing request for <page>/sitemap.xml on every page. The one such
    link left is the language's feed (`<lang>/feed.xml`), whose lookup finds the copy of
    the sitemap at the language's root; nothing else asks for one."""
    failed = sample_visit.failed
    assert not failed, "requests that failed:\n" + "\n".join(sorted(set(failed)))
    roots = {url.split("//", 1)[1].split("/", 1)[1] for url in sample_visit.sitemaps}
    assert roots <= {"sitemap.xml", "en/sitemap.xml"}, sorted(roots)


def test_headings_are_read_without_the_permalink_sign(sample, sample_visit) -> None:
    assert set(sample_visit.headings) == {entry.label for entry in sample if not entry.search}
    problems = [
        f"{label}: {name!r}"
        for label, names in sample_visit.headings.items()
        for name in names
        if "¶" in name
    ]
    problems += [
        f"{label}: {line.strip()}"
        for label, snapshot in sample_visit.snapshots.items()
        for line in snapshot.splitlines()
        if "heading" in line and "¶" in line.split("[level", 1)[0]
    ]
    assert not problems, "headings named with ¶:\n" + "\n".join(problems)
