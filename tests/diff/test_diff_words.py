"""Word-level results on texts with known edits: exactly what is marked, nothing else."""

from __future__ import annotations

from diff_testing import LABELS, annotate, check_rendered, marks
from hypothesis import given, settings
from hypothesis import strategies as st

from strategy_site.derive.diff import (
    CHANGED,
    DELETED,
    EQUAL,
    INSERTED,
    diff_body,
    diff_titles,
    render_markdown,
)
from strategy_site.derive.diff.tokens import WORD, tokenize_text


def test_inserted_words_only():
    old = "Jämtland har en lång tradition av skogsbruk.\n"
    new = "Jämtland Härjedalen har en mycket lång tradition av skogsbruk.\n"
    diff = diff_body(old, new)
    ins, dels = marks(annotate(old, new))
    assert ins == ["Härjedalen", "mycket"]
    assert dels == []
    assert (diff.words_added, diff.words_removed) == (2, 0)


def test_deleted_word_keeps_single_spaces():
    text = annotate("En stor och viktig fråga.\n", "En viktig fråga.\n")
    assert marks(text) == ([], ["stor och"])
    assert "En <del>" in text and "</del> viktig" in text


def test_replaced_word_is_one_deletion_and_one_insertion():
    text = annotate("Vi ska öka exporten.\n", "Vi ska stärka exporten.\n")
    assert marks(text) == (["stärka"], ["öka"])


def test_punctuation_and_spaces_attach_to_words():
    text = annotate("Vi satsar på skog.\n", "Vi satsar på skog, mark och vatten.\n")
    assert marks(text) == ([", mark och vatten"], [])
    assert "skog<ins>" in text and "</ins>." in text
    ins, dels = marks(
        annotate(
            "Det gäller skog och mark i länet.\n",
            "Det gäller skog, mark och vatten i hela länet.\n",
        )
    )
    assert ins and all(s == s.strip() for s in ins + dels)


def test_swedish_words_are_single_tokens():
    words = [
        t.text
        for t in tokenize_text(
            "Hälso- och sjukvård, e-hälsa och livsmedelsförädling 2021–2027 i 3,5 år"
        )
    ]
    assert "e-hälsa" in words
    assert "livsmedelsförädling" in words
    assert "2021–2027" in words
    assert "3,5" in words
    assert "Hälso" in words and "sjukvård" in words
    assert all(t.kind == WORD for t in tokenize_text("Åre Östersund Ängesbyn"))


def test_changed_compound_word_is_replaced_whole():
    text = annotate("Satsa på e-hälsa i hela länet.\n", "Satsa på e-tjänster i hela länet.\n")
    assert marks(text) == (["e-tjänster"], ["e-hälsa"])


def test_number_range_changes_as_one_token():
    text = annotate("Programmet gäller 2021–2027.\n", "Programmet gäller 2021–2030.\n")
    assert marks(text) == (["2021–2030"], ["2021–2027"])


def test_confetti_is_merged_into_one_change():
    same = "Länet har goda förutsättningar för tillväxt inom flera områden. "
    old = same + "Regionen ska stärka innovationskraften i de små företagen och på landsbygden.\n"
    new = same + "Vi vill öka förmågan att förnya i näringslivet och på landsbygden.\n"
    ins, dels = marks(annotate(old, new))
    assert dels == ["Regionen ska stärka innovationskraften i de små företagen"]
    assert ins == ["Vi vill öka förmågan att förnya i näringslivet"]


def test_mostly_rewritten_paragraph_is_one_deletion_and_one_insertion():
    old = (
        "Skogen är länets viktigaste naturresurs och ger arbete åt många människor.\n\n"
        "Turismen växer.\n"
    )
    new = (
        "Besöksnäringen har under senare år blivit en motor för hela regionens utveckling.\n\n"
        "Turismen växer.\n"
    )
    diff = diff_body(old, new)
    statuses = [b.status for b in diff]
    assert statuses[:2] == [DELETED, INSERTED]
    assert statuses[2] == EQUAL
    ins, dels = marks(render_markdown(diff, LABELS))
    assert dels == ["Skogen är länets viktigaste naturresurs och ger arbete åt många människor."]
    assert ins == [
        "Besöksnäringen har under senare år blivit en motor för hela regionens utveckling."
    ]


def test_lightly_edited_paragraph_stays_word_level():
    old = "Skogen är länets viktigaste naturresurs och ger arbete åt många människor.\n"
    new = "Skogen är länets största naturresurs och ger arbete åt tusentals människor.\n"
    diff = diff_body(old, new)
    assert [b.status for b in diff] == [CHANGED]
    assert marks(annotate(old, new)) == (["största", "tusentals"], ["viktigaste", "många"])


