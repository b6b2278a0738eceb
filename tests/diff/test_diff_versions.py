"""Section-level comparison on small hand-built versions."""

from __future__ import annotations

import pytest
from diff_testing import section, strategy, version

from strategy_site.derive.diff import (
    ADDED,
    CHANGED,
    MERGED,
    MERGED_INTO,
    MOVED,
    REMOVED,
    RENAMED,
    REPLACES,
    SPLIT,
    SPLIT_INTO,
    UNCHANGED,
    DiffLabels,
    compare_versions,
    compare_with_based_on,
)

BODY = "Jämtland Härjedalen har en lång tradition av skogsbruk och jordbruk.\n"


def kinds(comparison) -> dict[str, tuple[str, ...]]:
    return {e.section_id: e.kinds for e in comparison}


def order(comparison) -> list[str]:
    return [e.section_id for e in comparison]


def old_version() -> object:
    return version(
        "utkast",
        [
            section("inledning", "Inledning", "Om strategin.\n"),
            section("styrka", "Styrkeområden", "Fyra områden.\n"),
            section("skog", "Skog", BODY, parent="styrka"),
            section("turism", "Turism", "Besöksnäringen växer.\n", parent="styrka"),
            section("genomforande", "Genomförande", "Så här gör vi.\n"),
        ],
    )


def test_unchanged_version():
    old = old_version()
    new = old_version()
    new.id, new.based_on = "remiss", "utkast"
    comparison = compare_versions(strategy(old, new), old, new)
    assert set(kinds(comparison).values()) == {(UNCHANGED,)}
    assert comparison.changed == []


def test_added_removed_changed_renamed():
    old = old_version()
    new = version(
        "remiss",
        [
            section("inledning", "Inledning och syfte", "Om strategin.\n"),
            section("styrka", "Styrkeområden", "Fyra områden.\n"),
            section("skog", "Skog", BODY.replace("lång", "mycket lång"), parent="styrka"),
            section("energi", "Energi", "Vindkraft.\n", parent="styrka"),
            section("genomforande", "Genomförande", "Så här gör vi.\n"),
        ],
        based_on="utkast",
    )
    comparison = compare_versions(strategy(old, new), old, new)
    k = kinds(comparison)
    assert k["inledning"] == (RENAMED,)
    assert k["styrka"] == (UNCHANGED,)
    assert k["skog"] == (CHANGED,)
    assert k["energi"] == (ADDED,)
    assert comparison.get("turism").kinds == (REMOVED,)
    # a removed section goes where it stood: before the section that followed it
    assert order(comparison) == ["inledning", "styrka", "skog", "energi", "turism", "genomforande"]
    turism = comparison.get("turism")
    assert (turism.old_number, turism.old_title, turism.new_number) == ("2.2", "Turism", None)
    assert turism.words_removed == 2
    skog = comparison.get("skog")
    assert (skog.words_added, skog.words_removed) == (1, 0)
    assert comparison.get("energi").words_added == 1
    assert comparison.get("inledning").title_html(DiffLabels.for_language("sv")) == (
        'Inledning <ins><span class="sr-only">Tillagt: </span>och syfte</ins>'
    )
    assert comparison.get("skog").title_html() is None


def test_numbers_shifted_by_an_insertion_are_not_a_move():
    old = old_version()
    new = version(
        "remiss",
        [
            section("lasanvisning", "Läsanvisning", "Läs så här.\n"),
            *[section(s.id, s.title, s.body, parent=s.parent) for s in old.sections.values()],
        ],
        based_on="utkast",
    )
    comparison = compare_versions(strategy(old, new), old, new)
    k = kinds(comparison)
    assert k["lasanvisning"] == (ADDED,)
    assert all(v == (UNCHANGED,) for sid, v in k.items() if sid != "lasanvisning")
    skog = comparison.get("skog")
    assert (skog.old_number, skog.new_number) == ("2.1", "3.1")


def test_moved_to_another_parent_and_reordered():
    old = old_version()
    new = version(
        "remiss",
        [
            section("inledning", "Inledning", "Om strategin.\n"),
            section("styrka", "Styrkeområden", "Fyra områden.\n"),
            section("turism", "Turism", "Besöksnäringen växer.\n", parent="styrka"),
            section("genomforande", "Genomförande", "Så här gör vi.\n"),
            section("skog", "Skogen", BODY.replace("lång", "mycket lång"), parent="genomforande"),
        ],
        based_on="utkast",
    )
    comparison = compare_versions(strategy(old, new), old, new)
    k = kinds(comparison)
    assert k["skog"] == (RENAMED, MOVED, CHANGED)
    assert k["turism"] == (UNCHANGED,)  # 2.2 -> 2.1 only because skog left
    skog = comparison.get("skog")
    assert (skog.old_number, skog.new_number) == ("2.1", "3.1")


def test_reordered_siblings_only_the_one_that_moved():
    old = version("a", [section(x, x.upper(), f"{x} text.\n") for x in "pqrs"])
    new = version("b", [section(x, x.upper(), f"{x} text.\n") for x in "qrsp"], based_on="a")
    comparison = compare_versions(strategy(old, new), old, new)
    assert kinds(comparison) == {
        "q": (UNCHANGED,),
        "r": (UNCHANGED,),
        "s": (UNCHANGED,),
        "p": (MOVED,),
    }
    p = comparison.get("p")
    assert (p.old_number, p.new_number) == ("1", "4")


