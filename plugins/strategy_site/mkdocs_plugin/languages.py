"""Any language the strategy has, also where Material and mkdocs-static-i18n know fewer.

- mkdocs-static-i18n accepts only two-letter locales (`sv`, `pt-BR`); South Sami is
  `sma`, Meänkieli `fit`. Its locale pattern is widened to BCP 47 language codes of two
  or three letters when this module is imported, which MkDocs does when it meets
  `strategy` in the plugin list: so `strategy` must come before `i18n` there (checked).
- Material has a translation partial for some sixty languages and fails with
  TemplateNotFound for any other. For such a language the theme gets a partial that
  names the language (the page's `lang` attribute and writing direction) and takes
  Material's own strings (search, skip link) from the source language, or English if
  Material lacks that too.

How i18n's pattern and Material's partials look is the bridge's business (bridge.py).
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig

from . import bridge

# Added to what mkdocs-static-i18n accepts: three-letter languages (ISO 639-2/3), with
# subtags. Anchored, as i18n's own alternatives are (it matches with `.match`).
THREE_LETTER_LOCALE = r"(^[a-z]{3}(-[A-Za-z0-9]{2,8})*$)"


def widen_i18n_locales() -> None:
    """Let mkdocs-static-i18n accept `sma`, `smj`, `fit` as locales and file suffixes."""
    bridge.widen_i18n_locales(THREE_LETTER_LOCALE)


def add_theme_languages(
    config: MkDocsConfig, languages: list[str], source: str, direction: Callable[[str], str]
) -> list[str]:
    """Give the theme a partial for every language in `languages` it lacks; returns them.

    The partials reach every Jinja environment MkDocs and Material make through
    `bridge.add_theme_templates`.
    """
    known = bridge.theme_languages(config)
    if known is None:
        return []
    missing = [lang for lang in languages if lang not in known]
    fallback = source if source in known else "en"
    partials = dict(bridge.language_partial(lang, fallback, direction(lang)) for lang in missing)
    bridge.add_theme_templates(config.theme, partials)
    return missing
