"""Loading `strategy/` into the content model, checking everything on the way.

Every problem is logged with its file and line and loading carries on, so that an editor
sees all problems at once; `load_strategy` raises `ContentError` at the end if any were
found. The same function serves `strategi check` and the build.

A reference to something that is itself broken (a version whose version.yml cannot be
read, say) is not reported again: one mistake gives one message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from ..model import (
    ADOPTED,
    CONSULTATION,
    POPULAR,
    STATUSES,
    SUPERSEDED,
    Consultation,
    Decision,
    Licence,
    Section,
    Strategy,
    Translation,
    Version,
)
from ..urls import RESERVED_SECTION_IDS, RESERVED_VERSION_IDS, pdf_names
from .body_checks import BodyChecks
from .dates import read_marked_date
from .figures import FOLDER as FIGURE_FOLDER
from .figures import figure_file, read_figure, read_figure_translation
from .freezing import LOCK_NAME, check_lock, is_frozen
from .frontmatter import read_markdown_file
from .inputs_loader import read_inputs
from .markdown_links import ASSET_SUFFIXES
from .problems import ProblemLog
from .strings_loader import read_interface_strings
from .yamlfile import LANGUAGE_PATTERN, SLUG, SLUG_HINT, Fields, describe, read_yaml_file

STRATEGY_KEYS = (
    "title",
    "publisher",
    "source_language",
    "languages",
    "versions",
    "current",
    "licence",
)
LICENCE_KEYS = ("name", "url", "note")
VERSION_KEYS = (
    "status",
    "title",
    "date",
    "based_on",
    "consultation",
    "decision",
    "changes",
    "outcome",
    "sections",
)
SECTION_KEYS = ("title", "summary", "replaces", "summarises")
TRANSLATION_KEYS = ("title", "summary", "source_hash")

LANGUAGE = re.compile(LANGUAGE_PATTERN)
STAGING = re.compile(r"\.[a-z0-9][a-z0-9-]*\.new")  # new-version's copy before it is renamed
TRANSLATION_NAME = re.compile(rf"^(?P<id>[^.]+)\.(?P<lang>{LANGUAGE_PATTERN})\.md$")


def load_strategy(
    root: Path, checks: Iterable[Callable[[Strategy, ProblemLog], None]] = ()
) -> Strategy:
    """The validated strategy under `root`; raises ContentError listing every problem.

    `checks` are further checks by later stages (the interface strings of the plan),
    run on the loaded strategy so that their problems are listed with the rest.
    """
    log = ProblemLog()
    strategy = StrategyReader(Path(root), log).read()
    if strategy is not None:
        for check in checks:
            check(strategy, log)
    log.raise_if_any()
    assert strategy is not None
    return strategy


class StrategyReader:
    """Reads one strategy folder, reporting every problem into `log`."""

    def __init__(self, root: Path, log: ProblemLog):
        self.root = root
        self.log = log
        self.bodies = BodyChecks(log)
        self.listed: list[str] = []  # version ids in strategy.yml, readable or not

    # -- strategy.yml --------------------------------------------------------------

    def read(self) -> Strategy | None:
        if links := symlinks_under(self.root):
            # Nothing is read through a link: it could point anywhere on the machine.
            for link in links:
                self.log.add(
                    link,
                    None,
                    "a symbolic link: the content may hold only real files and folders",
                    "Replace the link with a copy of the file (or folder), or remove it; a "
                    "link could publish any file of the machine that builds the site.",
                )
            return None
        path = self.root / "strategy.yml"
        if not path.is_file():
            self.log.add(
                path,
                None,
                "strategy.yml is missing",
                f"Create {path} with title, publisher, languages, versions and current "
                "(see the editor guide), or point the plugin's 'content_dir' at your strategy.",
            )
            return None
        fields = Fields.of(read_yaml_file(path, self.log), path, self.log, 1, "strategy.yml")
        if fields is None:
            return None
        fields.check_keys(STRATEGY_KEYS, required=("title", "versions", "current"))
        source_language, languages = self._languages(fields)
        strategy = Strategy(
            root=self.root,
            title=fields.localized("title", languages, one_line=True) or {source_language: ""},
            publisher=fields.localized("publisher", languages) or {},
            source_language=source_language,
            languages=languages,
            current=fields.slug("current") or "",
            licence=self._licence(fields, languages),
        )
        version_ids = self._version_ids(fields, languages)
        self.listed = [v for v, _ in version_ids]
        for version_id, line in version_ids:
            folder = self.root / "versions" / version_id
            if not (folder / "version.yml").is_file():
                self.log.add(
                    path,
                    line,
                    f"the version '{version_id}' has no folder with a version.yml",
                    f"Create {folder}/version.yml, or remove '{version_id}' from 'versions'.",
                )
                continue
            version = self.read_version(folder, strategy)
            if version is not None:
                strategy.versions[version_id] = version
        self._check_unlisted_folders(path)
        if strategy.current and strategy.current not in self.listed:
            fields.problem(
                "current",
                f"'current' names '{strategy.current}', which is not in 'versions'",
                f"Choose one of: {', '.join(self.listed)}.",
            )
        self.bodies.check_versions_links(strategy, self.listed)
        strategy.inputs = read_inputs(self.root / "inputs", strategy, self.listed, self.log)
        strategy.strings = read_interface_strings(self.root / "strings", strategy, self.log)
        return strategy

    def _licence(self, fields: Fields, languages: list[str]) -> Licence | None:
        """The terms of the text and the open data, as the region states them."""
        sub = fields.sub("licence", "'licence'")
        if sub is None:
            return None
        sub.check_keys(
            LICENCE_KEYS,
            required=("name",),
            hints={"name": "Name the licence, e.g. 'name: CC BY 4.0'."},
        )
        name = sub.localized("name", languages, one_line=True)
        url = sub.text("url", one_line=True)
        if url is not None and not re.match(r"https?://", url):
            sub.problem("url", f"'{url}' is not a web address", "Start it with https://.")
            url = None
        if name is None:
            return None
        return Licence(name, url, sub.localized("note", languages) or {})

    def _languages(self, fields: Fields) -> tuple[str, list[str]]:
        """The source language and every language, source first; invalid codes dropped."""
        languages = []
        for lang, line in fields.items("languages"):
            if isinstance(lang, str) and LANGUAGE.fullmatch(lang):
                languages.append(lang)
            else:
                self.log.add(
                    fields.path,
                    line,
                    f"{describe(lang)} is not a language code",
                    "Use language codes per BCP 47, such as sv, en, se, sma or fit.",
                )
        languages = languages or ["sv"]
        source = fields.text("source_language") or languages[0]
        if source not in languages:
            fields.problem(
                "source_language",
                f"the source language '{source}' is not among the languages",
                f"Add it to 'languages' or choose one of: {', '.join(languages)}.",
            )
        return source, [source] + [lang for lang in languages if lang != source]

    def _version_ids(self, fields: Fields, languages: list[str]) -> list[tuple[str, int]]:
        reserved = RESERVED_VERSION_IDS | set(languages)
        result = []
        for version_id, line in unique_ids(fields, "versions", "version"):
            if version_id in reserved:
                self.log.add(
                    fields.path,
                    line,
                    f"'{version_id}' cannot be a version id: the site uses it for its own pages",
                    f"Choose another id. Reserved: {', '.join(sorted(reserved))}.",
                )
            else:
                result.append((version_id, line))
        return result

    def _check_unlisted_folders(self, path: Path) -> None:
        versions_dir = self.root / "versions"
        if not versions_dir.is_dir():
            return
        for folder in sorted(versions_dir.iterdir()):
            if folder.is_dir() and STAGING.fullmatch(folder.name):
                self.log.add(
                    folder,
                    None,
                    f"'{folder.name}' is left over from an interrupted 'strategi new-version' "
                    f"of '{folder.name[1:-4]}'",
                    f"Remove the folder {folder.name} and run the command again.",
                )
            elif folder.is_dir() and folder.name not in self.listed:
                self.log.add(
                    folder / "version.yml",
                    None,
                    f"the version folder '{folder.name}' is not listed in strategy.yml",
                    f"Add '{folder.name}' to 'versions' in {path.name} (oldest first), "
                    "or remove the folder.",
                )

    # -- version.yml ---------------------------------------------------------------

    def read_version(self, folder: Path, strategy: Strategy) -> Version | None:
        """One version folder. Versions are read oldest first, so its base is loaded."""
        path = folder / "version.yml"
        fields = Fields.of(read_yaml_file(path, self.log), path, self.log, 1, "version.yml")
        if fields is None:
            return None
        fields.check_keys(VERSION_KEYS, required=("status", "title", "date", "sections"))
        status = fields.text("status")
        if status is not None and status not in STATUSES:
            fields.problem(
                "status", f"unknown status '{status}'", f"Use one of: {', '.join(STATUSES)}."
            )
            status = None
        day, mark = read_marked_date(fields, "date", strategy.languages)
        version = Version(
            id=folder.name,
            status=status or "",
            title=fields.localized("title", strategy.languages, one_line=True)
            or {strategy.source_language: folder.name},
            date=day or date.min,  # a missing date is already reported
            date_mark=mark,
            path=folder,
            based_on=fields.slug("based_on"),
        )
        base = self._base(fields, version, strategy)
        version.consultation = read_consultation(fields, status, strategy.languages)
        version.decision = read_decision(fields, status, strategy.languages)
        version.changes_summary = fields.localized("changes", strategy.languages)
        version.outcome = self._outcome(fields, version, base, strategy)
        listed = self._read_toc(fields, version)
        self._read_files(version, listed, strategy, base)
        version.frozen = is_frozen(folder)
        check_lock(folder, self.log)
        return version

    def _outcome(
        self, fields: Fields, version: Version, base: Version | None, strategy: Strategy
    ) -> dict[str, str] | None:
        """The editors' summary of the consultation this version answers (on its base)."""
        outcome = fields.localized("outcome", strategy.languages)
        if outcome is not None and version.based_on is None:
            fields.problem(
                "outcome",
                "'outcome' summarises the consultation this version is based on, but it has "
                "no 'based_on'",
                "Add 'based_on: <the consultation version>', or remove 'outcome'.",
            )
            return None
        if outcome is not None and base is not None and base.status != CONSULTATION:
            fields.problem(
                "outcome",
                f"'outcome' summarises the consultation on '{base.id}', which is not a "
                "consultation version",
                "Write 'outcome' in the version based on the consultation draft, or remove it.",
            )
            return None
        return outcome

    def _base(self, fields: Fields, version: Version, strategy: Strategy) -> Version | None:
        """The version this one is based on; it must come earlier in strategy.yml."""
        order = self.listed
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

    def _read_toc(self, fields: Fields, version: Version) -> dict[str, int]:
        """Fill version.sections with placeholders in reading order; returns id -> line."""
        listed: dict[str, int] = {}

        def walk(items: list[tuple[object, int]], parent: str | None, prefix: str) -> None:
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
                elif isinstance(item, str) and SLUG.match(item):
                    section_id = item
                else:
                    self.log.add(
                        fields.path, line, f"{describe(item)} is not a valid section id", SLUG_HINT
                    )
                    continue
                if section_id is None:
                    continue
                if section_id in listed:
                    self.log.add(
                        fields.path,
                        line,
                        f"the section '{section_id}' is listed twice"
                        + _first_on(listed[section_id], line),
                        "Each section appears once in the table of contents.",
                    )
                    continue
                if section_id in RESERVED_SECTION_IDS:
                    self.log.add(
                        fields.path,
                        line,
                        f"'{section_id}' cannot be a section id: the site uses it for its own "
                        "pages",
                        f"Choose another id. Reserved: {', '.join(sorted(RESERVED_SECTION_IDS))}.",
                    )
                    continue
                listed[section_id] = line
                number += 1
                section = Section(
                    id=section_id,
                    title=section_id,
                    body="",
                    path=version.path / f"{section_id}.md",
                    body_line=1,
                    number=f"{prefix}{number}",
                    depth=prefix.count(".") + 1,
                    parent=parent,
                )
                version.sections[section_id] = section
                if parent is not None:
                    version.sections[parent].children.append(section_id)
                walk(children, section_id, f"{section.number}.")

        walk(fields.items("sections"), None, "")
        return listed

    # -- the files of a version ----------------------------------------------------

    def _read_files(
        self, version: Version, listed: dict[str, int], strategy: Strategy, base: Version | None
    ) -> None:
        folder = version.path
        toc_path = folder / "version.yml"
        sources: set[str] = set()
        translations: list[tuple[str, str, Path]] = []
        figure_files: list[tuple[str, str | None, Path]] = []
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            relative = path.relative_to(folder).as_posix()
            if any(part.startswith(".") for part in path.relative_to(folder).parts):
                continue
            if (figure := figure_file(relative)) is not None:
                figure_files.append((*figure, path))
            elif path.suffix.lower() in ASSET_SUFFIXES:
                if relative in pdf_names(version.id):
                    self.log.add(
                        path,
                        None,
                        f"'{relative}' has the name of the PDF the site makes of this version",
                        "Rename the file; the site publishes the version as "
                        f"{' and '.join(pdf_names(version.id))} itself.",
                    )
                    continue
                version.assets.append(relative)
            elif path.suffix != ".md" or "/" in relative:
                if relative not in ("version.yml", LOCK_NAME):
                    self.log.add(
                        path,
                        None,
                        f"'{relative}' is neither a section, a translation nor a file the site "
                        "publishes",
                        "Sections are <id>.md beside version.yml; figures as data are "
                        f"{FIGURE_FOLDER}/<id>.yml; images and documents may "
                        f"be {', '.join(sorted(ASSET_SUFFIXES))}.",
                    )
            elif match := TRANSLATION_NAME.match(path.name):
                translations.append((match["id"], match["lang"], path))
            elif not SLUG.fullmatch(path.stem):
                self.log.add(
                    path,
                    None,
                    f"the file name '{path.name}' is neither a section nor a translation",
                    "Name sections <id>.md with a lowercase id (a-z, 0-9, -) and translations "
                    "<id>.<language>.md, e.g. inledning.en.md.",
                )
            else:
                sources.add(path.stem)
                if path.stem not in listed:
                    self.log.add(
                        path,
                        None,
                        f"the section file '{path.name}' is not listed in version.yml",
                        f"Add '- {path.stem}' under 'sections' in {toc_path}, or delete the file.",
                    )

        self._read_figures(version, figure_files, strategy)
        for section_id, line in listed.items():
            if section_id not in sources:
                self.log.add(
                    toc_path,
                    line,
                    f"the section '{section_id}' is listed but {section_id}.md does not exist",
                    f"Create {folder / (section_id + '.md')} or remove the line.",
                )
                continue  # kept in the version so that references to it do not cascade
            self._read_section(version.sections[section_id], version, base)

        for section_id, lang, path in translations:
            self._read_translation(path, section_id, lang, version, strategy)

    def _read_figures(
        self, version: Version, files: list[tuple[str, str | None, Path]], strategy: Strategy
    ) -> None:
        """Figures first, then their translations: sections check what they place."""
        for figure_id, lang, path in files:
            if lang is None:
                figure = read_figure(path, figure_id, self.log)
                if figure is not None:
                    version.figures[figure_id] = figure
        for figure_id, lang, path in files:
            if lang is None or not self._translation_language(path, lang, strategy):
                continue
            if figure_id in version.figures:
                read_figure_translation(path, lang, version.figures[figure_id], self.log)
            elif not (path.parent / f"{figure_id}.yml").is_file():
                self.log.add(
                    path,
                    None,
                    f"'{path.name}' translates the figure '{figure_id}', which is not in this "
                    "version",
                    f"Rename or delete the file, or create {FIGURE_FOLDER}/{figure_id}.yml.",
                )

    def _translation_language(self, path: Path, lang: str, strategy: Strategy) -> bool:
        """Whether `lang` (from a file name) is one the strategy translates into."""
        if lang != strategy.source_language and lang in strategy.languages:
            return True
        self.log.add(
            path,
            None,
            f"'{lang}' is not a translation language of this strategy",
            f"Translations are for: {', '.join(strategy.languages[1:]) or 'none'}.",
        )
        return False

    def _read_section(self, section: Section, version: Version, base: Version | None) -> None:
        document = read_markdown_file(section.path, self.log)
        section.body, section.body_line = document.body, document.body_line
        if document.meta is None:
            return
        meta = document.meta
        meta.check_keys(SECTION_KEYS, required=("title",))
        section.title = meta.text("title", one_line=True) or section.id
        section.summary = meta.text("summary")
        section.replaces = self._base_section_ids(meta, "replaces", version, base)
        section.summarises = self._base_section_ids(meta, "summarises", version, base)
        if section.summarises and version.status not in ("", POPULAR):
            meta.problem(
                "summarises",
                "'summarises' is for sections of a popular version",
                "A section that continues earlier ones names them in 'replaces' instead.",
            )
        self.bodies.check(section.path, section.body, section.body_line, version)

    def _base_section_ids(
        self, meta: Fields, key: str, version: Version, base: Version | None
    ) -> list[str]:
        """Ids under `replaces`/`summarises`: sections of the version this one is based on."""
        ids = meta.slug_list(key)
        if ids and version.based_on is None:
            meta.problem(
                key,
                f"'{key}' names sections, but the version has no 'based_on'",
                f"Add 'based_on' to {version.path / 'version.yml'}, or remove '{key}'.",
            )
            return []
        if base is None:  # a wrong or unreadable based_on is reported on its own
            return [i for i, _ in ids]
        for old_id, line in ids:
            if old_id not in base.sections:
                self.log.add(
                    meta.path,
                    line,
                    f"'{key}' names '{old_id}', which is not a section of '{base.id}'",
                    f"Sections of {base.id}: {', '.join(base.sections)}. If this file was "
                    f"copied from an earlier version, remove '{key}': it describes how the "
                    "section came about in that version.",
                )
        return [i for i, _ in ids if i in base.sections]

    def _read_translation(
        self, path: Path, section_id: str, lang: str, version: Version, strategy: Strategy
    ) -> None:
        if section_id not in version.sections:
            self.log.add(
                path,
                None,
                f"'{path.name}' translates the section '{section_id}', "
                "which is not in this version",
                "Rename or delete the file"
                + (f"; sections here: {', '.join(version.sections)}." if version.sections else "."),
            )
            return
        if not self._translation_language(path, lang, strategy):
            return
        document = read_markdown_file(path, self.log)
        if document.meta is None:
            return
        meta = document.meta
        meta.check_keys(TRANSLATION_KEYS, required=("title",))
        title = meta.text("title", one_line=True)
        self.bodies.check(path, document.body, document.body_line, version)
        if title is None:
            return
        version.sections[section_id].translations[lang] = Translation(
            lang=lang,
            title=title,
            body=document.body,
            summary=meta.text("summary"),
            source_hash=meta.text("source_hash"),
            path=path,
            body_line=document.body_line,
        )


