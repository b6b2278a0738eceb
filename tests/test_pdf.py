"""A PDF per version and language (issue 17): built with a real site, read back with
pypdf (text, outline, links) and pikepdf (catalog, XMP metadata, structure, fonts),
tools independent of the WeasyPrint that wrote them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from agreement import agree_on
from conftest import FIXTURES, SiteBuilder, build_once, epoch, read
from strategy_site.content.problems import ContentError
from strategy_site.plan.checked import load_publishable
from strategy_site.publish.rewrite import Placement, rewrite

ROOT = "https://example.org/smart-specialisering/"  # the repository's mkdocs.yml site_url
HOSTILE = 'Beslutad <b onclick="x()">version</b> & "Co"'
FOOTNOTE_INLEDNING = "Enligt beslutet i fullmäktige."
FOOTNOTE_SKOG = "Enligt skogsstatistiken."
# What the test fixture's versions give: every version in both languages, and a
# changes edition for each version compared with the one it is based on.
EXPECTED = {
    f"{prefix}{path}"
    for prefix in ("", "en/")
    for path in (
        "v1/v1.pdf",
        "v2/v2.pdf",
        "v2/v2-andringar.pdf",
        "v3/v3.pdf",
        "v3/v3-andringar.pdf",
        "kort/kort.pdf",
    )
}


def prepare(root: Path) -> Path:
    """The basic fixture with what a PDF must carry: a hostile version title, a planned
    decision date, footnotes of the same name in two sections, links to another section
    and to another site, and a figure."""
    strategy = root / "strategy"
    shutil.copytree(FIXTURES / "basic", strategy)
    v3 = strategy / "versions" / "v3"
    toc = v3 / "version.yml"
    text = toc.read_text(encoding="utf-8")
    text = text.replace("  sv: Beslutad version\n", f"  sv: '{HOSTILE}'\n")
    text = text.replace(
        "  date: 2020-11-25\n  reference", "  date:\n    planned: 2020-11-25\n  reference"
    )
    toc.write_text(text, encoding="utf-8")
    with (v3 / "inledning.md").open("a", encoding="utf-8") as stream:
        stream.write(f"\nBeslutet togs i november.[^1]\n\n[^1]: {FOOTNOTE_INLEDNING}\n")
    with (v3 / "skog.md").open("a", encoding="utf-8") as stream:
        stream.write(f"\nSkogen växer.[^1]\n\n[^1]: {FOOTNOTE_SKOG}\n")
    with (v3 / "uppfoljning.md").open("a", encoding="utf-8") as stream:
        stream.write("\nLäs mer hos [regionen](https://example.com/regionen).\n")
    (v3 / "figurer").mkdir()
    shutil.copy(FIXTURES / "figures/versions/v2/figurer/processen.yml", v3 / "figurer")
    with (v3 / "energi.md").open("a", encoding="utf-8") as stream:
        stream.write("\n![[figur: processen]]\n")
    return strategy


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    strategy = prepare(tmp_path_factory.mktemp("pdf"))
    return build_once(tmp_path_factory, strategy, date(2020, 3, 15), pdf=True)


def reader(site: Path, path: str) -> PdfReader:
    return PdfReader(BytesIO((site / path).read_bytes()))


def words(text: str) -> str:
    """Text with its line breaks as spaces."""
    return " ".join(text.split())


def text_of(site: Path, path: str) -> str:
    return "\n".join(page.extract_text() for page in reader(site, path).pages)


def outline_titles(outline: list, depth: int = 0) -> list[tuple[int, str]]:
    """The bookmarks as (depth, title), in order."""
    found: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            found += outline_titles(item, depth + 1)
        else:
            found.append((depth, item.title))
    return found


def test_every_version_has_its_pdfs_in_both_languages(site: Path) -> None:
    made = {p.relative_to(site).as_posix() for p in site.rglob("*.pdf")}
    assert made == EXPECTED
    for path in EXPECTED:
        assert (site / path).read_bytes().startswith(b"%PDF-1.7")
        assert len(reader(site, path).pages) >= 3  # title page, contents, text


def test_the_pdfs_are_pdfa_3a_and_pdfua_1_tagged_in_their_language(site: Path) -> None:
    for path in sorted(EXPECTED):
        with pikepdf.open(site / path) as pdf:
            root = pdf.Root
            assert str(root.Lang) == ("en" if path.startswith("en/") else "sv"), path
            assert "/StructTreeRoot" in root, path
            assert bool(root.MarkInfo.Marked), path
            assert bool(root.ViewerPreferences.DisplayDocTitle), path
            assert str(root.OutputIntents[0].S) == "/GTS_PDFA1", path
            meta = pdf.open_metadata()
            assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "A", path
            assert meta["pdfuaid:part"] == "1", path
            assert meta["dc:title"] == str(pdf.docinfo.Title), path
            assert meta["xmp:CreateDate"].startswith("2020-03-15T12:00:00"), path  # the epoch


def test_fonts_are_embedded_debian_fonts(site: Path) -> None:
    with pikepdf.open(site / "v3/v3.pdf") as pdf:
        fonts = {}
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = descendant.FontDescriptor
                fonts[str(font.BaseFont)] = {"/FontFile", "/FontFile2", "/FontFile3"} & set(
                    descriptor.keys()
                )
    assert fonts
    for name, files in fonts.items():
        assert re.search(r"Liberation|DejaVu", name), name
        assert files, f"{name} is not embedded"


def test_title_page_contents_and_numbered_sections(site: Path) -> None:
    pdf = reader(site, "v3/v3.pdf")
    title_page = words(pdf.pages[0].extract_text())
    for expected in ("Testregionen", "Testprogrammet", "Beslutad", "publicerad 25 november 2020"):
        assert expected in title_page
    # The decision's date is planned, and the page says so.
    assert "Planerat beslut i Regionfullmäktige 25 november 2020" in title_page
    assert "TEST 2020/1 § 7" in title_page  # the reference number
    assert "rekonstruktion" in title_page  # the site's notice: the example is made up
    assert f"{ROOT}v3/" in title_page
    contents = pdf.pages[1].extract_text()
    for entry in ("Innehåll", "1 Inledning", "2 Uppföljning och lärande", "3.1 Skog", "3.3 Energi"):
        assert entry in contents
    assert re.search(r"3\.1 Skog\s*\.+\s*\d+", contents)  # with its page number
    # The outline: the sections in order, 3.1 under 3.
    titles = outline_titles(pdf.outline)
    names = [title for _, title in titles]
    assert names.index("1 Inledning") < names.index("3 Fokusområden") < names.index("3.1 Skog")
    depth = dict((title, level) for level, title in titles)
    assert depth["3.1 Skog"] == depth["3 Fokusområden"] + 1
    # Paragraph numbers as on the site: "3.1 ¶1".
    text = text_of(site, "v3/v3.pdf")
    assert re.search(r"Skogen är viktig för länet\.\s*3\.1 ¶1", text)
    assert "1 ¶2" in text and "stycke" not in text  # the words for screen readers stay out
    html = read(site, "v3/skog/")
    assert "3.1 <span aria-hidden" in html  # the site numbers the same paragraph the same way


def test_the_english_pdf_is_english_with_untranslated_sections_marked(site: Path) -> None:
    text = text_of(site, "en/v3/v3.pdf")
    assert "Adopted version" in text and "Contents" in text and "1 Introduction" in text
    assert "has not been translated into English" in text or "not translated" in text
    assert "Förnybar energi är ett nytt styrkeområde" in text  # shown in Swedish


def test_a_hostile_title_is_text_in_the_pdf(site: Path) -> None:
    pdf = reader(site, "v3/v3.pdf")
    assert HOSTILE in words(pdf.pages[0].extract_text())
    assert HOSTILE in str(pdf.metadata.title)
    raw = (site / "v3/v3.pdf").read_bytes()
    assert b"/JavaScript" not in raw and b"/JS " not in raw


def test_links_and_footnotes_work_inside_the_document(site: Path) -> None:
    pdf = reader(site, "v3/v3.pdf")
    destinations = set(pdf.named_destinations)
    # Footnotes of the same name in two sections do not collide.
    assert {"s-inledning.fn:1", "s-skog.fn:1"} <= destinations
    assert {"s-inledning", "s-uppfoljning", "s-skog"} <= destinations
    internal, external = [], []
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                external.append(str(action["/URI"]))
            elif "/Dest" in annotation or (action is not None and "/D" in action):
                dest = annotation.get("/Dest") or action["/D"]
                internal.append(str(dest))
    assert internal and all(d in destinations for d in internal if not d.startswith("["))
    assert "s-inledning" in internal  # "Se inledningen": the link to another section
    assert "s-skog.fn:1" in internal and "s-skog.fnref:1" in internal  # there and back
    assert "https://example.com/regionen" in external
    assert all(u.startswith((ROOT, "https://example.com/", "mailto:")) for u in external)
    text = text_of(site, "v3/v3.pdf")
    assert FOOTNOTE_INLEDNING in text and FOOTNOTE_SKOG in text
    assert re.search(r"inledningen \(s\. \d+\)", text)  # the page a reference goes to


def test_figures_are_vectors_with_their_title_as_alternative_text(site: Path) -> None:
    with pikepdf.open(site / "v3/v3.pdf") as pdf:
        images = [
            name
            for page in pdf.pages
            for name, xobject in (page.Resources.get("/XObject") or {}).items()
            if xobject.get("/Subtype") == "/Image"
        ]
        assert not images  # drawn, not pictures of a drawing
        figures = []

        def walk(element: pikepdf.Object) -> None:
            if isinstance(element, pikepdf.Dictionary):
                if element.get("/S") == "/Figure":
                    figures.append(str(element.get("/Alt", "")))
                kids = element.get("/K")
                if isinstance(kids, pikepdf.Array):
                    for kid in kids:
                        walk(kid)
                elif isinstance(kids, pikepdf.Dictionary):
                    walk(kids)

        walk(pdf.Root.StructTreeRoot)
    assert "Processen" in figures
    text = text_of(site, "v3/v3.pdf")
    assert "Workshop" in text and "Dialogmöten" in text  # the figure's words are text


def test_a_figures_numbers_on_dark_marks_are_white_on_paper_only() -> None:
    # The site's SVG keeps no fixed colour (its stylesheet follows the colour scheme);
    # WeasyPrint reads SVG colours from attributes only, so the document's copy gets one.
    svg = '<svg><text x="1" class="st-fig__on-fill">1</text><text x="2">Steg</text></svg>'
    html = rewrite(svg, "v3/metod/", "s-metod", Placement(anchors={}, site_url="")).html
    assert '<text x="1" class="st-fig__on-fill" fill="#fff">1</text>' in html
    assert '<text x="2">Steg</text>' in html


def test_the_changes_edition_shows_insertions_and_deletions_in_words(site: Path) -> None:
    text = text_of(site, "v3/v3-andringar.pdf")
    first = reader(site, "v3/v3-andringar.pdf").pages[0].extract_text()
    assert "Med ändringar sedan Remissutkast" in first
    assert "understruken" in first  # the legend, once, on the title page
    assert "Ändringar mot Remissutkast" in text  # the overview comes first
    assert re.search(r"TILLAGT:\s*Förnybar energi är ett nytt styrkeområde", text)
    old = text_of(site, "v2/v2-andringar.pdf")
    assert "BORTTAGET:" in old and "TILLAGT:" in old
    assert "Första utkastet" in reader(site, "v2/v2-andringar.pdf").pages[0].extract_text()
    whole = text_of(site, "v3/v3.pdf")
    assert "TILLAGT" not in whole and "BORTTAGET" not in whole


def test_a_version_page_links_its_pdfs_with_pages_and_size(site: Path) -> None:
    for lang_prefix, words in (("", "Hela versionen som PDF"), ("en/", "The whole version as PDF")):
        page = BeautifulSoup(read(site, f"{lang_prefix}v3/"), "html.parser")
        links = page.select(".st-downloads a")
        assert [a["href"] for a in links] == ["v3.pdf", "v3-andringar.pdf"]
        first = links[0].get_text()
        assert first.startswith(words) and "PDF" in first and "kB" in first
        pages = len(reader(site, f"{lang_prefix}v3/v3.pdf").pages)
        assert f"{pages} " in first  # "(5 sidor, 31 kB)"
        for a in links:
            assert (site / lang_prefix / "v3" / a["href"]).is_file()
    only = BeautifulSoup(read(site, "v1/"), "html.parser").select(".st-downloads a")
    assert [a["href"] for a in only] == ["v1.pdf"]  # no base: no changes edition


def test_the_same_content_gives_the_same_pdfs(site: Path, tmp_path: Path) -> None:
    """Built again in another folder, in a process of its own with another hash seed (so
    that nothing may depend on set or dict order or on where the project is)."""
    project = tmp_path / "elsewhere" / "project"
    project.mkdir(parents=True)
    shutil.copy(site.parent / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(site.parent / "docs", project / "docs")
    prepare(project)
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH=epoch(date(2020, 3, 15)),
        PYTHONHASHSEED="12345",
    )
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict"], cwd=project, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    again = project / "site"
    differing = [p for p in sorted(EXPECTED) if (site / p).read_bytes() != (again / p).read_bytes()]
    assert not differing


def test_without_pdfs_the_site_neither_makes_nor_mentions_them(builder: SiteBuilder) -> None:
    site = builder.build(builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"}))
    assert not list(site.rglob("*.pdf"))
    assert "st-downloads" not in read(site, "v3/")


def test_a_preview_makes_no_pdfs_and_says_so(builder: SiteBuilder, tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"}, pdf=True)
    builder.monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    plugin = config.plugins["strategy"]
    kept = plugin.command, plugin.swap_site  # MkDocs keeps the object for later builds
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        plugin.command, plugin.swap_site = kept
    site = tmp_path / "preview"
    assert not list(site.rglob("*.pdf"))
    notice = BeautifulSoup(read(site, "v3/"), "html.parser").select_one(".st-downloads")
    assert notice is not None and not notice.select("a")
    assert "görs när webbplatsen byggs" in notice.get_text()


# `mkdocs build --strict` in a process whose WeasyPrint fails as it would without fonts
# or with a broken library: in a process of its own, since an aborted build leaves
# mkdocs-static-i18n's plugin object mid-build for any later build in the same process.
BROKEN_ENGINE = """
import sys, weasyprint
def render(*args, **kwargs):
    raise RuntimeError("no fonts at all")
weasyprint.HTML.render = render
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict"]
cli()
"""


def test_a_failure_of_weasyprint_stops_the_build_with_a_message(builder: SiteBuilder) -> None:
    project = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"}, pdf=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch(date(2020, 3, 15)))
    result = subprocess.run(
        [sys.executable, "-c", BROKEN_ENGINE], cwd=project, capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert "strategy: the PDF /v1/v1.pdf could not be made" in result.stderr
    assert "WeasyPrint failed: RuntimeError: no fonts at all" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()  # nothing half-written is published


def test_a_file_cannot_take_the_name_of_a_versions_pdf(basic: Path) -> None:
    (basic / "versions" / "v2" / "v2.pdf").write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ContentError) as error:
        load_publishable(basic)
    assert "'v2.pdf' has the name of the PDF the site makes of this version" in error.value.report()
    reported = "\n".join(agree_on(basic))  # the build refuses it in the same words
    assert "'v2.pdf' has the name of the PDF the site makes of this version" in reported
