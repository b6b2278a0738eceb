"""Build speed as the strategy grows: our plugin against a plain Material + i18n site.

    .venv/bin/python benchmarks/build_speed.py [--sizes 25,100,400] [--repeat 3]

For each N it generates a synthetic strategy of four versions with N sections each
(benchmarks/synthetic.py) into a temporary folder, with the repository's mkdocs.yml and
docs/, checks it with `load_strategy`, and builds it with `mkdocs build --strict` in a
fresh process per run. It builds a plain mkdocs-material + mkdocs-static-i18n site of the
same Markdown the same way (every section an ordinary page, docs/<version>/<section>.md
with an .en.md twin; the same theme, extensions and i18n settings; no strategy plugin).

Reported per site and N: pages written (index.html files), wall time (median of the
runs), ms per page, peak resident memory of the build process (max over the runs, from
os.wait4's rusage of that one child), and our ms/page over plain ms/page. Then the
targets: ms/page at the largest N <= 1.2 x ms/page at the smallest; ours <= 1.3 x plain
per page; peak memory < 1 GB at the largest N (the issue names N=25 and N=400).

The PDFs (issue 17) are measured apart: "ours" is built with `pdf: false`, so that its
targets are the site's, and for the sizes in --pdf-sizes (the smallest N by default: a
PDF page costs far more than a web page) the same project is built again with the PDFs,
as "pdf". Reported: the PDFs' pages, the processor time the build spent making them
(the plugin's own log line per language) and that time per PDF page, and the whole
build's wall and processor time (on a shared machine the wall time is mostly waiting).

A hand-run benchmark, never a timed test: other processes on the machine change the
figures. Nothing in the repository is written.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

from strategy_site.content.loader import load_strategy  # noqa: E402
from strategy_site.content.problems import ContentError  # noqa: E402

FLATNESS_TARGET = 1.2  # ms/page at the largest N over ms/page at the smallest
PLAIN_TARGET = 1.3  # our ms/page over plain ms/page
MEMORY_TARGET_MB = 1024  # peak at the largest N


@dataclass
class Run:
    seconds: float
    peak_mb: float
    pages: int
    pdf_pages: int = 0  # pages of the PDFs the build made
    pdf_seconds: float = 0.0  # the processor time it spent making them (its log lines)
    cpu_seconds: float = 0.0  # the whole build's processor time (user + system)


@dataclass
class Result:
    site: str
    n: int
    runs: list[Run]

    @property
    def pages(self) -> int:
        return self.runs[-1].pages

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)

    @property
    def pdf_pages(self) -> int:
        return self.runs[-1].pdf_pages

    @property
    def pdf_seconds(self) -> float:
        return statistics.median(r.pdf_seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)


# -- the sites -----------------------------------------------------------------------


MKDOCS_YML = REPO / "mkdocs.yml"  # --mkdocs-yml replaces it, to try a change
PLUGIN_OPTIONS = "      content_dir: strategy\n"  # the strategy plugin's first option line
# The plugin's line per language: "PDFs (sv): 123 pages in 45.6 s (40.1 s of CPU)". The
# processor time, not the wall time: on a shared machine the wall time is mostly waiting.
PDF_LOG = re.compile(r"PDFs \([^)]+\): (\d+) pages in [\d.]+ s \(([\d.]+) s of CPU\)")


def set_pdf(config: Path, on: bool) -> None:
    """Switch the PDFs on or off in a project's mkdocs.yml."""
    text = config.read_text(encoding="utf-8")
    text = text.replace(PLUGIN_OPTIONS + "      pdf: false\n", PLUGIN_OPTIONS)
    if not on:
        if PLUGIN_OPTIONS not in text:
            raise SystemExit(f"{config}: no '{PLUGIN_OPTIONS.strip()}' line to put 'pdf:' after")
        text = text.replace(PLUGIN_OPTIONS, PLUGIN_OPTIONS + "      pdf: false\n", 1)
    config.write_text(text, encoding="utf-8")


