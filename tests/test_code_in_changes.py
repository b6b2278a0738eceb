"""Code examples that hold HTML are code on every page, changes views included.

A fenced or indented code block that shows `<p><img ...>` or `<script>` is accepted by
`strategi check`, builds without a warning (the build is strict: a sanitiser warning
would fail it) and shows as text wherever it stands: deleted, inserted or changed
between two versions, and on the section pages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, SiteBuilder, read, soup
from strategy_site.tools.cli import main

OLD = '<p><img src="https://evil.example/old.png"></p>\n<script>alert("old")</script>'
NEW = '<p><img src="https://evil.example/new.png"></p>\n<script>alert("new")</script>'


def fenced(code: str) -> str:
    return f"```html\n{code}\n```"


def indented(code: str) -> str:
    return "\n".join("    " + line for line in code.split("\n"))


# (section, what happens to the code from v1 to v2, its v1 text, its v2 text)
CASES = [
    ("skog", "deleted", OLD, None),
    ("omraden", "inserted", None, NEW),
    ("uppfoljning", "changed", OLD, NEW),
]
FORMS = {"fenced": fenced, "indented": indented}


def add(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as stream:
        stream.write(f"\nKodexempel:\n\n{text}\n\nEfter koden.\n")


@pytest.fixture(scope="module", params=sorted(FORMS))
def built(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    form = FORMS[request.param]
    monkeypatch = pytest.MonkeyPatch()
    try:
        builder = SiteBuilder(tmp_path_factory.mktemp("code"), monkeypatch)
        project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
        versions = project / "strategy" / "versions"
        for section, _, old, new in CASES:
            if old is not None:
                add(versions / "v1" / f"{section}.md", form(old))
            if new is not None:
                for version in ("v2", "v3"):  # v3 keeps v2's text: one change, in v2
                    add(versions / version / f"{section}.md", form(new))
        monkeypatch.chdir(project)
        checked = CliRunner().invoke(main, ["check", "--content", "strategy"])
        site = builder.build(project, date(2020, 3, 15), strict=True)
        return request.param, site, checked.output
    finally:
        monkeypatch.undo()


def test_check_accepts_code_examples(built) -> None:
    _, _, checked = built
    assert "no problems found" in checked, checked


@pytest.mark.parametrize(("section", "what", "old", "new"), CASES, ids=[c[1] for c in CASES])
def test_the_changes_view_shows_code_as_text(built, section, what, old, new) -> None:
    form, site, _ = built
    for page in (f"v2/{section}/andringar/", f"en/v2/{section}/andringar/"):
        text = read(site, page)
        assert "<script>alert" not in text, (form, what)
        assert '<img src="https://evil' not in text, (form, what)
        code_text = " ".join(code.get_text() for code in soup(site, page).find_all("code"))
        for code in (old, new):
            if code is not None:
                assert code in code_text, (form, what, page)


def test_section_pages_show_code_as_text(built) -> None:
    form, site, _ = built
    for page in ("v1/skog/", "v2/omraden/", "v2/uppfoljning/", "v1/uppfoljning/"):
        text = read(site, page)
        assert "<script>alert" not in text, form
        assert '<img src="https://evil' not in text, form
        code_text = " ".join(code.get_text() for code in soup(site, page).find_all("code"))
        assert "<script>alert(" in code_text, (form, page)
