"""`strategi`: the editors' command-line tool.

Every command reads `strategy/` through the same loader as the build, so what `check`
accepts, the build accepts, and the messages are the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .files import read_exactly, write_atomically
from .loader import load_strategy
from .model import Section, Strategy, Version
from .problems import ContentError
from .translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    STATES,
    source_hash,
    translation_languages,
    translation_statuses,
)
from .yaml_edit import scalar, set_front_matter_value

CONTENT_OPTION = click.option(
    "--content",
    "content",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("strategy"),
    show_default=True,
    help="The folder holding strategy.yml.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Tools for the people who write and publish the strategy."""


def load_or_exit(content: Path) -> Strategy:
    """The strategy, or every problem on stderr and exit status 1: never a traceback."""
    try:
        return load_strategy(content)
    except ContentError as error:
        click.echo(error.report(), err=True)
        sys.exit(1)


@main.command()
@CONTENT_OPTION
def check(content: Path) -> None:
    """Check the content without building the site; list every problem at once."""
    strategy = load_or_exit(content)
    sections = sum(len(v.sections) for v in strategy.versions.values())
    click.echo(
        f"{content}: {len(strategy.versions)} versions, {sections} sections, "
        f"{len(strategy.inputs)} input files: no problems found."
    )


def parse_target(strategy: Strategy, target: str) -> tuple[Version, Section]:
    """`<version>/<section>` to the section, or a usage error naming what exists."""
    version_id, _, section_id = target.partition("/")
    if version_id not in strategy.versions:
        raise click.BadParameter(
            f"no version '{version_id}'; versions: {', '.join(strategy.versions)}",
            param_hint="TARGET",
        )
    version = strategy.versions[version_id]
    if section_id not in version.sections:
        raise click.BadParameter(
            f"no section '{section_id}' in {version_id}; sections: {', '.join(version.sections)}",
            param_hint="TARGET",
        )
    return version, version.sections[section_id]


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
    """List every section's translation state and the words left to translate."""
    ctx.ensure_object(dict)
    ctx.obj["content"] = content
    if ctx.invoked_subcommand is not None:
        return
    strategy = load_or_exit(content)
    lang = translation_language(strategy, lang)
    if version_id is not None and version_id not in strategy.versions:
        raise click.BadParameter(
            f"no version '{version_id}'; versions: {', '.join(strategy.versions)}",
            param_hint="--version",
        )
    rows = translation_statuses(strategy, lang, version=version_id, state=state)
    for row in rows:
        click.echo(
            f"{row.version + '/' + row.section:<40} {row.state:<9} {row.words:>6} words  "
            f"{row.number} {row.title}"
        )
    counts = {s: sum(1 for r in rows if r.state == s) for s in STATES}
    click.echo(
        f"{len(rows)} sections: {counts[CURRENT]} current, {counts[OUTDATED]} outdated, "
        f"{counts[MISSING]} missing; {sum(r.words for r in rows)} words to translate ({lang})."
    )


def _content(ctx: click.Context, content: Path | None) -> Path:
    return content if content is not None else ctx.obj["content"]


SUB_CONTENT_OPTION = click.option(
    "--content",
    "content",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The folder holding strategy.yml (default: strategy).",
)


@translations.command("mark-current")
@click.argument("targets", nargs=-1)
@click.option("--all-in", "all_in", default=None, help="Every translated section of this version.")
@SUB_CONTENT_OPTION
@LANG_OPTION
@click.pass_context
def mark_current(
    ctx: click.Context,
    targets: tuple[str, ...],
    all_in: str | None,
    content: Path | None,
    lang: str | None,
) -> None:
    """Record that translations match the present source text (TARGET: version/section).

    Only `source_hash` in each translation's front matter changes; every other byte of
    the file stays as it is.
    """
    strategy = load_or_exit(_content(ctx, content))
    lang = translation_language(strategy, lang)
    chosen = [parse_target(strategy, target) for target in targets]
    if all_in is not None:
        if all_in not in strategy.versions:
            raise click.BadParameter(
                f"no version '{all_in}'; versions: {', '.join(strategy.versions)}",
                param_hint="--all-in",
            )
        version = strategy.versions[all_in]
        chosen += [(version, s) for s in version.sections.values() if lang in s.translations]
    if not chosen:
        raise click.UsageError("name at least one version/section, or use --all-in VERSION")
    for version, section in chosen:
        translation = section.translations.get(lang)
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


@translations.command("new")
@click.argument("target")
@SUB_CONTENT_OPTION
@LANG_OPTION
@click.pass_context
def new_translation(
    ctx: click.Context, target: str, content: Path | None, lang: str | None
) -> None:
    """Start a translation of TARGET (version/section) from the source file.

    The new file has the source's front matter keys (title, summary) and text to
    translate over, and records the source text it was made from.
    """
    strategy = load_or_exit(_content(ctx, content))
    lang = translation_language(strategy, lang)
    version, section = parse_target(strategy, target)
    path = section.path.with_name(f"{section.id}.{lang}.md")
    if path.exists():
        raise click.ClickException(f"{path} exists already; edit it instead")
    lines = ["---", f"title: {scalar(section.title)}"]
    if section.summary:
        lines.append(f"summary: {scalar(section.summary)}")
    lines += [f"source_hash: {source_hash(section)}", "---", "", section.body.rstrip("\n"), ""]
    write_atomically(path, "\n".join(lines))
    click.echo(
        f"{path}: started from the {strategy.source_language} text; translate the title, "
        "summary and body in place. It counts as current from now, so commit it translated."
    )


if __name__ == "__main__":  # pragma: no cover
    main()
