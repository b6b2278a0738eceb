"""The example never gives a real organisation words it did not publish.

FACTS.md: nothing is known of what anyone wrote in the consultation of spring 2020, nor
how the region handled each workshop point. So every consultation response in the
example comes from an invented or generic sender and names no organisation that took
part in the workshop, and everything made up is marked as such for readers.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, CData, NavigableString

from conftest import EXAMPLE, REPO, SiteBuilder, soup
from strategy_site.content.loader import load_strategy
from strategy_site.model import CERTAINTIES, DateMark, Input
from strategy_site.plan.texts import format_date, format_span, t

# The participants of 11 December 2019 as the seed's reading guide lists them (the
# workshop input must hold exactly these), and other names the same bodies go by.
PARTICIPANTS = [
    "Almi",
    "Bergs kommun",
    "Bräcke kommun",
    "Coompanion Jämtlands län",
    "MIUN",
    "IUC Z- group AB",
    "Jämtland Härjedalen Turism",
    "Krokoms kommun",
    "Leader 3sam 2.0 Ideell förening",
    "LRF-Mitt",
    "Länsstyrelsen Jämtlands län",
    "Naboer AB",
    "Nordregio",
    "Peak Region AB",
    "Ragunda kommun",
    "Region Jämtland Härjedalen",
    "Strömsunds Utvecklingsbolag",
    "Svenska ESF-rådet",
    "Tillväxtverket",
    "Torsta AB",
    "Trøndelag Fylkeskommune",
    "Åre kommun",
    "Östersunds kommun",
]
ALIASES = [
    "Mittuniversitetet",
    "Mid Sweden University",
    "LRF",
    "Länsstyrelsen",
    "County Administrative Board",
    "IUC Z",
    "Leader 3sam",
    "Coompanion",
    "Peak Region",
    "Naboer",
    "Torsta",
    "ESF-rådet",
    "Trøndelag",
    "Strömsund",
    "Östersund",
    "Krokom",
    "Ragunda",
    "Bräcke",
    "Swedish Agency for Economic and Regional Growth",
]


def _names() -> list[str]:
    """Each participant with and without its company form, plus the aliases."""
    names = set(ALIASES)
    for name in PARTICIPANTS:
        names.add(name)
        names.add(re.sub(r"\s+AB$", "", name))
    return sorted(names)


def _pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in _names())
    return re.compile(rf"(?<!\w)({names})(?!\w)", re.IGNORECASE)


def _said(found: Input) -> list[str]:
    """Every string of a response a reader sees."""
    texts = [found.title or "", *found.from_]
    for item in found.items:
        texts += [item.text, item.proposal or "", item.response or ""]
        texts += [s.title for s in item.sources] + [s.url or "" for s in item.sources]
    return texts


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(EXAMPLE)


def test_the_workshop_lists_the_seed_participants(strategy) -> None:
    (workshop,) = [i for i in strategy.inputs if i.kind == "workshop"]
    assert workshop.from_ == PARTICIPANTS


def test_no_consultation_response_names_a_workshop_participant(strategy) -> None:
    responses = [i for i in strategy.inputs if i.kind == "consultation-response"]
    assert len(responses) >= 5
    pattern = _pattern()
    found = [
        (response.id, match.group(0))
        for response in responses
        for text in _said(response)
        for match in pattern.finditer(text)
    ]
    assert found == []


def test_the_check_itself_catches_a_real_name() -> None:
    """The pattern would see a real body in a response, also in its other names."""
    pattern = _pattern()
    for text in ("Remissvar från Mittuniversitetet", "LRF Mitt anser", "Peak Region tycker"):
        assert pattern.search(text), text
    assert not pattern.search("En kommun i länet")


def test_everything_made_up_is_marked(strategy) -> None:
    for found in strategy.inputs:
        if found.kind == "consultation-response":
            assert found.illustrative == "all", found.id
        else:
            # The participants and the points are real; how they were handled is not known.
            assert found.illustrative == "handling", found.id
            assert all(item.proposal is None for item in found.items), found.id


def test_unverified_dates_are_marked(strategy) -> None:
    """FACTS: only the workshop date is certain; the rest is planned or approximate."""
    utkast, remiss, beslutad, popular = (strategy.versions[v] for v in strategy.versions)
    assert utkast.date <= date(2019, 12, 11)  # the workshop discussed the draft
    assert utkast.date_mark.certainty == "approximate"
    assert remiss.date_mark.certainty == "approximate"
    consultation = remiss.consultation
    assert consultation.opens_mark.certainty == consultation.closes_mark.certainty == "approximate"
    decision = beslutad.decision
    assert decision.date_mark.certainty == "planned"
    assert (decision.date, decision.date_mark.until) == (date(2020, 11, 24), date(2020, 11, 25))
    assert decision.in_force_mark.certainty == "planned"
    assert beslutad.date_mark.certainty == "planned"
    assert popular.date_mark.certainty == "approximate"
    # The deciding body is named in each language.
    assert set(decision.by) == {"sv", "en"}


# ---------------------------------------------------------------------------------------
# The seed: the reading guide of the consultation draft, as text (a copy of the one in
# the project's shared folder), the source of the participants and the nine points.

SEED = REPO / "tests/fixtures/seed/lasanvisningar-remissutkast.txt"


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_participants() -> list[str]:
    """The organisations named in the seed's sentence about 11 December 2019."""
    flat = " ".join(_seed_text().split())
    start = flat.index("representanter från ") + len("representanter från ")
    names = flat[start : flat.index(". Redan denna dag")]
    *rest, last = names.split(", ")
    return [*rest, *last.split(" och ")]


