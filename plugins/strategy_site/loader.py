"""Loading `strategy/` into the content model, checking everything on the way.

Every problem is logged with its file and line and loading carries on, so that an editor
sees all problems at once; `load_strategy` raises `ContentError` at the end if any were
found. The same function serves `strategi check` and the build.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from .frontmatter import read_markdown_file
from .markdown_links import body_lines, link_targets, section_link_target
from .model import (
    ADOPTED,
    CONSULTATION,
    DECISIONS,
    INPUT_KINDS,
    POPULAR,
    STATUSES,
    SUPERSEDED,
    Consultation,
    Decision,
    Input,
    InputItem,
    Section,
    Source,
    Strategy,
    Translation,
    Version,
)
from .problems import ContentError, ProblemLog
from .urls import RESERVED_SECTION_IDS, RESERVED_VERSION_IDS
from .yamlfile import SLUG, SLUG_HINT, Fields, describe, read_yaml_file

STRATEGY_KEYS = ("title", "publisher", "source_language", "languages", "versions", "current")
VERSION_KEYS = (
    "status",
    "title",
    "date",
    "based_on",
    "consultation",
    "decision",
    "sections",
)
SECTION_KEYS = ("title", "summary", "replaces", "summarises")
TRANSLATION_KEYS = ("title", "summary", "source_hash")
INPUT_KEYS = ("kind", "date", "from", "about", "title", "items")
ITEM_KEYS = ("id", "text", "section", "proposal", "sources", "decision", "response", "addressed_in")

TRANSLATION_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[a-z]{2})\.md$")


def load_strategy(root: Path) -> Strategy:
    """The validated strategy under `root`; raises ContentError listing every problem."""
    log = ProblemLog()
    strategy = read_strategy(root, log)
    log.raise_if_any()
    assert strategy is not None
    return strategy


def check_strategy(root: Path) -> ContentError | None:
    try:
        load_strategy(root)
    except ContentError as error:
        return error
    return None


def read_strategy(root: Path, log: ProblemLog) -> Strategy | None:
    root = Path(root)
    path = root / "strategy.yml"
    if not path.is_file():
        log.add(
            path,
            None,
            "strategy.yml is missing",
            f"Create {path} with title, publisher, languages, versions and current "
            "(see the editor guide), or point the plugin's 'content_dir' at your strategy.",
        )
        return None
    fields = Fields.of(read_yaml_file(path, log), path, log, 1, "strategy.yml")
    if fields is None:
        return None
    fields.check_keys(STRATEGY_KEYS, required=("title", "versions", "current"))

    languages = [lang for lang, _ in fields.items("languages")] or ["sv"]
    for lang in languages:
        if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2}", lang):
            fields.problem(
                "languages",
                f"{describe(lang)} is not a language code",
                "Use two-letter codes such as sv and en.",
            )
    languages = [str(lang) for lang in languages]
    source_language = fields.text("source_language") or languages[0]
    if source_language not in languages:
        fields.problem(
            "source_language",
            f"the source language '{source_language}' is not among the languages",
            f"Add it to 'languages' or choose one of: {', '.join(languages)}.",
        )
    languages = [source_language] + [lang for lang in languages if lang != source_language]

    strategy = Strategy(
        root=root,
        title=fields.localized("title", languages) or {source_language: ""},
        publisher=fields.localized("publisher", languages) or {},
        source_language=source_language,
        languages=languages,
        current=fields.slug("current") or "",
    )

    version_ids = []
    for version_id, line in _unique_ids(fields, "versions", "version"):
        if version_id in RESERVED_VERSION_IDS or version_id in languages:
            log.add(
                path,
                line,
                f"'{version_id}' cannot be a version id: the site uses it for its own pages",
                "Choose another id. Reserved: "
                f"{', '.join(sorted(RESERVED_VERSION_IDS | set(languages)))}.",
            )
        else:
            version_ids.append((version_id, line))
    if not version_ids and "versions" in fields.data:
        fields.problem(
            "versions", "no versions are listed", "List the version folders, oldest first."
        )
    for version_id, line in version_ids:
        folder = root / "versions" / version_id
        if not (folder / "version.yml").is_file():
            log.add(
                path,
                line,
                f"the version '{version_id}' has no folder with a version.yml",
                f"Create {folder}/version.yml, or remove '{version_id}' from 'versions'.",
            )
            continue
        version = read_version(folder, strategy, [v for v, _ in version_ids], log)
        if version is not None:
            strategy.versions[version_id] = version
    _check_unlisted_folders(root, [v for v, _ in version_ids], path, log)

    if strategy.current and strategy.current not in [v for v, _ in version_ids]:
        fields.problem(
            "current",
            f"'current' names '{strategy.current}', which is not in 'versions'",
            f"Choose one of: {', '.join(v for v, _ in version_ids)}.",
        )
    strategy.inputs = read_inputs(root / "inputs", strategy, log)
    return strategy


def _unique_ids(fields: Fields, key: str, what: str) -> list[tuple[str, int]]:
    seen: dict[str, int] = {}
    result = []
    for item, line in fields.slug_list(key):
        if item in seen:
            fields.log.add(
                fields.path,
                line,
                f"the {what} '{item}' is listed twice (first on line {seen[item]})",
                "Each id may appear only once; remove one of them.",
            )
            continue
        seen[item] = line
        result.append((item, line))
    return result


def _check_unlisted_folders(root: Path, listed: list[str], path: Path, log: ProblemLog) -> None:
    versions_dir = root / "versions"
    if not versions_dir.is_dir():
        return
    for folder in sorted(versions_dir.iterdir()):
        if folder.is_dir() and folder.name not in listed:
            log.add(
                folder / "version.yml",
                None,
                f"the version folder '{folder.name}' is not listed in strategy.yml",
                f"Add '{folder.name}' to 'versions' in {path.name} (oldest first), "
                "or remove the folder.",
            )


def read_version(
    folder: Path, strategy: Strategy, order: list[str], log: ProblemLog
) -> Version | None:
    """One version folder. Versions are read oldest first, so its base is already loaded."""
    path = folder / "version.yml"
    fields = Fields.of(read_yaml_file(path, log), path, log, 1, "version.yml")
    if fields is None:
        return None
    fields.check_keys(VERSION_KEYS, required=("status", "title", "date", "sections"))
    langs = strategy.languages

    status = fields.text("status")
    if status is not None and status not in STATUSES:
        fields.problem(
            "status", f"unknown status '{status}'", f"Use one of: {', '.join(STATUSES)}."
        )
        status = None
    based_on = fields.slug("based_on")
    version = Version(
        id=folder.name,
        status=status or "",
        title=fields.localized("title", langs) or {strategy.source_language: folder.name},
        date=fields.date("date") or date.min,  # a missing date is already reported
        path=folder,
        based_on=based_on,
    )
    base = _read_base(fields, version, order, strategy)
    version.consultation = _read_consultation(fields, status)
    version.decision = _read_decision(fields, status)

    listed = _read_toc(fields, version, log)
    _read_sections(folder, version, listed, strategy, base, log)
    return version


def _read_base(
    fields: Fields, version: Version, order: list[str], strategy: Strategy
) -> Version | None:
    """The version this one is based on; it must come earlier in strategy.yml."""
    if version.based_on is None:
        if version.status == POPULAR:
            fields.problem(
                None,
                "a popular version needs 'based_on': the version it summarises",
                "Add a line 'based_on: <version id>'.",
            )
        return None
    if version.based_on not in order:
        fields.problem(
            "based_on",
            f"'based_on' names '{version.based_on}', which is not a version",
            f"Choose one of: {', '.join(v for v in order if v != version.id)}.",
        )
        return None
    if order.index(version.based_on) >= order.index(version.id):
        fields.problem(
            "based_on",
            f"'based_on' names '{version.based_on}', which does not come before "
            f"'{version.id}' in strategy.yml",
            "A version is based on an earlier one; versions are listed oldest first.",
        )
        return None
    return strategy.versions.get(version.based_on)


def _read_consultation(fields: Fields, status: str | None) -> Consultation | None:
    sub = fields.sub("consultation", "'consultation'")
    if status == CONSULTATION and "consultation" not in fields.data:
        fields.problem(
            "status",
            "a consultation version needs a 'consultation' block",
            "Add 'consultation:' with opens, closes, respond_to and reference.",
        )
    if sub is None:
        return None
    if status is not None and status != CONSULTATION:
        fields.problem(
            "consultation",
            f"'consultation' is only for versions with status consultation, not {status}",
            "Remove the block, or change the status to consultation.",
        )
    sub.check_keys(
        ("opens", "closes", "respond_to", "reference"),
        required=("opens", "closes", "respond_to", "reference"),
    )
    opens, closes = sub.date("opens"), sub.date("closes")
    respond_to, reference = sub.text("respond_to"), sub.text("reference")
    if opens and closes and closes < opens:
        sub.problem(
            "closes",
            f"the consultation closes ({closes}) before it opens ({opens})",
            "Check the two dates.",
        )
    if not (opens and closes and respond_to and reference):
        return None
    return Consultation(opens, closes, respond_to, reference)


def _read_decision(fields: Fields, status: str | None) -> Decision | None:
    sub = fields.sub("decision", "'decision'")
    if sub is None:
        return None
    if status is not None and status not in (ADOPTED, SUPERSEDED):
        fields.problem(
            "decision",
            f"'decision' is only for adopted (or superseded) versions, not {status}",
            "Remove the block, or change the status to adopted.",
        )
    sub.check_keys(("by", "date", "reference"), required=("by", "date", "reference"))
    by, when, reference = sub.text("by"), sub.date("date"), sub.text("reference")
    if not (by and when and reference):
        return None
    return Decision(by, when, reference)


def _read_toc(fields: Fields, version: Version, log: ProblemLog) -> dict[str, int]:
    """Fill version.sections with placeholders in reading order; returns id -> line."""
    listed: dict[str, int] = {}

    def walk(items: list[tuple[object, int]], parent: str | None, prefix: str, depth: int) -> None:
        number = 0
        for item, line in items:
            children: list[tuple[object, int]] = []
            if isinstance(item, CommentedMap):
                sub = fields.item_fields(item, line, "a section with subsections")
                if sub is None:
                    continue
                sub.check_keys(("id", "sections"), required=("id", "sections"))
                section_id = sub.slug("id")
                children = sub.items("sections")
                if "sections" in item and not children:
                    sub.problem("sections", "the list of subsections is empty")
            elif isinstance(item, str) and SLUG.match(item):
                section_id = item
            else:
                log.add(fields.path, line, f"{describe(item)} is not a valid section id", SLUG_HINT)
                continue
            if section_id is None:
                continue
            if section_id in listed:
                log.add(
                    fields.path,
                    line,
                    f"the section '{section_id}' is listed twice "
                    f"(first on line {listed[section_id]})",
                    "Each section appears once in the table of contents.",
                )
                continue
            if section_id in RESERVED_SECTION_IDS:
                log.add(
                    fields.path,
                    line,
                    f"'{section_id}' cannot be a section id: the site uses it for its own pages",
                    f"Choose another id. Reserved: {', '.join(sorted(RESERVED_SECTION_IDS))}.",
                )
                continue
            listed[section_id] = line
            number += 1
            section = Section(
                id=section_id,
                title="",
                body="",
                path=version.path / f"{section_id}.md",
                body_line=1,
                number=f"{prefix}{number}",
                depth=depth,
                parent=parent,
            )
            version.sections[section_id] = section
            if parent is not None:
                version.sections[parent].children.append(section_id)
            walk(children, section_id, f"{section.number}.", depth + 1)

    items = fields.items("sections")
    if "sections" in fields.data and not items:
        fields.problem("sections", "the table of contents is empty", "List the sections.")
    walk(items, None, "", 1)
    return listed


def _read_sections(
    folder: Path,
    version: Version,
    listed: dict[str, int],
    strategy: Strategy,
    base: Version | None,
    log: ProblemLog,
) -> None:
    toc_path = folder / "version.yml"
    sources: set[str] = set()
    translations: list[tuple[str, str, Path]] = []
    for path in sorted(folder.glob("*.md")):
        match = TRANSLATION_NAME.match(path.name)
        if match:
            translations.append((match["id"], match["lang"], path))
        elif "." in path.stem:
            log.add(
                path,
                None,
                f"the file name '{path.name}' is neither a section nor a translation",
                "Name sections <id>.md and translations <id>.<language>.md, e.g. inledning.en.md.",
            )
        else:
            sources.add(path.stem)
            if path.stem not in listed:
                log.add(
                    path,
                    None,
                    f"the section file '{path.name}' is not listed in version.yml",
                    f"Add '- {path.stem}' under 'sections' in {toc_path}, or delete the file.",
                )

    for section_id, line in listed.items():
        if section_id not in sources:
            log.add(
                toc_path,
                line,
                f"the section '{section_id}' is listed but {section_id}.md does not exist",
                f"Create {folder / (section_id + '.md')} or remove the line.",
            )
            continue  # kept in the version so that references to it do not cascade
        _read_section_file(version.sections[section_id], version, base, log)

    for section_id, lang, path in translations:
        if section_id not in version.sections:
            log.add(
                path,
                None,
                f"'{path.name}' translates the section '{section_id}', "
                "which is not in this version",
                f"Rename or delete the file; sections here: {', '.join(version.sections)}.",
            )
        elif lang == strategy.source_language or lang not in strategy.languages:
            log.add(
                path,
                None,
                f"'{lang}' is not a translation language of this strategy",
                f"Translations are for: {', '.join(strategy.languages[1:]) or 'none'}.",
            )
        else:
            translation = _read_translation(path, lang, version, log)
            if translation is not None:
                version.sections[section_id].translations[lang] = translation


def _read_section_file(
    section: Section, version: Version, base: Version | None, log: ProblemLog
) -> None:
    document = read_markdown_file(section.path, log)
    section.body, section.body_line = document.body, document.body_line
    section.title = section.id
    if document.meta is None:
        return
    meta = document.meta
    meta.check_keys(SECTION_KEYS, required=("title",))
    section.title = meta.text("title") or section.id
    section.summary = meta.text("summary")
    section.replaces = _base_section_ids(meta, "replaces", version, base)
    section.summarises = _base_section_ids(meta, "summarises", version, base)
    _check_body(section.path, section.body, section.body_line, version, log)


def _base_section_ids(meta: Fields, key: str, version: Version, base: Version | None) -> list[str]:
    """Ids under `replaces`/`summarises`: sections of the version this one is based on."""
    ids = meta.slug_list(key)
    if ids and version.based_on is None:
        meta.problem(
            key,
            f"'{key}' names sections, but the version has no 'based_on'",
            f"Add 'based_on' to {version.path / 'version.yml'}, or remove '{key}'.",
        )
        return []
    if base is None:  # a wrong based_on is reported on its own
        return [i for i, _ in ids]
    for old_id, line in ids:
        if old_id not in base.sections:
            meta.log.add(
                meta.path,
                line,
                f"'{key}' names '{old_id}', which is not a section of '{base.id}'",
                f"Sections of {base.id}: {', '.join(base.sections)}. If this file was copied "
                f"from an earlier version, remove '{key}': it describes how the section "
                "came about in that version.",
            )
    return [i for i, _ in ids if i in base.sections]


def _read_translation(
    path: Path, lang: str, version: Version, log: ProblemLog
) -> Translation | None:
    document = read_markdown_file(path, log)
    if document.meta is None:
        return None
    meta = document.meta
    meta.check_keys(TRANSLATION_KEYS, required=("title",))
    title = meta.text("title")
    _check_body(path, document.body, document.body_line, version, log)
    if title is None:
        return None
    return Translation(
        lang=lang,
        title=title,
        body=document.body,
        summary=meta.text("summary"),
        source_hash=meta.text("source_hash"),
        path=path,
        body_line=document.body_line,
    )


def _check_body(path: Path, body: str, first_line: int, version: Version, log: ProblemLog) -> None:
    """Headings start at ##, and links to other sections name sections of this version."""
    for index, line, in_code in body_lines(body):
        if in_code:
            continue
        number = first_line + index
        if re.match(r"^ {0,3}#(\s|$)", line):
            log.add(
                path,
                number,
                "a heading with a single '#': the section title is the page's only top heading",
                "Start headings inside a section at '##'.",
            )
        for target in link_targets(line):
            section_id = section_link_target(target)
            if section_id is not None and section_id not in version.sections:
                log.add(
                    path,
                    number,
                    f"the link to '{target}' points to a section that is not in this version",
                    f"Link to one of: {', '.join(f'{s}.md' for s in version.sections)}.",
                )


