"""Figure renderers compared: our own SVG writer against pygal, matplotlib's SVG backend,
Vega-Lite through vl-convert, and Graphviz for the diagrams.

Run by hand, in a separate virtual environment that has the libraries (they are not
dependencies of the site); Graphviz also needs its `dot` program (Debian: graphviz):

    python3 -m venv /tmp/figbench
    /tmp/figbench/bin/pip install -e . pygal matplotlib vl-convert-python graphviz
    /tmp/figbench/bin/python benchmarks/figures.py [--repeat 50]

For every figure of the test fixture and of the example it prints, per renderer that
can draw it: milliseconds for the drawing alone, and for the whole figure as a section
page gets it (the `![[figur: id]]` line placed by plan/figures/place.py: caption, drawing,
data table; the renderer handed in through the same `Renderer` interface the site uses),
and that again with Python-Markdown turning the section into HTML with the site's
extensions (medians of --repeat runs, after one warm-up); bytes of SVG; whether two
renders (and a render in a second process) give the same bytes; and what the output
offers a reader: a text alternative (role, title, desc), text that is real text (not
glyph paths), colours that follow the page (currentColor) rather than fixed ones, and no
<script>. It also prints the import time and the installed size of each library with
the packages it pulls in. Libraries that are missing are skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from strategy_site.content.loader import load_strategy  # noqa: E402
from strategy_site.derive.figure_diff import Marks  # noqa: E402
from strategy_site.model import BAR, LINE, MAPPING, PROCESS, Figure, Version  # noqa: E402
from strategy_site.plan.figures.place import place_figures  # noqa: E402
from strategy_site.plan.figures.svg import render_svg  # noqa: E402

Render = Callable[[Figure], str]
CHARTS = (BAR, LINE)
DIAGRAMS = (PROCESS, MAPPING)


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


def vega_lite_renderer() -> Render | None:
    try:
        import vl_convert
    except ImportError:
        return None

    def render(figure: Figure) -> str:
        chart = figure.chart
        assert chart is not None
        values = [
            {"category": category, "series": name, "value": value}
            for category, row in zip(chart.categories, chart.values, strict=True)
            for name, value in zip(chart.series, row, strict=True)
            if value is not None
        ]
        encoding: dict[str, object] = {
            "color": {"field": "series", "type": "nominal", "title": None},
        }
        if figure.kind == LINE:
            mark: dict[str, object] = {"type": "line", "point": True}
            encoding["x"] = {"field": "category", "type": "ordinal", "title": chart.axis}
            encoding["y"] = {"field": "value", "type": "quantitative", "title": figure.unit}
        else:
            mark = {"type": "bar"}
            encoding["y"] = {"field": "category", "type": "nominal", "title": chart.axis}
            encoding["x"] = {
                "field": "value",
                "type": "quantitative",
                "title": figure.unit,
                "stack": "zero" if chart.stacked else None,
            }
            if not chart.stacked:
                encoding["yOffset"] = {"field": "series"}
        spec = {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "title": figure.title,
            "description": figure.caption,
            "width": 320,
            "data": {"values": values},
            "mark": mark,
            "encoding": encoding,
        }
        return vl_convert.vegalite_to_svg(spec)

    return render


def graphviz_renderer() -> Render | None:
    try:
        import graphviz
    except ImportError:
        return None
    if shutil.which("dot") is None:
        return None

    def render(figure: Figure) -> str:
        graph = graphviz.Digraph(graph_attr={"rankdir": "LR" if figure.mapping else "TB"})
        if figure.kind == PROCESS:
            for n, step in enumerate(figure.steps):
                label = step.label + (f"\n{step.when}" if step.when else "")
                style = "solid" if step.status == "done" else "dashed"
                graph.node(f"s{n}", label, shape="box", style=style)
                if n:
                    graph.edge(f"s{n - 1}", f"s{n}")
        else:
            m = figure.mapping
            assert m is not None
            names = {item: f"l{n}" for n, item in enumerate(m.left)}
            names.update({item: f"r{n}" for n, item in enumerate(m.right)})
            for item, node in names.items():
                graph.node(node, item, shape="box")
            for a, b in m.links:
                graph.edge(names[a], names[b])
        return graph.pipe(format="svg", encoding="utf-8")

    return render


KINDS_DRAWN = {
    "ours": (*CHARTS, *DIAGRAMS),
    "pygal": CHARTS,
    "matplotlib": CHARTS,
    "vl-convert": CHARTS,
    "graphviz": DIAGRAMS,
}


def checks(svg: str) -> dict[str, str]:
    named = r"(?:fill|stroke)=\"(?:black|white)\""
    colours = set(re.findall(rf"#[0-9a-fA-F]{{3,8}}\b|rgb\(|{named}", svg))
    if 'role="img"' in svg and "<title" in svg and "<desc" in svg:
        alternative = "yes"
    elif "aria-label=" in svg:
        alternative = "per mark (ARIA)"
    else:
        alternative = "title only" if "<title" in svg else "no"
    return {
        "text alt": alternative,
        "real text": "yes" if "<text" in svg else "no (paths)",
        "colours": "currentColor" if not colours else f"{len(colours)} fixed",
        "script": "yes" if "<script" in svg else "no",
    }


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: imports, font caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def as_renderer(name: str, render: Render):
    """A library's drawing behind the site's `Renderer` interface (html.py)."""
    if name == "ours":
        return render_svg

    def renderer(figure: Figure, dom_id: str, lang: str, marks: Marks) -> str:
        return render(figure)

    return renderer


def markdown_converter():
    """Python-Markdown with the extensions of the site's mkdocs.yml, as the build runs it."""
    import markdown

    extensions = ["tables", "admonition", "footnotes", "attr_list", "md_in_html", "toc"]
    try:
        import pymdownx.details  # noqa: F401

        extensions.append("pymdownx.details")
    except ImportError:
        pass
    return markdown.Markdown(extensions=extensions)


