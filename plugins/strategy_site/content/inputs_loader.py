"""Loading `inputs/*.yml`: what was said about the strategy, and what became of it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..lineage import counterparts
from ..model import (
    DECISIONS,
    ILLUSTRATIVE,
    INPUT_KINDS,
    Input,
    InputItem,
    Source,
    Strategy,
    Version,
)
from .problems import ProblemLog
from .yamlfile import SLUG, SLUG_HINT, Fields, read_yaml_file

INPUT_KEYS = ("kind", "date", "from", "about", "title", "items", "illustrative")
ITEM_KEYS = (
    "id",
    "text",
    "section",
    "proposal",
    "sources",
    "decision",
    "response",
    "addressed_in",
    "passage",
)


def read_inputs(
    folder: Path, strategy: Strategy, listed: list[str], log: ProblemLog
) -> list[Input]:
    """Every input file; `listed` are the version ids in strategy.yml, readable or not."""
    if not folder.is_dir():
        return []
    inputs = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix == ".yaml":
            log.add(path, None, "input files end in .yml, not .yaml", f"Rename it {path.stem}.yml.")
        elif path.suffix != ".yml" or not path.is_file():
            log.add(
                path,
                None,
                f"'{path.name}' is not an input file",
                "The inputs folder holds one <id>.yml per workshop or response; move it elsewhere.",
            )
        elif not SLUG.fullmatch(path.stem):
            log.add(
                path,
                None,
                f"'{path.stem}' is not a valid input id",
                "Name input files with lowercase a-z, 0-9 and hyphens, e.g. remissvar-almi.yml.",
            )
        else:
            found = _read_input(path, strategy, listed, log)
            if found is not None:
                inputs.append(found)
    return inputs


def _read_input(path: Path, strategy: Strategy, listed: list[str], log: ProblemLog) -> Input | None:
    fields = Fields.of(read_yaml_file(path, log), path, log, 1, "an input file")
    if fields is None:
        return None
    fields.check_keys(INPUT_KEYS, required=("kind", "date", "from", "about", "items"))
    kind = fields.text("kind")
    if kind is not None and kind not in INPUT_KINDS:
        fields.problem("kind", f"unknown kind '{kind}'", f"Use one of: {', '.join(INPUT_KINDS)}.")
    about = fields.slug("about")
    if about is not None and about not in listed:
        fields.problem(
            "about",
            f"'about' names '{about}', which is not a version",
            f"Choose one of: {', '.join(listed)}.",
        )
    illustrative = fields.text("illustrative")
    if illustrative is not None and illustrative not in ILLUSTRATIVE:
        fields.problem(
            "illustrative",
            f"unknown value '{illustrative}' for 'illustrative'",
            "Write 'all' for an invented input, or 'handling' when only the decisions and "
            "responses are made up.",
        )
        illustrative = None
    senders = []
    for sender, line in fields.items("from"):
        if isinstance(sender, str) and sender.strip():
            senders.append(sender.strip())
        else:
            log.add(path, line, "an entry in 'from' is not a name", "Write one name per line.")
    result = Input(
        id=path.stem,
        kind=kind or "",
        date=fields.date("date") or date.min,  # a missing date is already reported
        about=about or "",
        path=path,
        from_=senders,
        title=fields.text("title"),
        illustrative=illustrative,
    )
    seen: dict[str, int] = {}
    about_version = strategy.versions.get(about or "")
    for raw, line in fields.items("items"):
        item_fields = fields.item_fields(raw, line, "an item")
        if item_fields is None:
            continue
        item = _read_item(item_fields, line, about, about_version, listed)
        if item is not None:
            _check_effect(item_fields, item, strategy, about_version)
        if item is None:
            continue
        if item.id in seen:
            log.add(
                path,
                line,
                f"the item id '{item.id}' is used twice in this file "
                f"(first on line {seen[item.id]})",
                "Give each item its own id.",
            )
            continue
        seen[item.id] = line
        result.items.append(item)
    return result


def _read_item(
    fields: Fields, line: int, about: str | None, about_version: Version | None, listed: list[str]
) -> InputItem | None:
    fields.check_keys(ITEM_KEYS, required=("id", "text"))
    item_id, text = fields.slug("id"), fields.text("text")
    section = fields.slug("section")
    # Checked only against a version that could be read; otherwise that is the problem.
    if section is not None and about_version is not None and section not in about_version.sections:
        fields.problem(
            "section",
            f"'section' names '{section}', which is not a section of '{about_version.id}'",
            f"Sections of {about_version.id}: {', '.join(about_version.sections)}.",
        )
    decision = fields.text("decision") or "open"
    if decision not in DECISIONS:
        fields.problem(
            "decision", f"unknown decision '{decision}'", f"Use one of: {', '.join(DECISIONS)}."
        )
    addressed_in, addressed_section = _addressed(fields)
    if addressed_in is not None:
        if addressed_in not in listed:
            fields.problem(
                "addressed_in",
                f"'addressed_in' names '{addressed_in}', which is not a version",
                f"Choose one of: {', '.join(listed)}.",
            )
        elif about in listed and listed.index(addressed_in) <= listed.index(about):
            fields.problem(
                "addressed_in",
                f"'addressed_in' names '{addressed_in}', which is not later than '{about}'",
                "Name the later version where the decision took effect.",
            )
    sources = []
    for raw, source_line in fields.items("sources"):
        source = fields.item_fields(raw, source_line, "a source")
        if source is None:
            continue
        source.check_keys(("title", "url"), required=("title",))
        title, url = source.text("title"), source.text("url")
        if url is not None and not re.match(r"https?://", url):
            source.problem("url", f"'{url}' is not a web address", "Start it with https://.")
        if title:
            sources.append(Source(title, url))
    if item_id is None or text is None:
        return None
    return InputItem(
        id=item_id,
        text=text,
        line=line,
        section=section,
        proposal=fields.text("proposal"),
        sources=sources,
        decision=decision if decision in DECISIONS else "open",
        response=fields.text("response"),
        addressed_in=addressed_in,
        addressed_section=addressed_section,
        passage=fields.text("passage"),
        passage_line=fields.line("passage") if "passage" in fields.data else None,
    )


def _addressed(fields: Fields) -> tuple[str | None, str | None]:
    """`addressed_in: beslutad` or `addressed_in: beslutad/jord-skog-och-vatten`."""
    value = fields.text("addressed_in")
    if value is None:
        return None, None
    version, _, section = value.partition("/")
    for part in (version, section) if section else (version,):
        if not SLUG.fullmatch(part):
            fields.problem(
                "addressed_in",
                f"'{value}' is not a version id or <version>/<section>",
                "Write the version, e.g. 'addressed_in: beslutad', or the version and the "
                f"section, e.g. 'addressed_in: beslutad/inledning'. {SLUG_HINT}",
            )
            return None, None
    return version, section or None


def normalize_space(text: str) -> str:
    """Runs of whitespace as one space: a quoted phrase may be wrapped differently."""
    return " ".join(text.split())


def _check_effect(
    fields: Fields, item: InputItem, strategy: Strategy, about: Version | None
) -> None:
    """Where the decision took effect must be one section, and a quoted passage must be
    found there exactly once. Checked against versions that could be read. (That the
    passage lies in changed text needs the diff: plan/checked.py checks it, for `check`
    and the build alike.)"""
    target = strategy.versions.get(item.addressed_in or "")
    if item.passage is not None and "addressed_in" not in fields.data:
        fields.problem(
            "passage",
            "'passage' quotes the changed text, but the item has no 'addressed_in'",
            "Add 'addressed_in: <version>/<section>' where the change was made.",
        )
        return
    if target is None:
        return
    section = item.addressed_section
    if section is not None and section not in target.sections:
        fields.problem(
            "addressed_in",
            f"'addressed_in' names the section '{section}', which is not a section of "
            f"'{target.id}'",
            f"Sections of {target.id}: {', '.join(target.sections)}.",
        )
        return
    if section is None and item.section is not None and about is not None:
        if item.section not in about.sections:
            return  # reported already
        found = counterparts(strategy, about, item.section, target)
        if len(found) > 1:
            choices = " or ".join(f"'addressed_in: {target.id}/{s}'" for s in found)
            fields.problem(
                "addressed_in",
                f"'{item.section}' of '{about.id}' continues in {len(found)} sections of "
                f"'{target.id}' ({', '.join(found)}): which one did the decision change?",
                f"Name the section: {choices}.",
            )
            return
        section = found[0] if found else None
    if item.passage is None:
        return
    if section is None:
        fields.problem(
            "passage",
            "'passage' quotes the changed text, but it is not clear which section to look in",
            f"Name the section: 'addressed_in: {target.id}/<section>'.",
        )
        return
    times = normalize_space(target.sections[section].body).count(normalize_space(item.passage))
    if times != 1:
        where = f"{target.id}/{section}"
        fields.problem(
            "passage",
            f"the passage is not in {where}"
            if times == 0
            else f"the passage occurs {times} times in {where}",
            "Quote a few words exactly as they stand in the section's Markdown file, "
            "enough to be found only once."
            if times == 0
            else "Quote a few more words, so that the passage is found only once.",
        )
