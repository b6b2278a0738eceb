"""The preview shows content problems in the browser, and the site again once they are fixed.

When a rebuild raises, MkDocs' `serve` keeps the old build, logs that "the server will
appear stuck until build errors are resolved", and every request waits for a build that
never finishes (mkdocs/livereload). So in `mkdocs serve` a content problem does not
stop the build: the plugin turns it into an *error build*, which writes one page, the
problems as `path:line: message` with their hints, in the page's language, at every
address the last good build had (and at the language roots and as 404.html, which the
server shows at any other address). The problems are logged as warnings too. The
browser reloads to the error page, and the next save that fixes the content builds the
real site, to which it reloads. `mkdocs build` still stops at the first problem,
before anything is written.

In a dirty preview the files of the last good build stay in the site folder; the pages
the error build wrote over are removed before the next good build, so that MkDocs'
dirty rule (an output older than its source, or missing) renders every one of them again.

The live reload: the Content-Security-Policy of every page (csp.py) allows only the
site's own scripts, so the inline script MkDocs' server puts into each page does not run
(a policy hash cannot allow it: it holds the time of each request). In a preview every
page therefore also loads `livereload.js`, a file of the site, which does what that
script does (the protocol is the bridge's business: `bridge.LIVERELOAD`).
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .. import urls
from ..content.problems import ContentError, Problem
from ..plan.texts import STRINGS, t

LIVERELOAD_SCRIPT = Path(__file__).parent / "preview_assets" / "livereload.js"
LIVERELOAD_URI = "assets/strategy/livereload.js"


@dataclass(frozen=True)
class Shown:
    """One problem as the page lists it."""

    where: str  # "strategy/versions/v1/version.yml:3", or "" for a site-wide problem
    message: str
    hint: str = ""


def shown_problems(error: ContentError) -> list[Shown]:
    return [_shown(problem) for problem in error.problems]


def _shown(problem: Problem) -> Shown:
    return Shown(problem.location(), problem.message, problem.hint)


def page_language(lang: str) -> str:
    """The language the error page is written in: the page's, when the package has its
    interface strings (a region's own are part of the content that failed), else English."""
    return lang if lang in STRINGS else "en"


def _text(lang: str, key: str, **values: object) -> str:
    """The package's own string (a region's are part of the content that failed)."""
    table = STRINGS[page_language(lang)]
    return table[key].format(**values) if values else table[key]


STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; color: #8a1c1c; }
ol { padding-left: 1.5rem; }
li { margin: 0 0 1rem; }
code { font: 0.95em/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }
.where { font-weight: 600; }
.hint { display: block; color: #3d3d3d; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #1b1b1f; }
  h1 { color: #ff9b9b; }
  .hint { color: #c8c8c8; }
}
"""


def _style_hash() -> str:
    digest = hashlib.sha256(STYLE.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def error_page(problems: list[Shown], lang: str, site_path: str) -> str:
    """The whole HTML page: every problem, what to do, and the live reload (from the
    site's root path `site_path`, "/smart-specialisering/", since the page is served at
    any address). Every text is escaped once, here."""
    text_lang = page_language(lang)
    count = len(problems)
    title = t(text_lang, "preview.title", count=count)
    items = Markup("").join(
        Markup('<li><code class="where">{}</code>{}<br>{}{}</li>\n').format(
            problem.where,
            ":" if problem.where else "",
            problem.message,
            Markup('<span class="hint">{}</span>').format(
                _text(lang, "preview.hint", hint=problem.hint)
            )
            if problem.hint
            else "",
        )
        for problem in problems
    )
    policy = (
        f"default-src 'self'; script-src 'self'; style-src {_style_hash()}; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'"
    )
    script = posixpath.join(site_path, LIVERELOAD_URI)
    return str(
        Markup(
            '<!doctype html>\n<html lang="{lang}">\n<head>\n'
            '<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            "<title>{title}</title>\n<style>{style}</style>\n"
            '<script src="{script}" defer></script>\n</head>\n<body>\n'
            '<main data-st-kind="preview-error">\n<h1>{title}</h1>\n<p>{intro}</p>\n'
            "<ol>\n{items}</ol>\n<p>{fix}</p>\n</main>\n</body>\n</html>\n"
        ).format(
            lang=text_lang,
            policy=policy,
            title=title,
            style=Markup(STYLE),
            script=script,
            intro=_text(lang, "preview.intro"),
            items=items,
            fix=_text(lang, "preview.fix"),
        )
    )


def with_livereload(html: str, site_path: str) -> str:
    """A page of the preview with `livereload.js` (see the module's docstring)."""
    end = html.rfind("</body>")
    if end < 0:
        return html
    tag = f'<script src="{escape(posixpath.join(site_path, LIVERELOAD_URI))}" defer></script>'
    return html[:end] + tag + html[end:]


def livereload_file(config: MkDocsConfig) -> File:
    return File.generated(config, LIVERELOAD_URI, abs_src_path=str(LIVERELOAD_SCRIPT))


class ErrorBuilds:
    """What the error builds of one preview need to know across rebuilds: the addresses
    of the last good build, and the pages an error build wrote (to remove before the
    next good build)."""

    def __init__(self) -> None:
        self.addresses: set[str] = set()  # dest_uri of every page of the last good build
        self.collecting: set[str] = set()  # those of the build in progress
        self.written: set[Path] = set()

    def start_good_build(self) -> None:
        """A good build begins: drop the error pages (each is rendered again)."""
        for path in self.written:
            path.unlink(missing_ok=True)
        self.written.clear()
        self.collecting = set()

    def saw_pages(self, files: Files) -> None:
        """One language's pages of a good build."""
        self.collecting |= {file.dest_uri for file in files.documentation_pages()}

    def finish_good_build(self) -> None:
        self.addresses = self.collecting

    def error_files(
        self,
        config: MkDocsConfig,
        files: Files,
        page: str,
        lang: str,
        languages: list[str],
        source_language: str,
    ) -> Files:
        """The files of the error build of language `lang` (i18n builds each language in
        a pass of its own): the site's static files, the error page at every address of
        that language (no other page), and the live reload."""
        kept = [file for file in files if not file.is_documentation_page()]
        root = urls.localized("", lang, source_language) + "index.html"
        others = {other for other in languages if other != source_language}
        mine = {
            dest_uri
            for dest_uri in self.addresses
            if _language_of(dest_uri, others, source_language) == lang
        }
        result = Files(kept)
        for dest_uri in sorted(mine | {root}):
            if result.get_file_from_path(dest_uri) is not None:
                continue
            file = File.generated(config, dest_uri, content=page)
            result.append(file)
            self.written.add(Path(config.site_dir) / dest_uri)
        if result.get_file_from_path(LIVERELOAD_URI) is None:
            result.append(livereload_file(config))
        return result


def _language_of(dest_uri: str, others: set[str], source_language: str) -> str:
    first = dest_uri.split("/", 1)[0]
    return first if first in others else source_language
