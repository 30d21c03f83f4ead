"""Whether the response as loaded is the whole letter."""

from __future__ import annotations

from ..parsing.ending import stops_mid_sentence
from ..parsing.model import Evidence
from ..parsing.text import Layout
from .base import CheckContext, Finding, Severity, check, finding


@check(
    id="text-cut-short",
    title="Response text stops mid-sentence",
    doc="The loaded text ends inside a sentence, so the letter may be incomplete.",
)
def text_cut_short(context: CheckContext) -> list[Finding]:
    """Warns when the response's text stops in the middle of a sentence.

    An internal review takes a fresh look at the whole response. A copy taken
    from a web page, a pasted email or a PDF whose later pages did not convert
    can stop part-way, and what is missing (the reasons for a refusal, a
    "however, we have provided ...", a review's findings, the rights
    paragraph) can change every reading and every other check. The
    extractor marks each point of such a text "check this"; this finding tells
    the reviewer why, quoting the last line, so that the letter as sent is
    loaded before anything is relied on. A text that ends with page furniture
    (a short line, an address) is not reported.

    Law: no provision of its own. It protects the checks that follow FOIA
    s.17(1) and s.17(7) (2000, in force since 1 January 2005), EIR reg 14
    (2004) and FOISA s.16 and s.19 (2002), which can only be judged on the
    whole notice.

    Source: domain reference section 2 (a review is a fresh decision on all
    the evidence, ICO guidance on internal reviews); issue 10 (on fresh real
    letters, readings of texts that stop mid-sentence were right far less often
    than readings of whole ones).
    """
    layout = Layout(context.response_text)
    last_line = stops_mid_sentence(layout)
    if last_line is None:
        return []
    return [
        finding(
            "text-cut-short",
            Severity.WARNING,
            "The response text stops mid-sentence",
            "The loaded text ends inside a sentence, so the letter may be incomplete: what "
            "follows could change how each point was answered. Load the letter as it was "
            "sent before relying on the reading or on the other checks.",
            evidence=[Evidence(quote=last_line.text, start=last_line.start, end=last_line.end)],
        )
    ]
