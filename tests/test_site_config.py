"""What the plugin needs from mkdocs.yml (issue 15): fonts from the site itself, a site's
own template overrides that keep the plugin's page, and the other settings that stop
the build, which `strategi check` refuses too."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from agreement import build_output
from conftest import FIXTURES, REPO, run_mkdocs_build
from strategy_site.content.site_theme import override_problems
from strategy_site.content.yamlfile import repeated_keys
from strategy_site.mkdocs_plugin.site_checks import TEMPLATES, engine_templates, repeated_settings
from strategy_site.tools.cli import main
from strategy_site.tools.find_content import ENGINE_TEMPLATES


def project(builder, edit) -> Path:
    folder = builder.project(FIXTURES / "basic", docs={"om.md": "# Om\n"})
    config = folder / "mkdocs.yml"
    config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def with_overrides(text: str) -> str:
    return text.replace("  language: sv\n", "  language: sv\n  custom_dir: overrides\n")


def checked(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`strategi check` run from the project folder, as an editor would."""
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["check"])
    return result.exit_code, result.output


# Where a refusal about the theme starts: check and the build put different things before
# it ("mkdocs.yml: ", "ERROR - strategy: ") and the path of an override is absolute.
REFUSAL = re.compile(r"the theme loads .*|(?<=overrides/)\S+ replaces the strategy plugin.*")


def refusals(output: str) -> list[str]:
    """The refusals about the theme and its overrides in `output`, in order."""
    return [m.group(0) for line in output.splitlines() if (m := REFUSAL.search(line))]


def test_fonts_from_another_host_are_refused(builder, monkeypatch) -> None:
    folder = project(builder, lambda text: text.replace("  font: false", "  font:\n    text: Lato"))
    result = run_mkdocs_build(folder)
    assert result.returncode == 1
    assert "loads its fonts from fonts.googleapis.com" in result.stderr
    assert "set 'font: false' under 'theme'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "site").exists()
    # check refuses it too, in the same words.
    code, output = checked(folder, monkeypatch)
    assert code == 1 and refusals(output) == refusals(result.stderr) != [], output
    assert "mkdocs.yml: the theme loads its fonts" in output


def test_a_theme_left_at_materials_default_font_is_refused_by_both(builder, monkeypatch) -> None:
    folder = project(builder, lambda text: re.sub(r"\n  font: false[^\n]*", "", text))
    assert "font:" not in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_mkdocs_build(folder)
    code, output = checked(folder, monkeypatch)
    assert result.returncode == 1 and code == 1, (result.stderr, output)
    assert refusals(output) == refusals(result.stderr) != [], (output, result.stderr)


def test_an_override_that_drops_the_plugins_page_is_refused(builder, monkeypatch) -> None:
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
    code, output = checked(folder, monkeypatch)
    assert code == 1 and refusals(output) == refusals(result.stderr), (output, result.stderr)
    assert len(refusals(output)) == 2, output


def test_an_override_that_extends_the_plugins_page_keeps_the_banners(builder, monkeypatch) -> None:
    folder = project(
        builder,
        lambda text: text.replace("  language: sv\n", "  language: sv\n  custom_dir: overrides\n"),
    )
    (folder / "overrides").mkdir()
    (folder / "overrides" / "main.html").write_text(
        '{% extends "strategy-base.html" %}\n'
        '{% block announce %}<p class="region-note">Regionens meddelande</p>{% endblock %}\n'
    )
    code, output = checked(folder, monkeypatch)
    assert code == 0, output
    result = run_mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    page = (folder / "site" / "v2" / "index.html").read_text(encoding="utf-8")
    assert 'class="region-note"' in page
    assert "st-banner" in page


def test_check_reads_the_adapters_templates_as_the_build_does(tmp_path: Path) -> None:
    """tools/ lists the adapter's templates as files (it imports no engine code): the
    same folder and names as the adapter's own, and each override of one is refused."""
    assert ENGINE_TEMPLATES.resolve() == TEMPLATES.resolve()
    names = engine_templates()
    assert {"main.html", "strategy-base.html", "partials/nav.html"} <= set(names)
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text('{% extends "strategy-base.html" %}\n')
    refused = override_problems(tmp_path, names)
    assert len(refused) == len(names) - 1  # main.html extends the page: allowed


