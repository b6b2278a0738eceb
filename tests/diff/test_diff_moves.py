"""Text moved across sections: a split, a three-way merge, a paragraph moved between two
sections that both go on, and the removed section whose text went elsewhere."""

from __future__ import annotations

import re

from diff_testing import LABELS, render, section, strategy, version

from strategy_site.derive.diff import (
    DELETED,
    INSERTED,
    MOVED_IN,
    MOVED_OUT,
    SHOWN_ELSEWHERE,
    DiffLabels,
    Move,
    MoveNotes,
    compare_versions,
    markdown_text,
    render_markdown,
)

A = "Skogen ger råvara till sågverk och pappersbruk i hela länet.\n"
B = "Energin från vattnet och vinden är förnybar och räcker långt.\n"
C = "Vattnet i sjöarna ger fiske, friluftsliv och dricksvatten.\n"
D = "Den digitala infrastrukturen behöver byggas ut på landsbygden.\n"


NOTES = MoveNotes(
    lambda move: f'<span class="diff-move">{move.direction} {move.section_id}:</span>',
    DiffLabels("Hit:", "Bort:"),
)


def compare(old_sections, new_sections):
    old = version("v1", old_sections)
    new = version("v2", new_sections, based_on="v1")
    return compare_versions(strategy(old, new), old, new)


def moves(comparison, section_id):
    """(status, move, first words) of every moved block of a section's diff."""
    entry = comparison.get(section_id)
    return [
        (bd.status, bd.move, (bd.old or bd.new).text.split()[0])
        for bd in entry.body
        if bd.move is not None
    ]


def test_split_text_kept_by_one_successor_moved_out_of_the_other():
    comparison = compare(
        [section("bio", "Bioekonomi", A + "\n" + B + "\n" + C)],
        [
            section("energi", "Energi", B, replaces=["bio"]),
            section("natur", "Skog och vatten", A + "\n" + C, replaces=["bio"]),
        ],
    )
    assert moves(comparison, "energi") == [
        (DELETED, Move(MOVED_OUT, "natur"), "Skogen"),
        (DELETED, Move(MOVED_OUT, "natur"), "Vattnet"),
    ]
    assert moves(comparison, "natur") == [(DELETED, Move(MOVED_OUT, "energi"), "Energin")]


def test_split_text_edited_or_rewritten_by_the_sibling_still_moved_there():
    edited = A.replace("hela länet", "Jämtland Härjedalen")
    comparison = compare(
        [
            section(
                "bio", "Bioekonomi", "## Vad menar vi med cirkulär bioekonomi?\n\n" + A + "\n" + B
            )
        ],
        [
            section("energi", "Energi", B, replaces=["bio"]),
            section("skog", "Skog", "## En cirkulär bioekonomi\n\n" + edited, replaces=["bio"]),
        ],
    )
    assert [m[1] for m in moves(comparison, "energi")] == [Move(MOVED_OUT, "skog")] * 2


def test_three_way_merge_knows_where_each_block_came_from():
    comparison = compare(
        [
            section("a", "A", A),
            section("b", "B", B),
            section("c", "C", C + "\n" + D),
            section("x", "X", "Om X.\n"),
        ],
        [
            section("abc", "ABC", A + "\n" + B + "\n" + C, replaces=["a", "b", "c"]),
            section("x", "X", "Om X.\n\n" + D),
        ],
    )
    # D left the merged text (it came from c) for x, which continues only x.
    assert moves(comparison, "abc") == [(DELETED, Move(MOVED_OUT, "x"), "Den")]
    assert moves(comparison, "x") == [(INSERTED, Move(MOVED_IN, "c"), "Den")]


def test_paragraph_moved_between_sections_that_both_go_on():
    comparison = compare(
        [section("p", "P", A + "\n" + B), section("q", "Q", C)],
        [section("p", "P", A), section("q", "Q", C + "\n" + B)],
    )
    assert moves(comparison, "p") == [(DELETED, Move(MOVED_OUT, "q"), "Energin")]
    assert moves(comparison, "q") == [(INSERTED, Move(MOVED_IN, "p"), "Energin")]


