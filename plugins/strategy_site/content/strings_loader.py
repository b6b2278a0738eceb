"""Reading a region's own interface strings: `strings/<lang>.yml` beside strategy.yml.

Each file is a flat mapping of interface keys to text (`status.draft: Utkast`). Here
only the shape is checked (known language, text values, where each key stands); whether
every key is there is checked against the package's own tables by the plan
(`plan.texts.check_interface_strings`), which knows the keys.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from ..model import InterfaceStrings, Strategy
from .problems import ProblemLog
from .yamlfile import describe, read_yaml_file


def read_interface_strings(
    folder: Path, strategy: Strategy, log: ProblemLog
) -> dict[str, InterfaceStrings]:
    """Every strings file, by language; problems with a file are logged, not raised."""
    found: dict[str, InterfaceStrings] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.is_symlink():
            log.add(path, None, "the strings file is a symbolic link", "Replace it by the file.")
            continue
        lang = path.stem
        if path.suffix not in (".yml", ".yaml"):
            log.add(
                path,
                None,
                f"'{path.name}' is not a strings file",
                "Name interface strings <language>.yml, e.g. sma.yml.",
            )
            continue
        if lang not in strategy.languages:
            log.add(
                path,
                None,
                f"strings for '{lang}', which is not among the strategy's languages",
                f"Languages in strategy.yml: {', '.join(strategy.languages)}; rename the file "
                "or add the language there.",
            )
            continue
        strings = _read(path, lang, log)
        if strings is not None:
            found[lang] = strings
    return found


def _read(path: Path, lang: str, log: ProblemLog) -> InterfaceStrings | None:
    data = read_yaml_file(path, log)
    if data is None:
        return InterfaceStrings(lang, path)
    if not isinstance(data, CommentedMap):
        if isinstance(data, (dict, list, str, int, float)):
            log.add(
                path,
                1,
                f"a strings file should be a mapping of keys to texts, not {describe(data)}",
                "Write one 'key: text' per line, e.g. 'status.draft: Utkast'.",
            )
        return None
    strings = InterfaceStrings(lang, path)
    for key, value in data.items():
        line = data.lc.key(key)[0] + 1
        if value is None or value == "":
            continue  # not translated yet: for a new language, listed as missing
        if not isinstance(value, str) or not value.strip():
            log.add(
                path,
                line,
                f"'{key}' should be a text, not {describe(value)}",
                "Write the text after the colon, in quotes if it holds ': ' or starts with "
                "a special character.",
            )
            continue
        strings.values[str(key)] = value.strip()
        strings.lines[str(key)] = line
    return strings
