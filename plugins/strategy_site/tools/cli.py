"""`strategi`: the editors' command-line tool.

Every command reads `strategy/` through the same loader as the build, so what `check`
accepts, the build accepts, and the messages are the same.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..clock import BuildDateError, build_date
from ..content import freezing
from ..content.figures import FOLDER as FIGURE_FOLDER
from ..content.history import HistoryUnavailable
from ..content.problems import ContentError, display_path, plural
from ..content.yamlfile import LANGUAGE_PATTERN, SLUG, SLUG_HINT
from ..derive.diff import compare_versions, diff_body, render_terminal
from ..derive.diff.popular import popular_review_flags
from ..derive.figure_translations import figure_hash, figure_state
from ..derive.translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    PENDING,
    STATES,
    count_states,
    source_hash,
    translation_languages,
    translation_statuses,
)
from ..files import read_exactly, write_atomically
from ..model import DRAFT, POPULAR, STATUSES, Section, Strategy, Version
from ..plan.checked import load_publishable
from ..plan.source_changes import SourceChanges, find_source_text
from ..plan.texts import language_name
from ..urls import RESERVED_VERSION_IDS
from . import init as starter_init
from .find_content import find_content, missing_docs_dir, site_problems
from .new_version import create_version
from .published import PublishedUnavailable
from .published import compare as compare_published
from .strings_file import strings_template
from .supersede import SupersedeRefused, supersede
from .yaml_edit import scalar, set_front_matter_value, set_value


def _content_value(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    """`--content` wherever it was given (before or after the subcommand), else found
    like git finds its repository (find_content)."""
    ctx.ensure_object(dict)
    if value is not None:
        ctx.obj["content"] = value
        return value
    return ctx.obj.get("content") or find_content()


CONTENT_OPTION = click.option(
    "--content",
    "content",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    callback=_content_value,
    help="The folder holding strategy.yml (default: found from here or mkdocs.yml).",
)


class Commands(click.Group):
    """The command group: file-system failures (a read-only folder, a file without
    permission, a full disk) are messages, never tracebacks."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except OSError as error:
            where = f"{display_path(Path(error.filename))}: " if error.filename else ""
            raise click.ClickException(
                f"{where}{error.strerror or error}. Check that the folder is writable and "
                "that you may change the file."
            ) from None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="strategy-site", prog_name="strategi")
@CONTENT_OPTION
def main(content: Path) -> None:
    """Tools for the people who write and publish the strategy."""
    try:
        build_date()  # a malformed SOURCE_DATE_EPOCH is a message, not a traceback
    except BuildDateError as error:
        raise click.ClickException(str(error)) from None


def use_color(color: bool | None) -> bool:
    """Colour when asked, else on a terminal unless NO_COLOR is set (no-color.org)."""
    if color is not None:
        return color
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def load_or_exit(content: Path) -> Strategy:
    """The strategy, or every problem on stderr and exit status 1: never a traceback."""
    try:
        return load_publishable(content)
    except ContentError as error:
        click.echo(error.report(), err=True)
        sys.exit(1)


@main.command()
@CONTENT_OPTION
@click.option(
    "--published",
    metavar="URL_OR_FOLDER",
    help="Also compare the frozen versions with the site published there (its manifest.json).",
)
def check(content: Path, published: str | None) -> None:
    """Check the content without building the site; list every problem at once."""
    strategy = load_or_exit(content)
    docs = missing_docs_dir(content)
    if docs is not None:
        click.echo(
            f"{display_path(docs)}: the folder does not exist, and MkDocs stops before "
            "building anything without it ('docs_dir' in mkdocs.yml).\n    hint: Create it "
            "with at least one page, such as an about page: git keeps no empty folder, so "
            "an empty one is gone from the next clone.",
            err=True,
        )
    config, problems = site_problems(content, strategy.languages, strategy.source_language)
    for problem in problems:  # the build refuses these: check says so first
        click.echo(f"{display_path(config)}: {problem}", err=True)
    if docs is not None or problems:
        sys.exit(1)
    sections = sum(len(v.sections) for v in strategy.versions.values())
    click.echo(
        f"{content}: {plural(len(strategy.versions), 'version')}, "
        f"{plural(sections, 'section')}, {plural(len(strategy.inputs), 'input file')}: "
        "no problems found."
    )
    if published is not None:
        check_published(strategy, published)