def make_ours(root: Path, n: int, seed: int) -> tuple[list[synthetic.GenVersion], str]:
    """The repository's mkdocs.yml and docs/, with a synthetic strategy/."""
    root.mkdir(parents=True)
    shutil.copy(MKDOCS_YML, root / "mkdocs.yml")
    set_pdf(root / "mkdocs.yml", on=False)  # the site's own targets; the PDFs apart
    shutil.copytree(REPO / "docs", root / "docs")
    versions, stats = synthetic.write_strategy(root, n, seed)
    content_dir = _strategy_plugin_options().get("content_dir", "strategy")
    if content_dir != "strategy":
        raise SystemExit(f"mkdocs.yml's strategy plugin reads '{content_dir}', not 'strategy'")
    try:
        strategy = load_strategy(root / "strategy")
    except ContentError as error:
        raise SystemExit(
            f"The generated strategy (N={n}) does not load:\n{error.report()}"
        ) from None
    sizes = [len(v.sections) for v in strategy.versions.values()]
    summary = (
        f"{stats.sections} sections ({'/'.join(map(str, sizes))}), {stats.words:,} words, "
        f"translations {stats.current} current / {stats.outdated} outdated / "
        f"{stats.missing} missing, {stats.inputs} input items"
    )
    return versions, summary


def make_plain(root: Path, versions: list[synthetic.GenVersion]) -> None:
    """The same Markdown as ordinary pages; mkdocs.yml without the strategy plugin."""
    root.mkdir(parents=True)
    shutil.copytree(REPO / "docs", root / "docs")
    synthetic.write_plain_docs(root / "docs", versions)
    with open(MKDOCS_YML, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    config["plugins"] = [p for p in config["plugins"] if _plugin_name(p) != "strategy"]
    with open(root / "mkdocs.yml", "w", encoding="utf-8") as f:
        yaml.safe_dump(config, f, allow_unicode=True, sort_keys=False)


def _plugin_name(entry: object) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))  # type: ignore[arg-type]


def _strategy_plugin_options() -> dict:
    with open(MKDOCS_YML, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "strategy" in entry:
            return entry["strategy"] or {}
    return {}


# -- building --------------------------------------------------------------------------


def build_env() -> dict[str, str]:
    return dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH=str(synthetic.SOURCE_DATE_EPOCH),
    )


def timed_build(project: Path, site: Path, log: Path) -> Run:
    """One `mkdocs build --strict` in a fresh process: wall time and that process's peak
    resident memory (os.wait4 returns the rusage of exactly this child)."""
    if site.exists():
        shutil.rmtree(site)
    command = [
        sys.executable, "-m", "mkdocs", "build", "--strict",
        "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site),
    ]  # fmt: skip
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=project, env=build_env(), stdout=out, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        output = log.read_text(encoding="utf-8", errors="replace")
        raise SystemExit(
            f"mkdocs build failed in {project} (exit {process.returncode}):\n{output[-4000:]}"
        )
    pages = sum(1 for _ in site.rglob("index.html"))
    made = PDF_LOG.findall(log.read_text(encoding="utf-8", errors="replace"))
    pdf_pages, pdf_seconds = sum(int(p) for p, _ in made), sum(float(s) for _, s in made)
    # ru_maxrss is in KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, pages, pdf_pages, pdf_seconds, cpu)


def measure(site: str, project: Path, n: int, repeat: int) -> Result:
    result = Result(site, n, [])
    for k in range(repeat):
        run = timed_build(project, project / "site", project / f"build-{k + 1}.log")
        result.runs.append(run)
        print(
            f"  {site:5} N={n:<4} run {k + 1}/{repeat}: {run.seconds:6.2f} s, "
            f"{run.pages} pages, {run.peak_mb:.0f} MB",
            flush=True,
        )
    return result