def read_inputs(folder: Path, strategy: Strategy, log: ProblemLog) -> list[Input]:
    if not folder.is_dir():
        return []
    inputs = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yaml" or (path.suffix == ".yml" and not SLUG.match(path.stem)):
            log.add(
                path,
                None,
                "input files are named <id>.yml with a lowercase id",
                "Rename the file, e.g. remissvar-almi.yml.",
            )
            continue
        if path.suffix != ".yml":
            continue
        item = _read_input(path, strategy, log)
        if item is not None:
            inputs.append(item)
    return inputs


def _read_input(path: Path, strategy: Strategy, log: ProblemLog) -> Input | None:
    fields = Fields.of(read_yaml_file(path, log), path, log, 1, "an input file")
    if fields is None:
        return None
    fields.check_keys(INPUT_KEYS, required=("kind", "date", "from", "about", "items"))
    kind = fields.text("kind")
    if kind is not None and kind not in INPUT_KINDS:
        fields.problem("kind", f"unknown kind '{kind}'", f"Use one of: {', '.join(INPUT_KINDS)}.")
    about = fields.slug("about")
    about_version = strategy.versions.get(about) if about else None
    if about is not None and about not in strategy.versions:
        fields.problem(
            "about",
            f"'about' names '{about}', which is not a version",
            f"Choose one of: {', '.join(strategy.versions)}.",
        )
    senders = []
    for sender, line in fields.items("from"):
        if isinstance(sender, str) and sender.strip():
            senders.append(sender.strip())
        else:
            log.add(path, line, f"{describe(sender)} in 'from' should be a name")
    result = Input(
        id=path.stem,
        kind=kind or "",
        date=fields.date("date") or date.min,  # a missing date is already reported
        about=about or "",
        path=path,
        from_=senders,
        title=fields.text("title"),
    )
    seen: dict[str, int] = {}
    order = list(strategy.versions)
    for raw, line in fields.items("items"):
        item_fields = fields.item_fields(raw, line, "an item")
        if item_fields is None:
            continue
        item = _read_item(item_fields, line, about_version, order, strategy)
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
    fields: Fields,
    line: int,
    about: Version | None,
    order: list[str],
    strategy: Strategy,
) -> InputItem | None:
    fields.check_keys(ITEM_KEYS, required=("id", "text"))
    item_id, text = fields.slug("id"), fields.text("text")
    section = fields.slug("section")
    if section is not None and about is not None and section not in about.sections:
        fields.problem(
            "section",
            f"'section' names '{section}', which is not a section of '{about.id}'",
            f"Sections of {about.id}: {', '.join(about.sections)}.",
        )
    decision = fields.text("decision") or "open"
    if decision not in DECISIONS:
        fields.problem(
            "decision", f"unknown decision '{decision}'", f"Use one of: {', '.join(DECISIONS)}."
        )
    addressed_in = fields.slug("addressed_in")
    if addressed_in is not None:
        if addressed_in not in strategy.versions:
            fields.problem(
                "addressed_in",
                f"'addressed_in' names '{addressed_in}', which is not a version",
                f"Choose one of: {', '.join(strategy.versions)}.",
            )
        elif about is not None and order.index(addressed_in) <= order.index(about.id):
            fields.problem(
                "addressed_in",
                f"'addressed_in' names '{addressed_in}', which is not later than '{about.id}'",
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
    )