def check_published(strategy: Strategy, target: str) -> None:
    """Name every difference between the published frozen versions and the content."""
    try:
        differences = compare_published(strategy, target)
    except PublishedUnavailable as error:
        raise click.ClickException(str(error)) from None
    for difference in differences:
        click.echo(difference.format(), err=True)
    if differences:
        click.echo(
            f"{plural(len(differences), 'difference')} from what is published at {target}: "
            "a frozen version's text never changes; make a new version instead.",
            err=True,
        )
        sys.exit(1)
    click.echo(f"The frozen versions match what is published at {target}.")


@main.command("new-version")
@click.argument("new_id")
@click.option("--from", "from_id", required=True, help="The version to copy.")
@click.option(
    "--status",
    type=click.Choice(STATUSES),
    default=DRAFT,
    show_default=True,
    help="The new version's status.",
)
@CONTENT_OPTION
def new_version(new_id: str, from_id: str, status: str, content: Path) -> None:
    """Start version NEW_ID as a copy of another, based on it."""
    strategy = load_or_exit(content)
    if not SLUG.fullmatch(new_id):
        raise click.BadParameter(f"'{new_id}' is not a valid id. {SLUG_HINT}", param_hint="NEW_ID")
    if new_id in strategy.versions or (strategy.root / "versions" / new_id).exists():
        raise click.BadParameter(f"the version '{new_id}' exists already", param_hint="NEW_ID")
    if new_id in RESERVED_VERSION_IDS or new_id in strategy.languages:
        raise click.BadParameter(f"'{new_id}' is used by the site itself", param_hint="NEW_ID")
    _version(strategy, from_id, "--from")
    result = create_version(strategy, new_id, from_id, status, build_date())
    toc = display_path(result.folder / "version.yml")
    click.echo(f"Created {display_path(result.folder)} from {from_id} (status: {status}).")
    click.echo(f"Added '{new_id}' to versions in {display_path(strategy.root / 'strategy.yml')}.")
    for block in result.removed_blocks:
        click.echo(f"Removed the '{block}' block of {from_id}: it does not fit status {status}.")
    if result.cleared_replaces:
        click.echo(
            "Removed 'replaces' (it described the previous version) from: "
            + ", ".join(result.cleared_replaces)
        )
    if result.cleared_summarises:
        click.echo(
            "Removed 'summarises' (only a popular version's sections summarise) from: "
            + ", ".join(result.cleared_summarises)
        )
    for block in result.added_blocks:
        click.echo(
            f"Added a '{block}' block that status {status} needs: its values are placeholders "
            "(dates from today, the rest from the latest one); set the real ones."
        )
    old = strategy.versions[from_id]
    click.echo(
        f"The title ({strategy.text(old.title, strategy.source_language)!r}) and date "
        f"({old.date.isoformat()}) in {toc} are still those of {from_id}: set the new "
        "version's own, then edit the sections."
    )


@main.command()
@click.argument("version_id")
@CONTENT_OPTION
def freeze(version_id: str, content: Path) -> None:
    """Lock a published version: from now on its text may not change."""
    strategy = load_or_exit(content)
    version = _version(strategy, version_id)
    if version.frozen:
        click.echo(f"{version_id} is frozen already.")
        return
    path = freezing.freeze(version.path, build_date())
    click.echo(
        f"Froze {version_id}: {display_path(path)} records its text. Commit that file. "
        "Check and build now refuse changes to the version's text (translations stay "
        "editable)."
    )


