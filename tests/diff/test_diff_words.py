"""Word-level results on texts with known edits: exactly what is marked, nothing else."""

from __future__ import annotations

from diff_testing import LABELS, annotate, check_rendered, marks

from strategy_site.derive.diff import CHANGED, DELETED, EQUAL, INSERTED, diff_body, render_markdown
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
