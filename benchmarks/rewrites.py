"""The diff's rewrite rule, measured. Run by hand; prints figures, asserts nothing.

    .venv/bin/python benchmarks/rewrites.py            # the example and the corpus
    .venv/bin/python benchmarks/rewrites.py --strategy path/to/strategy

For every pair of changed blocks the diff engine considers (`candidate_pairs`: blocks of
the same kind, aligned, with words in common), in every comparison of the example
strategy (each version with the one it is based on, source language) and in the corpus
of `rewrite_corpus.py` (texts the team wrote for this benchmark, not real revisions; see
its docstring), it prints
how similar the blocks are as the reader would see them (`kept`: the share of words
shown unchanged), in how many places they change (`alt`), and the decision: "rewrite"
(old block deleted whole, new block inserted whole) or "words" (marks inside the block).
For the corpus it also prints the team's judgement and counts the agreements.

The rule (`strategy_site.derive.diff.words`): rewritten when less than a third of the
words is kept; or less than half is kept and the block changes in two places or more;
or it is a heading that changes in more than one place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rewrite_corpus import CORPUS, REWRITE  # noqa: E402

from strategy_site.content.loader import load_strategy  # noqa: E402
from strategy_site.derive.diff.blocks import HEADING  # noqa: E402
from strategy_site.derive.diff.body import candidate_pairs  # noqa: E402
from strategy_site.derive.diff.words import (  # noqa: E402
    REWRITE_THRESHOLD,
    SCATTERED_ALTERNATIONS,
    SCATTERED_THRESHOLD,
    WordDiff,
)
from strategy_site.model import POPULAR, Strategy  # noqa: E402


def _decision(old_kind: str, diff: WordDiff) -> str:
    return "rewrite" if diff.rewritten(heading=old_kind == HEADING) else "words"


def _row(where: str, kind: str, diff: WordDiff, decision: str, extra: str = "") -> str:
    return (
        f"{where[:44]:44} {kind[:9]:9} {diff.ratio:6.2f} {diff.kept:5.2f} "
        f"{diff.alternations:3} {decision:8}{extra}"
    )


HEADER = f"{'block':44} {'kind':9} {'common':>6} {'kept':>5} {'alt':>3} decision"


def _example(strategy: Strategy) -> None:
    print("Example strategy: every changed block pair, source language")
    print(HEADER)
    counts = {"rewrite": 0, "words": 0}
    old = 0  # rewrites under the old rule: common < REWRITE_THRESHOLD
    for version in strategy.versions.values():
        base = strategy.versions.get(version.based_on or "")
        if base is None or version.status == POPULAR:
            continue
        for section in version.sections.values():
            sources = [x for x in section.replaces if x in base.sections]
            if section.id in base.sections:
                sources.insert(0, section.id)
            before = "\n\n".join(base.sections[x].body.rstrip("\n") for x in sources)
            for old_block, new_block, diff in candidate_pairs(before, section.body):
                if not diff.alternations:
                    continue
                decision = _decision(old_block.kind, diff)
                counts[decision] += 1
                old += diff.ratio < REWRITE_THRESHOLD
                first = " ".join(new_block.text.split())[:22]
                where = f"{version.id}/{section.id}: {first}"
                print(_row(where, new_block.kind, diff, decision))
    print(
        f"pairs: {sum(counts.values())}, rewrite: {counts['rewrite']} (old rule: {old}), "
        f"words: {counts['words']}"
    )


def _corpus() -> None:
    print()
    print("Corpus (constructed: texts the team wrote for this benchmark; see rewrite_corpus.py)")
    print(HEADER + "  team")
    agree = agree_old = total = 0
    for name, _kind, expected, old, new in CORPUS:
        pairs = [p for p in candidate_pairs(old, new) if p[2].alternations]
        if not pairs:
            # Too little in common even to be paired: deleted and inserted, a rewrite.
            decision = old_decision = "rewrite"
            print(f"{name[:44]:44} {'-':9} {'-':>6} {'-':>5} {'-':>3} {decision:8}  {expected}")
        else:
            old_block, _new_block, diff = pairs[0]
            decision = _decision(old_block.kind, diff)
            old_decision = "rewrite" if diff.ratio < REWRITE_THRESHOLD else "words"
            print(_row(name, old_block.kind, diff, decision, f"  {expected}"))
        total += 1
        agree += (decision == "rewrite") == (expected == REWRITE)
        agree_old += (old_decision == "rewrite") == (expected == REWRITE)
    print(f"agreement with the team's judgement: {agree} of {total}")
    print(f"(the old rule, common < {REWRITE_THRESHOLD:.2f}: {agree_old} of {total})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--strategy", type=Path, default=ROOT / "strategy")
    args = parser.parse_args()
    print(
        f"Rule: rewritten if kept < {REWRITE_THRESHOLD:.2f}, or kept < {SCATTERED_THRESHOLD:.2f} "
        f"and alt >= {SCATTERED_ALTERNATIONS}, or a heading with alt >= 2. "
        "'common' is the share of words in common before merging confetti (the old rule's "
        "measure, < 0.33 was a rewrite)."
    )
    print()
    _example(load_strategy(args.strategy))
    _corpus()


if __name__ == "__main__":
    main()