def _no_directory_urls(folder: Path) -> str:
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "use_directory_urls: true\n" in text
    config.write_text(text.replace("use_directory_urls: true\n", "use_directory_urls: false\n"))
    return "the site needs 'use_directory_urls: true' in mkdocs.yml"


def _notice_without_source_text(folder: Path) -> str:
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    swedish = re.compile(r"\n        sv: Det här är en rekonstruktion[^\n]*")
    assert swedish.search(text), "the example's notice has a Swedish text"
    config.write_text(swedish.sub("", text), encoding="utf-8")
    return (
        "the 'notice' option in mkdocs.yml: there is no text for 'sv', the source "
        "language: add 'sv: ...'."
    )


def _link_in_docs(folder: Path) -> str:
    (folder / "docs" / "nyckel.png").symlink_to("/etc/hostname")
    return "docs/nyckel.png: a symbolic link: the site may hold only real files"


def _broken_partial(folder: Path) -> str:
    config = folder / "mkdocs.yml"
    config.write_text(with_overrides(config.read_text(encoding="utf-8")))
    partials = folder / "overrides" / "strategy" / "partials"
    partials.mkdir(parents=True)
    (partials / "read-now.html").write_text("<p>\n{% if %}\n</p>\n")
    return "overrides/strategy/partials/read-now.html:2: "


def _key_twice(folder: Path) -> str:
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    first = text.splitlines().index("use_directory_urls: true") + 1
    config.write_text(text + "use_directory_urls: true\n", encoding="utf-8")
    last = len(text.splitlines()) + 1
    return (
        f"line {last}: 'use_directory_urls' is given twice in mkdocs.yml (first on line "
        f"{first}); MkDocs keeps only the last"
    )


@pytest.mark.parametrize(
    "edit",
    [_no_directory_urls, _notice_without_source_text, _link_in_docs, _broken_partial, _key_twice],
)
def test_check_refuses_what_the_build_refuses_in_mkdocs_yml(builder, monkeypatch, edit) -> None:
    """The site's settings that stop the build before anything is written stop check too,
    in the same words, so that a pre-commit check catches them."""
    folder = project(builder, lambda text: text)
    message = edit(folder)
    built = build_output(builder, folder)
    assert message in built and "Traceback" not in built, built
    assert not (folder / "site").exists()
    code, output = checked(folder, monkeypatch)
    assert code == 1 and message in output, output
    assert "no problems found" not in output


def test_keys_given_twice_are_found_at_every_depth_and_only_there() -> None:
    """mkdocs.yml as MkDocs writes it: tags it alone knows, plugins with options, anchors."""
    text = (
        "site_name: A\n"  # 1
        "copyright: !ENV [COPYRIGHT, 'Region']\n"  # 2
        "extra: &shared\n"  # 3
        "  a: 1\n"  # 4
        "  a: 2\n"  # 5
        "more: *shared\n"  # 6
        "plugins:\n"  # 7
        "  - search\n"  # 8
        "  - strategy:\n"  # 9
        "      content_dir: strategy\n"  # 10
        "      notice: x\n"  # 11
        "      content_dir: elsewhere\n"  # 12
        "markdown_extensions:\n"  # 13
        "  - pymdownx.emoji:\n"  # 14
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"  # 15
        "site_name: B\n"  # 16
    )
    assert repeated_keys(text) == [("a", 5, 4), ("content_dir", 12, 10), ("site_name", 16, 1)]
    assert repeated_keys(text.replace("site_name: B\n", "")) == [
        ("a", 5, 4),
        ("content_dir", 12, 10),
    ]
    assert repeated_keys((REPO / "mkdocs.yml").read_text(encoding="utf-8")) == []
    assert repeated_keys("a: [unclosed\n") == []  # MkDocs itself says what is wrong


def test_the_builds_repeated_key_check_reads_only_utf8(tmp_path: Path) -> None:
    """PyYAML, and so MkDocs, also reads a UTF-16 mkdocs.yml: the check passes over it
    rather than stop the build with a traceback."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A\nsite_name: B\n", encoding="utf-16")
    assert repeated_settings(SimpleNamespace(config_file_path=str(config))) == []  # type: ignore[arg-type]
    config.write_text("site_name: A\nsite_name: B\n", encoding="utf-8")
    found = repeated_settings(SimpleNamespace(config_file_path=str(config)))  # type: ignore[arg-type]
    assert found and found[0].startswith("line 2: 'site_name' is given twice in mkdocs.yml")
