"""Numbered paragraphs, and responding to an open consultation."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import markdown
from bs4 import BeautifulSoup

from conftest import FIXTURES, read
from strategy_site.content.frontmatter import split_front_matter
from strategy_site.derive.comparisons import Comparisons
from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.pages import SitePlan, plan_site
from strategy_site.plan.paragraphs import ParagraphMark

EXTENSIONS = ["tables", "admonition", "footnotes", "attr_list", "md_in_html", "toc"]


def render(text: str, mark: ParagraphMark | None) -> BeautifulSoup:
    title = "# 3.2 Titel" + (f" {mark.attribute()}" if mark else "")
    html = markdown.markdown(
        f"{title}\n\n{text}", extensions=[*EXTENSIONS, "strategy_site.plan.paragraphs"]
    )
    return BeautifulSoup(html, "html.parser")


BODY = """Första stycket.

- ett
- två
    - inne i två

| a | b |
|---|---|
| 1 | 2 |

!!! note "Obs"
    Inne i rutan.

> Citat.

<div>rå html</div>

## Rubrik

Sista stycket med fotnot.[^1]

[^1]: Fotnoten.
"""


def test_paragraphs_list_items_and_tables_are_numbered_in_order() -> None:
    page = render(BODY, ParagraphMark(number="3.2", anchor_hidden="stycke"))
    numbered = [(e.name, e["id"]) for e in page.select(".st-numbered, table[id]")]
    assert numbered == [
        ("p", "p1"),
        ("li", "p2"),
        ("li", "p3"),
        ("table", "p4"),
        ("div", "p5"),
        ("blockquote", "p6"),
        ("p", "p7"),
    ]
    link = page.select_one("#p3 > .st-para-tools > a.st-para-link")
    # Shown "3.2 ¶3"; read "3.2 stycke 3" (the sign is hidden, the word is not shown).
    assert (link["href"], link.get_text()) == ("#p3", "3.2 ¶ stycke 3")
    assert link.select_one("[aria-hidden=true]").get_text() == "¶"
    assert link.select_one(".sr-only").get_text() == " stycke "
    assert page.select_one("#p3 > ul") is not None  # the nested list stays in its item
    assert page.select_one("h1").get("data-st-paragraphs") is None
    assert page.select_one(".footnote .st-numbered") is None


def test_a_numbered_table_keeps_materials_styling_and_its_number_is_no_caption() -> None:
    page = render(BODY, ParagraphMark(number="3.2", anchor_hidden="stycke"))
    table = page.select_one("table#p4")
    assert table.get("class") is None  # Material styles `table:not([class])`
    assert table.select_one("caption") is None
    tools = table.find_previous_sibling()
    assert "st-para-tools" in tools["class"]
    assert tools.select_one("a.st-para-link")["href"] == "#p4"


def test_paragraph_tools_are_left_out_of_the_search_index() -> None:
    """Material's indexer skips `data-search-exclude`, but matches elements by tag: a
    span inside an excluded span would end the exclusion early."""
    page = render(BODY, ParagraphMark(number="3.2", anchor_hidden="stycke"))
    for tools in page.select(".st-para-tools"):
        assert tools.has_attr("data-search-exclude")
        assert tools.name not in {child.name for child in tools.find_all(True)}


def test_unmarked_pages_are_not_numbered() -> None:
    assert render(BODY, None).select(".st-numbered") == []


def test_popular_versions_number_without_a_section_number() -> None:
    page = render("Text.", ParagraphMark(number="", anchor_hidden="stycke"))
    assert page.select_one(".st-para-link").get_text() == "¶stycke 1"


def test_numbers_are_the_same_in_both_languages() -> None:
    swedish_plan = plan(FIXTURES / "basic", date(2020, 3, 15))
    english_plan = plan(FIXTURES / "basic", date(2020, 3, 15), "en")
    for path in ("v3/skog/", "v3/inledning/"):
        swedish = planned_page(swedish_plan, path)
        english = planned_page(english_plan, path)
        numbers = [a.contents[-1] for a in swedish.select(".st-para-link")]
        assert numbers == [a.contents[-1] for a in english.select(".st-para-link")]
        assert numbers  # there is something to compare


def plan(root: Path, today: date, lang: str = "sv") -> SitePlan:
    """The page plan, without a build: what the tests below ask of a page is decided there
    (its actions and the paragraphs' comment links, the response templates)."""
    strategy = load_publishable(root)
    return plan_site(strategy, lang, today, Comparisons(strategy), flavour=MKDOCS_MATERIAL)


def planned_page(site_plan: SitePlan, path: str) -> BeautifulSoup:
    """A planned page's HTML as the build renders its text: the front matter left out,
    the Markdown with the site's extensions (numbered paragraphs among them)."""
    page = next(p for p in site_plan.pages if p.path == path)
    _, body, _ = split_front_matter(page.markdown)
    html = markdown.markdown(body, extensions=[*EXTENSIONS, "strategy_site.plan.paragraphs"])
    return BeautifulSoup(page.before_html + html + page.after_html, "html.parser")


def mailto(href: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    return unquote(parts.path), query


def test_open_consultation_offers_comment_links_and_a_template(builder) -> None:
    site = builder.build(
        builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"}), date(2020, 3, 15)
    )
    page = BeautifulSoup(read(site, "v2/skog/"), "html.parser")
    section_link = page.select_one(".st-actions a.md-button")
    recipient, fields = mailto(section_link["href"])
    assert recipient == "registrator@example.se"
    assert fields["subject"] == "Synpunkt på Remissutkast (TEST 2020/1), avsnitt 2.1"
    assert fields["body"].startswith("Diarienummer: TEST 2020/1\nVersion: Remissutkast\n")
    assert "Avsnitt: 2.1 Skog\n" in fields["body"]
    assert "Förslag till ändring:" in fields["body"] and "Källor" in fields["body"]
    assert " " not in section_link["href"] and "+" not in section_link["href"]

    _, paragraph = mailto(page.select(".st-para-comment")[1]["href"])
    assert paragraph["subject"] == "Synpunkt på Remissutkast (TEST 2020/1), avsnitt 2.1 stycke 2"
    assert "Avsnitt: 2.1 Skog, stycke 2\n" in paragraph["body"]

    downloads = [a["href"] for a in page.select(".st-actions a[download]")]
    assert downloads == ["../remissvar.docx", "../remissvar.txt"]
    template = (site / "v2/remissvar.txt").read_text()
    assert "Skicka svaret till registrator@example.se senast 30 april 2020" in template
    assert "2.1 Skog\n--------\n\nSynpunkt:\n\n\nFörslag till ändring:\n\n\nKällor:" in template
    english = (site / "en/v2/remissvar.txt").read_text()
    assert english.startswith("Consultation response template")
    assert "2.1 Forest" in english


def test_closed_consultation_offers_no_comment_links() -> None:
    site_plan = plan(FIXTURES / "basic", date(2020, 5, 1))
    page = planned_page(site_plan, "v2/skog/")
    assert page.select(".st-actions") == [] and page.select(".st-para-comment") == []
    assert page.select(".st-para-link")  # still citable
    # Links saved earlier keep working.
    assert "v2/remissvar.txt" in [f.path for f in site_plan.files]


def test_an_open_consultations_planned_page_has_the_links() -> None:
    """The control for the test above: planned_page does show the links when open (the
    build's rendering of them is tested by the open consultation test above)."""
    open_plan = plan(FIXTURES / "basic", date(2020, 3, 15))
    page = planned_page(open_plan, "v2/skog/")
    assert page.select(".st-actions a.md-button") and page.select(".st-para-comment")


def test_a_web_form_address_is_linked_as_it_is(basic) -> None:
    toc = basic / "versions/v2/version.yml"
    toc.write_text(toc.read_text().replace("registrator@example.se", "https://example.se/svar"))
    page = planned_page(plan(basic, date(2020, 3, 15)), "v2/skog/")
    assert page.select_one(".st-actions a.md-button")["href"] == "https://example.se/svar"
    assert page.select_one("#p1 .st-para-comment")["href"] == "https://example.se/svar"


def test_the_template_is_also_a_word_document_with_real_headings() -> None:
    import docx

    def template(lang: str) -> bytes:
        files = plan(FIXTURES / "basic", date(2020, 3, 15), lang).files
        content = next(f.content for f in files if f.path == "v2/remissvar.docx")
        assert isinstance(content, bytes)
        return content

    for lang, heading in (("sv", "2.1 Skog"), ("en", "2.1 Forest")):
        document = docx.Document(io.BytesIO(template(lang)))
        styled = [(p.style.name, p.text) for p in document.paragraphs if p.text]
        assert styled[0][0] == "Title"
        assert ("Heading 1", heading) in styled
        assert ("Heading 2", styled[-1][1]) == styled[-1]  # the last field: sources
    assert template("sv") == template("sv")  # reproducible
