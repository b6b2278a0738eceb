"""Live preview: time from saving a section to the served page showing the change.

    .venv/bin/python benchmarks/serve_reload.py [--edits 5] [--sections N]

Copies the repository's mkdocs.yml, strategy/ and docs/ into a temporary folder (or,
with --sections N, generates a synthetic strategy of four versions with N sections
each, as build_speed.py does), starts `mkdocs serve` there on a free port, waits for the
first build, and then, --edits times, appends a new paragraph holding one unique word to
a Swedish section file of the adopted version and polls the served page of that section
every 20 ms until it contains the word. Prints each time and the median; the target
(issue 11) is under 0.5 s at 100 sections a version. The server (its whole process
group) is stopped at the end. Nothing in the repository is touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

from strategy_site.content.loader import load_strategy  # noqa: E402
from strategy_site.model import ADOPTED  # noqa: E402

TARGET_SECONDS = 0.5  # issue 11: save to reloaded page at 100 sections a version
POLL_SECONDS = 0.02


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, contains: str | None, timeout: float, server: subprocess.Popen) -> float:
    """Seconds until `url` answers (and contains `contains`); polls every 20 ms."""
    start = time.perf_counter()
    while True:
        page = fetch(url)
        if page is not None and (contains is None or contains in page):
            return time.perf_counter() - start
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve exited with {server.returncode}")
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{url} did not show {contains!r} within {timeout:.0f} s")
        time.sleep(POLL_SECONDS)


def prepare(folder: Path, sections: int | None, mkdocs_yml: Path) -> None:
    shutil.copy(mkdocs_yml, folder / "mkdocs.yml")
    shutil.copytree(REPO / "docs", folder / "docs")
    if sections is None:
        shutil.copytree(REPO / "strategy", folder / "strategy")
    else:
        synthetic.write_strategy(folder, sections)


def stop(server: subprocess.Popen) -> None:
    """Ctrl-C first, so that mkdocs removes its temporary site; then harder."""
    for sig, wait in ((signal.SIGINT, 10), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if server.poll() is not None:
            return
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=5, help="how many saves to time")
    parser.add_argument(
        "--sections", type=int, help="a synthetic strategy with N sections per version"
    )
    parser.add_argument("--timeout", type=float, default=300, help="seconds per wait")
    parser.add_argument(
        "--full-rebuild",
        action="store_true",
        help="serve without --dirty (the README's preview command, scripts/build serve, uses it)",
    )
    parser.add_argument(
        "--mkdocs-yml",
        type=Path,
        default=REPO / "mkdocs.yml",
        help="use this mkdocs.yml instead of the repository's (to try a change)",
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="serve-reload-"))
    server = None
    log = None
    try:
        prepare(folder, args.sections, args.mkdocs_yml.resolve())
        with open(folder / "mkdocs.yml", encoding="utf-8") as f:
            config = yaml.safe_load(f)
        prefix = urlsplit(config.get("site_url") or "/").path
        if not prefix.endswith("/"):
            prefix += "/"
        strategy = load_strategy(folder / "strategy")
        adopted = [v for v in strategy.versions.values() if v.status == ADOPTED]
        if not adopted:
            raise SystemExit("the strategy has no adopted version")
        version = adopted[-1]
        # Sections spread over the version, leaves and parents alike.
        ids = list(version.sections)
        chosen = [ids[(k * len(ids)) // args.edits] for k in range(args.edits)]

        port = free_port()
        base = f"http://127.0.0.1:{port}{prefix}"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        log = open(folder / "serve.log", "wb")  # noqa: SIM115 (closed in finally)
        command = [
            sys.executable, "-m", "mkdocs", "serve",
            "--config-file", str(folder / "mkdocs.yml"),
            "--dev-addr", f"127.0.0.1:{port}",
        ] + ([] if args.full_rebuild else ["--dirty"])  # fmt: skip
        what = f"synthetic, {args.sections} sections per version" if args.sections else "example"
        what += ", full rebuilds" if args.full_rebuild else ", --dirty"
        if args.mkdocs_yml.resolve() != REPO / "mkdocs.yml":
            what += f", {args.mkdocs_yml}"
        print(f"mkdocs serve ({what}) on {base}, work folder {folder}")
        print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        started = time.perf_counter()
        server = subprocess.Popen(
            command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as a whole
        )  # fmt: skip
        wait_for(base, None, args.timeout, server)
        print(f"first build served after {time.perf_counter() - started:.1f} s")
        time.sleep(1)  # let the watcher settle after the first build

        times = []
        for k, section_id in enumerate(chosen):
            word = f"mätord{os.getpid()}x{k}"
            source = version.path / f"{section_id}.md"  # in the copy: loaded from there
            url = f"{base}{version.id}/{section_id}/"
            text = source.read_text(encoding="utf-8")
            with open(source, "w", encoding="utf-8") as f:
                f.write(text.rstrip("\n") + f"\n\n{word}\n")
            seconds = wait_for(url, word, args.timeout, server)
            times.append(seconds)
            print(f"  edit {k + 1}: {version.id}/{section_id}.md -> {url}: {seconds:.2f} s")
            time.sleep(1.5)  # let a rebuild still running finish before the next save
        median = statistics.median(times)
        verdict = "met" if median < TARGET_SECONDS else "MISSED"
        print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(
            f"median save-to-page {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}); "
            f"target < {TARGET_SECONDS:g} s: {verdict}"
        )
    finally:
        if server is not None:
            stop(server)
        if log is not None:
            log.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
