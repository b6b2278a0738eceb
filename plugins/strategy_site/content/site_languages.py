"""What a site's mkdocs.yml must say about the strategy's languages, as plain data.

The plugin refuses a build that would drop a language without a word (several languages
and no i18n plugin; a language i18n does not list), or that would name its pages in the
wrong language; `strategi check` reads mkdocs.yml and says the same, in the same words,
so that check and the build agree. Both hand in the plugin names, i18n's locales and the
theme's language; neither side's way of reading mkdocs.yml is here.
"""

from __future__ import annotations


def language_setup_problems(
    languages: list[str], plugin_names: list[str], i18n_locales: list[str]
) -> list[str]:
    """Each problem as a sentence that says what to change in mkdocs.yml."""
    # One rule for every site, not only for the codes i18n refuses by itself, so that a
    # site which adds South Sami later does not meet i18n's own refusal.
    both = "i18n" in plugin_names and "strategy" in plugin_names
    if both and plugin_names.index("i18n") < plugin_names.index("strategy"):
        return [
            "'strategy' must come before 'i18n' under 'plugins' in mkdocs.yml: it prepares "
            "i18n for the strategy's languages (by itself, i18n takes only two-letter codes "
            "such as 'sv', not 'sma' or 'smj'); move the '- strategy:' entry above '- i18n:'."
        ]
    if len(languages) > 1 and "i18n" not in plugin_names:
        return [
            f"the strategy has {len(languages)} languages ({', '.join(languages)}), but "
            "mkdocs.yml has no 'i18n' plugin, so only the source language would be "
            "published; add mkdocs-static-i18n with these languages (see the guide 'Ny "
            "region'), or list only one language in strategy.yml."
        ]
    unlisted = [lang for lang in languages if i18n_locales and lang not in i18n_locales]
    if unlisted:
        return [
            f"strategy.yml has the language {', '.join(unlisted)}, but the 'i18n' plugin in "
            "mkdocs.yml does not list it under 'languages', so it would not be published; "
            f"add '- locale: {unlisted[0]}' with its 'name' there (see the guide 'Ny region')."
        ]
    return []


# Material's language when its `language` setting is left out (its mkdocs_theme.yml; a
# test compares this with the installed Material's).
MATERIAL_DEFAULT_LANGUAGE = "en"


def theme_language_problems(
    theme_name: str | None, theme_language: str | None, source_language: str, has_i18n: bool
) -> list[str]:
    """A site in one language names it in the theme (with i18n, i18n sets it per
    language). `theme_language` is the setting as written, None when left out."""
    if has_i18n or theme_name != "material":
        return []
    language = theme_language or MATERIAL_DEFAULT_LANGUAGE
    if language == source_language:
        return []
    # Said whenever it is the default: the build sees the default merged into the theme's
    # settings, and cannot tell it from the same code written by hand.
    default = (
        " (Material's default when none is set)" if language == MATERIAL_DEFAULT_LANGUAGE else ""
    )
    return [
        f"the theme's language is '{language}'{default}, but the strategy is written in "
        f"'{source_language}', so every page would say it is in '{language}'; set "
        f"'language: {source_language}' under 'theme' in mkdocs.yml."
    ]
