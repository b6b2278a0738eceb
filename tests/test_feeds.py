"""The Atom feeds: valid by RFC 4287's rules, one entry per event up to the build date,
reproducible, escaped. Planned directly: only the head link needs a built site
(test_open_data_site.py)."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import date

import feedparser
import pytest

from atom_rules import ATOM, XML_LANG, atom_problems
from conftest import EXAMPLE
from strategy_site import urls
from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
from strategy_site.model import DateMark
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.export import feed_xml
from strategy_site.plan.pages import plan_site

SITE = "https://example.org/smart-specialisering/"
LATER = date(2026, 1, 1)  # everything in the example has happened


@pytest.fixture(scope="module")
def example():
    return load_publishable(EXAMPLE)


def entries(data: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(data)
    return {e.findtext(ATOM + "id"): e for e in root.findall(ATOM + "entry")}


def text(entry: ET.Element, name: str) -> str:
    return entry.findtext(ATOM + name) or ""


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("today", [date(2019, 12, 11), date(2020, 3, 15), LATER])
def test_the_feeds_keep_the_atom_rules(example, lang, today):
    data = feed_xml(example, lang, today, SITE)
    assert atom_problems(data) == []
    root = ET.fromstring(data)
    assert root.get(XML_LANG) == lang
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == len(root.findall(ATOM + "entry"))


def test_the_rule_checks_can_fail():
    """The helper finds what a broken feed gets wrong."""
    broken = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        b"<updated>2020-01-01</updated>"
        b"<entry><id>x</id><id>y</id><title></title><updated>2020-01-01T00:00:00Z</updated>"
        b"</entry></feed>"
    )
    problems = atom_problems(broken)
    assert "atom:feed has no xml:lang" in problems
    assert "atom:feed has 0 atom:id, must have exactly one" in problems
    assert "atom:feed's updated: '2020-01-01' is not an RFC 3339 date-time" in problems
    assert "atom:entry 1 has 2 atom:id, must have exactly one" in problems
    assert "atom:entry 1's title is empty" in problems
    assert "atom:entry 1 has neither atom:summary nor atom:content" in problems
    assert "atom:entry 1 has no atom:author, and neither has the feed" in problems


def test_every_version_and_the_consultation_are_in_the_feed(example):
    found = entries(feed_xml(example, "sv", LATER, SITE))
    page = SITE + "remiss/"
    assert set(found) == {
        SITE + "utkast/#version",
        page + "#version",
        page + "#consultation-opens",
        page + "#consultation-closes",
        SITE + "beslutad/#version",
        SITE + "popular/#version",
    }
    opens = found[page + "#consultation-opens"]
    assert text(opens, "title") == "Remissen öppnar: Remissutkast"
    summary = text(opens, "summary")
    # The deadline, with its mark ("cirka": the real dates are not known), where to send.
    assert "Sista dag för remissvar är cirka 31 maj 2020." in summary
    assert "registrator@example.se" in summary and "RUN/430/2018" in summary
    assert "De exakta datumen är inte kända, så dagarna är platshållare." in summary
    assert text(opens, "updated") == "2020-03-01T00:00:00Z"
    closes = found[page + "#consultation-closes"]
    assert text(closes, "title") == "Remisstiden har gått ut: Remissutkast"
    assert text(closes, "updated") == "2020-05-31T00:00:00Z"
    assert "dagarna är platshållare" in text(closes, "summary")
    link = opens.find(ATOM + "link")
    assert link is not None and link.get("href") == page and link.get("rel") == "alternate"
    category = opens.find(ATOM + "category")
    assert category is not None and category.get("term") == "consultation"


def test_marked_dates_say_so(example):
    found = entries(feed_xml(example, "sv", LATER, SITE))
    adopted = found[SITE + "beslutad/#version"]
    # A planned date is not presented as a fact, neither in the title nor the summary.
    assert text(adopted, "title") == "Ny version: Beslutat program 2021–2027 (planerat)"
    summary = text(adopted, "summary")
    assert "daterad 24–25 november 2020 (planerat)" in summary
    assert "Planerat beslut i regionfullmäktige 24–25 november 2020" in summary
    assert "Att beslutet fattades då är inte bekräftat." in summary
    assert "cirka 1 december 2019" in text(found[SITE + "utkast/#version"], "summary")
    english = entries(feed_xml(example, "en", LATER, SITE))
    assert text(english[SITE + "en/beslutad/#version"], "title").endswith("(planned)")
    assert "about 1 March 2020" in text(english[SITE + "en/remiss/#version"], "summary")


def test_only_what_has_happened_by_the_build_date(example):
    during = feed_xml(example, "sv", date(2020, 3, 15), SITE)
    found = entries(during)
    assert set(found) == {
        SITE + "utkast/#version",
        SITE + "remiss/#version",
        SITE + "remiss/#consultation-opens",
    }
    root = ET.fromstring(during)
    assert root.findtext(ATOM + "updated") == "2020-03-01T00:00:00Z"  # the newest entry
    # Still open on its last day; closed the day after.
    assert SITE + "remiss/#consultation-closes" not in entries(
        feed_xml(example, "sv", date(2020, 5, 31), SITE)
    )
    assert SITE + "remiss/#consultation-closes" in entries(
        feed_xml(example, "sv", date(2020, 6, 1), SITE)
    )
    later = ET.fromstring(feed_xml(example, "sv", LATER, SITE))
    assert later.findtext(ATOM + "updated") == "2021-03-01T00:00:00Z"  # not the build date
    order = [e.findtext(ATOM + "updated") for e in later.findall(ATOM + "entry")]
    assert order == sorted(order, reverse=True)


def test_the_feed_is_reproducible(example):
    first = feed_xml(example, "en", LATER, SITE)
    assert feed_xml(example, "en", LATER, SITE) == first
    # The build date changes nothing once every event has happened.
    assert feed_xml(example, "en", date(2030, 6, 1), SITE) == first


def test_titles_and_summaries_are_escaped(example):
    hostile = '<b>&amp; "x"</b> ]]> <!-- &'
    version = example.versions["remiss"]
    changed = dataclasses.replace(version, title={"sv": hostile, "en": hostile})
    consultation = dataclasses.replace(version.consultation, respond_to="<script>a@b</script>")
    changed.consultation = consultation
    strategy = dataclasses.replace(example, versions={**example.versions, "remiss": changed})
    data = feed_xml(strategy, "sv", LATER, SITE)
    assert b"<b>" not in data and b"<script>" not in data
    found = entries(data)
    assert text(found[SITE + "remiss/#version"], "title") == f"Ny version: {hostile}"
    assert "<script>a@b</script>" in text(found[SITE + "remiss/#consultation-opens"], "summary")
    assert atom_problems(data) == []


def test_a_planned_consultation_is_not_announced_early(example):
    version = example.versions["remiss"]
    planned = DateMark("planned")
    consultation = dataclasses.replace(
        version.consultation, opens=date(2030, 1, 1), closes=date(2030, 2, 1), opens_mark=planned
    )
    changed = dataclasses.replace(version, consultation=consultation)
    strategy = dataclasses.replace(example, versions={**example.versions, "remiss": changed})
    found = entries(feed_xml(strategy, "sv", date(2029, 12, 31), SITE))
    assert SITE + "remiss/#consultation-opens" not in found
    found = entries(feed_xml(strategy, "sv", date(2030, 1, 1), SITE))
    assert text(found[SITE + "remiss/#consultation-opens"], "title").endswith("(planerat)")


def test_the_plan_has_a_feed_per_language_only_with_a_site_url(example):
    for lang in example.languages:
        plan = plan_site(example, lang, LATER, flavour=MKDOCS_MATERIAL, site_url=SITE, shared=[])
        feeds = [f for f in plan.files if f.path == urls.feed_path()]
        assert [f.lang for f in feeds] == [lang]
        start = next(p for p in plan.pages if p.kind == "start")
        assert 'href="feed.xml"' in start.markdown
    plan = plan_site(example, "sv", LATER, flavour=MKDOCS_MATERIAL, shared=[])
    assert not [f for f in plan.files if f.path == urls.feed_path()]
    start = next(p for p in plan.pages if p.kind == "start")
    assert "feed.xml" not in start.markdown
    assert 'href="data/"' in start.markdown
