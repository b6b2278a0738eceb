"""Starting a region's interface strings for a new language (`strategi strings LANG`).

The file lists every key with the English text as a comment above it and an empty
value: `check` lists the keys still empty until a translator has filled them all in.
"""

from __future__ import annotations

from ..plan.texts import STRINGS, babel_language_name, interface_keys
from .yaml_edit import scalar


def strings_template(lang: str, languages: list[str], fill: str | None = None) -> str:
    """The YAML text of `strings/<lang>.yml` for a site in `languages`.

    With `fill`, every value is `fill` followed by the English text (for test fixtures
    that must say they are placeholders); otherwise values are left empty.
    """
    english = STRINGS["en"]
    lines = [
        f"# Interface strings in '{lang}': translate each English text (the comment above",
        "# each key) into the empty value. Keep {placeholders} such as {date} as they are;",
        "# {document} and {Document} stand for the document's noun (document.definite).",
        "",
    ]
    keys = sorted(interface_keys())
    names = [f"language.{code}" for code in languages if babel_language_name(code, lang) is None]
    for key in keys + names:
        text = english.get(key) or _name_in_english(key)
        lines.append("# " + text.replace("\n", "\\n"))
        value = "" if fill is None else scalar(f"{fill} {text}")
        lines.append(f"{key}: {value}" if value else f'{key}: ""')
    return "\n".join(lines) + "\n"


def _name_in_english(key: str) -> str:
    code = key.removeprefix("language.")
    return f"the name of the language '{code}' ({babel_language_name(code, 'en') or code})"
