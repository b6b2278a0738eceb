"""Under the Content-Security-Policy, a hostile page runs no script and contacts no other
host (that the example's own pages break no rule of the policy: test_sample_visit.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from . import network
from .chromium import open_page
from .site_build import REPO, build, copy_project
from .site_server import serve

# A hand-written page (docs/ is not checked like sections are), as an attacker would
# write it if they could: every way of running a script or calling another host.
HOSTILE_PAGE = """# Fientlig sida

<script>window.pwned = "inline script";</script>
<script src="https://evil.example/x.js"></script>
<img src="https://evil.example/pixel.gif" alt="pixel">
<img src="nothing.png" alt="broken" onerror="window.pwned = 'event handler'">
<div onmouseover="window.pwned = 'hover'" id="hover">Hover</div>
<iframe src="https://evil.example/frame" title="frame"></iframe>
<link rel="stylesheet" href="https://evil.example/style.css">
<svg><image href="https://evil.example/svg.png"></image></svg>
<object data="https://evil.example/object"></object>
<a id="js" href="javascript:window.pwned='link'">Länk</a>
<form action="https://evil.example/form"><button id="send">Skicka</button></form>
<div style="background-image: url(https://evil.example/bg.png)">Bakgrund</div>
"""

HOSTILE_TITLE = '"><img src=x onerror=window.pwned=1>'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    strategy = root / "strategy"
    shutil.copytree(REPO / "strategy", strategy)
    toc = strategy / "versions/remiss/version.yml"
    (toc.parent / "version.lock").unlink(missing_ok=True)  # a new hostile version, unfrozen
    text = toc.read_text(encoding="utf-8")
    toc.write_text(text.replace("  sv: Remissutkast\n", f"  sv: '{HOSTILE_TITLE}'\n", 1), "utf-8")
    project = copy_project(
        root / "project", strategy=strategy, docs={"fientlig.md": HOSTILE_PAGE, "om.md": "# Om\n"}
    )
    site = build(project, root / "site")
    with serve(site) as url:
        yield url


def console_violations(messages: list[str]) -> list[str]:
    return [m for m in messages if "Content Security Policy" in m]


def test_a_hostile_page_runs_no_script_and_calls_no_other_host(browser, hostile_server) -> None:
    log = network.RequestLog()
    messages: list[str] = []
    dialogs: list[str] = []
    failures: dict[str, str] = {}
    with open_page(browser, hostile_server) as page:
        log.attach(page)
        page.on("console", lambda message: messages.append(message.text))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on(
            "requestfailed", lambda request: failures.setdefault(request.url, request.failure or "")
        )
        for path in ("fientlig/", "remiss/", "remiss/inledning/", ""):
            log.page_label = path
            page.goto(path, wait_until="load")
            page.wait_for_load_state("networkidle")
            if path == "fientlig/":
                page.hover("#hover")
                page.click("#js")
                page.click("#send", no_wait_after=True)
                page.wait_for_timeout(300)
            assert page.evaluate("window.pwned") is None, path
    assert not dialogs
    # Chromium may announce a request that its policy then refuses: each one that names
    # another host must have failed on the policy, not on the test's own block.
    foreign = network.foreign_requests(log.requests, hostile_server)
    sent = [(label, url) for label, url in foreign if failures.get(url) != "csp"]
    assert not sent, (network.report(sent), failures)
    # The policy, not luck, stopped them: the browser reports what it refused.
    assert len(console_violations(messages)) >= 5, messages
