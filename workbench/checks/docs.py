"""The checks' documentation, generated from the registry so it cannot fall out of date.

``python -m workbench.checks --markdown > docs/checks.md`` writes it;
tests/test_checks_docs.py fails when the file and the registry disagree.  Run
with a team's folder (``WORKBENCH_TEMPLATES``) it also lists the team's own and
installed plugins' checks, and marks those the team switched off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import load_catalogue
from ..errors import SettingsError
from ..law import load_law
from .plugins import check_set

if TYPE_CHECKING:
    from ..team import Team

_HEADER = """\
# Automated checks

`workbench check CASE_DIR` runs every check below on a case and reports findings,
each with a severity (`issue`, `warning`, `info`), a plain-English explanation,
the provision and request point it concerns, and the exact words of the letter
behind it. The checks flag what a careful reviewer would question; the reviewer
decides.

This file is generated from the checks' own docstrings:
`python -m workbench.checks --markdown > docs/checks.md`. Do not edit it by hand.

**Switching a check off.** List its id in the team's `organisation.yaml`:

```yaml
disabled_checks: [placeholder-links]
```

An id that names no check is reported with the findings, so a misspelling never
leaves a check running unnoticed.

**Adding the team's own check.** Write it as the checks below are written, in a
module of the team folder's `checks/` (`review_templates/checks/long_sentences.py`,
or under `WORKBENCH_TEMPLATES`), or in an installed package that names its module
under the entry-point group `workbench.checks`:

```python
from workbench.checks import Severity, check, finding


@check(id="long-sentences", title="Sentences over 40 words", doc="Sentences that lose a reader.")
def long_sentences(context):
    \"\"\"A sentence of more than 40 words is hard to follow. Source: our style guide.\"\"\"
    ...  # yield finding("long-sentences", Severity.INFO, title, explanation, evidence=[...])
```

It runs with the others in `workbench check` and the dashboard, and appears here
when this file is generated with the team's folder. A module that cannot be loaded,
or an id another check has, is reported as a warning beside the findings.

"""


def law_section() -> str:
    """Which text of each regime's law, and which data protection law, the checks follow."""
    lines = ["## The law the checks follow\n\n", "| regime | text | as at |\n|---|---|---|\n"]
    for regime, text in load_catalogue().law.items():
        note = f" {text.notes}" if text.notes else ""
        lines.append(
            f"| {regime} | [{text.title}]({text.url}){note} | {text.as_at.isoformat()} |\n"
        )
    lines.append(
        "\nPersonal data is judged under the data protection law in force at the date of the "
        "response:\n\n"
    )
    for period in load_law().data_protection:
        if period.start is None:
            when = f"until {period.until.isoformat()}"
        elif period.until is None:
            when = f"from {period.start.isoformat()}"
        else:
            when = f"{period.start.isoformat()} to {period.until.isoformat()}"
        lines.append(f"- {when}: {period.name}\n")
    lines.append(
        "\nEach check below names the provisions it applies and the date of their text "
        "(`Law:`), and its sources (`Source:`).\n\n"
    )
    return "".join(lines)


def markdown(team: Team | None = None) -> str:
    """Every check the team knows as a Markdown document, in running order.

    :param team: default the folder the settings name (:func:`workbench.team.load_team`).
    :raises SettingsError: a check could not be loaded or ``disabled_checks`` names no check,
        since documentation must not quietly leave a check out.
    """
    known = check_set(team)
    if known.problems:
        raise SettingsError(" ".join(known.problems))
    parts = [_HEADER, law_section(), "| id | title | looks for |\n|---|---|---|\n"]
    parts += [
        f"| `{c.id}` | {c.title}{_off(c.id, known.disabled)} | {c.doc} |\n" for c in known.checks
    ]
    for c in known.checks:
        notes = [] if c.built_in else [f"From {c.origin}."]
        if c.id in known.disabled:
            notes.append("Switched off by this team (`disabled_checks` in organisation.yaml).")
        extra = "".join(f"{note}\n\n" for note in notes)
        parts.append(f"\n## `{c.id}`: {c.title}\n\n{c.doc}\n\n{extra}{c.docstring}\n")
    return "".join(parts)


def _off(check_id: str, disabled: frozenset[str]) -> str:
    return " (switched off)" if check_id in disabled else ""
