"""The details a reader notices: the 404 pages, search results that name their version,
headings read without "¶", titles marked with their language, the version selector."""

from __future__ import annotations

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, build_once, soup

ROOT = "/smart-specialisering/"  # the path of mkdocs.yml's site_url


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    return build_once(tmp_path_factory, FIXTURES / "basic", date(2020, 3, 15))


def page_404(site, lang: str) -> BeautifulSoup:
    path = site / ("404.html" if lang == "sv" else f"{lang}/404.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("lang", "root", "title", "current"),
    [
        ("sv", ROOT, "Sidan finns inte", "Läs Beslutad version, den gällande versionen"),
        ("en", ROOT + "en/", "Page not found", "Read Adopted version, the version in force"),
    ],
)
def test_every_language_has_its_own_helpful_404_page(site, lang, root, title, current) -> None:
    page = page_404(site, lang)
    assert page.html["lang"] == lang
    article = page.select_one("article")
    assert article.select_one("h1").get_text() == title
    assert len(article.select_one("h1 + p").get_text()) > 80  # an explanation
    links = {a.get_text(): a["href"] for a in article.select("a")}
    assert links[current] == root + "v3/"
    assert root in links.values()  # the start page
    form = article.select_one("form[role=search]")
    assert form["action"] == root and form.select_one("input[name=q]")["id"]
    assert form.select_one(f"label[for={form.select_one('input')['id']}]")
    # The sidebar and the search index are the language's own; links are absolute, as a
    # 404 page is served at any address.
    for a in page.select(".md-sidebar--primary a[href]"):
        assert a["href"].startswith(root), a
        if lang == "sv":
            assert not a["href"].startswith(ROOT + "en/"), a
    config = json.loads(page.select_one("#__config").get_text())
    assert config["base"].rstrip("/") == root.rstrip("/")


def search_docs(site, lang: str) -> list[dict]:
    path = site / ("search" if lang == "sv" else f"{lang}/search") / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))["docs"]


def test_search_results_name_their_version_and_prefer_the_current_one(site) -> None:
    docs = {doc["location"]: doc for doc in search_docs(site, "sv")}
    assert docs["v3/skog/"]["tags"] == ["Beslutad version · Gällande"]
    assert docs["v2/skog/"]["tags"] == ["Remissutkast"]  # the status is its name already
    assert docs["v1/skog/"]["tags"] == ["Första utkastet"]  # "utkastet" says the status
    assert docs["v3/skog/"]["boost"] > docs["v2/skog/"]["boost"]
    english = {doc["location"]: doc for doc in search_docs(site, "en")}
    assert english["v3/skog/"]["tags"] == ["Adopted version · Current"]


def test_search_snippets_carry_no_paragraph_labels(site) -> None:
    for lang in ("sv", "en"):
        for doc in search_docs(site, lang):
            assert "¶" not in doc["text"] and "stycke" not in doc["text"].split()[-1:], doc


@pytest.mark.parametrize(
    ("path", "permalink"),
    [("v3/skog/", "Länk till rubriken"), ("en/v3/skog/", "Link to this heading")],
)
def test_headings_are_named_by_their_text_alone(site, path, permalink) -> None:
    page = soup(site, path)
    headings = page.select("article :is(h1, h2, h3)[id]:has(a.headerlink)")
    assert headings
    for heading in headings:
        name = page.find(id=heading["aria-labelledby"])
        assert name in heading.descendants and "¶" not in name.get_text()
        link = heading.select_one("a.headerlink")
        assert link["aria-label"] == link["title"] == permalink


def test_the_banner_follows_the_title_that_the_skip_link_targets(site) -> None:
    page = soup(site, "v3/skog/")
    skip = page.select_one("a.md-skip")["href"]
    title = page.select_one("article h1")
    assert skip == "#" + title["id"]
    assert title.find_next_sibling(class_="st-banner") is not None


def test_untranslated_titles_are_marked_swedish_on_english_pages(site) -> None:
    page = soup(site, "en/v3/inledning/")
    marked = [
        (span.get_text(), span.find_next_sibling("span").get_text())
        for span in page.select(".md-sidebar--primary span[lang=sv]")
    ]
    assert ("3 Fokusområden", "(in Swedish)") in marked
    assert all(note == "(in Swedish)" for _, note in marked)
    english = soup(site, "en/v3/energi/")
    footer_titles = english.select(".md-footer__link .md-ellipsis")
    assert any(t.get("lang") is None for t in footer_titles)
    assert soup(site, "v3/inledning/").select(".md-sidebar--primary span[lang]") == []


@pytest.mark.parametrize(
    ("path", "credit"), [("v3/skog/", "Byggd med"), ("en/v3/skog/", "Made with")]
)
def test_footer_credit_in_the_pages_language(site, path, credit) -> None:
    text = soup(site, path).select_one(".md-copyright").get_text(" ", strip=True)
    assert text == f"{credit} Material for MkDocs"


def test_version_selector_reads_as_one_sentence_per_version(site) -> None:
    page = soup(site, "v3/skog/")
    entries = [li.get_text(" ", strip=True) for li in page.select(".st-versions li")]
    # The section is numbered differently there: the reader is told before following.
    assert entries[0] == "Första utkastet , 20 december 2019 (där heter avsnittet 2.1 Skog )"
    assert entries[1].startswith("Remissutkast , 2 mars 2020")  # not "Remissutkast, Remissutkast"
    assert "Gällande" in entries[2]


def test_start_page_names_each_version_once_and_has_no_one_entry_toc(site) -> None:
    page = soup(site, "")
    facts = [p.get_text(" ", strip=True) for p in page.select(".st-timeline__facts")]
    titles = [p.get_text(" ", strip=True) for p in page.select(".st-timeline__title")]
    for title, fact in zip(titles, facts, strict=True):
        assert not fact.startswith(title.split(" Gällande")[0]), (title, fact)
    assert page.select(".md-sidebar--secondary[hidden]")


def test_a_popular_versions_page_is_headed_by_a_title(site) -> None:
    page = soup(site, "kort/")
    assert page.select_one("article h1").get_text(strip=True).startswith("Testprogrammet")
    assert page.select_one(".st-lead").get_text() == "Kort version"