@main.command()
@click.argument("version_id")
@CONTENT_OPTION
def unfreeze(version_id: str, content: Path) -> None:
    """Lift the lock of a version, so that its published text can be changed."""
    # No loading: a frozen version with changes is exactly what one may want to unfreeze.
    # The id is checked before it becomes part of a path ('../../x' must name nothing).
    if not SLUG.fullmatch(version_id):
        raise click.BadParameter(
            f"'{version_id}' is not a version id. {SLUG_HINT}", param_hint="VERSION_ID"
        )
    folder = content / "versions" / version_id
    if not folder.is_dir():
        existing = sorted(p.name for p in (content / "versions").glob("*") if p.is_dir())
        raise click.BadParameter(
            f"no version '{version_id}'; versions: {', '.join(existing)}",
            param_hint="VERSION_ID",
        )
    lock = freezing.lock_path(folder)
    if not lock.is_file():
        click.echo(f"{version_id} is not frozen.")
        return
    lock.unlink()
    click.echo(
        f"Unfroze {version_id}: removed {display_path(lock)}. Its published text can now "
        "change, and readers who cited it may find something else there. Prefer a new "
        f"version for real changes; freeze it again with 'strategi freeze {version_id}'."
    )


@main.command("supersede")
@click.argument("version_id")
@CONTENT_OPTION
def supersede_command(version_id: str, content: Path) -> None:
    """Mark the adopted version VERSION_ID superseded, once a later version is adopted.

    Only its status changes: a frozen version stays frozen (its text is what is locked).
    """
    strategy = load_or_exit(content)
    version = _version(strategy, version_id)
    try:
        path, after = supersede(strategy, version_id)
    except SupersedeRefused as refused:
        raise click.ClickException(str(refused)) from None
    lock = " It stays frozen: its lock covers the text, not the status." if version.frozen else ""
    click.echo(
        f"{version_id} is superseded by {after.id}: 'status: superseded' in "
        f"{display_path(path)}, nothing else changed.{lock} Commit the file."
    )


def _version(strategy: Strategy, version_id: str, name: str = "VERSION_ID") -> Version:
    if version_id not in strategy.versions:
        raise click.BadParameter(
            f"no version '{version_id}'; versions: {', '.join(strategy.versions)}",
            param_hint=name,
        )
    return strategy.versions[version_id]


@main.command()
@CONTENT_OPTION
def status(content: Path) -> None:
    """One screen: versions, their status and dates, locks, consultations, translations,
    inputs without a decision."""
    strategy = load_or_exit(content)
    today = build_date()
    languages = translation_languages(strategy)
    click.echo(f"{strategy.text(strategy.title, strategy.source_language)}")
    click.echo(f"Versions (oldest first), current: {strategy.current}")
    width = max([12, *(len(v) for v in strategy.versions)])
    for version in strategy.versions.values():
        marks = []
        if version.id == strategy.current:
            marks.append("current")
        marks.append("frozen" if version.frozen else "editable")
        click.echo(
            f"  {version.id:<{width}} {version.status:<13} {version.date.isoformat()}  "
            f"{plural(len(version.sections), 'section'):>12}  {', '.join(marks)}"
        )
        if version.consultation is not None:
            c = version.consultation
            click.echo(
                f"  {'':<{width}} consultation {c.opens.isoformat()} to {c.closes.isoformat()} "
                f"({c.state_on(today)} as of {today.isoformat()}), reference {c.reference}"
            )
        for lang in languages:
            rows = translation_statuses(strategy, lang, version=version.id)
            counts = count_states(rows)
            click.echo(
                f"  {'':<{width}} {lang}: {counts[CURRENT]} current, {counts[OUTDATED]} outdated, "
                f"{counts[MISSING]} missing"
            )
    flags = popular_review_flags(strategy)
    if flags:
        click.echo("Popular texts to review (what they summarise has changed since):")
        for (version_id, section_id), reasons in flags.items():
            where = ", ".join(sorted({f"{r.summarised} in {r.version}" for r in reasons}))
            click.echo(f"  {version_id}/{section_id}: {where}")
    undecided = [(i, item) for i in strategy.inputs for item in i.items if item.decision == "open"]
    click.echo(
        f"Inputs: {plural(len(strategy.inputs), 'file')}, "
        f"{plural(sum(len(i.items) for i in strategy.inputs), 'item')}, "
        f"{len(undecided)} without decision"
    )
    for found, item in undecided:
        click.echo(f"  {found.id}/{item.id}: {item.text[:70]}")