def symlinks_under(root: Path) -> list[Path]:
    """Every symbolic link below `root` (not following any), in a stable order. Hidden
    names (`.git`, editors' swap files) are neither read nor published, so skipped."""
    found = []
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in folders + files:
            if not name.startswith(".") and (Path(folder) / name).is_symlink():
                found.append(Path(folder) / name)
    return sorted(found)


def _first_on(first: int, line: int) -> str:
    return f" (first on line {first})" if first != line else " on this line"


def unique_ids(fields: Fields, key: str, what: str) -> list[tuple[str, int]]:
    seen: dict[str, int] = {}
    result = []
    for item, line in fields.slug_list(key):
        if item in seen:
            fields.log.add(
                fields.path,
                line,
                f"the {what} '{item}' is listed twice" + _first_on(seen[item], line),
                "Each id may appear only once; remove one of them.",
            )
            continue
        seen[item] = line
        result.append((item, line))
    return result


def read_consultation(
    fields: Fields, status: str | None, languages: list[str]
) -> Consultation | None:
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
    keys = ("opens", "closes", "respond_to", "reference")
    sub.check_keys(keys, required=keys)
    opens, opens_mark = read_marked_date(sub, "opens", languages)
    closes, closes_mark = read_marked_date(sub, "closes", languages)
    respond_to, reference = sub.text("respond_to"), sub.text("reference")
    if respond_to is not None and not is_response_address(respond_to):
        sub.problem(
            "respond_to",
            f"'respond_to' is neither an e-mail address nor an https address: '{respond_to}'",
            "Write one e-mail address (registrator@example.se) or the address of a web form "
            "starting with https://, nothing else.",
        )
        respond_to = None
    if opens and closes and closes < opens:
        sub.problem(
            "closes",
            f"the consultation closes ({closes}) before it opens ({opens})",
            "Check the two dates.",
        )
    if not (opens and closes and respond_to and reference):
        return None
    return Consultation(opens, closes, respond_to, reference, opens_mark, closes_mark)


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
HTTPS = re.compile(r"https://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*)?")


def is_response_address(value: str) -> bool:
    """One e-mail address (nothing a mail program reads as more recipients or a
    prefilled text) or an https address of a web form."""
    return bool(EMAIL.fullmatch(value) or HTTPS.fullmatch(value))


def read_decision(fields: Fields, status: str | None, languages: list[str]) -> Decision | None:
    sub = fields.sub("decision", "'decision'")
    if sub is None:
        return None
    if status is not None and status not in (ADOPTED, SUPERSEDED):
        fields.problem(
            "decision",
            f"'decision' is only for adopted (or superseded) versions, not {status}",
            "Remove the block, or change the status to adopted.",
        )
    required = ("by", "date", "reference")
    sub.check_keys((*required, "in_force"), required=required)
    by, reference = sub.localized("by", languages), sub.text("reference")
    when, mark = read_marked_date(sub, "date", languages)
    in_force, in_force_mark = read_marked_date(sub, "in_force", languages)
    if when and in_force and in_force < when:
        sub.problem(
            "in_force",
            f"the programme takes effect ({in_force}) before it is decided ({when})",
            "Check the two dates.",
        )
    if not (by and when and reference):
        return None
    return Decision(by, when, reference, mark, in_force, in_force_mark)
