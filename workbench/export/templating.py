"""The Jinja2 environment the letters are rendered with.

Templates are looked up first in the team's folder
(:func:`workbench.settings.templates_dir`, default ``review_templates/``), then in
the package's defaults (``workbench/templates/``).  A default is also reachable
as ``default:NAME``, so a team's ``letter.html.j2`` can say
``{% extends "default:letter.html.j2" %}`` and change one block instead of
copying the whole letter (the pattern Datasette uses).

Three choices protect the letter:

* HTML templates are autoescaped, so text a requester wrote (their request,
  their grounds) can never become markup in the letter;
* Markdown has no autoescape, so templates pass requester text through the
  ``md`` filter, which backslash-escapes what Markdown or embedded HTML would
  interpret;
* ``StrictUndefined``: a misspelt name in a template is an error naming the
  template, the line and the name, never a silently blank paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    select_autoescape,
)

from .. import settings
from ..errors import ExportError

#: The prefix under which the package's own templates stay reachable from an override.
DEFAULT_PREFIX = "default"


def template_environment(templates_dir: Path | None = None) -> Environment:
    """The environment for ``templates_dir`` (default: the team's templates folder).

    Environments are cached per folder; Jinja2 reloads a template whose file changed.
    """
    folder = templates_dir if templates_dir is not None else settings.templates_dir()
    return _environment(str(Path(folder).resolve()))


@lru_cache(maxsize=8)
def _environment(folder: str) -> Environment:
    package = PackageLoader("workbench", "templates")
    loader = ChoiceLoader(
        [
            FileSystemLoader(folder),
            PrefixLoader({DEFAULT_PREFIX: package}, delimiter=":"),
            package,
        ]
    )
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "html.j2"), default_for_string=False
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["md"] = markdown_escape
    env.filters["md_cell"] = markdown_cell
    env.filters["long_date"] = long_date
    env.filters["and_list"] = and_list
    return env


def render_template(env: Environment, name: str, context: dict) -> str:
    """Render one template, turning every template mistake into an :class:`ExportError`.

    The message names the template file and line, so a team editing a template
    sees where the mistake is.
    """
    try:
        return env.get_template(name).render(context)
    except TemplateNotFound as exc:
        raise ExportError(
            f"No template {exc.name!r} in {env_folder(env)} or the workbench's defaults",
            field=name,
        ) from exc
    except TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise ExportError(
            f"Template {where}, line {exc.lineno}: {exc.message}", path=where, field=name
        ) from exc
    except UndefinedError as exc:
        raise ExportError(
            f"Template {_template_frame(exc, name)}: {exc.message} "
            "(a misspelt name in the template?)",
            field=name,
        ) from exc
    except TemplateError as exc:
        raise ExportError(f"Template {_template_frame(exc, name)}: {exc}", field=name) from exc


def render_paragraphs(env: Environment, name: str, context: dict) -> list[str]:
    """Render a partial into paragraphs: blank lines separate them, line breaks within are spaces.

    Partials hold plain sentences shared by every format (Word, HTML, Markdown),
    so a team can wrap lines freely while editing them.
    """
    text = render_template(env, name, context)
    blocks = re.split(r"\n\s*\n", text.strip())
    joined = (" ".join(line.strip() for line in block.splitlines()) for block in blocks if block)
    return [tidy(paragraph) for paragraph in joined]


#: A full stop doubled where a sentence ends with words that already end in one ("... inbox..").
_DOUBLED_STOP = re.compile(r"(?<!\.)\.(\s*)\.(?!\.)")


def tidy(paragraph: str) -> str:
    """One full stop where a template's own stop follows words ending in one.

    A partial ends its sentence after a value ("further searches: {{ further }}."), and the
    value is often a reviewer's sentence with its own full stop.  An ellipsis is left alone.
    """
    return _DOUBLED_STOP.sub(".", paragraph)


def env_folder(env: Environment) -> str:
    """The team's folder an environment reads first (for messages)."""
    loader = env.loader
    if isinstance(loader, ChoiceLoader) and isinstance(loader.loaders[0], FileSystemLoader):
        return ", ".join(loader.loaders[0].searchpath)
    return "the templates folder"


def _template_frame(exc: BaseException, fallback: str) -> str:
    """``file, line N`` of the innermost template frame in the traceback."""
    found = fallback
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2"):
            found = f"{Path(frame.filename).name}, line {frame.lineno}"
    return found


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])", re.MULTILINE)


def markdown_escape(text: object) -> str:
    """Escape text so Markdown (and HTML inside Markdown) shows it literally.

    ``<script>`` becomes ``\\<script\\>``, which a Markdown renderer prints as
    text; a line starting ``#`` or ``1.`` stays a plain line, not a heading or list.
    """
    # Markdown ends a line at \r as at \n: make every line end \n, or a line start after
    # a bare \r would escape the check below.
    plain = str(text).replace("\r\n", "\n").replace("\r", "\n")
    escaped = _MD_SPECIAL.sub(r"\\\1", plain)
    escaped = escaped.replace("&", "&amp;")
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def markdown_cell(text: object) -> str:
    """Escaped text for one cell of a Markdown table, which must stay on one line."""
    return " ".join(markdown_escape(text).split())


def _escape_line_start(match: re.Match) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def and_list(items: object) -> str:
    """``["1", "2", "3a"]`` -> ``1, 2 and 3a``: a list as a sentence says it."""
    words = [str(item) for item in items]  # type: ignore[attr-defined]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def long_date(value: dt.date | None, missing: str = "(date not recorded)") -> str:
    """``22 November 2023``: the form UK letters use."""
    if value is None:
        return missing
    return f"{value.day} {value:%B %Y}"
