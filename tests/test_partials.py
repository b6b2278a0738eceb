"""The page plan's HTML partials (plan/templates/): autoescaped, and a region can
override each from its theme's custom_dir (overrides/strategy/partials/), with a clear
error for an override that cannot be used."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from markupsafe import Markup

from conftest import FIXTURES, REPO, run_mkdocs_build, soup
from strategy_site.derive.comparisons import Comparisons
from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.pages import plan_site
from strategy_site.plan.templating import Fragments, TemplateProblem, partial_names
from strategy_site.plan.texts import t_html, use_region_strings

BANNER_OVERRIDE = """\
{# The region's own banner: its name first, then the plugin's selector. #}
<div class="region-banner st-banner st-banner--{{ version.status }}">
<p>{{ text(version.title) }} ({{ status_name(version.status) }})</p>
{{ selector }}
</div>
"""


def project_with_overrides(
    builder, partials: dict[str, str], strategy: Path = FIXTURES / "basic"
) -> Path:
    folder = builder.project(strategy, docs={"om.md": "# Om\n"})
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  language: sv\n", "  language: sv\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    target = folder / "overrides" / "strategy" / "partials"
    target.mkdir(parents=True)
    for name, source in partials.items():
        (target / name).write_text(source, encoding="utf-8")
    return folder


def test_a_regions_banner_replaces_the_packages(builder) -> None:
    folder = project_with_overrides(builder, {"banner.html": BANNER_OVERRIDE})
    site = builder.build(folder)
    page = (site / "v2" / "index.html").read_text(encoding="utf-8")
    assert '<div class="region-banner st-banner' in page
    assert "st-banner__version" not in page  # the package's banner is gone
    assert 'class="st-versions"' in page  # the selector it placed is there
    # Every other partial is still the package's: the start page's timeline.
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="st-timeline"' in start


def test_a_broken_override_names_its_file_and_line(builder) -> None:
    broken = '<div class="st-banner">\n{% if version.status %}\n<p>never closed</p>\n'
    folder = project_with_overrides(builder, {"banner.html": broken, "baner.html": "<p></p>"})
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    path = folder / "overrides" / "strategy" / "partials"
    assert f"{path / 'banner.html'}:3: Unexpected end of template" in result.stderr
    assert f"{path / 'baner.html'}: not a partial of the site" in result.stderr
    assert ", ".join(partial_names()) in result.stderr  # the names to use
    assert "Traceback" not in result.stderr
    assert not (folder / "site").exists()


def test_an_override_that_uses_an_unknown_variable_names_its_line(builder) -> None:
    override = "<div>\n<p>{{ version.status }}</p>\n<p>{{ verison.title }}</p>\n</div>\n"
    folder = project_with_overrides(builder, {"banner.html": override})
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    banner = folder / "overrides" / "strategy" / "partials" / "banner.html"
    assert f"{banner}:3: 'verison' is undefined" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "site").exists()


def test_an_override_that_includes_a_missing_template(tmp_path: Path) -> None:
    (tmp_path / "read-now.html").write_text('<div>\n{% include "nowhere.html" %}\n</div>\n')
    with pytest.raises(TemplateProblem) as caught:
        Fragments([tmp_path]).render("read-now.html", {})
    assert f"{tmp_path / 'read-now.html'}:2: the template nowhere.html does not exist" in str(
        caught.value
    )


def test_content_text_is_escaped_once_by_the_template(tmp_path: Path) -> None:
    (tmp_path / "read-now.html").write_text("<p>{{ title }}|{{ html }}|{{ t('start.read_now') }}")
    hostile = '"><script>alert(1)</script> & co'
    use_region_strings({})
    out = Fragments([tmp_path]).render(
        "read-now.html",
        {"title": hostile, "html": Markup("<b>ok</b>"), "t": lambda key: t_html("sv", key)},
    )
    assert out == ("<p>&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co|<b>ok</b>|Läs nu")


def test_interface_strings_escape_their_text_and_plain_values() -> None:
    """A region's string or a title filled into a string cannot add markup; HTML made by
    a partial (Markup) goes in as it is."""
    from strategy_site.model import InterfaceStrings

    region = InterfaceStrings("sv", Path("strings/sv.yml"), {"notice.older": "<i>Ä</i> {current}"})
    use_region_strings({"sv": region})
    try:
        html = t_html("sv", "notice.older", current="<b>x</b>")
        assert html == "&lt;i&gt;Ä&lt;/i&gt; &lt;b&gt;x&lt;/b&gt;"
        assert t_html("sv", "notice.older", current=Markup("<b>x</b>")).endswith("<b>x</b>")
    finally:
        use_region_strings({})


def test_every_partial_is_documented_for_regions() -> None:
    guide = (REPO / "docs" / "anpassa-utseendet.md").read_text(encoding="utf-8")
    guide_en = (REPO / "docs" / "anpassa-utseendet.en.md").read_text(encoding="utf-8")
    for name in partial_names():
        assert re.search(rf"^### `{re.escape(name)}`", guide, re.M), name
        assert re.search(rf"^### `{re.escape(name)}`", guide_en, re.M), name


INPUT_PARTIALS = {
    "affecting-inputs.html",
    "cause-list.html",
    "cause-marker.html",
    "decision-badge.html",
    "editors-text.html",
    "input-filter.html",
    "input-group.html",
    "input-item.html",
    "input-said.html",
    "inputs-summary.html",
    "outcome-counts.html",
    "outcome-intro.html",
    "outcome-item.html",
    "outcome-items.html",
    "outcome-link.html",
    "outcome-respondents.html",
    "shaped-by.html",
}


CHANGES_PARTIALS = {
    "change-description.html",
    "changes-language-notice.html",
    "changes-overview.html",
    "changes-toggle.html",
    "summarises-note.html",
}


def test_the_partials_of_inputs_outcomes_and_changes_are_the_sites() -> None:
    names = set(partial_names())
    assert names >= INPUT_PARTIALS | CHANGES_PARTIALS
    assert "_inputs.html" not in names  # shared macros: replaced as a whole, not listed


# A region's own decision badge, item, cause marker and overview of changes.
INPUT_OVERRIDES = {
    "decision-badge.html": (
        '<span class="region-decision" data-decision="{{ decision }}">'
        '{{ t("decision." ~ decision) }}</span>\n'
    ),
    "input-item.html": (
        '<li id="{{ anchor }}" class="region-item st-input-item">{{ badge }} '
        '<q>{{ text }}</q>{% if effect %} <a href="{{ effect.href }}">→</a>{% endif %}</li>\n'
    ),
    "cause-marker.html": (
        '<sup class="region-cause" id="{{ anchor }}"><a href="{{ href }}">'
        "({{ number }})</a></sup>\n"
    ),
    "changes-overview.html": (
        '<table class="region-overview">{% for row in rows %}<tr><td>{{ row.number }}</td>'
        '<td><a href="{{ row.href }}">{{ row.title }}</a></td><td>{{ row.change }}</td></tr>'
        "{% endfor %}</table>\n"
    ),
}


def test_a_regions_partials_for_inputs_and_changes_replace_the_packages(builder) -> None:
    folder = project_with_overrides(builder, INPUT_OVERRIDES, FIXTURES / "lineage")
    site = builder.build(folder, today=date(2021, 4, 1))
    inputs = soup(site, "v2/inspel/")
    item = inputs.select_one("#remissvar-forening--skog-eget")
    assert item["class"] == ["region-item", "st-input-item"]
    assert item.select_one("q").get_text() == "Skogen borde vara ett eget område."
    assert item.select_one(".region-decision")["data-decision"] == "accepted"
    assert item.select_one("a")["href"].endswith("#orsak-remissvar-forening--skog-eget")
    assert not inputs.select(".st-decision")  # every badge on the page is the region's
    assert inputs.select_one("div.st-input-summary")  # the summary is still the package's
    # The outcome page keeps the package's items, with the region's badges in them.
    outcome = soup(site, "v3/remissutfall/")
    told = outcome.select_one("li.st-outcome-item#remissvar-forening--skog-eget")
    assert told.select_one(".region-decision").get_text() == "Tillgodosett"
    assert not outcome.select(".st-decision")
    # A changes view: the region's marker in the text, the package's list under it.
    changes = soup(site, "v3/skog/andringar/")
    marker = changes.select_one("sup.region-cause#orsak-remissvar-forening--skog-eget")
    assert marker.get_text() == "(1)"
    assert marker.find_parent("p") is not None
    assert not changes.select("sup.st-cause")
    assert changes.select_one("section.st-causes .region-decision")
    # The overview of changes: the region's table, a row per section of the new version.
    overview = soup(site, "v3/andringar/").select_one("article")
    table = overview.select_one("table.region-overview")
    assert not overview.select("tr.st-change-row")
    rows = [[td.get_text() for td in tr.select("td")] for tr in table.select("tr")]
    assert rows and all(len(row) == 3 for row in rows)
    assert table.select_one('a[href="../skog/andringar/"]')


# A region's own versions of the partials that were HTML built in Python until
# December 2026: each marks its output with a class of the region's.
PAGE_OVERRIDES = {
    "move-note.html": '<span class="diff-move region-move">{{ direction }} → '
    '<a href="{{ href }}">{{ title }}</a></span>\n',
    "changes-head.html": '<div class="region-changes-head">{{ toggle }}'
    '{% if first_href %}<a href="{{ first_href }}">↓</a>{% endif %}</div>\n',
    "what-changed.html": '<div class="region-what-changed">{{ counts }}'
    '<a href="{{ overview_href }}">{{ text(base.title) }}</a></div>\n',
    "start-links.html": '<p class="region-start-links"><a href="{{ data_href }}">data</a></p>\n',
    "history-link.html": '<p class="region-history-link"><a href="{{ href }}">⌛</a></p>\n',
    "history-intro.html": '<p class="region-history-intro">{{ t("history.here") }}</p>\n',
    "page-lead.html": '<p class="region-lead region-lead--{{ kind }}">{{ line }}</p>\n',
}


def test_a_regions_partials_for_page_parts_replace_the_packages(tmp_path: Path) -> None:
    """Planned, not built: what each page carries comes from the region's partial."""
    folder = tmp_path / "partials"
    folder.mkdir()
    for name, source in PAGE_OVERRIDES.items():
        (folder / name).write_text(source, encoding="utf-8")
    fragments = Fragments([folder])
    assert fragments.problems() == []
    strategy = load_publishable(FIXTURES / "lineage")
    plan = plan_site(
        strategy,
        "sv",
        date(2021, 4, 1),
        Comparisons(strategy),
        flavour=MKDOCS_MATERIAL,
        fragments=fragments,
        shared=[],
    )
    pages = {page.path: page for page in plan.pages}
    start = pages[""].markdown
    assert '<p class="region-start-links"><a href="data/">data</a></p>' in start
    assert "st-start-data" not in start
    version = pages["v3/"].markdown
    assert '<p class="region-lead region-lead--title">' in version
    assert '<div class="region-what-changed">' in version and "st-what-changed" not in version
    changes = pages["v3/inledning/andringar/"]
    assert changes.before_html.count('<div class="region-changes-head">') == 1
    assert "st-changes-head" not in changes.before_html
    # The move note sits in the text's Markdown, the section's title escaped for it.
    assert '<span class="diff-move region-move">to → <a href="../../uppfoljning/' in (
        changes.markdown
    )
    assert "Flyttat till" not in changes.markdown
    assert '<p class="region-history-link">' in changes.after_html
    history = pages["v3/inledning/historik/"].markdown
    assert '<p class="region-history-intro">' in history
    assert "st-history__intro" not in history