def seed_points() -> list[str]:
    """The nine points under "Det vi tog med oss", each joined across the seed's lines."""
    text = _seed_text()
    block = text[text.index("bland annat:") + len("bland annat:") : text.index("Vid skrivande")]
    points = re.split(r"^\s*- ", block, flags=re.M)[1:]
    return [" ".join(point.split()) for point in points]


def test_the_seed_is_read_as_it_is_written() -> None:
    assert len(seed_points()) == 9 and len(seed_participants()) == 23
    assert seed_points()[6] == "Kopplingen mellan RIS3 och RUS är viktig."
    assert seed_participants() == PARTICIPANTS


def test_the_nine_workshop_points_are_worded_as_in_the_seed(strategy) -> None:
    (workshop,) = [i for i in strategy.inputs if i.kind == "workshop"]
    assert [item.text for item in workshop.items] == seed_points()
    # The consultation draft's reading guide lists them the same way, and its list of
    # participants spells them as the seed does (MIUN with its name spelt out).
    guide = strategy.versions["remiss"].sections["lasanvisning"].body
    listed = re.findall(r"^- (.+)$", guide.split("## Workshopen")[1].split("\n## ")[0], re.M)
    assert listed == seed_points()
    sentence = next(line for line in guide.splitlines() if line.startswith("Almi, "))
    named = sentence.rstrip(".").replace("Mittuniversitetet (MIUN)", "MIUN")
    *rest, last = named.split(", ")
    assert [*rest, *last.split(" och ")] == PARTICIPANTS


# ---------------------------------------------------------------------------------------
# The built example, every page of both languages.


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    try:
        builder = SiteBuilder(tmp_path_factory.mktemp("honest"), monkeypatch)
        yield builder.build(builder.project(EXAMPLE), date(2026, 6, 1))
    finally:
        monkeypatch.undo()


@pytest.fixture(scope="module")
def pages(site: Path) -> list[tuple[str, str, BeautifulSoup]]:
    """(site path, language, parsed page) of every page the site has, parsed once for
    the module's tests (they only read them)."""
    found = []
    for path in sorted([*site.glob("**/index.html"), *site.glob("**/404.html")]):
        relative = path.relative_to(site).as_posix()
        lang = "en" if relative.startswith("en/") else "sv"
        found.append((relative, lang, BeautifulSoup(path.read_text("utf-8"), "html.parser")))
    return found


HIDDEN = {"script", "style", "template", "pre", "code"}


def shown_text(page: BeautifulSoup) -> str:
    """What a reader sees of a page, as one line; code (the guides' examples of the
    files) is the files' text, not a statement of a date. The page is left as it was."""
    words = [
        str(piece)
        for piece in (page.body or page).descendants
        if type(piece) in (NavigableString, CData)
        and not any(parent.name in HIDDEN for parent in piece.parents)
    ]
    return " ".join(" ".join(words).split())


def marked_dates(strategy) -> list[tuple[date, DateMark]]:
    """Every date of the example that has a mark (planned or approximate): the model's."""
    found: list[tuple[date, DateMark | None]] = []
    for version in strategy.versions.values():
        found.append((version.date, version.date_mark))
        if version.consultation is not None:
            c = version.consultation
            found += [(c.opens, c.opens_mark), (c.closes, c.closes_mark)]
        if version.decision is not None:
            d = version.decision
            found.append((d.date, d.date_mark))
            if d.in_force is not None:
                found.append((d.in_force, d.in_force_mark))
    return [(day, mark) for day, mark in found if mark is not None]


# Words that mark a date in running text, besides those of the interface strings.
PROSE_MARKS = {
    "sv": ["enligt planen", "enligt tidplanen", "planerad", "ungefär", "platshållare"],
    "en": ["according to the plan", "timetable", "approximately", "placeholder"],
}


