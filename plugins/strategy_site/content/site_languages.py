"""What a site's mkdocs.yml must say about the strategy's languages, as plain data.

The plugin refuses a build that would drop a language without a word (several languages
and no i18n plugin; a language i18n does not list); `strategi check` reads mkdocs.yml
and says the same, in the same words, so that check and the build agree. Both hand in
the plugin names and i18n's locales; neither side's way of reading mkdocs.yml is here.
"""

from __future__ import annotations


def language_setup_problems(
    languages: list[str], plugin_names: list[str], i18n_locales: list[str]
) -> list[str]:
    """Each problem as a sentence that says what to change in mkdocs.yml."""
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
