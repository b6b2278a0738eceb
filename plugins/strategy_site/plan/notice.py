"""The site-wide notice: one sentence on every page, in each language, with a link.

A region switches it on in mkdocs.yml, for a test phase or, as in the example, to say
that the content is a reconstruction:

    plugins:
      - strategy:
          notice:
            sv: Det här är en testversion av webbplatsen.
            en: This is a test version of the site.
            link: om-webbplatsen/      # optional: a page of this site
            more:                      # optional: the link's words, per language
              sv: Om testversionen
              en: About the test version

Every language should have its text; one without shows the source language's. The
link's words default to "Läs mer" ("Read more"); words that say where the link goes
serve readers who list a page's links.
It lives in mkdocs.yml, not in strategy/, because it is about the site, not the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import urls
from ..content.yamlfile import SLUG
from .texts import t

LANGUAGE_KEY = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]+)*")


@dataclass(frozen=True)
class SiteNotice:
    text: str
    more: str  # the link's words
    href: str | None  # site-root-relative, in the page's language: "en/om-exemplet/"
    text_lang: str | None  # the text's language when it is not the page's (a fallback)


def notice_problems(value: dict[str, Any], source: str) -> list[str]:
    """What is wrong with the `notice` option, in words for the person who wrote it.

    A language without its own text shows the source language's; a text for a language
    the strategy does not have is left unused (the same mkdocs.yml may serve several).
    """
    problems = []
    for key, text in value.items():
        if key == "more":
            problems += _more_problems(text)
        elif key == "link":
            if not isinstance(text, str) or not _is_page_path(text):
                problems.append(
                    f"'link' should be the address of a page of this site without the "
                    f"language, like 'om-webbplatsen/', not {text!r}"
                )
        elif not LANGUAGE_KEY.fullmatch(str(key)):
            problems.append(f"'{key}' is neither a language code (sv, en), 'link' nor 'more'")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"the text for '{key}' should be a sentence")
    if value and source not in value:
        problems.append(
            f"there is no text for '{source}', the source language: add '{source}: ...'"
        )
    return problems


def notice_refusal(value: object, source: str) -> list[str]:
    """The build's and `strategi check`'s refusal of a wrong `notice` option, as one
    sentence (none when it is right or not set)."""
    if not value:
        return []
    if not isinstance(value, dict):
        problems = ["it should be the notice's text per language, like '{sv: ..., en: ...}'"]
    else:
        problems = notice_problems(value, source)
    return ["the 'notice' option in mkdocs.yml: " + "; ".join(problems) + "."] if problems else []


def _more_problems(value: Any) -> list[str]:
    if not isinstance(value, dict) or not value:
        return ["'more' should be the link's words per language, like 'more: {sv: ..., en: ...}'"]
    return [
        f"the link's words for '{key}' under 'more' should be a few words"
        for key, words in value.items()
        if not LANGUAGE_KEY.fullmatch(str(key)) or not isinstance(words, str) or not words.strip()
    ]


def _is_page_path(path: str) -> bool:
    parts = path.strip("/").split("/")
    return path.endswith("/") and all(SLUG.fullmatch(part) for part in parts)


def site_notice(value: dict[str, Any], lang: str, source: str) -> SiteNotice | None:
    """The notice as shown in `lang`, or None when the option is not set."""
    if not value:
        return None
    link = value.get("link")
    href = urls.localized(link.strip("/") + "/", lang, source) if link else None
    own = lang in value
    text = str(value[lang] if own else value[source]).strip()
    words = value.get("more") or {}
    more = str(words[lang]).strip() if lang in words else t(lang, "site_notice.more")
    return SiteNotice(text, more, href, None if own else source)


def notice_texts(value: dict[str, Any]) -> dict[str, str]:
    """The notice's sentence per language (without its link), for the open data."""
    return {
        str(key): str(text).strip()
        for key, text in value.items()
        if key not in ("link", "more") and isinstance(text, str)
    }
