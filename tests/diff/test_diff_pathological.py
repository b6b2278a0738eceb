"""Unrelated texts: the result must be "all deleted, all inserted" (timing: see benchmarks/)."""

from __future__ import annotations

import random

import pytest

from strategy_site.derive.diff import DELETED, INSERTED, diff_body
from strategy_site.derive.diff.words import DIRECT_BUDGET, opcodes

VOCABULARY = [
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
    "region",
    "län",
    "kommun",
    "skog",
    "turism",
    "energi",
    "innovation",
    "företag",
    "forskning",
    "utbildning",
    "Jämtland",
    "Härjedalen",
    "Östersund",
    "e-hälsa",
    "livsmedelsförädling",
    "besöksnäring",
    "samverkan",
    "strategi",
    "tillväxt",
    "landsbygd",
    "2021–2027",
]


def text(seed: int, words: int, per_paragraph: int) -> str:
    rng = random.Random(seed)
    out = []
    for start in range(0, words, per_paragraph):
        count = min(per_paragraph, words - start)
        sentences, current = [], []
        for _ in range(count):
            current.append(rng.choice(VOCABULARY))
            if len(current) >= rng.randint(6, 18):
                sentences.append(" ".join(current) + ".")
                current = []
        if current:
            sentences.append(" ".join(current) + ".")
        out.append(" ".join(sentences))
    return "\n\n".join(out) + "\n"


@pytest.mark.parametrize("per_paragraph", [20_000, 80], ids=["one paragraph", "paragraphs"])
def test_unrelated_20k_word_texts_are_all_deleted_and_all_inserted(per_paragraph):
    old = text(1, 20_000, per_paragraph)
    new = text(2, 20_000, per_paragraph)
    diff = diff_body(old, new)
    assert {b.status for b in diff} == {DELETED, INSERTED}
    assert diff.words_removed == 20_000
    assert diff.words_added == 20_000
    assert diff.old_text() == old and diff.new_text() == new


def test_a_big_region_that_cannot_be_anchored_is_replaced_whole():
    rng = random.Random(3)
    a = [rng.choice(VOCABULARY) for _ in range(3_000)]
    b = [rng.choice(VOCABULARY) for _ in range(3_000)]
    assert len(a) * len(b) > DIRECT_BUDGET
    assert opcodes(a, b) == [["replace", 0, 3_000, 0, 3_000]]


def test_long_paragraph_with_small_edits_is_still_diffed_word_by_word():
    old = text(4, 6_000, 6_000)
    words = old.split(" ")
    words[10] = "NYTT"
    words[3_000] = "ÄNDRAT"
    del words[5_000]
    new = " ".join(words)
    diff = diff_body(old, new)
    assert (diff.words_added, diff.words_removed) == (2, 3)
