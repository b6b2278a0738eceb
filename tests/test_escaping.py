"""Content text reaches HTML escaped exactly once, wherever the site shows it.

Titles and summaries written by editors and translators are hostile until escaped: the
page heading, the sidebar, the header, the footer, the start page, the browser tab and
`<meta name="description">` all show them as text.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from agreement import agree_on
from conftest import FIXTURES, build_once
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError

HOSTILE = '"><img src=x onerror=alert(1)>'
ATTR_LIST = "Skog {: onclick=alert(2) }"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def hostile_strategy(target: Path) -> Path:
    shutil.copytree(FIXTURES / "basic", target)
    edit(target / "strategy.yml", "sv: Testprogrammet", f"sv: '{HOSTILE} program'")
    edit(target / "strategy.yml", "sv: Testregionen", "sv: '</title><script>alert(3)</script>'")
    edit(target / "versions/v3/version.yml", "sv: ", f"sv: '{HOSTILE} version' #")
    summary = "summary: '\" onmouseover=\"alert(4) <b>sammanfattning</b>'"
    edit(
        target / "versions/v3/inledning.md",
        "summary: Vad programmet är och varför det finns.",
        summary,
    )
    edit(target / "versions/v3/skog.md", "title: ", f"{summary}\ntitle: ")
    edit(target / "versions/v3/skog.md", "title: Skog", f"title: '{ATTR_LIST} {HOSTILE}'")
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    strategy = hostile_strategy(tmp_path_factory.mktemp("hostile") / "strategy")
    return build_once(tmp_path_factory, strategy, date(2020, 3, 15))


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_element_or_attribute_comes_from_a_title(site: Path) -> None:
    for page in pages(site):
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert document.find("img", src="x") is None, page
        for element in document.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), (page, element)
        scripts = [s.get_text() for s in document.find_all("script")]
        assert not any("alert(" in s for s in scripts), page


def test_titles_show_as_the_text_written(site: Path) -> None:
    document = BeautifulSoup((site / "v3/skog/index.html").read_text(), "html.parser")
    heading = document.find("h1").get_text(" ", strip=True)
    assert f"{ATTR_LIST} {HOSTILE}" in heading
    assert f"{ATTR_LIST} {HOSTILE}" in document.find("title").get_text()
    header = document.select_one(".md-header__topic [class=md-ellipsis]")
    texts = [e.get_text(strip=True) for e in document.select(".md-ellipsis")]
    assert any(f"{ATTR_LIST} {HOSTILE}" in text for text in texts), (header, texts)
    description = document.find("meta", attrs={"name": "description"})["content"]
    assert description == '" onmouseover="alert(4) <b>sammanfattning</b>'
    start = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    assert start.find("h1").get_text(strip=True).removesuffix("¶") == f"{HOSTILE} program"
    assert start.select_one(".st-publisher").get_text() == "</title><script>alert(3)</script>"


def test_escaped_exactly_once(site: Path) -> None:
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert "&amp;lt;" not in text and "&amp;quot;" not in text and "&amp;gt;" not in text, page
        assert not re.search(r"\\[{}\[\]()#*_.!-]", BeautifulSoup(text, "html.parser").get_text())


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "message"),
    [
        (
            "strategy.yml",
            "sv: Testprogrammet",
            'sv: "Test\\nprogram"',
            3,
            "'title' in 'sv' must be one line",
        ),
        (
            "versions/v1/version.yml",
            "  sv: Första utkastet",
            "  sv: |\n    Första\n    utkastet",
            3,
            "'title' in 'sv' must be one line",
        ),
        (
            "versions/v1/skog.md",
            "title: Skog",
            "title: >-\n  Skog\n\n  ## Länk",
            2,
            "'title' must be one line",
        ),
        (
            "versions/v2/skog.en.md",
            "title: ",
            'title: "Forest\\n\\n[x](https://example.org)" #',
            2,
            "'title' must be one line",
        ),
    ],
)
def test_a_title_is_one_line(
    basic: Path, file: str, old: str, new: str, line: int, message: str
) -> None:
    edit(basic / file, old, new)
    with pytest.raises(ContentError) as caught:
        load_strategy(basic)
    found = [
        (p.path.relative_to(basic).as_posix(), p.line, p.message) for p in caught.value.problems
    ]
    assert (file, line, message) in found, found
    assert f"strategy/{file}:{line}: {message}" in agree_on(basic)  # the build agrees
