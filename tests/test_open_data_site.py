"""The open data and the feeds in a built site: the files are written once (the data)
or per language (the feeds), valid as written, listed with their real sizes on the data
page, and every page's head and footer link to them, 404 pages and hand-written pages
too. One build of the small fixture; the example's contents are tested on the plan
(test_open_data.py, test_feeds.py)."""

from __future__ import annotations

import json
import posixpath
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from atom_rules import atom_problems
from conftest import FIXTURES, shared_site, soup
from strategy_site.plan.render_data import file_size

ROOT = "/smart-specialisering/"  # the path of mkdocs.yml's site_url
DATA_FILES = ["inputs.csv", "strategy.json", "strategy.schema.json"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return shared_site(tmp_path_factory, FIXTURES / "basic", date(2020, 5, 15))


def page_language(site: Path, html: Path) -> str:
    return "en" if html.relative_to(site).parts[0] == "en" else "sv"


def resolve(site: Path, html: Path, href: str) -> Path:
    """The file a link on the page `html` points at (absolute paths from the site_url)."""
    path = urlsplit(href).path
    if path.startswith("/"):
        assert path.startswith(ROOT), href
        target = path[len(ROOT) :]
    else:
        target = posixpath.normpath(posixpath.join(html.parent.relative_to(site).as_posix(), path))
    file = site / target
    return file / "index.html" if file.is_dir() else file


def test_the_data_is_written_once_and_valid(site):
    assert sorted(p.name for p in (site / "data").iterdir()) == ["index.html", *DATA_FILES]
    assert sorted(p.name for p in (site / "en/data").iterdir()) == ["index.html"]
    schema = json.loads((site / "data/strategy.schema.json").read_text(encoding="utf-8"))
    document = json.loads((site / "data/strategy.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(document)] == []
    assert document["site_url"] == "https://example.org/smart-specialisering/"
    assert document["build_date"] == "2020-05-15"
    assert document["notice"]["sv"].startswith("Det här är en rekonstruktion")
    assert set(document["notice"]) == {"sv", "en"}  # the sentence, not the link's words
    assert (site / "data/inputs.csv").read_bytes().startswith("\ufeff".encode())


def test_a_feed_per_language(site):
    for lang, path in [("sv", "feed.xml"), ("en", "en/feed.xml")]:
        data = (site / path).read_bytes()
        assert atom_problems(data) == []
        assert f'xml:lang="{lang}"'.encode() in data
        assert b"#consultation-closes" in data  # v2's consultation closed on 30 April


def test_every_page_links_the_feed_and_the_data_page(site):
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages and site / "en/404.html" in pages
    assert site / "om/index.html" in pages  # a hand-written page
    for html in pages:
        lang = page_language(site, html)
        document = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        feeds = document.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(feeds) == 1, html
        assert feeds[0]["hreflang"] == lang and feeds[0]["title"]
        feed = site / ("feed.xml" if lang == "sv" else "en/feed.xml")
        assert resolve(site, html, feeds[0]["href"]) == feed, html
        footer = document.select(".st-footer-links a")
        assert [resolve(site, html, a["href"]) for a in footer] == [
            site / ("data" if lang == "sv" else "en/data") / "index.html",
            feed,
        ], html


def test_the_data_page_lists_the_files_with_their_sizes(site):
    for lang, path in [("sv", "data/"), ("en", "en/data/")]:
        page = site / path / "index.html"
        rows = soup(site, path).select(".st-data-files tbody tr")
        listed = {}
        for row in rows:
            link = row.select_one("a")
            listed[link.get_text()] = (resolve(site, page, link["href"]), row.select("td")[-1])
        assert sorted(listed) == sorted([*DATA_FILES, "feed.xml"])
        for file, size in listed.values():
            assert file.is_file()
            assert size.get_text() == file_size(file.stat().st_size, lang)
        licence = soup(site, path).select_one(".st-data-licence")
        assert licence is not None  # the fixture states no licence: the page says so
        assert ("inte angett" if lang == "sv" else "not stated") in licence.get_text()


def test_the_start_page_links_the_data_and_the_feed(site):
    links = [a["href"] for a in soup(site, "").select(".st-start-data a")]
    assert links == ["data/", "feed.xml"]
    links = [a["href"] for a in soup(site, "en/").select(".st-start-data a")]
    assert links == ["data/", "feed.xml"]


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        (
            {"data.md": "# Data\n"},
            "docs/data.md would take the address of a generated page (/data/)",
        ),
        (
            {"feed.xml": "<feed/>"},
            "docs/feed.xml would take the address of a generated file (/feed.xml)",
        ),
    ],
)
def test_a_hand_written_file_may_not_take_their_address(builder, caplog, docs, message):
    project = builder.project(FIXTURES / "basic", docs=docs)
    with pytest.raises(Abort):
        builder.build(project)
    assert message in caplog.text