def test_rewrapped_paragraph_is_unchanged():
    old = "En mening som\nbryts här.\n"
    new = "En mening som bryts\nhär.\n"
    diff = diff_body(old, new)
    assert not diff.changed
    assert render_markdown(diff, LABELS) == new


def test_word_deleted_at_end_of_line_keeps_a_space():
    text = annotate("Alfa beta\ngamma.\n", "Alfa\ngamma.\n")
    assert marks(text) == ([], ["beta"])
    check_rendered(text)


# The rewrite rule (words.WordDiff.rewritten; measured in benchmarks/rewrites.py).

HEADING_WORDS = ["Vad", "menar", "vi", "med", "en", "cirkulär", "bioekonomi", "och", "skog", "?"]


def _change_runs(diff) -> list[int]:
    """Per changed block pair, how many places change."""
    return [sum(1 for op in b.ops if op.tag != "equal") for b in diff.blocks if b.status == CHANGED]


def test_rewritten_heading_does_not_alternate():
    old = "## Vad menar vi med cirkulär bioekonomi?\n"
    new = "## En cirkulär bioekonomi\n"
    diff = diff_body(old, new)
    assert [b.status for b in diff] == [DELETED, INSERTED]
    ins, dels = marks(render_markdown(diff, LABELS))
    assert dels == ["Vad menar vi med cirkulär bioekonomi?"]
    assert ins == ["En cirkulär bioekonomi"]


def test_heading_changed_in_one_place_stays_word_level():
    diff = diff_body("## Möjligheter\n", "## Möjligheter och utmaningar\n")
    assert [b.status for b in diff] == [CHANGED]
    assert marks(render_markdown(diff, LABELS)) == (["och utmaningar"], [])


@given(
    st.lists(st.sampled_from(HEADING_WORDS), min_size=1, max_size=8),
    st.lists(st.sampled_from(HEADING_WORDS), min_size=1, max_size=8),
)
@settings(max_examples=200, deadline=None)
def test_headings_never_alternate(old_words, new_words):
    diff = diff_body("## " + " ".join(old_words) + "\n", "## " + " ".join(new_words) + "\n")
    assert all(runs <= 1 for runs in _change_runs(diff))
    title = diff_titles(" ".join(old_words), " ".join(new_words))
    assert title.count("<ins>") <= 1 and title.count("<del>") <= 1


def test_titles_never_alternate():
    title = diff_titles("Vad menar vi med cirkulär bioekonomi?", "En cirkulär bioekonomi")
    assert title.count("<del>") == 1 and title.count("<ins>") == 1
    assert title.index("<del>") < title.index("<ins>")


def test_mostly_rewritten_paragraph_from_the_example_is_one_deletion_and_one_insertion():
    old = (
        "Skog, mark och vatten har alltid varit grunden för länets ekonomi. I en cirkulär "
        "bioekonomi används de förnybara resurserna på ett sätt som skapar mer värde och "
        "mindre avfall. Fokusområdet är horisontellt eftersom det berör många branscher, "
        "från skogsbruk, jordbruk och livsmedel till byggande, energi och besöksnäring.\n"
    )
    new = (
        "Skog, mark och vatten har alltid varit grunden för länets ekonomi. Styrkeområdet "
        "Jord, skog och vatten bygger vidare på remissutkastets fokusområde cirkulär "
        "bioekonomi, men med en tydligare utgångspunkt i själva resurserna och i de "
        "människor och företag som brukar dem.\n"
    )
    diff = diff_body(old, new)
    assert [b.status for b in diff] == [DELETED, INSERTED]
    ins, dels = marks(render_markdown(diff, LABELS))
    assert len(ins) == 1 and len(dels) == 1


def test_scattered_changes_with_less_than_half_kept_are_a_rewrite():
    old = (
        "Programmet ska gälla från den 1 januari 2021 och följas upp årligen av den "
        "regionala utvecklingsnämnden.\n"
    )
    new = "Programmet gäller från 2021 och följs upp vartannat år av nämnden.\n"
    assert [b.status for b in diff_body(old, new)] == [DELETED, INSERTED]


def test_scattered_small_edits_with_most_words_kept_stay_word_level():
    old = (
        "Besöksnäringen är en av länets största näringar. Den ger arbete åt många unga "
        "och bidrar till att service finns kvar på mindre orter.\n"
    )
    new = (
        "Besöksnäringen är en av länets största och mest internationella näringar. Den "
        "ger arbete åt många unga och bidrar till att handel och service finns kvar på "
        "mindre orter.\n"
    )
    diff = diff_body(old, new)
    assert [b.status for b in diff] == [CHANGED]
    assert _change_runs(diff) == [2]
