"""A real `mkdocs serve` on a free port, as an editor runs it, stopped whatever happens."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP = 120  # seconds for the first build on a loaded machine
REBUILD = 90  # seconds for a rebuild to show


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def mkdocs_serve(project: Path, *options: str) -> Iterator[str]:
    """`mkdocs serve` in `project`; yields the site's address
    (http://127.0.0.1:<port>/smart-specialisering/). The server runs in a process group
    of its own, which is ended (and killed if it lingers) when the block exits."""
    port = free_port()
    mkdocs = Path(sys.executable).parent / "mkdocs"
    log = (project / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(mkdocs), "serve", "-a", f"127.0.0.1:{port}", *options],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/smart-specialisering/"
        wait_for(lambda: _answers(base), STARTUP, project, "the server to start")
        yield base
    finally:
        _stop(process)
        log.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def _answers(url: str) -> bool:
    try:
        fetch(url, timeout=5)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


def fetch(url: str, timeout: float = 30) -> str:
    """The page at `url` (an error page with status 404 too)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], seconds: float, project: Path, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    log = (project / "serve.log").read_text(encoding="utf-8")[-3000:]
    raise AssertionError(f"waited {seconds} s for {what}; the server said:\n{log}")
