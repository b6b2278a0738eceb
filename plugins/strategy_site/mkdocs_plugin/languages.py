"""Any language the strategy has, also where Material and mkdocs-static-i18n know fewer.

- mkdocs-static-i18n accepts only two-letter locales (`sv`, `pt-BR`); South Sami is
  `sma`, Meänkieli `fit`. Its locale pattern is widened to BCP 47 language codes of two
  or three letters when this module is imported, which MkDocs does when it meets
  `strategy` in the plugin list: so `strategy` must come before `i18n` there (checked).
- Material has a translation partial (`partials/languages/<lang>.html`) for some sixty
  languages and fails with TemplateNotFound for any other. For such a language the theme
  gets a partial that names the language (the page's `lang` attribute and writing
  direction) and takes Material's own strings (search, skip link) from the source
  language, or English if Material lacks that too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from . import bridge

# mkdocs-static-i18n's pattern, plus three-letter languages (ISO 639-2/3) and subtags.
WIDER_LOCALE = re.compile(
    r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)"
    r"|(^[a-z]{3}(-[A-Za-z0-9]{2,8})*$)"
)


def widen_i18n_locales() -> None:
    """Let mkdocs-static-i18n accept `sma`, `smj`, `fit` as locales and file suffixes."""
    bridge.widen_i18n_locales(WIDER_LOCALE)


def material_languages(config: MkDocsConfig) -> set[str] | None:
    """The languages the theme has partials for, or None for a theme without them."""
    found: set[str] = set()
    for folder in config.theme.dirs:
        languages = Path(folder) / "partials" / "languages"
        if languages.is_dir():
            found |= {p.stem for p in languages.glob("*.html")}
    return found or None


def language_partial(lang: str, fallback: str, direction: str) -> str:
    """A Material translation partial for `lang`: its own code and direction, the rest
    from `fallback`'s partial."""
    own = {"language": lang, "direction": direction}
    entries = ", ".join(f'"{key}": "{value}"' for key, value in own.items())
    return (
        f'{{% import "partials/languages/{fallback}.html" as base %}}'
        f"{{% macro t(key) %}}{{{{ {{{entries}}}.get(key) or base.t(key) }}}}{{% endmacro %}}\n"
    )


def add_theme_languages(
    config: MkDocsConfig, languages: list[str], source: str, direction: Callable[[str], str]
) -> list[str]:
    """Give the theme a partial for every language in `languages` it lacks; returns them.

    The partials reach every Jinja environment MkDocs and Material make through
    `bridge.add_theme_templates`.
    """
    known = material_languages(config)
    if known is None:
        return []
    missing = [lang for lang in languages if lang not in known]
    fallback = source if source in known else "en"
    partials = {
        f"partials/languages/{lang}.html": language_partial(lang, fallback, direction(lang))
        for lang in missing
    }
    bridge.add_theme_templates(config.theme, partials)
    return missing
