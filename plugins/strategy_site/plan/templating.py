"""The site's HTML fragments from Jinja2 templates (`plan/templates/*.html`) with autoescape.

Content text is escaped exactly once, by the template engine. What is HTML already (a
fragment rendered from another partial, an interface string with HTML filled in, the
sanitised section text, a figure's SVG) reaches a template as `Markup`, made so in one
named place each (`Fragments.render`, `texts.t_html`, `pages`' sanitised body, the
figures' `svg` module).

A region overrides a partial the way Material's users override its partials: a file of
the same name in one of the folders given to `Fragments` (the site's
`overrides/strategy/partials/`, passed in by the engine adapter) comes before the
package's own. A broken override is a `TemplateProblem` naming its file and line.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from markupsafe import Markup

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


class TemplateProblem(Exception):
    """A partial that cannot be rendered: `path:line: what is wrong` plus a hint."""


def partial_names() -> list[str]:
    """The partials a region can override: every template of the package but the
    shared macros (names starting with '_')."""
    return sorted(p.name for p in PACKAGE_TEMPLATES.glob("*.html") if not p.name.startswith("_"))


class Fragments:
    """Renders the partials, a region's overrides first."""

    def __init__(self, folders: Iterable[Path] = ()):
        self.folders = tuple(Path(folder) for folder in folders)
        self.environment = Environment(
            loader=FileSystemLoader([*self.folders, PACKAGE_TEMPLATES]),
            autoescape=True,
            undefined=StrictUndefined,  # a misspelt variable in an override is an error
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,  # the adapter makes a new one for every build
        )

    def render(self, name: str, values: Mapping[str, object]) -> Markup:
        """The partial `name` filled with `values`: HTML, safe to put in a page."""
        try:
            return Markup(self.environment.get_template(name).render(values))
        except TemplateError as error:
            raise TemplateProblem(self._describe(name, error)) from None

    def macro(self, name: str, macro: str, values: Mapping[str, object], *args: object) -> Markup:
        """The macro `macro` of the template `name` (a region's override first), called
        with `args` in a context of `values`: for HTML built in Python that must look
        the same as the partials'."""
        try:
            module = self.environment.get_template(name).make_module(dict(values))
            return Markup(getattr(module, macro)(*args))
        except TemplateError as error:
            raise TemplateProblem(self._describe(name, error)) from None

    def problems(self) -> list[str]:
        """Every override that cannot be used: not a partial of the site, or not valid
        Jinja. Checked before the build writes anything."""
        known = set(partial_names())
        found = []
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if not path.is_file():
                    continue
                name = path.relative_to(folder).as_posix()
                if name not in known and not name.startswith("_"):
                    found.append(
                        f"{path}: not a partial of the site, so it would never be used; "
                        f"the partials are: {', '.join(sorted(known))} (see "
                        "docs/anpassa-utseendet.md)"
                    )
                    continue
                try:
                    self.environment.parse(path.read_text(encoding="utf-8"), name, str(path))
                except TemplateSyntaxError as error:
                    found.append(f"{path}:{error.lineno}: {error.message}")
                except UnicodeDecodeError:
                    found.append(f"{path}: not UTF-8 text; save the template as UTF-8")
        return found

    def _describe(self, name: str, error: TemplateError) -> str:
        """`path:line: message`, the line taken from the template's frame."""
        line: int | None = None
        if isinstance(error, TemplateSyntaxError):
            path, line = error.filename or name, error.lineno
        else:
            path, line = self._template_frame(error) or (self._path(name), None)
        where = f"{path}:{line}" if line else path
        message = error.message or type(error).__name__
        if isinstance(error, TemplateNotFound):
            message = f"the template {error.name} does not exist"
        return (
            f"{where}: {message} (in the partial {name}; the variables each partial gets "
            "are listed in docs/anpassa-utseendet.md)"
        )

    def _template_frame(self, error: BaseException) -> tuple[str, int] | None:
        """The innermost frame of the traceback that is a template file (Jinja rewrites
        its tracebacks so that a template's frames carry its path and line)."""
        folders = [str(f) for f in (*self.folders, PACKAGE_TEMPLATES)]
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.endswith(".html") and frame.filename.startswith(tuple(folders)):
                return frame.filename, frame.lineno or 0
        return None

    def _path(self, name: str) -> str:
        for folder in (*self.folders, PACKAGE_TEMPLATES):
            if (folder / name).is_file():
                return str(folder / name)
        return name


PACKAGE_FRAGMENTS = Fragments()
"""The package's partials alone, for a site without overrides."""
