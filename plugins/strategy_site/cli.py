"""`strategi`: the editors' command-line tool.

Every command reads `strategy/` through the same loader as the build, so what `check`
accepts, the build accepts, and the messages are the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .loader import load_strategy
from .model import Strategy
from .problems import ContentError

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


if __name__ == "__main__":  # pragma: no cover
    main()
