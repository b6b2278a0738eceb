"""Benchmark of the diff engine. Run by hand; prints figures, asserts nothing.

    PYTHONPATH=plugins .venv/bin/python benchmarks/diff_engine.py

Generates Swedish-like bodies (headings, paragraphs, lists, a table now and then) of
1k, 10k and 100k words, edits about 10 % of the words (replaced words, inserted and
deleted sentences, one inserted paragraph), and times `diff_body` (median of several
runs) and `to_markdown`. Then two unrelated 20k-word texts, as one paragraph each and as
many paragraphs. Target: 100k words with 10 % edits in under a second.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from strategy_site.derive.diff import DiffLabels, diff_body  # noqa: E402

STEMS = [
    "region",
    "län",
    "kommun",
    "näringsliv",
    "företag",
    "innovation",
    "forskning",
    "utbildning",
    "skog",
    "jordbruk",
    "turism",
    "besöksnäring",
    "energi",
    "vindkraft",
    "vattenkraft",
    "bioekonomi",
    "livsmedel",
    "förädling",
    "export",
    "kompetens",
    "samverkan",
    "strategi",
    "program",
    "insats",
    "mål",
    "uppföljning",
    "finansiering",
    "tillväxt",
    "landsbygd",
    "stad",
    "infrastruktur",
    "bredband",
    "digitalisering",
    "hälsa",
    "vård",
    "omsorg",
    "e-hälsa",
    "entreprenörskap",
    "kultur",
    "idrott",
    "miljö",
    "klimat",
    "hållbarhet",
    "cirkulär",
    "ekonomi",
    "resurs",
    "Jämtland",
    "Härjedalen",
    "Östersund",
    "Åre",
    "Sveg",
    "Strömsund",
    "Krokom",
    "Berg",
    "Bräcke",
    "Ragunda",
]
SUFFIXES = ["", "", "", "en", "er", "erna", "ens", "et", "arna", "ande", "område", "arbete", "plan"]
SMALL = [
    "och",
    "i",
    "att",
    "som",
    "för",
    "på",
    "med",
    "av",
    "till",
    "om",
    "är",
    "har",
    "kan",
    "ska",
    "vill",
    "inte",
    "men",
    "eller",
    "de",
    "den",
    "det",
    "en",
    "ett",
]
NUMBERS = ["2021–2027", "2030", "10 %", "3,5", "1 200", "45"]


def word(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return rng.choice(SMALL)
    if rng.random() < 0.03:
        return rng.choice(NUMBERS)
    return rng.choice(STEMS) + rng.choice(SUFFIXES)


def sentence(rng: random.Random) -> str:
    words = [word(rng) for _ in range(rng.randint(8, 20))]
    words[0] = words[0][:1].upper() + words[0][1:]
    if rng.random() < 0.1:
        k = rng.randrange(len(words))
        words[k] = f"*{words[k]}*"
    return " ".join(words) + "."


def paragraph(rng: random.Random) -> list[str]:
    return [sentence(rng) for _ in range(rng.randint(3, 7))]


def document(rng: random.Random, words: int) -> list[tuple[str, object]]:
    """Blocks as (kind, content) so that edits can keep the structure."""
    blocks: list[tuple[str, object]] = []
    count = 0
    while count < words:
        roll = rng.random()
        if roll < 0.08:
            title = " ".join(word(rng) for _ in range(rng.randint(2, 5))).capitalize()
            blocks.append(("heading", title))
            count += len(title.split())
        elif roll < 0.22:
            items = [
                " ".join(word(rng) for _ in range(rng.randint(3, 10)))
                for _ in range(rng.randint(3, 6))
            ]
            blocks.append(("list", items))
            count += sum(len(i.split()) for i in items)
        elif roll < 0.25:
            rows = [
                [word(rng).capitalize(), f"{rng.randint(1, 99)} %", word(rng)]
                for _ in range(rng.randint(3, 8))
            ]
            blocks.append(("table", rows))
            count += sum(len(" ".join(r).split()) for r in rows)
        else:
            para = paragraph(rng)
            blocks.append(("paragraph", para))
            count += sum(len(s.split()) for s in para)
    return blocks


def render(blocks: list[tuple[str, object]]) -> str:
    out = []
    for kind, content in blocks:
        if kind == "heading":
            out.append(f"## {content}")
        elif kind == "list":
            out.append("\n".join(f"- {item}" for item in content))  # type: ignore[attr-defined]
        elif kind == "table":
            rows = ["| Område | Andel | Kommentar |", "|---|---|---|"]
            rows += [f"| {' | '.join(r)} |" for r in content]  # type: ignore[attr-defined]
            out.append("\n".join(rows))
        else:
            out.append(" ".join(content))  # type: ignore[arg-type]
    return "\n\n".join(out) + "\n"


def edit(
    rng: random.Random, blocks: list[tuple[str, object]], share: float
) -> list[tuple[str, object]]:
    """About `share` of the words changed: replaced words, new and removed sentences,
    edited list items, table cells and headings, and one new paragraph."""

    def words(text: str, rate: float) -> str:
        return " ".join(word(rng) if rng.random() < rate else w for w in text.split())

    out: list[tuple[str, object]] = []
    for kind, content in blocks:
        if kind == "paragraph":
            new: list[str] = []
            for s in content:  # type: ignore[attr-defined]
                roll = rng.random()
                if roll < share * 0.3:
                    continue  # sentence deleted
                if roll < share * 0.6:
                    new.append(sentence(rng))  # sentence inserted before this one
                new.append(words(s, share * 0.6))
            out.append((kind, new or [sentence(rng)]))
        elif kind == "list":
            out.append((kind, [words(item, share) for item in content]))  # type: ignore[attr-defined]
        elif kind == "table":
            rows = [[words(cell, share) for cell in row] for row in content]  # type: ignore[attr-defined]
            out.append((kind, rows))
        else:
            out.append((kind, words(str(content), share)))
    out.insert(len(out) // 2, ("paragraph", paragraph(rng)))
    return out


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(2021)
    labels = DiffLabels.for_language("sv")
    print(f"{'case':<32}{'words':>8}{'changed':>9}{'diff (s)':>10}{'markdown (s)':>14}")
    for size in (1_000, 10_000, 100_000):
        blocks = document(rng, size)
        old = render(blocks)
        new = render(edit(rng, blocks, 0.10))
        diff = diff_body(old, new)
        assert diff.old_text() == old and diff.new_text() == new
        changed = (diff.words_added + diff.words_removed) / 2 / len(old.split())
        runs = 7 if size < 100_000 else 5
        t_diff = median_time(lambda old=old, new=new: diff_body(old, new), runs)
        t_md = median_time(lambda diff=diff: diff.to_markdown(labels), runs)
        name = f"{size // 1000}k words, edited"
        print(f"{name:<32}{len(old.split()):>8}{changed:>9.1%}{t_diff:>10.3f}{t_md:>14.3f}")
    for shape in ("one paragraph", "paragraphs"):
        a, b = random.Random(1), random.Random(2)
        if shape == "one paragraph":
            old = " ".join(" ".join(sentence(a) for _ in range(1500)).split()[:20_000]) + "\n"
            new = " ".join(" ".join(sentence(b) for _ in range(1500)).split()[:20_000]) + "\n"
        else:
            old, new = render(document(a, 20_000)), render(document(b, 20_000))
        diff = diff_body(old, new)
        equal = sum(1 for block in diff if block.status == "equal")
        paired = sum(1 for block in diff if block.status == "changed")
        t_diff = median_time(lambda old=old, new=new: diff_body(old, new), 5)
        t_md = median_time(lambda diff=diff: diff.to_markdown(labels), 5)
        name = "unrelated 20k, " + shape
        print(
            f"{name:<32}{len(old.split()):>8}{'-':>9}{t_diff:>10.3f}{t_md:>14.3f}"
            f"   (+{diff.words_added} -{diff.words_removed} words;"
            f" {equal} identical blocks, {paired} paired)"
        )


if __name__ == "__main__":
    main()
