"""Terminal rendering."""

from __future__ import annotations

from diff_testing import section, strategy, version

from strategy_site.derive.diff import compare_versions, diff_body, render_terminal

OLD = "Ett.\n\nTvå.\n\nJämtland har en lång tradition.\n\nFyra.\n\nFem.\n\nSex.\n"
NEW = (
    "Ett.\n\nTvå.\n\nJämtland Härjedalen har en lång tradition.\n\nNytt stycke.\n\nFyra.\n\nFem.\n"
)


def test_plain_markers_and_elided_context():
    out = render_terminal(diff_body(OLD, NEW), color=False)
    assert out.splitlines() == [
        "  … 2 unchanged blocks …",
        "~ Jämtland [+Härjedalen+] har en lång tradition.",
        "+ [+Nytt stycke.+]",
        "  … 2 unchanged blocks …",
        "- [-Sex.-]",
    ]


def test_colour_uses_ansi_green_and_red():
    out = render_terminal(diff_body(OLD, NEW), color=True)
    assert "\x1b[32;4mHärjedalen\x1b[0m" in out
    assert "\x1b[31;9mSex.\x1b[0m" in out
    assert "[+" not in out


def test_comparison_headers():
    old = version(
        "utkast", [section("a", "Inledning", OLD), section("b", "Skog", "Skog.\n", parent="a")]
    )
    new = version(
        "remiss",
        [
            section("c", "Ny", "Ny.\n"),
            section("a", "Inledning och syfte", NEW),
            section("b", "Skog", "Skog.\n"),
        ],
        based_on="utkast",
    )
    out = render_terminal(compare_versions(strategy(old, new), old, new), color=False)
    lines = out.splitlines()
    assert lines[0] == "utkast -> remiss: +4 -1 words"
    assert "1 Ny  [added]  +1 -0" in lines
    assert "2 Inledning -> Inledning och syfte  [renamed, changed]  +3 -1" in lines
    assert "1.1 -> 3 Skog  [moved]  +0 -0" in lines
