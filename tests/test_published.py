"""Tamper-evident freezing: the site publishes its frozen versions' hashes, and
`strategi check --published` names every difference from the content about to be
deployed, whether the text, the lock or a published file changed."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from strategy_site.content.freezing import file_hash, freeze
from strategy_site.tools.cli import main

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def published(builder, tmp_path: Path) -> tuple[Path, Path]:
    """(the project's strategy folder, the site published from it with v1 frozen)."""
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    strategy = project / "strategy"
    (strategy / "versions/v1/karta.png").write_bytes(PNG)
    freeze(strategy / "versions/v1", date(2020, 1, 1))
    site = builder.build(project)
    return strategy, site


def check(strategy: Path, target: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--content", str(strategy), "--published", target])
    return result.exit_code, result.output


def test_the_site_publishes_each_frozen_versions_hashes(published) -> None:
    strategy, site = published
    data = json.loads((site / "manifest.json").read_text())
    files = data["versions"]["v1"]["files"]
    assert list(data["versions"]) == ["v1"]
    assert files["skog.md"] == file_hash(strategy / "versions/v1/skog.md")
    assert files["karta.png"] == hashlib.sha256((site / "v1/karta.png").read_bytes()).hexdigest()
    assert "version.yml" in files and "version.lock" not in files


def test_unchanged_content_matches(published) -> None:
    strategy, site = published
    code, output = check(strategy, str(site))
    assert code == 0, output
    assert f"The frozen versions match what is published at {site}." in output


def test_a_changed_text_with_a_changed_lock_is_named(published) -> None:
    strategy, site = published
    section = strategy / "versions/v1/skog.md"
    old = file_hash(section)
    section.write_text(section.read_text() + "\nEn mening till.\n")
    lock = strategy / "versions/v1/version.lock"
    lock.write_text(lock.read_text().replace(old, file_hash(section)))
    code, output = check(strategy, str(site))
    assert code == 1
    assert "v1/skog.md: has changed since it was published" in output
    assert "1 difference from what is published at" in output


def test_a_deleted_lock_and_an_edit_are_named(published) -> None:
    strategy, site = published
    (strategy / "versions/v1/version.lock").unlink()
    section = strategy / "versions/v1/halsa.md"
    section.write_text(section.read_text() + "\nEn mening till.\n")
    (strategy / "versions/v1/karta.png").rename(strategy / "versions/v1/karta2.png")
    code, output = check(strategy, str(site))
    assert code == 1, output
    lines = [line for line in output.splitlines() if line.startswith("v1")]
    assert lines == [
        "v1: was published frozen, but its version.lock is gone: restore it from git (the "
        "published text may not change)",
        "v1/halsa.md: has changed since it was published",
        "v1/karta.png: was published, but is gone from the content",
        "v1/karta2.png: was added after the version was published",
    ]


def test_a_changed_published_file_is_named(published) -> None:
    strategy, site = published
    (site / "v1/karta.png").write_bytes(PNG + b"tracking")
    code, output = check(strategy, str(site))
    assert code == 1
    assert "v1/karta.png: the published file differs from the manifest" in output


def test_a_published_site_over_http(published) -> None:
    strategy, site = published
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        assert check(strategy, url)[0] == 0
        (site / "v1/karta.png").write_bytes(PNG + b"x")
        code, output = check(strategy, url)
        assert code == 1 and "v1/karta.png: the published file differs from the manifest" in output
        code, output = check(strategy, url + "saknas/")
        assert code == 1 and "cannot read" in output and "Traceback" not in output
    finally:
        server.shutdown()
        server.server_close()


def test_no_published_site_is_a_message(published, tmp_path: Path) -> None:
    strategy, _ = published
    code, output = check(strategy, str(tmp_path / "nowhere"))
    assert code == 1
    assert "Error: cannot read" in output and "manifest.json" in output
