"""The outcome letter as a web page, from ``letter.html.j2``.

The template environment autoescapes HTML, so every piece of text a requester
supplied (their request, their grounds) is escaped; nothing here marks text safe.
"""

from __future__ import annotations

from pathlib import Path

from .letter import LetterContext
from .templating import render_template, template_environment

TEMPLATE = "letter.html.j2"


def render_html(letter: LetterContext, templates_dir: Path | None = None) -> str:
    """The letter as a complete HTML document.

    :raises ExportError: a template mistake, naming the template file and line.
    """
    env = template_environment(templates_dir)
    return render_template(env, TEMPLATE, {"letter": letter})