def parse_target(strategy: Strategy, target: str) -> tuple[Version, Section]:
    """`<version>/<section>` to the section, or a usage error naming what exists."""
    version_id, slash, section_id = target.partition("/")
    if not slash:
        raise click.BadParameter(
            f"'{target}' names no section: write version/section, e.g. "
            f"'{strategy.current or version_id}/{_first_section(strategy)}' "
            f"(versions: {', '.join(strategy.versions)})",
            param_hint="TARGET",
        )
    version = _version(strategy, version_id, "TARGET")
    if section_id not in version.sections:
        raise click.BadParameter(
            f"no section '{section_id}' in {version_id}; sections: {', '.join(version.sections)}",
            param_hint="TARGET",
        )
    return version, version.sections[section_id]


def _first_section(strategy: Strategy) -> str:
    version = strategy.versions.get(strategy.current)
    return next(iter(version.sections), "section") if version else "section"


LANG_OPTION = click.option(
    "--lang", default=None, help="The translation language (default: the only one there is)."
)


def translation_language(strategy: Strategy, lang: str | None) -> str:
    languages = translation_languages(strategy)
    if lang is None:
        if not languages:
            raise click.UsageError("the strategy has no translation languages (see strategy.yml)")
        return languages[0]
    if lang not in languages:
        raise click.BadParameter(
            f"'{lang}' is not a translation language; languages: {', '.join(languages)}",
            param_hint="--lang",
        )
    return lang


@main.group(invoke_without_command=True)
@CONTENT_OPTION
@LANG_OPTION
@click.option("--version", "version_id", default=None, help="Only this version.")
@click.option("--state", type=click.Choice(STATES), default=None, help="Only this state.")
@click.pass_context
def translations(
    ctx: click.Context, content: Path, lang: str | None, version_id: str | None, state: str | None
) -> None:
    """List every section's (and figure's) translation state and the words left to translate."""
    if ctx.invoked_subcommand is not None:
        return
    strategy = load_or_exit(content)
    lang = translation_language(strategy, lang)
    if version_id is not None:
        _version(strategy, version_id, "--version")
    # An outdated section counts the words changed since its translation (from git).
    changes = SourceChanges()
    rows = translation_statuses(strategy, lang, version=version_id, state=state, changes=changes)
    width = max([40, *(len(row.version + row.section) + 1 for row in rows)])
    for row in rows:
        started = "  (started, not marked current)" if row.started else ""
        click.echo(
            f"{row.version + '/' + row.section:<{width}} {row.state:<9} "
            f"{plural(row.words, 'word'):>12}  "
            f"{row.number} {row.title}{started}"
        )
    counts = count_states(rows)
    click.echo(
        f"{plural(len(rows), 'section')}: {counts[CURRENT]} current, {counts[OUTDATED]} outdated, "
        f"{counts[MISSING]} missing; {plural(sum(r.words for r in rows), 'word')} to translate "
        f"({lang})."
    )
    figures = [
        (version.id, figure, figure_state(figure, lang))
        for version in strategy.versions.values()
        if version_id in (None, version.id)
        for figure in version.figures.values()
    ]
    figures = [row for row in figures if state in (None, row[2])]
    for version, figure, figure_state_ in figures:
        target = f"{version}/{FIGURE_FOLDER}/{figure.id}"
        click.echo(f"{target:<40} {figure_state_:<9} figure  {figure.title}")
    if figures:
        states = [row[2] for row in figures]
        click.echo(
            f"{plural(len(figures), 'figure')}: {states.count(CURRENT)} current, "
            f"{states.count(OUTDATED)} outdated, {states.count(MISSING)} missing ({lang})."
        )