def test_merged_sections():
    old = version(
        "a",
        [
            section("halsa", "Hälsa", "Vård i hela länet.\n"),
            section("e-halsa", "E-hälsa", "Digitala tjänster.\n"),
            section("slut", "Slut", "Slut.\n"),
        ],
    )
    new = version(
        "b",
        [
            section(
                "halsa-och-e-halsa",
                "Hälsa och e-hälsa",
                "Vård i hela länet.\n\nDigitala tjänster för alla.\n",
                replaces=["e-halsa", "halsa"],
            ),
            section("slut", "Slut", "Slut.\n"),
        ],
        based_on="a",
    )
    comparison = compare_versions(strategy(old, new), old, new)
    merged = comparison.get("halsa-och-e-halsa")
    assert merged.kinds == (MERGED, CHANGED)
    assert merged.old_ids == ("halsa", "e-halsa")  # old reading order
    # the concatenated old bodies are compared with the new body
    assert merged.body.old_text() == "Vård i hela länet.\n\nDigitala tjänster.\n"
    assert (merged.words_added, merged.words_removed) == (2, 0)
    assert comparison.get("halsa").kinds == (MERGED_INTO,)
    assert comparison.get("halsa").new_ids == ("halsa-och-e-halsa",)
    assert comparison.get("e-halsa").kinds == (MERGED_INTO,)
    assert REMOVED not in {k for e in comparison for k in e.kinds}
    assert order(comparison) == ["halsa-och-e-halsa", "halsa", "e-halsa", "slut"]


def test_split_section():
    old = version("a", [section("styrka", "Styrkeområden", "Skog och turism.\n\nMer om turism.\n")])
    new = version(
        "b",
        [
            section("skog", "Skog", "Skog och turism.\n", replaces=["styrka"]),
            section("turism", "Turism", "Mer om turism.\n", replaces=["styrka"]),
        ],
        based_on="a",
    )
    comparison = compare_versions(strategy(old, new), old, new)
    assert comparison.get("skog").kinds[0] == SPLIT
    assert comparison.get("turism").kinds[0] == SPLIT
    assert comparison.get("styrka").kinds == (SPLIT_INTO,)
    assert comparison.get("styrka").new_ids == ("skog", "turism")
    # What went to "turism" is counted as moved, not removed.
    assert comparison.get("skog").words_removed == 0
    assert comparison.get("skog").words_moved_out == 3


def test_split_off_while_the_old_section_stays():
    old = version("a", [section("styrka", "Styrkeområden", "Skog.\n\nTurism.\n")])
    new = version(
        "b",
        [
            section("styrka", "Styrkeområden", "Skog.\n"),
            section("turism", "Turism", "Turism.\n", replaces=["styrka"]),
        ],
        based_on="a",
    )
    comparison = compare_versions(strategy(old, new), old, new)
    assert comparison.get("styrka").kinds == (SPLIT, CHANGED)
    assert comparison.get("turism").kinds[0] == SPLIT


def test_replaces_one_section_is_its_continuation():
    old = version("a", [section("intro", "Inledning", BODY), section("b", "B", "b.\n")])
    new = version(
        "b",
        [section("b", "B", "b.\n"), section("inledning", "Inledning", BODY, replaces=["intro"])],
        based_on="a",
    )
    comparison = compare_versions(strategy(old, new), old, new)
    entry = comparison.get("inledning")
    assert entry.kinds == (REPLACES, MOVED)
    assert (entry.old_number, entry.new_number, entry.old_ids) == ("1", "2", ("intro",))
    assert comparison.get("intro") is None  # not reported as removed
    assert order(comparison) == ["b", "inledning"]


def test_removed_sections_order():
    old = version("a", [section(x, x.upper(), f"{x}.\n") for x in ["a1", "b1", "b2", "c1", "z"]])
    new = version("b", [section(x, x.upper(), f"{x}.\n") for x in ["c1", "a1", "n"]], based_on="a")
    comparison = compare_versions(strategy(old, new), old, new)
    # b1, b2 were followed by c1, so they stand before it; z was followed by nothing
    assert order(comparison) == ["b1", "b2", "c1", "a1", "n", "z"]
    assert comparison.get("z").kinds == (REMOVED,)
    assert comparison.get("a1").kinds == (MOVED,)


def test_first_version_is_all_added_and_popular_is_refused():
    first = old_version()
    comparison = compare_versions(strategy(first), None, first)
    assert set(kinds(comparison).values()) == {(ADDED,)}
    assert comparison.get("skog").words_added == 10
    popular = version(
        "popular", [section("kort", "Kort", "Kort.\n")], based_on="utkast", status="popular"
    )
    with pytest.raises(ValueError):
        compare_versions(strategy(first, popular), first, popular)


def test_compare_with_based_on_and_translations():
    from strategy_site.model import Translation

    old = old_version()
    new = old_version()
    new.id, new.based_on = "remiss", "utkast"
    new.sections["skog"].translations["en"] = Translation(
        "en", "Forest", "Forestry matters a lot.\n", None, None, new.sections["skog"].path, 4
    )
    old.sections["skog"].translations["en"] = Translation(
        "en", "Forest", "Forestry matters.\n", None, None, old.sections["skog"].path, 4
    )
    s = strategy(old, new)
    assert compare_with_based_on(s, new).get("skog").kinds == (UNCHANGED,)
    english = compare_with_based_on(s, new, lang="en").get("skog")
    assert english.kinds == (CHANGED,)
    assert english.words_added == 2