def whole_figure(figure: Figure, version: Version, renderer) -> Callable[[], str]:
    """The section text with the figure's line, placed as a section page places it."""
    text = f"Text före figuren.\n\n![[figur: {figure.id}]]\n\nText efter figuren.\n"
    page = f"{version.id}/avsnitt/"
    return lambda: place_figures(text, version, "sv", "sv", page, renderer)


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
        "vl-convert": vega_lite_renderer(),
        "graphviz": graphviz_renderer(),
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


def debian_size(package: str) -> str:
    """The Installed-Size of a Debian package and what it depends on, if dpkg knows it."""
    if shutil.which("dpkg-query") is None:
        return "?"
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Installed-Size}", package], capture_output=True, text=True
    )
    return (
        f"{int(result.stdout) / 1000:.1f} (the `{package}` package alone)" if result.stdout else "?"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    renderers = RENDERERS()
    convert = markdown_converter()
    sources = [(REPO / "tests/fixtures/figures", "v2"), (REPO / "strategy", "beslutad")]
    rows = []
    for root, version_id in sources:
        version = load_strategy(root).versions[version_id]
        for figure in version.figures.values():
            for name, render in renderers.items():
                if figure.kind not in KINDS_DRAWN[name]:
                    continue
                svg = render(figure)
                same = render(figure) == svg
                other = digest_in_new_process(name, str(root), version_id, figure.id)
                same_process = other == hashlib.sha256(svg.encode()).hexdigest()
                kind = figure.kind + (" stacked" if figure.chart and figure.chart.stacked else "")
                place = whole_figure(figure, version, as_renderer(name, render))

                def page(place=place) -> str:
                    convert.reset()
                    return convert.convert(place())

                label = figure.id + (" (example)" if root.name == "strategy" else "")
                rows.append(
                    [
                        label,
                        kind,
                        name,
                        f"{median_ms(lambda r=render, f=figure: r(f), args.repeat):.2f}",
                        f"{median_ms(place, args.repeat):.2f}",
                        f"{median_ms(page, args.repeat):.2f}",
                        str(len(svg.encode())),
                        "yes" if same and same_process else ("in process only" if same else "no"),
                        *checks(svg).values(),
                    ]
                )
    head = [
        "figure",
        "kind",
        "renderer",
        "drawing ms",
        "whole figure ms",
        "+ Markdown ms",
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
    print("| library | version | import ms | installed MB (with what it pulls in) |")
    print("|---|---|---|---|")
    print(
        "| ours (strategy_site.plan.figures) | – | "
        f"{import_time('strategy_site.plan.figures.svg'):.0f} | 0 (part of the site) |"
    )
    libraries = (
        ("pygal", "pygal", "pygal"),
        ("matplotlib", "matplotlib.pyplot", "matplotlib"),
        ("vl-convert", "vl_convert", "vl-convert-python"),
        ("graphviz", "graphviz", "graphviz"),
    )
    for name, module, dist in libraries:
        if name not in renderers:
            continue
        size = f"{installed_size(dist) / 1e6:.1f}"
        if name == "graphviz":
            size += (
                f" + {debian_size('graphviz')} MB of Debian packages, and the libraries it needs"
            )
        version = importlib.metadata.version(dist)
        print(f"| {dist} | {version} | {import_time(module):.0f} | {size} |")


if __name__ == "__main__":
    main()