def test_moved_and_lightly_edited_paragraph_is_still_a_move():
    long = (
        "Regionen ska stödja företag som vill växa, exportera eller ställa om till fossilfritt.\n"
    )
    edited = long.replace("Regionen ska", "Vi ska").replace("fossilfritt", "förnybart")
    comparison = compare(
        [section("p", "P", A + "\n" + long), section("q", "Q", C)],
        [section("p", "P", A), section("q", "Q", C + "\n" + edited)],
    )
    assert moves(comparison, "q") == [(INSERTED, Move(MOVED_IN, "p"), "Vi")]


def test_text_of_a_removed_section_moved_into_another():
    comparison = compare(
        [
            section("p", "P", A),
            section("gammal", "Gammal", B + "\n" + "Det här försvinner helt.\n"),
        ],
        [section("p", "P", A + "\n" + B)],
    )
    assert moves(comparison, "gammal") == [(DELETED, Move(MOVED_OUT, "p"), "Energin")]
    assert moves(comparison, "p") == [(INSERTED, Move(MOVED_IN, "gammal"), "Energin")]


def test_no_move_within_a_section_nor_for_a_few_common_words():
    comparison = compare(
        [section("p", "P", A + "\n" + B + "\n" + "Se nedan.\n"), section("q", "Q", C)],
        [section("p", "P", B + "\n" + A), section("q", "Q", C + "\n" + "Se nedan.\n")],
    )
    assert moves(comparison, "p") == []
    assert moves(comparison, "q") == []


def test_moved_text_gets_a_note_instead_of_the_labels():
    comparison = compare(
        [section("p", "P", A + "\n" + B), section("q", "Q", C)],
        [section("p", "P", A), section("q", "Q", C + "\n" + B)],
    )
    notes = MoveNotes(
        lambda move: f'<span class="diff-move">{move.direction} {move.section_id}:</span>',
        DiffLabels("Hit:", "Bort:"),
    )
    out = render(render_markdown(comparison.get("p").body, LABELS, notes))
    assert '<span class="diff-move">moved_out q:</span> <del>Energin' in out
    assert "Removed:" not in out and "Bort:" not in out
    into = render(render_markdown(comparison.get("q").body, LABELS, notes))
    assert '<span class="diff-move">moved_in p:</span> <ins>Energin' in into
    # Each starts its paragraph, after the fragment id the other end links to.
    assert re.search(
        r'<p><span class="diff-move-target" id="flytt-\d+"></span><span class="diff-move">moved_in',
        into,
    )
    # Without notes, moved text is shown as a plain deletion.
    plain = render(render_markdown(comparison.get("p").body, LABELS))
    assert "diff-move" not in plain and "Removed: </span>Energin" in plain


def test_moved_table_row_keeps_labels_and_the_table():
    head = "| Område | Text |\n|---|---|\n"
    skog = "| Skog | Råvara till sågverk och pappersbruk |\n"
    energi = "| Energi | Vatten och vind i hela länet |\n"
    comparison = compare(
        [section("p", "P", head + skog + energi)],
        [section("p", "P", head + skog), section("q", "Q", "| Typ | Om |\n|---|---|\n" + energi)],
    )
    assert moves(comparison, "p") == [(DELETED, Move(MOVED_OUT, "q"), "|")]
    notes = MoveNotes(lambda move: '<span class="diff-move">x</span>', DiffLabels("Hit:", "Bort:"))
    out = render(render_markdown(comparison.get("p").body, LABELS, notes))
    assert 'class="diff-move"' not in out  # outside the cells it would break the table
    assert out.count("<tr>") == 3 and "Bort: </span>Energi" in out
    assert '<td><span class="diff-move-target" id="flytt-' in out  # the id: in the first cell


def test_markdown_text_renders_as_itself():
    text = "Hälsa & *vård* [1] `kod` #2 O'Brien"
    assert render(markdown_text(text)) == "<p>Hälsa &amp; *vård* [1] `kod` #2 O'Brien</p>"
    assert "&#" not in markdown_text(text)


def test_text_moved_into_a_new_section():
    comparison = compare(
        [section("p", "P", A + "\n" + B)],
        [section("p", "P", A), section("ny", "Ny", B)],
    )
    assert moves(comparison, "p") == [(DELETED, Move(MOVED_OUT, "ny"), "Energin")]
    assert moves(comparison, "ny") == [(INSERTED, Move(MOVED_IN, "p"), "Energin")]


