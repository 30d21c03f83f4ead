"""The outcome letter as Markdown, from ``letter.md.j2``.

Markdown has no autoescape, so the template passes every piece of text through
the ``md`` filter (:func:`workbench.export.templating.markdown_escape`): a
requester's ``<script>`` or ``*`` is printed, never interpreted.
"""

from __future__ import annotations

import re
from pathlib import Path

from .letter import LetterContext
from .templating import render_template, template_environment

TEMPLATE = "letter.md.j2"


def render_markdown(letter: LetterContext, templates_dir: Path | None = None) -> str:
    """The letter as Markdown text.

    :raises ExportError: a template mistake, naming the template file and line.
    """
    env = template_environment(templates_dir)
    text = render_template(env, TEMPLATE, {"letter": letter})
    return re.sub(r"\n{3,}", "\n\n", text)
