"""Reading YAML with line numbers, and typed access to its fields.

ruamel.yaml is used because it knows where every key and item stood in the file, so a
problem can name its line. Dates are read as text and parsed here: a YAML parser that
meets `2020-13-01` otherwise fails without saying where.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from . import reuse
from .problems import ProblemLog

SLUG = re.compile(r"\A[a-z0-9][a-z0-9-]*\Z")  # \Z: "$" would let "id\n" through
ONE_LINE_HINT = (
    "Write it on one line (no '|' or '>' block, no line break); longer text belongs in "
    "the section's text or its summary."
)
SLUG_HINT = "Use lowercase letters a-z, digits and hyphens, starting with a letter or digit."
# Language codes per BCP 47, as sites use them: a two- or three-letter language (sv, en,
# se, sma, smj, fit) and optional subtags (pt-BR, sr-Latn).
LANGUAGE_PATTERN = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"


# Characters no short text (a title, an id, an address) may hold: control characters
# (NUL and the like), and bidirectional overrides and isolates, which make text read
# otherwise than it is written ("Trojan Source"), and line or paragraph separators.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FORBIDDEN_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
INVISIBLE_HINT = (
    "It is invisible, and can make the text read otherwise than it is written (or be "
    "read differently by different programs); delete it, for example by retyping the "
    "words around it."
)
MAX_DIGITS = 4000  # Python refuses to read a longer number (sys.get_int_max_str_digits)


def character_name(char: str) -> str:
    """U+202E RIGHT-TO-LEFT OVERRIDE, U+0000 NUL: how a message names a character."""
    names = {"\x00": "NUL", "\x7f": "DELETE"}
    name = unicodedata.name(char, "") or names.get(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


class NumberTooLong(ConstructorError):
    """A number with more digits than Python reads (a value meant as text, or a mistake)."""


def _timestamp_as_text(constructor: Any, node: Any) -> str:
    return str(constructor.construct_scalar(node))


def _int_of_bounded_length(constructor: Any, node: Any) -> Any:
    digits = sum(c.isdigit() for c in str(node.value))
    if digits > MAX_DIGITS:
        raise NumberTooLong(
            None,
            None,
            f"the number has {digits} digits, more than a number may have ({MAX_DIGITS})",
            node.start_mark,
        )
    return RoundTripConstructor.construct_yaml_int(constructor, node)


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    yaml.constructor.add_constructor("tag:yaml.org,2002:int", _int_of_bounded_length)
    return yaml


def _shown_tag(tag: str) -> str:
    """`tag:yaml.org,2002:python/object/apply:os.system` as it was written, `!!python/...`."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


UNREADABLE = object()
"""What parse_yaml returns for a document it could not read (the reason is logged)."""


MAX_YAML_CHARACTERS = 2_000_000
MAX_DEPTH = 50
DEEP_INDENT = re.compile(r"^ {100}", re.M)
MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,])[*&][^\s,\[\]{}]")
MAYBE_TAG = re.compile(r"(?:^|[\s\[{,])![^\s]", re.M)


def _refused(text: str, path: Path, log: ProblemLog, line_offset: int) -> bool:
    """Documents read fast or not at all: too large ones, and aliases (`*name`), which
    can make a few lines expand to gigabytes. Anchors and aliases are refused together."""
    if len(text) > MAX_YAML_CHARACTERS:
        log.add(
            path,
            line_offset + 1 if line_offset else None,
            f"the YAML is too large ({len(text) // 1000} kB; at most "
            f"{MAX_YAML_CHARACTERS // 1000} kB)",
            "Split it into several files.",
        )
        return True
    line = _flow_too_deep(text)
    if line is not None:
        log.add(
            path,
            line + 1 + line_offset,
            f"the YAML is nested more than {MAX_DEPTH} levels deep",
            "Content files need only a few levels; check the brackets and indentation.",
        )
        return True
    if not (MAYBE_ALIAS.search(text) or DEEP_INDENT.search(text) or MAYBE_TAG.search(text)):
        return False
    depth = 0
    try:
        for event in _reader().parse(text):
            depth += isinstance(event, CollectionStartEvent) - isinstance(event, CollectionEndEvent)
            if depth > MAX_DEPTH:
                log.add(
                    path,
                    event.start_mark.line + 1 + line_offset,
                    f"the YAML is nested more than {MAX_DEPTH} levels deep",
                    "Content files need only a few levels; check the brackets and indentation.",
                )
                return True
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
                log.add(
                    path,
                    event.start_mark.line + 1 + line_offset,
                    "YAML anchors and aliases (&name, *name) are not allowed",
                    "Write the value out in full; put text that starts with * or & in quotes.",
                )
                return True
            tag = getattr(event, "tag", None)
            if tag:  # written out: the parser leaves it unset on untagged values
                log.add(
                    path,
                    event.start_mark.line + 1 + line_offset,
                    f"the YAML tag '{_shown_tag(str(tag))}' is not allowed",
                    "Content files hold only text, numbers, dates, lists and mappings; "
                    "remove the tag (the word starting with '!'), or put the value in quotes.",
                )
                return True
    except MarkedYAMLError:
        return False  # reported with its line by the real reading
    return False