# -- the report ------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(results: dict[tuple[str, int], Result], sizes: list[int], sites: list[str]) -> None:
    print()
    header = f"{'site':5}  {'N':>4}  {'pages':>6}  {'total s':>8}  {'ms/page':>8}  {'peak MB':>8}"
    if "ours" in sites and "plain" in sites:
        header += f"  {'ours/plain per page':>19}"
    print(header)
    print("-" * len(header))
    for n in sizes:
        for site in sites:
            r = results[(site, n)]
            line = (
                f"{site:5}  {n:>4}  {r.pages:>6}  {r.seconds:>8.2f}  {r.ms_per_page:>8.2f}  "
                f"{r.peak_mb:>8.0f}"
            )
            if site == "ours" and "plain" in sites:
                line += f"  {r.ms_per_page / results[('plain', n)].ms_per_page:>19.2f}"
            print(line)
    print()
    small, large = min(sizes), max(sizes)
    print("Targets:")
    for site in sites:
        if small == large:
            break
        flat = results[(site, large)].ms_per_page / results[(site, small)].ms_per_page
        target = f"<= {FLATNESS_TARGET}" if site == "ours" else "(reference, no target)"
        status = f"  {verdict(flat <= FLATNESS_TARGET)}" if site == "ours" else ""
        print(f"  flatness {site:5} ms/page N={large} / N={small}: {flat:.2f}  {target}{status}")
    if "ours" in sites and "plain" in sites:
        for n in sizes:
            ratio = results[("ours", n)].ms_per_page / results[("plain", n)].ms_per_page
            print(
                f"  ours / plain ms/page at N={n}: {ratio:.2f}  <= {PLAIN_TARGET}  "
                f"{verdict(ratio <= PLAIN_TARGET)}"
            )
    for site in sites:
        peak = results[(site, large)].peak_mb
        print(
            f"  peak memory {site:5} at N={large}: {peak:.0f} MB  < {MEMORY_TARGET_MB} MB  "
            f"{verdict(peak < MEMORY_TARGET_MB)}"
        )
    if small != 25 or large != 400:
        print("  (the issue's targets are stated for N=25 and N=400)")
    pdf_sizes = [n for n in sizes if ("pdf", n) in results]
    if pdf_sizes:
        print()
        print("PDFs (the same project with 'pdf: true'; no target, reported):")
    for n in pdf_sizes:
        r = results[("pdf", n)]
        per_page = 1000 * r.pdf_seconds / r.pdf_pages if r.pdf_pages else float("nan")
        line = (
            f"  N={n}: {r.pdf_pages} PDF pages made in {r.pdf_seconds:.1f} s of CPU, "
            f"{per_page:.0f} ms per PDF page; whole build {r.seconds:.1f} s "
            f"({r.cpu_seconds:.1f} s of CPU)"
        )
        if ("ours", n) in results:
            ours = results[("ours", n)]
            line += f"; without PDFs {ours.seconds:.1f} s ({ours.cpu_seconds:.1f} s of CPU)"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25,100,400", help="sections per version, e.g. 25,100")
    parser.add_argument("--repeat", type=int, default=3, help="builds per site and N (median)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic content")
    parser.add_argument(
        "--only", choices=("ours", "plain", "pdf"), help="build only one of the sites"
    )
    parser.add_argument(
        "--pdf-sizes",
        help="the N to build with PDFs too (default: the smallest N; 'none' for none)",
    )
    parser.add_argument(
        "--keep", metavar="DIR", help="generate into DIR and keep it (e.g. to profile a build)"
    )
    parser.add_argument(
        "--mkdocs-yml",
        type=Path,
        help="use this mkdocs.yml instead of the repository's, for both sites (to try a change)",
    )
    args = parser.parse_args()
    if args.mkdocs_yml:
        global MKDOCS_YML
        MKDOCS_YML = args.mkdocs_yml.resolve()
        print(f"mkdocs.yml: {MKDOCS_YML}")
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    sites = [args.only] if args.only else ["ours", "plain"]
    if args.pdf_sizes == "none":
        pdf_sizes: set[int] = set()
    elif args.pdf_sizes:
        pdf_sizes = {int(s) for s in args.pdf_sizes.split(",") if s.strip()}
    else:
        pdf_sizes = {min(sizes)}
    if args.only not in (None, "pdf"):
        pdf_sizes = set()

    if args.keep:
        work = Path(args.keep).resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="build-speed-"))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, work folder {work}")
    print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results: dict[tuple[str, int], Result] = {}
    try:
        for n in sizes:
            ours, plain = work / f"n{n}" / "ours", work / f"n{n}" / "plain"
            for folder in (ours, plain):
                if folder.exists():
                    shutil.rmtree(folder)
            start = time.perf_counter()
            versions, summary = make_ours(ours, n, args.seed)
            make_plain(plain, versions)
            print(f"N={n}: {summary}; generated in {time.perf_counter() - start:.1f} s")
            for site, project in (("ours", ours), ("plain", plain)):
                if site in sites:
                    results[(site, n)] = measure(site, project, n, args.repeat)
            if n in pdf_sizes:
                with_pdf = work / f"n{n}" / "pdf"
                if with_pdf.exists():
                    shutil.rmtree(with_pdf)
                shutil.copytree(ours, with_pdf, ignore=shutil.ignore_patterns("site", "*.log"))
                set_pdf(with_pdf / "mkdocs.yml", on=True)
                results[("pdf", n)] = measure("pdf", with_pdf, n, args.repeat)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    report(results, sizes, [site for site in sites if site != "pdf"])


if __name__ == "__main__":
    main()