def test_both_ends_of_a_move_know_each_other_s_fragment():
    comparison = compare(
        [section("p", "P", A + "\n" + B), section("q", "Q", C)],
        [section("p", "P", A), section("q", "Q", C + "\n" + B)],
    )
    [gone] = [bd for bd in comparison.get("p").body if bd.move is not None]
    [came] = [bd for bd in comparison.get("q").body if bd.move is not None]
    assert gone.anchor and came.anchor and gone.anchor != came.anchor
    assert gone.move.anchor == came.anchor  # "moved to q" links to the block in q
    assert came.move.anchor == gone.anchor and came.move.peer == "p"  # and back
    out = render(render_markdown(comparison.get("p").body, LABELS, NOTES))
    assert f'<span class="diff-move-target" id="{gone.anchor}"></span>' in out
    into = render(render_markdown(comparison.get("q").body, LABELS, NOTES))
    assert f'id="{came.anchor}"' in into
    # Without notes the ids are not written: nothing links to them.
    assert "diff-move-target" not in render(render_markdown(comparison.get("q").body, LABELS))


def test_a_split_s_kept_text_is_linked_where_it_lives_on():
    edited = A.replace("hela länet", "Jämtland Härjedalen")
    comparison = compare(
        [section("bio", "Bioekonomi", "## Möjligheter\n\n" + A + "\n" + B)],
        [
            section("energi", "Energi", B, replaces=["bio"]),
            section("skog", "Skog", "## Möjligheter\n\n" + edited, replaces=["bio"]),
        ],
    )
    targets = {bd.anchor: bd for bd in comparison.get("skog").body if bd.anchor}
    for bd in comparison.get("energi").body:
        if bd.move is not None:
            held = targets[bd.move.anchor]  # the heading as it is, the paragraph edited
            assert held.status in ("equal", "changed") and held.new is not None
    out = render(render_markdown(comparison.get("skog").body, LABELS, NOTES))
    assert out.count("diff-move-target") == len(targets)
    # The heading stays a heading, its id (from its text) unchanged by the empty span.
    assert re.search(
        r'<h2 id="mojligheter"><span class="diff-move-target" id="flytt-\d+"></span>', out
    )


def test_text_no_successor_kept_is_shown_in_one_of_them_only():
    gone = "Begreppet omfattar både vad som produceras och hur det görs.\n"
    comparison = compare(
        [section("bio", "Bioekonomi", A + "\n" + gone + "\n" + B + "\n" + C)],
        [
            section("energi", "Energi", B, replaces=["bio"]),
            section("natur", "Skog och vatten", A + "\n" + C, replaces=["bio"]),
        ],
    )
    # "natur" kept more of Bioekonomi: it shows the deletion, "energi" points there.
    [shown] = [
        bd for bd in comparison.get("natur").body if bd.move is None and bd.old and not bd.new
    ]
    assert shown.old.text == gone and shown.anchor
    [elsewhere] = [
        bd
        for bd in comparison.get("energi").body
        if bd.move and bd.move.direction == SHOWN_ELSEWHERE
    ]
    assert elsewhere.move == Move(SHOWN_ELSEWHERE, "natur")
    assert elsewhere.move.anchor == shown.anchor and elsewhere.move.origin == "bio"
    # Counted once: as removed in "natur", not at all in "energi".
    assert comparison.get("energi").words_removed == 0
    assert comparison.get("natur").words_removed == 10
    out = render(render_markdown(comparison.get("energi").body, LABELS, NOTES))
    assert '<div class="diff-elsewhere">' in out and "Begreppet" not in out
    assert "<del>" in out  # the text that moved to "natur" is still struck there
    plain = render(render_markdown(comparison.get("energi").body, LABELS))
    assert "Begreppet" in plain  # without notes: a plain deletion


def test_a_run_of_text_shown_elsewhere_is_one_note():
    gone = "Första stycket som ingen behöll går bort här.\n\nAndra stycket som ingen behöll.\n"
    comparison = compare(
        [section("bio", "Bioekonomi", A + "\n" + gone + "\n" + B + "\n" + C)],
        [
            section("energi", "Energi", B, replaces=["bio"]),
            section("natur", "Natur", A + "\n" + C, replaces=["bio"]),
        ],
    )
    out = render(render_markdown(comparison.get("energi").body, LABELS, NOTES))
    assert out.count('class="diff-elsewhere"') == 1
