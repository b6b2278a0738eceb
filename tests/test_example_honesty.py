"""The example never gives a real organisation words it did not publish.

FACTS.md: nothing is known of what anyone wrote in the consultation of spring 2020, nor
how the region handled each workshop point. So every consultation response in the
example comes from an invented or generic sender and names no organisation that took
part in the workshop, and everything made up is marked as such for readers.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import EXAMPLE
from strategy_site.content.loader import load_strategy
from strategy_site.model import Input

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
