"""Starting a region's interface strings for a new language (`strategi strings LANG`).

The file lists every key with the English text as a comment above it and an empty
value: `check` lists the keys still empty until a translator has filled them all in.
A string with a count has a key for each of the language's CLDR plural forms (South
Sami: `.one`, `.two`, `.other`), and the file's head says which counts take which form.
"""

from __future__ import annotations

from ..plan.texts import (
    PLURAL_FORMS,
    PLURALS,
    babel_language_name,
    english_reference,
    interface_keys,
    plural_form,
    plural_forms,
)
from .yaml_edit import scalar

EXAMPLE_COUNTS = range(0, 112)


def plural_examples(lang: str) -> str:
    """'one: 1; two: 2; other: 0, 3, 4, 5, ...': which counts take which form."""
    parts = []
    for form in plural_forms(lang):
        counts = [n for n in EXAMPLE_COUNTS if plural_form(lang, n) == form]
        shown = ", ".join(str(n) for n in counts[:4]) + (" ..." if len(counts) > 4 else "")
        parts.append(f"{form}: {shown or 'numbers with decimals'}")
    return "; ".join(parts)


def _order(key: str) -> tuple[str, int]:
    """Keys in alphabetical order, a string's plural forms in CLDR's."""
    base, _, form = key.rpartition(".")
    if form in PLURAL_FORMS and base in PLURALS:
        return base, PLURAL_FORMS.index(form)
    return key, -1


def strings_template(lang: str, languages: list[str], fill: str | None = None) -> str:
    """The YAML text of `strings/<lang>.yml` for a site in `languages`.

    With `fill`, every value is `fill` followed by the English text (for test fixtures
    that must say they are placeholders); otherwise values are left empty.
    """
    lines = [
        f"# Interface strings in '{lang}': translate each English text (the comment above",
        "# each key) into the empty value. Keep {placeholders} such as {date} as they are;",
        "# {document} and {Document} stand for the document's noun (document.definite).",
        "# Keys ending in a plural form (.one, .other, ...) are one string for different",
        f"# counts; CLDR's plural rules for '{lang}' give each form these counts:",
        f"# {plural_examples(lang)}",
        "",
    ]
    keys = sorted(interface_keys(lang), key=_order)
    names = [f"language.{code}" for code in languages if babel_language_name(code, lang) is None]
    for key in keys + names:
        text = english_reference(key) or _name_in_english(key)
        lines.append("# " + text.replace("\n", "\\n"))
        value = "" if fill is None else scalar(f"{fill} {text}")
        lines.append(f"{key}: {value}" if value else f'{key}: ""')
    return "\n".join(lines) + "\n"


def _name_in_english(key: str) -> str:
    code = key.removeprefix("language.")
    return f"the name of the language '{code}' ({babel_language_name(code, 'en') or code})"
