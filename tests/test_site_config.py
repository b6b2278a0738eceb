"""What the plugin needs from mkdocs.yml (issue 15): fonts from the site itself, and a
site's own template overrides that keep the plugin's page."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, run_mkdocs_build


def project(builder, edit) -> Path:
    folder = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    config = folder / "mkdocs.yml"
    config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def with_overrides(text: str) -> str:
    return text.replace("  language: sv\n", "  language: sv\n  custom_dir: overrides\n")


def test_fonts_from_another_host_are_refused(builder) -> None:
    folder = project(builder, lambda text: text.replace("  font: false", "  font:\n    text: Lato"))
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    assert "loads its fonts from fonts.googleapis.com" in result.stderr
    assert "set 'font: false' under 'theme'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "site").exists()


def test_an_override_that_drops_the_plugins_page_is_refused(builder) -> None:
    folder = project(
        builder,
        lambda text: text.replace("  language: sv\n", "  language: sv\n  custom_dir: overrides\n"),
    )
    (folder / "overrides" / "partials").mkdir(parents=True)
    (folder / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Hej{% endblock %}\n'
    )
    (folder / "overrides" / "partials" / "nav.html").write_text("<nav></nav>\n")
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    assert "main.html replaces the strategy plugin's page template" in result.stderr
    assert '{% extends "strategy-base.html" %}' in result.stderr
    assert "partials/nav.html replaces the strategy plugin's partials/nav.html" in result.stderr


def test_an_override_that_extends_the_plugins_page_keeps_the_banners(builder) -> None:
    folder = project(
        builder,
        lambda text: text.replace("  language: sv\n", "  language: sv\n  custom_dir: overrides\n"),
    )
    (folder / "overrides").mkdir()
    (folder / "overrides" / "main.html").write_text(
        '{% extends "strategy-base.html" %}\n'
        '{% block announce %}<p class="region-note">Regionens meddelande</p>{% endblock %}\n'
    )
    result = run_mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    page = (folder / "site" / "v2" / "index.html").read_text(encoding="utf-8")
    assert 'class="region-note"' in page
    assert "st-banner" in page