def _flow_too_deep(text: str) -> int | None:
    """The line where [ and { brackets nest deeper than MAX_DEPTH (a rough count that
    ignores quoting: deeper than any real content either way), or None."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, index)
        elif char in "]}" and depth:
            depth -= 1
        elif char == "\n" and not text.startswith((" ", "-"), index + 1):
            depth = 0  # a new top-level line closes nothing, but starts counting afresh
    return None


def parse_yaml(text: str, path: Path, log: ProblemLog, line_offset: int = 0) -> Any:
    """The parsed document, or UNREADABLE after logging why it could not be read.

    Within a load given a `reuse.ParseCache`, a text parsed before is not parsed again."""
    cache = reuse.active()
    if cache is None:
        return _parse_yaml(text, path, log, line_offset)
    return cache.parse(
        text, path, log, line_offset, lambda own: _parse_yaml(text, path, own, line_offset)
    )


def _parse_yaml(text: str, path: Path, log: ProblemLog, line_offset: int) -> Any:
    if _refused(text, path, log, line_offset):
        return UNREADABLE
    try:
        return _reader().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        what = error.problem or error.context or "not valid YAML"
        context = error.context_mark
        if error.context and context is not None and context.line + 1 + line_offset != line:
            what += f" ({error.context}, which starts on line {context.line + 1 + line_offset})"
        if isinstance(error, DuplicateKeyError):
            hint = "Each key may appear only once here; remove or rename one of them."
        elif isinstance(error, NumberTooLong):
            hint = 'If it is text, put it in quotes: title: "..."'
            what = error.problem or what
        else:
            hint = (
                "Check the indentation and the colons on this line and the one above; put "
                "text containing ': ' or starting with a special character in quotes."
            )
        log.add(path, line, f"the YAML cannot be read: {what}", hint)
    except Exception as error:  # ruamel raises plain errors for a few malformed inputs
        log.add(path, line_offset + 1 if line_offset else None, f"the YAML cannot be read: {error}")
    return UNREADABLE


def repeated_keys(text: str) -> list[tuple[str, int, int]]:
    """Keys given twice in one mapping, as (key, line, line of the first), lines from 1.

    For files other programs read with PyYAML, which keeps the last of two equal keys
    without a word (MkDocs' mkdocs.yml): the first is then silently ignored. Only the
    nodes are composed, so tags such as `!ENV` need no constructor. Unreadable YAML gives
    none: its reader says what is wrong.
    """
    try:
        root = YAML(typ="rt").compose(text)
    except Exception:  # not YAML: whoever reads the file reports it
        return []
    found: list[tuple[str, int, int]] = []
    pending = [root] if root is not None else []
    seen_nodes: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen_nodes:  # an alias repeats a node: look at it once
            continue
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = key.start_mark.line + 1
                    if key.value in first:
                        found.append((key.value, line, first[key.value]))
                    else:
                        first[key.value] = line
                pending += [key, value]
        elif isinstance(node, SequenceNode):
            pending += node.value
    return sorted(found, key=lambda repeat: repeat[1])


def read_yaml_file(path: Path, log: ProblemLog) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        log.add(path, None, "the file is not UTF-8 text", "Save the file with UTF-8 encoding.")
        return UNREADABLE
    return parse_yaml(text, path, log)


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"'{value}'"


def _is_empty(value: Any, required: bool) -> bool:
    """`key:` with nothing after it; an empty list or mapping counts only where required."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return required and isinstance(value, (list, dict)) and not value


class Fields:
    """A YAML mapping that reports problems with its file and lines into a log."""

    def __init__(self, data: CommentedMap, path: Path, log: ProblemLog, line_offset: int = 0):
        self.data = data
        self.path = path
        self.log = log
        self.offset = line_offset

    @classmethod
    def of(
        cls,
        data: Any,
        path: Path,
        log: ProblemLog,
        line: int | None,
        what: str,
        line_offset: int = 0,
    ) -> Fields | None:
        """Fields for `data` if it is a mapping; logs a problem otherwise."""
        if data is UNREADABLE:
            return None
        if isinstance(data, CommentedMap):
            return cls(data, path, log, line_offset)
        log.add(path, line, f"{what} should be a mapping of keys and values, not {describe(data)}")
        return None

    def sub(self, key: str, what: str) -> Fields | None:
        """The nested mapping under `key`, or None (logged) when it is something else."""
        if self.data.get(key) is None:
            return None
        return Fields.of(self.data[key], self.path, self.log, self.line(key), what, self.offset)

    def item_fields(self, item: Any, line: int, what: str) -> Fields | None:
        return Fields.of(item, self.path, self.log, line, what, self.offset)

    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.data:
            return int(self.data.lc.key(key)[0]) + 1 + self.offset
        return int(self.data.lc.line) + 1 + self.offset

    def problem(self, key: str | None, message: str, hint: str = "") -> None:
        self.log.add(self.path, self.line(key), message, hint)

    def check_keys(
        self,
        allowed: Iterable[str],
        required: Iterable[str] = (),
        hints: dict[str, str] | None = None,
    ) -> None:
        """Unknown, missing and empty keys; `hints` says how to write a required one."""
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = (
                    f"Did you mean '{close[0]}'?"
                    if close
                    else f"Allowed here: {', '.join(allowed)}."
                )
                self.problem(key, f"unknown key '{key}'", hint)
        required = list(required)
        for key in required:
            if key not in self.data:
                hint = (hints or {}).get(key, f"Add a line '{key}: ...'.")
                self.problem(None, f"'{key}' is missing", hint)
        for key, value in self.data.items():
            if key in allowed and _is_empty(value, key in required):
                hint = (
                    (hints or {}).get(key, f"Write a value after '{key}:'.")
                    if key in required
                    else f"Write a value after '{key}:', or remove the line."
                )
                self.problem(key, f"'{key}' is empty", hint)

    def text(self, key: str, one_line: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.problem(key, f"'{key}' should be text, not {describe(value)}")
            return None
        if isinstance(value, (bool, float)) or not isinstance(value, (str, int)):
            # YAML read `yes`, `1.10` or `.nan` as something else than the text written.
            self.problem(
                key,
                f"'{key}' should be text, not {describe(value)}",
                f'Put the value in quotes: {key}: "..."',
            )
            return None
        text = str(value).strip()
        if one_line and "\n" in text:
            self.problem(key, f"'{key}' must be one line", ONE_LINE_HINT)
            return None
        if (bad := FORBIDDEN_IN_TEXT.search(text)) is not None:
            name = character_name(bad.group())
            self.problem(key, f"'{key}' holds the control character {name}", INVISIBLE_HINT)
            return None
        return text or None  # an empty value is reported by check_keys

    def localized(
        self, key: str, languages: list[str], one_line: bool = False
    ) -> dict[str, str] | None:
        """A text per language (`sv: ...`, `en: ...`); a plain text counts as the first one."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, CommentedMap):
            result = {}
            for lang, text in value.items():
                line = value.lc.key(lang)[0] + 1 + self.offset
                if lang not in languages:
                    self.log.add(
                        self.path,
                        line,
                        f"'{key}' has a text for language '{lang}', which the strategy "
                        "does not have",
                        f"Languages in strategy.yml: {', '.join(languages)}.",
                    )
                elif not isinstance(text, str) or not text.strip():
                    self.log.add(self.path, line, f"'{key}' in '{lang}' should be a text")
                elif one_line and "\n" in text.strip():
                    self.log.add(
                        self.path, line, f"'{key}' in '{lang}' must be one line", ONE_LINE_HINT
                    )
                elif (bad := FORBIDDEN_IN_TEXT.search(text)) is not None:
                    self.log.add(
                        self.path,
                        line,
                        f"'{key}' in '{lang}' holds the control character "
                        + character_name(bad.group()),
                        INVISIBLE_HINT,
                    )
                else:
                    result[str(lang)] = text.strip()
            return result or None
        if isinstance(value, str) and one_line and "\n" in value.strip():
            self.problem(key, f"'{key}' must be one line", ONE_LINE_HINT)
            return None
        if isinstance(value, str) and (bad := FORBIDDEN_IN_TEXT.search(value)) is not None:
            name = character_name(bad.group())
            self.problem(key, f"'{key}' holds the control character {name}", INVISIBLE_HINT)
            return None
        if isinstance(value, str) and value.strip():
            return {languages[0]: value.strip()}
        self.problem(
            key, f"'{key}' should be a text per language, like '{key}: {{sv: ..., en: ...}}'"
        )
        return None

    def date(self, key: str) -> date | None:
        value = self.data.get(key)
        if value is None:
            return None
        text = str(value).strip()
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            self.problem(
                key,
                f"'{key}' is not a date: {describe(value)}",
                "Write dates as year-month-day, for example 2020-03-31.",
            )
            return None

    def slug(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not SLUG.match(value):
            self.problem(key, f"'{value}' is not a valid id", SLUG_HINT)
            return None
        return value

    def items(self, key: str) -> list[tuple[Any, int]]:
        """The items of a list with their lines; a single value counts as a list of one."""
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, CommentedSeq):
            return [(item, value.lc.item(i)[0] + 1 + self.offset) for i, item in enumerate(value)]
        if isinstance(value, (dict, list)):
            self.problem(key, f"'{key}' should be a list, not {describe(value)}")
            return []
        return [(value, self.line(key))]

    def slug_list(self, key: str) -> list[tuple[str, int]]:
        result = []
        for item, line in self.items(key):
            if not isinstance(item, str) or not SLUG.match(item):
                self.log.add(
                    self.path, line, f"{describe(item)} in '{key}' is not a valid id", SLUG_HINT
                )
            else:
                result.append((item, line))
        return result
