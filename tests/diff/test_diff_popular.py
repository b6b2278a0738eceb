"""Review flags for popular versions."""

from __future__ import annotations

from diff_testing import section, strategy, version

from strategy_site.derive.diff import ReviewFlag, popular_review_flags


def versions():
    utkast = version(
        "utkast", [section("skog", "Skog", "Skog.\n"), section("turism", "Turism", "Turism.\n")]
    )
    remiss = version(
        "remiss",
        [section("skog", "Skog", "Skog.\n"), section("turism", "Turism", "Turism.\n")],
        based_on="utkast",
        status="consultation",
    )
    popular = version(
        "popular",
        [
            section("kort-skog", "Skogen i korthet", "Kort.\n", summarises=["skog"]),
            section("kort-turism", "Turism i korthet", "Kort.\n", summarises=["turism"]),
            section("om", "Om texten", "Om.\n"),
        ],
        based_on="remiss",
        status="popular",
    )
    beslutad = version(
        "beslutad",
        [
            section("skog", "Skog", "Skog och mark.\n"),
            section("besoksnaring", "Besöksnäring", "Turism.\n", replaces=["turism"]),
        ],
        based_on="remiss",
        status="adopted",
    )
    return utkast, remiss, popular, beslutad


def test_nothing_to_review_when_nothing_changed_later():
    utkast, remiss, popular, _ = versions()
    assert popular_review_flags(strategy(utkast, remiss, popular)) == {}


def test_changes_in_later_versions_flag_the_summary():
    flags = popular_review_flags(strategy(*versions()))
    assert flags == {
        ("popular", "kort-skog"): [ReviewFlag("skog", "beslutad", "changed")],
        ("popular", "kort-turism"): [
            ReviewFlag("turism", "beslutad", "replaced", ("besoksnaring",))
        ],
    }


def test_changes_before_the_base_or_on_other_branches_do_not_count():
    utkast, remiss, popular, beslutad = versions()
    remiss.sections["skog"].body = "Skog, ändrad i remissen.\n"  # the summary's own base
    other = version(
        "gren", [section("skog", "Skog", "Annat.\n")], based_on="utkast"
    )  # not after remiss
    flags = popular_review_flags(strategy(utkast, remiss, popular, other))
    assert flags == {}


def test_changes_are_followed_through_several_versions_and_renamed_ids():
    utkast, remiss, popular, beslutad = versions()
    reviderad = version(
        "reviderad",
        [
            section("skog", "Skog", "Skog och mark.\n"),
            section("besoksnaring", "Besöksnäring", "Ny text.\n"),
        ],
        based_on="beslutad",
    )
    flags = popular_review_flags(strategy(utkast, remiss, popular, beslutad, reviderad))
    assert flags[("popular", "kort-turism")] == [
        ReviewFlag("turism", "beslutad", "replaced", ("besoksnaring",)),
        ReviewFlag("besoksnaring", "reviderad", "changed"),
    ]
    assert flags[("popular", "kort-skog")] == [ReviewFlag("skog", "beslutad", "changed")]
    assert ("popular", "om") not in flags