@translations.command("mark-current")
@click.argument("targets", nargs=-1)
@click.option("--all-in", "all_in", default=None, help="Every translated section of this version.")
@CONTENT_OPTION
@LANG_OPTION
@click.pass_context
def mark_current(
    ctx: click.Context,
    targets: tuple[str, ...],
    all_in: str | None,
    content: Path,
    lang: str | None,
) -> None:
    """Record that translations match the present source text (TARGET: version/section).

    Only `source_hash` in each translation's front matter changes; every other byte of
    the file stays as it is. A file started with `translations new` counts as missing
    until it is marked here by name (`--all-in` leaves such files out).
    """
    strategy = load_or_exit(content)
    lang = translation_language(strategy, lang)
    figures = [t for t in targets if f"/{FIGURE_FOLDER}/" in t]
    for target in figures:
        _mark_figure_current(strategy, target, lang)
    chosen = [parse_target(strategy, target) for target in targets if target not in figures]
    if figures and not chosen and all_in is None:
        return
    if all_in is not None:
        version = _version(strategy, all_in, "--all-in")
        chosen += [(version, s) for s in version.sections.values() if lang in s.translations]
        for section in version.sections.values():
            if lang in section.pending and lang not in section.translations:
                click.echo(
                    f"{version.id}/{section.id}: skipped, started with 'translations new' and "
                    "never marked current; when it is translated, mark it by name: "
                    f"'strategi translations mark-current {version.id}/{section.id}'"
                )
    if not chosen:
        if all_in is not None:
            return
        raise click.UsageError("name at least one version/section, or use --all-in VERSION")
    for version, section in chosen:
        translation = section.translations.get(lang) or section.pending.get(lang)
        if translation is None:
            raise click.ClickException(
                f"{version.id}/{section.id} has no {lang} translation; start one with "
                f"'strategi translations new {version.id}/{section.id}'"
            )
        new_hash = source_hash(section)
        if translation.source_hash == new_hash:
            click.echo(f"{version.id}/{section.id}: already current")
            continue
        text = read_exactly(translation.path)
        updated = set_front_matter_value(text, "source_hash", new_hash, after="title")
        write_atomically(translation.path, updated)
        click.echo(f"{version.id}/{section.id}: marked current ({new_hash})")


def _mark_figure_current(strategy: Strategy, target: str, lang: str) -> None:
    """`version/figurer/<id>`: record the figure's present words in its translation."""
    version_id, _, figure_id = target.partition(f"/{FIGURE_FOLDER}/")
    version = _version(strategy, version_id, "TARGET")
    figure = version.figures.get(figure_id)
    if figure is None:
        raise click.ClickException(
            f"'{version.id}' has no figure '{figure_id}'; its figures: "
            f"{', '.join(version.figures) or 'none'}"
        )
    translation = figure.translations.get(lang)
    if translation is None:
        raise click.ClickException(
            f"{target} has no {lang} translation; write {FIGURE_FOLDER}/{figure_id}.{lang}.yml "
            "with title and labels (see the translators' guide)"
        )
    new_hash = figure_hash(figure)
    if translation.source_hash == new_hash:
        click.echo(f"{target}: already current")
        return
    updated = set_value(read_exactly(translation.path), "source_hash", new_hash)
    write_atomically(translation.path, updated)
    click.echo(f"{target}: marked current ({new_hash})")


