"""The English site under /en/: mirrored addresses, language links, translation notices."""

from __future__ import annotations

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, shared_site, soup
from strategy_site.content.loader import load_strategy
from strategy_site.derive.translations import translation_statuses


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    return shared_site(tmp_path_factory, FIXTURES / "basic", date(2020, 3, 15))


def test_english_pages_mirror_the_swedish_addresses(site) -> None:
    swedish = {
        p.relative_to(site) for p in site.rglob("index.html") if p.parts[len(site.parts)] != "en"
    }
    english = {p.relative_to(site / "en") for p in (site / "en").rglob("index.html")}
    assert swedish == english


def test_english_interface_and_dates(site) -> None:
    page = soup(site, "en/v2/skog/")
    assert page.html["lang"] == "en"
    banner = page.select_one(".st-banner")
    assert banner.select_one(".st-status").get_text() == "Consultation draft"
    assert "You are reading: Consultation draft , published 2 March 2020 ." in banner.get_text(
        " ", strip=True
    )
    assert "out for consultation until 30 April 2020" in banner.get_text(" ", strip=True)
    assert banner.select_one("summary").get_text() == "Change version"


def test_version_titles_come_from_the_en_fields(site) -> None:
    start = soup(site, "en/")
    titles = [a.get_text() for a in start.select(".st-timeline a")]
    assert titles == ["First draft", "Consultation draft", "Adopted version", "Short version"]
    assert start.select_one("article h1").get_text(strip=True).startswith("The test programme")


def language_links(page: BeautifulSoup) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}


def head_alternates(page: BeautifulSoup) -> dict[str, str]:
    """The page's language alternates in its head (the language's Atom feed aside: the
    sitemap Material fetches beside it is the language's own, which exists)."""
    links = page.select('head link[rel=alternate]:not([type="application/atom+xml"])')
    return {link["hreflang"]: link["href"] for link in links}


@pytest.mark.parametrize(
    ("path", "swedish", "english"),
    [
        ("v3/skog/", "./", "../../en/v3/skog/"),
        ("en/v3/skog/", "../../../v3/skog/", "./"),
        ("", ".", "en/"),
        ("en/", "..", "./"),
        ("en/kort/", "../../kort/", "./"),
    ],
)
def test_language_selector_goes_to_the_same_page(site, path, swedish, english) -> None:
    page = soup(site, path)
    assert language_links(page) == {"sv": swedish, "en": english}
    assert {a["lang"] for a in page.select("a.md-select__link")} == {"sv", "en"}
    # No <link rel=alternate> in the head: Material's script fetches a sitemap.xml next to
    # each, which fails for a page's address. The sitemaps carry the alternates.
    assert head_alternates(page) == {}


def test_the_sitemap_lists_every_page_with_its_languages(site) -> None:
    """One sitemap for search engines, and a copy at each other language's root: Material
    looks a sitemap up next to every <link rel=alternate>, and the English feed's link
    (`en/feed.xml`) makes it ask for `en/sitemap.xml`."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/smart-specialisering/v3/skog/</loc>" in text
    assert "<loc>https://example.org/smart-specialisering/en/v3/skog/</loc>" in text
    assert 'hreflang="en" href="https://example.org/smart-specialisering/en/v3/skog/"' in text
    assert (site / "en" / "sitemap.xml").read_text(encoding="utf-8") == text


def test_current_translation_is_shown_without_notice(site) -> None:
    page = soup(site, "en/v3/inledning/")
    assert page.select_one(".st-translation") is None
    assert page.select_one("article div[lang]") is None
    assert page.select_one("article h1").get_text(strip=True).startswith("1 Introduction")
    assert "long tradition of cooperation" in page.select_one("article").get_text()


def test_missing_translation_shows_swedish_text_marked_swedish(site) -> None:
    page = soup(site, "en/v3/energi/")
    notice = page.select_one(".st-translation--missing")
    assert notice.get_text() == (
        "This section has not been translated into English yet. "
        "The Swedish original is shown below."
    )
    swedish = page.select_one("article div[lang='sv']")
    assert "Förnybar energi är ett nytt styrkeområde." in swedish.get_text()
    assert page.select_one("article h1[lang='sv']").get_text(strip=True).startswith("3.3 Energi")
    assert notice not in swedish.descendants


def test_outdated_translation_links_to_the_swedish_page(site) -> None:
    page = soup(site, "en/v3/skog/")
    notice = page.select_one(".st-translation--outdated")
    assert "The Swedish original of this section has changed since it was translated" in (
        notice.get_text()
    )
    link = notice.select_one("a")
    assert (link["href"], link["hreflang"]) == ("../../../v3/skog/", "sv")
    assert "The forest matters to the county." in page.select_one("article").get_text()


def test_swedish_pages_have_no_translation_notices(site) -> None:
    assert soup(site, "v3/energi/").select_one(".st-translation") is None


def test_fallback_docs_page_is_marked_swedish(site) -> None:
    page = soup(site, "en/om/")
    assert page.select_one("article div[lang='sv'] h1").get_text(strip=True).startswith("Om")


def test_each_language_has_its_own_search_index(site) -> None:
    swedish = json.loads((site / "search/search_index.json").read_text())
    english = json.loads((site / "en/search/search_index.json").read_text())
    assert swedish["config"]["lang"] == ["sv"] and english["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in swedish["docs"])
    english_text = " ".join(d["text"] for d in english["docs"])
    assert "long tradition of cooperation" in english_text
    assert "Skogen är viktig" not in english_text
    config = json.loads(soup(site, "en/v3/skog/").select_one("#__config").string)
    assert config["base"] == "../.."  # the English root, where its search index lives


def test_status_page_agrees_with_the_command(site) -> None:
    strategy = load_strategy(FIXTURES / "basic")
    expected = {
        (r.version, r.section): (r.state, r.words) for r in translation_statuses(strategy, "en")
    }
    for path, state_names in (
        ("oversattning/", {"Aktuell": "current", "Inaktuell": "outdated", "Saknas": "missing"}),
        ("en/oversattning/", {"Current": "current", "Outdated": "outdated", "Missing": "missing"}),
    ):
        page = soup(site, path)
        found = {}
        for row in page.select("article tbody tr"):
            link, state, words = row.select("td")
            parts = link.select_one("a")["href"].strip("/").split("/")
            name = state.select_one(".st-state__badge").get_text().split(" ", 1)[1]
            found[(parts[-2], parts[-1])] = (state_names[name], int(words.get_text()))
            # Titles go to the translated page, which is what its readers see.
            assert link.select_one("a")["hreflang"] == "en"
        assert found == expected, path
