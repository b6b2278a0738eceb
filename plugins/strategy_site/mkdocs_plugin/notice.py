"""The site-wide notice: one sentence on every page, in each language, with a link.

A region switches it on in mkdocs.yml, for a test phase or, as in the example, to say
that the content is a reconstruction:

    plugins:
      - strategy:
          notice:
            sv: Det här är en testversion av webbplatsen.
            en: This is a test version of the site.
            link: om-webbplatsen/      # optional: a page of this site

It lives in mkdocs.yml, not in strategy/, because it is about the site, not the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import urls
from ..content.yamlfile import SLUG
from ..plan.texts import t


@dataclass(frozen=True)
class SiteNotice:
    text: str
    more: str  # the link's words
    href: str | None  # site-root-relative, in the page's language: "en/om-exemplet/"


def notice_problems(value: dict[str, Any], languages: list[str]) -> list[str]:
    """What is wrong with the `notice` option, in words for the person who wrote it."""
    problems = []
    for key, text in value.items():
        if key == "link":
            if not isinstance(text, str) or not _is_page_path(text):
                problems.append(
                    f"'link' should be the address of a page of this site without the "
                    f"language, like 'om-webbplatsen/', not {text!r}"
                )
        elif key not in languages:
            problems.append(
                f"'{key}' is neither a language of the strategy ({', '.join(languages)}) nor 'link'"
            )
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"the text for '{key}' should be a sentence")
    if value:
        problems += [
            f"there is no text for '{lang}': add '{lang}: ...', the notice shows in every language"
            for lang in languages
            if lang not in value
        ]
    return problems


def _is_page_path(path: str) -> bool:
    parts = path.strip("/").split("/")
    return path.endswith("/") and all(SLUG.fullmatch(part) for part in parts)


def site_notice(value: dict[str, Any], lang: str, source: str) -> SiteNotice | None:
    """The notice as shown in `lang`, or None when the option is not set."""
    if not value:
        return None
    link = value.get("link")
    href = urls.localized(link.strip("/") + "/", lang, source) if link else None
    return SiteNotice(str(value[lang]).strip(), t(lang, "site_notice.more"), href)
