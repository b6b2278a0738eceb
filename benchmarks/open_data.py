"""What the open data and the feeds add to a build: time and size, per strategy size.

For each N (sections per version) it writes the synthetic strategy of `synthetic.py`,
loads it, computes the comparisons the site computes anyway (they are shared with the
pages, so they are not the export's cost), and then times what a build adds: the JSON
document, its serialisation, the CSV and the schema (once per build), and the Atom feed
(once per language). See README.md, "Open data and feeds".

    .venv/bin/python benchmarks/open_data.py                 # N = 25, 100, 400; 3 runs
    .venv/bin/python benchmarks/open_data.py --sizes 400 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_strategy  # noqa: E402

from strategy_site.content.loader import load_strategy  # noqa: E402
from strategy_site.derive.comparisons import Comparisons  # noqa: E402
from strategy_site.plan.export import feed_xml, open_data_files  # noqa: E402

TODAY = date(2021, 6, 1)  # as build_speed.py: after the consultation closed
SITE = "https://example.org/strategi/"


def measure(n: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_strategy(Path(folder), n)
        strategy = load_strategy(Path(folder) / "strategy")
        comparisons = Comparisons(strategy)
        for version in strategy.versions.values():
            comparisons.get(version)
        data_times, feed_times = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            files = open_data_files(strategy, TODAY, comparisons, site_url=SITE)
            data_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            feeds = [feed_xml(strategy, lang, TODAY, SITE) for lang in strategy.languages]
            feed_times.append(time.perf_counter() - start)
        sections = sum(len(v.sections) for v in strategy.versions.values())
        sizes = ", ".join(
            f"{path.rsplit('/', 1)[-1]} {len(data) / 1000:.0f} kB" for path, data in files
        )
        print(
            f"N={n:4d} ({sections} sections): open data {min(data_times) * 1000:7.0f} ms "
            f"(median {sorted(data_times)[len(data_times) // 2] * 1000:.0f}), "
            f"feeds {min(feed_times) * 1000:5.1f} ms for {len(feeds)} languages; {sizes}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25,100,400")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for n in (int(size) for size in args.sizes.split(",")):
        measure(n, args.repeat)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
