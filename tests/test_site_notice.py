"""The site-wide notice: on every page, in the page's language, linking to its page.

A region switches it on with the strategy plugin's `notice` option in mkdocs.yml.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, read, run_mkdocs_build

NOTICE = """      notice:
        sv: Det här är en testversion.
        en: This is a test version.
        link: om/
"""
DOCS = {"om.md": "# Om\n\nOm webbplatsen.\n", "om.en.md": "# About\n\nAbout the site.\n"}


def with_notice(project: Path, notice: str) -> None:
    """Put `notice` (YAML lines, or "" for none) in place of the example's notice."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, count = re.subn(r"      notice:\n(?:        .*\n)+", notice, text)
    assert count == 1, "the example's mkdocs.yml should have a notice to replace"
    config.write_text(text, encoding="utf-8")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


@pytest.fixture
def project(builder):
    return builder.project(FIXTURES / "basic", docs=DOCS)


def test_the_notice_is_on_every_page_in_its_language(builder, project) -> None:
    with_notice(project, NOTICE)
    site = builder.build(project, date(2020, 3, 15))
    seen = {"sv": 0, "en": 0}
    for page in pages(site):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        lang = html.html["lang"]
        notice = html.select_one("aside.md-banner .st-site-notice")
        assert notice is not None, page
        text = {"sv": "Det här är en testversion.", "en": "This is a test version."}[lang]
        assert notice.get_text().startswith(text), page
        link = notice.select_one("a")
        assert link.get_text() == {"sv": "Läs mer", "en": "Read more"}[lang]
        if page.name == "404.html":
            continue  # served at any address: its links are absolute
        where = posixpath.dirname(page.relative_to(site).as_posix())
        target = posixpath.normpath(posixpath.join(where, link["href"]))
        assert target == ("en/om" if lang == "en" else "om"), (page, link["href"])
        seen[lang] += 1
    assert seen["sv"] > 10 and seen["en"] > 10


def test_without_the_option_there_is_no_bar(builder, project) -> None:
    with_notice(project, "")
    site = builder.build(project, date(2020, 3, 15))
    for page in pages(site):
        assert "md-banner" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize(
    ("notice", "message"),
    [
        (
            "      notice:\n        en: Only English.\n",
            "there is no text for 'sv', the source language: add 'sv: ...'",
        ),
        (
            "      notice:\n        sv: A.\n        en: B.\n        text: C.\n",
            "'text' is neither a language code (sv, en), 'link' nor 'more'",
        ),
        (
            "      notice:\n        sv: A.\n        en: B.\n        link: https://example.org/\n",
            "'link' should be the address of a page of this site",
        ),
        (
            "      notice:\n        sv: A.\n        link: om/\n        more: Läs mer\n",
            "'more' should be the link's words per language",
        ),
        (
            "      notice:\n        sv: A.\n        link: om/\n        more:\n          sv: ''\n",
            "the link's words for 'sv' under 'more' should be a few words",
        ),
    ],
)
def test_a_wrong_notice_stops_the_build_with_a_plain_message(project, notice, message) -> None:
    with_notice(project, notice)
    result = run_mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "the 'notice' option in mkdocs.yml" in output and message in output
    assert "Traceback" not in output


def test_a_language_without_its_own_text_shows_the_source_text_marked(builder, project) -> None:
    with_notice(project, "      notice:\n        sv: Det här är en testversion.\n")
    site = builder.build(project, date(2020, 3, 15))
    html = BeautifulSoup(read(site, "en/v1/"), "html.parser")
    text = html.select_one(".st-site-notice span[lang='sv']")
    assert text is not None and text.get_text() == "Det här är en testversion."
    assert html.select_one(".st-site-notice a") is None  # no link given


def test_the_links_words_can_say_where_it_goes(builder, project) -> None:
    """`more` names the link in each language; a language without its words gets the
    default ("Read more"), never another language's."""
    with_notice(project, NOTICE + "        more:\n          sv: Om testversionen\n")
    site = builder.build(project, date(2020, 3, 15))
    for path, words in (("v1/", "Om testversionen"), ("en/v1/", "Read more")):
        link = BeautifulSoup(read(site, path), "html.parser").select_one(".st-site-notice a")
        assert link.get_text() == words, path
