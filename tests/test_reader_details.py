"""The details a reader notices: the 404 pages, search results that name their version,
headings read without "¶", titles marked with their language, the version selector."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, build_once, soup

ROOT = "/smart-specialisering/"  # the path of mkdocs.yml's site_url


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    # The basic fixture, with headings in a section that has no English translation.
    strategy = tmp_path_factory.mktemp("strategy") / "basic"
    shutil.copytree(FIXTURES / "basic", strategy)
    with (strategy / "versions/v3/uppfoljning.md").open("a", encoding="utf-8") as section:
        section.write("\n## Mätning\n\nVi mäter.\n\n## Lärande\n\nVi lär.\n")
    # Two hand-written pages, Swedish only: on the English site one follows the other.
    docs = {"om.md": "# Om\n\nText.\n", "sida.md": "# Sida\n\nText.\n"}
    return build_once(tmp_path_factory, strategy, date(2020, 3, 15), docs=docs)


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


def test_every_page_of_a_version_names_it_in_search(site) -> None:
    """Not only sections: a version's first page, its inputs and outcome pages too, so that
    the four "Inspel och beslut" results say which version each is from."""
    labels = {
        "sv": {
            "v1": "Första utkastet",
            "v2": "Remissutkast",
            "v3": "Beslutad version · Gällande",
            "kort": "Kort version · Populärversion",
        },
        "en": {
            "v1": "First draft",
            "v2": "Consultation draft",
            "v3": "Adopted version · Current",
            "kort": "Short version · Popular version",
        },
    }
    for lang in ("sv", "en"):
        expected = labels[lang]
        docs = search_docs(site, lang)
        of_versions = [d for d in docs if d["location"].split("/")[0] in expected]
        pages = {d["location"] for d in of_versions if "#" not in d["location"]}
        assert {"v1/", "v3/", "kort/", "v1/inspel/", "v3/inspel/", "kort/inspel/"} <= pages
        for doc in of_versions:
            version = doc["location"].split("/")[0]
            assert doc.get("tags") == [expected[version]], doc["location"]
            assert doc.get("boost") == (2 if version == "v3" else 1), doc["location"]
        inputs = [tuple(d["tags"]) for d in of_versions if d["location"].endswith("/inspel/")]
        assert len(inputs) == 4 and len(set(inputs)) == 4, inputs


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
    # The footer's links too: the Swedish title marked, then "(in Swedish)", in the
    # link's name as well; an English title is left unmarked.
    english = soup(site, "en/v3/omraden/")
    swedish = english.select_one("a.md-footer__link--prev")
    title = swedish.select_one(".md-ellipsis span[lang]")
    assert (title["lang"], title.get_text(strip=True)) == ("sv", "2 Uppföljning och lärande")
    assert title.find_next_sibling("span").get_text(strip=True) == "(in Swedish)"
    assert swedish["aria-label"] == "Previous: 2 Uppföljning och lärande (in Swedish)"
    translated = english.select_one("a.md-footer__link--next")
    assert translated.select_one(".md-ellipsis").get_text(strip=True) == "3.1 Forest"
    assert translated.select(".md-ellipsis [lang]") == []
    assert translated["aria-label"] == "Next: 3.1 Forest"
    assert soup(site, "v3/inledning/").select(".md-sidebar--primary span[lang]") == []


def test_marked_titles_never_end_up_inside_an_attribute(site) -> None:
    """A title marked with its language is HTML; where other pages name it in an
    attribute (the footer's link names) or the tab's title, it must be plain text."""
    leaks = [
        (file.relative_to(site).as_posix(), found[0])
        for file in sorted(site.rglob("*.html"))
        for found in [re.search(r'="[^"]*<span[^"]*', file.read_text(encoding="utf-8"))]
        if found
    ]
    assert not leaks, leaks
    page = soup(site, "en/om/")  # a hand-written page shown in Swedish on the English site
    topic = page.select_one(".md-header__topic[data-md-component=header-topic] span[lang]")
    assert topic is not None and topic["lang"] == "sv"
    assert "<span" not in page.title.get_text()


def test_swedish_text_on_english_pages_is_marked_in_the_header_and_contents(site) -> None:
    """A section shown in Swedish on the English site: the header's page topic and the
    table of contents (its headings) say so; a translated section's do not."""
    untranslated = soup(site, "en/v3/uppfoljning/")
    topic = untranslated.select_one(".md-header__topic[data-md-component=header-topic] span[lang]")
    assert topic is not None and topic["lang"] == "sv"
    assert topic.get_text(strip=True) == "2 Uppföljning och lärande"
    assert untranslated.title.get_text().startswith("2 Uppföljning")  # no markup in the tab
    toc = untranslated.select_one("nav.md-nav--secondary ul[data-md-component=toc]")
    assert toc is not None and toc["lang"] == "sv"
    translated = soup(site, "en/v3/inledning/")
    assert translated.select(".md-header__topic [lang]") == []
    assert translated.select("nav.md-nav--secondary [lang]") == []


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
    # Its label is in the banner under the title, not repeated as a lead.
    assert page.select_one(".st-lead") is None
    assert "Kort version" in page.select_one("article h1 ~ .st-banner").get_text()


def test_no_page_has_an_empty_table_of_contents(site) -> None:
    """Every page of the site, hand-written and 404 pages too: a table of contents is left
    out (and its column hidden) when the page has no headings to list."""
    from browser.html_check import empty_tocs

    assert empty_tocs(site) == []
    assert soup(site, "kort/inspel/").select_one(".md-sidebar--secondary[hidden]") is not None
    assert soup(site, "v3/uppfoljning/").select_one(".md-sidebar--secondary:not([hidden]) nav li")
