"""Figure renderers compared: our own SVG writer against pygal and matplotlib's SVG backend.

Run by hand, in a separate virtual environment that has the libraries (they are not
dependencies of the site):

    python3 -m venv /tmp/figbench
    /tmp/figbench/bin/pip install -e . pygal matplotlib
    /tmp/figbench/bin/python benchmarks/figures.py [--repeat 50]

For every chart of the test fixture and every figure of the example it prints, per
renderer: milliseconds per figure (median of --repeat runs, after one warm-up), bytes of
SVG, whether two renders (and a render in a second process) give the same bytes, and
what the output offers a reader: a text alternative (role, title, desc), text that is
real text (not glyph paths), colours that follow the page (currentColor) rather than
fixed ones, and no <script>. It also prints the import time and the installed size of
each library with the packages it pulls in. Libraries that are missing are skipped.
pygal and matplotlib draw charts only; the process and mapping diagrams are ours alone.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from strategy_site.content.loader import load_strategy  # noqa: E402
from strategy_site.model import BAR, LINE, Figure  # noqa: E402
from strategy_site.plan.figures.svg import render_svg  # noqa: E402

Render = Callable[[Figure], str]


def ours(figure: Figure) -> str:
    return render_svg(figure, "figur-" + figure.id, "sv")


def pygal_renderer() -> Render | None:
    try:
        import pygal
    except ImportError:
        return None

    def render(figure: Figure) -> str:
        chart = figure.chart
        assert chart is not None
        if figure.kind == LINE:
            graph = pygal.Line(js=[], disable_xml_declaration=True)
        elif chart.stacked:
            graph = pygal.StackedBar(js=[], disable_xml_declaration=True)
        else:
            graph = pygal.Bar(js=[], disable_xml_declaration=True)
        graph.title = figure.title
        graph.x_labels = chart.categories
        for n, name in enumerate(chart.series):
            graph.add(name, [row[n] for row in chart.values])
        return graph.render(is_unicode=True)

    return render


def matplotlib_renderer() -> Render | None:
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("svg")
    import io

    import matplotlib.pyplot as plt

    # What it takes to get the same bytes twice and text that stays text.
    matplotlib.rcParams["svg.hashsalt"] = "strategy-site"
    matplotlib.rcParams["svg.fonttype"] = "none"

    def render(figure: Figure) -> str:
        chart = figure.chart
        assert chart is not None
        fig, ax = plt.subplots(figsize=(5, 3))
        positions = range(len(chart.categories))
        bottom = [0.0] * len(chart.categories)
        width = 0.8 / (1 if chart.stacked else len(chart.series))
        for n, name in enumerate(chart.series):
            values = [row[n] or 0 for row in chart.values]
            if figure.kind == LINE:
                ax.plot(list(positions), values, label=name)
            elif chart.stacked:
                ax.bar(positions, values, bottom=bottom, label=name)
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            else:
                ax.bar([p + n * width for p in positions], values, width, label=name)
        ax.set_xticks(list(positions), chart.categories)
        ax.set_title(figure.title)
        ax.set_ylabel(figure.unit or "")
        ax.legend()
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
        plt.close(fig)
        return out.getvalue()

    return render


def checks(svg: str) -> dict[str, str]:
    colours = set(re.findall(r"#[0-9a-fA-F]{3,8}\b|rgb\(", svg))
    return {
        "text alt": "yes"
        if 'role="img"' in svg and "<title" in svg and "<desc" in svg
        else ("title only" if "<title" in svg else "no"),
        "real text": "yes" if "<text" in svg else "no (paths)",
        "colours": "currentColor" if not colours else f"{len(colours)} fixed",
        "script": "yes" if "<script" in svg else "no",
    }


def timed(render: Render, figure: Figure, repeat: int) -> float:
    render(figure)  # warm-up: imports, font caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        render(figure)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def digest_in_new_process(name: str, root: str, version: str, figure_id: str) -> str:
    code = (
        "import hashlib, sys; sys.argv = ['x']; "
        f"sys.path.insert(0, {str(REPO / 'benchmarks')!r}); import figures as b; "
        "from strategy_site.content.loader import load_strategy; "
        f"f = load_strategy(__import__('pathlib').Path({root!r})).versions[{version!r}]"
        f".figures[{figure_id!r}]; "
        f"print(hashlib.sha256(b.RENDERERS()[{name!r}](f).encode()).hexdigest())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return result.stdout.strip()


def RENDERERS() -> dict[str, Render]:  # noqa: N802 (a table, read from a subprocess too)
    found: dict[str, Render | None] = {
        "ours": ours,
        "pygal": pygal_renderer(),
        "matplotlib": matplotlib_renderer(),
    }
    return {name: render for name, render in found.items() if render is not None}


def import_time(module: str) -> float:
    code = f"import time; s = time.perf_counter(); import {module}; print(time.perf_counter() - s)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return float(result.stdout.strip() or "nan") * 1000


def installed_size(distribution: str, seen: set[str] | None = None) -> int:
    """Bytes of a distribution and everything it requires (each counted once)."""
    seen = set() if seen is None else seen
    key = distribution.lower().replace("_", "-")
    if key in seen:
        return 0
    seen.add(key)
    try:
        dist = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return 0
    size = sum((f.size or 0) for f in dist.files or [])
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0]
        size += installed_size(name, seen)
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    renderers = RENDERERS()
    sources = [(REPO / "tests/fixtures/figures", "v2"), (REPO / "strategy", "beslutad")]
    rows = []
    for root, version in sources:
        for figure in load_strategy(root).versions[version].figures.values():
            for name, render in renderers.items():
                if name != "ours" and figure.kind not in (BAR, LINE):
                    continue
                svg = render(figure)
                same = render(figure) == svg
                other = digest_in_new_process(name, str(root), version, figure.id)
                same_process = other == hashlib.sha256(svg.encode()).hexdigest()
                kind = figure.kind + (" stacked" if figure.chart and figure.chart.stacked else "")
                rows.append(
                    [
                        figure.id,
                        kind,
                        name,
                        f"{timed(render, figure, args.repeat):.2f}",
                        str(len(svg.encode())),
                        "yes" if same and same_process else ("in process only" if same else "no"),
                        *checks(svg).values(),
                    ]
                )
    head = [
        "figure",
        "kind",
        "renderer",
        "ms",
        "bytes",
        "same bytes",
        "text alt",
        "real text",
        "colours",
        "script",
    ]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("| library | import ms | installed MB (with what it pulls in) |")
    print("|---|---|---|")
    print(
        f"| ours (strategy_site.plan.figures) | {import_time('strategy_site.plan.figures.svg'):.0f}"
        " | 0 (part of the site) |"
    )
    for module, dist in (("pygal", "pygal"), ("matplotlib.pyplot", "matplotlib")):
        if module.split(".")[0] in {n for n in renderers} | {"matplotlib"} and (
            importlib.util.find_spec(module.split(".")[0]) is not None
        ):
            size = installed_size(dist) / 1e6
            print(f"| {dist} | {import_time(module):.0f} | {size:.1f} |")


if __name__ == "__main__":
    import importlib.util

    main()