@translations.command("new")
@click.argument("target")
@CONTENT_OPTION
@LANG_OPTION
@click.pass_context
def new_translation(ctx: click.Context, target: str, content: Path, lang: str | None) -> None:
    """Start a translation of TARGET (version/section) from the source file.

    The new file has the source's front matter keys (title, summary) and text to
    translate over, with `source_hash: pending`: it counts as missing (the site shows
    the source text) until `translations mark-current` records the source it was
    translated from.
    """
    strategy = load_or_exit(content)
    lang = translation_language(strategy, lang)
    version, section = parse_target(strategy, target)
    path = section.path.with_name(f"{section.id}.{lang}.md")
    if path.exists():
        raise click.ClickException(f"{display_path(path)} exists already; edit it instead")
    lines = ["---", f"title: {scalar(section.title)}"]
    if section.summary:
        lines.append(f"summary: {scalar(section.summary)}")
    lines += [f"source_hash: {PENDING}", "---", "", section.body.rstrip("\n"), ""]
    write_atomically(path, "\n".join(lines))
    source = language_name(strategy.source_language, "en")
    click.echo(
        f"{display_path(path)}: started from the {source} text; translate the title, summary "
        "and body in place. Until you mark it, it counts as not translated: the site shows "
        f"the {source} text and the translation list has it as missing (started), so it is "
        "safe to commit. When it is translated: "
        f"'strategi translations mark-current {version.id}/{section.id}'."
    )


@translations.command("diff")
@click.argument("target")
@CONTENT_OPTION
@LANG_OPTION
@click.option("--color/--no-color", default=None, help="Colour (default: when a terminal).")
@click.pass_context
def translation_diff(
    ctx: click.Context, target: str, content: Path, lang: str | None, color: bool | None
) -> None:
    """What changed in the source text of TARGET (version/section) since it was translated.

    The text the translation was made from is found in git history by its recorded hash.
    """
    strategy = load_or_exit(content)
    lang = translation_language(strategy, lang)
    version, section = parse_target(strategy, target)
    translation = section.translations.get(lang)
    if translation is None and lang in section.pending:
        raise click.ClickException(
            f"{target}: the translation was started with 'translations new' and has never "
            "been marked current, so it has no earlier source text to compare with; translate "
            f"all of it, then run 'strategi translations mark-current {target}'"
        )
    if translation is None:
        raise click.ClickException(f"{target} has no {lang} translation: everything is new")
    if translation.source_hash is None:
        raise click.ClickException(
            f"{display_path(translation.path)} records no source_hash, so it is unknown "
            f"which text it was made from; compare by hand, then run "
            f"'strategi translations mark-current {target}'"
        )
    if translation.source_hash == source_hash(section):
        click.echo(f"{target}: the translation is current; the source text has not changed.")
        return
    try:
        found = find_source_text(section.path, translation.source_hash)
    except HistoryUnavailable as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"{target}: the source text changed since commit {found.commit[:10]} ({found.date}), "
        "from which the translation was made."
    )
    if found.title != section.title:
        click.echo(f"Title: {found.title!r} -> {section.title!r}")
    colored = use_color(color)
    click.echo(
        render_terminal(diff_body(found.body, section.body), colored), nl=False, color=colored
    )


@main.command("strings")
@click.argument("lang")
@CONTENT_OPTION
def strings_command(lang: str, content: Path) -> None:
    """Start the interface strings of language LANG: strings/LANG.yml, to translate."""
    if not re.fullmatch(LANGUAGE_PATTERN, lang):
        raise click.BadParameter(f"'{lang}' is not a language code (sv, sma)", param_hint="LANG")
    languages = _declared_languages(content)
    if lang not in languages:
        raise click.BadParameter(
            f"'{lang}' is not among the languages in strategy.yml ({', '.join(languages)}); "
            "add it there first",
            param_hint="LANG",
        )
    path = content / "strings" / f"{lang}.yml"
    if path.exists():
        raise click.ClickException(f"{display_path(path)} exists already; edit it instead")
    path.parent.mkdir(exist_ok=True)
    write_atomically(path, strings_template(lang, languages))
    click.echo(
        f"Wrote {display_path(path)}: every interface string with its English text above "
        "it. Fill in the empty values; 'strategi check' lists the keys still empty."
    )


