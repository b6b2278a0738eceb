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

import hashlib
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
# Where a site's overrides of the partials are, under its theme's custom_dir.
OVERRIDES = Path("strategy") / "partials"


class TemplateProblem(Exception):
    """A partial that cannot be rendered: `path:line: what is wrong` plus a hint."""


def partial_names() -> list[str]:
    """The partials a region can override: every template of the package but the
    shared macros (names starting with '_')."""
    return sorted(p.name for p in PACKAGE_TEMPLATES.glob("*.html") if not p.name.startswith("_"))


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, by template file and the digest of its source
    (Jinja's `Bucket.checksum`): an environment made for every build, as MkDocs' and
    ours are, compiles only the templates whose source changed since. Compiling is most
    of a first render, so a preview's rebuild pays it again for nothing otherwise.

    Compiled code depends on the environment's syntax options as well, so one instance
    serves environments made with the same options only (`environment_options`)."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}
        self.reused = 0  # templates loaded from here instead of compiled

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self._code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]  # type: ignore[assignment] # a code object, shared
            self.reused += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()
        self.reused = 0

    def __len__(self) -> int:
        return len(self._code)


def environment_options(environment: Environment) -> tuple[object, ...]:
    """What the code Jinja compiles depends on besides the source."""
    return (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.autoescape,
        environment.finalize,
        environment.is_async,
        tuple(sorted(environment.extensions)),
    )


# The partials' compiled code, for every Fragments of this process (all are made with
# the same options).
_COMPILED = CompiledTemplates()


def forget_compiled() -> None:
    """Drop the partials' compiled code kept for the process."""
    _COMPILED.clear()


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
            bytecode_cache=_COMPILED,  # which reads each source, and compiles it if new
        )

    def render(self, name: str, values: Mapping[str, object]) -> Markup:
        """The partial `name` filled with `values`: HTML, safe to put in a page."""
        try:
            return Markup(self.environment.get_template(name).render(values))
        except TemplateError as error:
            raise TemplateProblem(self._describe(name, error)) from None

    def source_digest(self) -> str:
        """A digest of every partial's source, the region's overrides first: what was
        rendered from them is still right while it is the same."""
        digest = hashlib.sha256()
        for folder in (*self.folders, PACKAGE_TEMPLATES):
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    digest.update(f"{path}\0".encode())
                    digest.update(path.read_bytes())
        return digest.hexdigest()

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
