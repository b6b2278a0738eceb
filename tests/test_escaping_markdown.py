"""Text that the page plan puts into generated Markdown stays text: a version's title or
a region's interface string written as Markdown (an image from another host, a link,
emphasis, a list) shows as the characters written, wherever it lands.

test_escaping.py covers HTML and attribute lists in titles; this covers Markdown's own
syntax, in headings and paragraphs the plan writes (the "what has changed since"
heading of a version, the start page's timeline, the outcome and translations pages).
A region's strings may not hold Markdown at all (`plan.texts.MARKUP_CHARACTERS`): check
and the build refuse them, because many partials holding them sit inside paragraphs.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from agreement import agree_on
from conftest import FIXTURES, build_once
from test_escaping import edit

IMAGE = "![x](https://evil.example/x.png) *kursiv* [länk](https://evil.example/)"
# Allowed in an interface string, and Markdown at the start of a line: a quote, a list.
LINE_START = "> 1. Tidslinjen"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("markdown-titles") / "strategy"
    shutil.copytree(FIXTURES / "basic", root)
    # v2 is the base of v3: its title is in v3's heading "Vad har ändrats sedan ...".
    edit(root / "versions/v2/version.yml", "sv: Remissutkast", f"sv: 'Remissutkast {IMAGE}'")
    strings = root / "strings"
    strings.mkdir()
    (strings / "sv.yml").write_text(
        f"start.timeline_intro: '{LINE_START}'\nfront.contents: '# Innehåll!'\n",
        encoding="utf-8",
    )
    return build_once(tmp_path_factory, root, date(2021, 1, 15))


def test_no_element_comes_from_markdown_in_a_title(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in document.find_all(True):
            for name in ("src", "href", "srcset"):
                assert "evil.example" not in str(element.get(name) or ""), (page, element)
        assert not [e for e in document.find_all("em") if e.get_text() == "kursiv"], page


def test_the_changed_heading_shows_the_base_title_as_written(site: Path) -> None:
    document = BeautifulSoup((site / "v3/index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text(" ", strip=True) for h in document.select("article h2")]
    assert any(f"Remissutkast {IMAGE}" in heading for heading in headings), headings


def test_an_interface_string_in_a_paragraph_or_heading_is_text(site: Path) -> None:
    document = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = document.select_one("article")
    assert article is not None
    assert LINE_START in [p.get_text(strip=True) for p in article.find_all("p")]
    assert article.find("blockquote") is None
    front = BeautifulSoup((site / "v3/index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text(" ", strip=True) for h in front.select("article h2")]
    assert any(heading.startswith("# Innehåll!") for heading in headings), headings


@pytest.mark.parametrize(
    ("value", "characters"),
    [
        ("'Orsak ![x](https://evil.example/x.png)'", "'[' and ']'"),
        ("'Orsak *k*{: onclick=alert(1) }'", "'*'"),
        ("'Orsak `k` \\\\'", "'\\\\' and '`'"),
        ("'Orsak till_ändringen'", "'_'"),
    ],
)
def test_markdown_in_an_interface_string_is_refused_by_check_and_the_build(
    tmp_path: Path, value: str, characters: str
) -> None:
    root = tmp_path / "strategy"
    shutil.copytree(FIXTURES / "basic", root)
    (root / "strings").mkdir()
    (root / "strings" / "sv.yml").write_text(
        f"start.timeline: Versioner\ncause.marker_hidden: {value}\n", encoding="utf-8"
    )
    problems = agree_on(root)
    assert (
        f"strategy/strings/sv.yml:2: 'cause.marker_hidden' has {characters}, which the pages "
        "would read as formatting or a link (Markdown), not as text"
    ) in problems, problems
    assert not any("start.timeline'" in problem for problem in problems), problems