def date_marks(lang: str) -> list[str]:
    """The words the site puts by a marked date ("cirka", "(planerat)", "Planerat beslut
    i", "Planeras gälla från"), from the interface strings, and those of PROSE_MARKS."""
    words = [t(lang, f"date.{c}", date="").strip(" ()") for c in CERTAINTIES]
    for key in ("decision.planned", "decision.in_force_planned", "start.decision_planned"):
        words.append(t(lang, key, by="", date="", reference="").split()[0])
    return [w.casefold() for w in words + PROSE_MARKS[lang]]


def unmarked(text: str, shown: str, marks: list[str]) -> list[str]:
    """Each place `shown` is in `text` with no mark near it in the same sentence."""
    found = []
    for match in re.finditer(r"(?<!\d)" + re.escape(shown), text):
        before = text[max(0, match.start() - 250) : match.start()]
        before = re.split(r"[.!?] ", before)[-1]
        after = text[match.end() : match.end() + 15]
        near = (before + " " + after).casefold()
        if not any(mark in near for mark in marks):
            found.append(text[max(0, match.start() - 60) : match.end() + 20])
    return found


def test_no_page_shows_an_unverified_date_without_its_mark(strategy, pages) -> None:
    """Every date the model marks as planned or approximate, on every page in both
    languages, has its mark beside it: banners, the outcome page, and prose alike."""
    dates = marked_dates(strategy)
    assert len(dates) >= 7
    problems = []
    checked = 0
    for path, lang, page in pages:
        text = shown_text(page)
        marks = date_marks(lang)
        for day, mark in dates:
            for shown in {format_date(day, lang), format_span(day, mark.until, lang)} | (
                {format_date(mark.until, lang)} if mark.until else set()
            ):
                checked += text.count(shown)
                problems += [f"{path}: …{place}…" for place in unmarked(text, shown, marks)]
    assert checked > 100  # the banners of every page show them
    assert problems == []


def test_the_date_check_sees_an_unmarked_date() -> None:
    marks = date_marks("sv")
    assert unmarked("Remissutkast var på remiss 2 mars 2020 – 30 april 2020.", "2 mars 2020", marks)
    assert not unmarked(
        "Remisstiden var cirka 2 mars 2020 – cirka 30 april 2020.", "30 april 2020", marks
    )
    assert not unmarked(
        "Planerat beslut i regionfullmäktige 24–25 november 2020.", "25 november 2020", marks
    )
    assert unmarked(
        "Det är planerat. Programmet gäller från 1 januari 2021.", "1 januari 2021", marks
    )


# The places where a page says who an input is from.
WHO = ".st-outcome-item__from, .st-cause-list li, .st-affected li, .st-input-meta, .st-senders li"


def test_no_workshop_point_is_headed_by_the_participants(pages) -> None:
    """A workshop's `from` is who took part, not who said each point: no page puts a
    participant's name where it says who an input is from, or in the sender filter."""
    pattern = _pattern()
    headed = []
    workshops = 0
    for path, _, page in pages:
        for element in page.select(f"{WHO}, #st-filter-sender option"):
            said = " ".join(element.get_text(" ").split())
            workshops += said.startswith("Workshop")
            headed += [f"{path}: {said[:80]}" for _ in pattern.finditer(said)]
    assert workshops > 20  # cause notes, outcome items and inputs pages, both languages
    assert headed == []


def test_the_workshop_is_shown_with_its_participants_once(site) -> None:
    """Listed once, under "Deltagare"; its points headed by the workshop; the notice says
    the points are real as the region summarised them."""
    for prefix, label, heading, summarised in [
        (
            "",
            "Deltagare (23)",
            "Workshop 11 december 2019 (23 deltagande organisationer)",
            "Deltagarna och punkterna, så som regionen sammanfattade dem, är verkliga.",
        ),
        (
            "en/",
            "Participants (23)",
            "Workshop on 11 December 2019 (23 participating organisations)",
            "The participants and the points, as the region summarised them, are real.",
        ),
    ]:
        page = soup(site, f"{prefix}utkast/inspel/")
        listed = page.select_one("div.st-workshop details.st-participants")
        assert listed.select_one("summary").get_text() == label
        assert [li.get_text() for li in listed.select("li")] == PARTICIPANTS
        assert page.select_one("article").get_text().count("Bergs kommun") == 1
        senders = [o.get_text() for o in page.select("#st-filter-sender option")]
        assert senders[1:] == ["Workshop"]
        assert page.select_one("p.st-illustrative").get_text().startswith(summarised)
        shaped = soup(site, f"{prefix}remiss/inspel/").select(".st-outcome-item__from")
        assert len(shaped) == 8
        assert {" ".join(h.get_text().split()) for h in shaped} == {heading}