def _declared_languages(content: Path) -> list[str]:
    """The languages strategy.yml names, read without checking the rest of the content
    (which fails until the new language has its strings)."""
    try:
        data = YAML(typ="safe").load((content / "strategy.yml").read_text(encoding="utf-8"))
    except (OSError, YAMLError) as error:
        raise click.ClickException(f"cannot read {content / 'strategy.yml'}: {error}") from None
    languages = data.get("languages") if isinstance(data, dict) else None
    return [str(lang) for lang in languages] if isinstance(languages, list) else ["sv"]


@main.command("init")
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option("--name", prompt="The region's name (site_name)", help="The region's name.")
@click.option(
    "--site-url",
    prompt="The site's address (site_url), such as https://example.org/strategi/",
    help="Where the site will be published, in full.",
)
@click.option(
    "--languages",
    default="sv,en",
    show_default=True,
    help="The site's languages, the one the strategy is written in first.",
)
def init_command(directory: Path, name: str, site_url: str, languages: str) -> None:
    """Start a content repository in DIRECTORY (default: here): a site that builds."""
    try:
        codes = starter_init.parse_languages(languages)
        url = starter_init.parse_site_url(site_url)
        files = starter_init.starter(name, url, codes, build_date())
        starter_init.write(directory, files)
    except starter_init.InitError as error:
        raise click.ClickException(str(error)) from None
    shown = display_path(directory)
    click.echo(f"Wrote {plural(len(files.files), 'file')} into {shown}:")
    for relative in sorted(files.files):
        click.echo(f"  {relative}")
    here = "" if directory == Path(".") else f"cd {shown}\n  "
    for code in files.untranslated:
        click.echo(
            f"The site's interface has no strings in '{code}': translate every value in "
            f"strategy/strings/{code}.yml (the English text is above each key). Until each "
            "has a value, 'strategi check' lists the keys left and the build stops."
        )
    click.echo(
        "Next:\n"
        f"  {here}python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  .venv/bin/strategi check && .venv/bin/mkdocs serve\n"
        "Then complete the pages in docs/ (each says what is left) and the strategy's "
        "name in strategy/strategy.yml; the guide 'Ny region' has the rest."
    )


@main.command("diff")
@click.argument("old_id")
@click.argument("new_id")
@click.option("--section", "section_id", default=None, help="Only this section (its id in NEW).")
@click.option("--color/--no-color", default=None, help="Colour (default: when a terminal).")
@CONTENT_OPTION
def diff_command(
    old_id: str, new_id: str, section_id: str | None, color: bool | None, content: Path
) -> None:
    """Compare two versions section by section, as the site's changes view does."""
    strategy = load_or_exit(content)
    old, new = _version(strategy, old_id, "OLD_ID"), _version(strategy, new_id, "NEW_ID")
    if old_id == new_id:
        raise click.UsageError(
            f"OLD_ID and NEW_ID are the same version ({old_id}): nothing to compare; "
            f"name an earlier version first, e.g. 'strategi diff {new.based_on or 'OLD'} {new_id}'"
        )
    order = list(strategy.versions)
    if order.index(old_id) > order.index(new_id):
        click.echo(
            f"Note: {old_id} is newer than {new_id}, so this is the comparison reversed: "
            f"what {old_id} added shows as removed. 'strategi diff {new_id} {old_id}' "
            "compares them forwards.",
            err=True,
        )
    if new.status == POPULAR:
        raise click.UsageError(f"{new_id} is a popular version: it summarises, it is not compared")
    comparison = compare_versions(strategy, old, new)
    colored = use_color(color)
    if section_id is not None:
        entry = comparison.get(section_id)
        if entry is None:
            raise click.BadParameter(
                f"no section '{section_id}' in {old_id} or {new_id}", param_hint="--section"
            )
        comparison.sections = [entry]
    click.echo(render_terminal(comparison, colored), nl=False, color=colored)


if __name__ == "__main__":  # pragma: no cover
    main()
