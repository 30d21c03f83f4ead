"""A team's own check, kept in its templates folder (tests/team/checks/)."""

from workbench.checks import Severity, check, finding


@check(
    id="signed-by-lead",
    title="Not signed by the Information Governance Lead",
    doc="Our refusals are signed by the Information Governance Lead.",
)
def signed_by_lead(context):
    """Our house rule: every response is signed by the Information Governance Lead.

    Source: the team's own procedure (not the law), kept in the team folder.
    """
    if "Information Governance Lead" not in context.response_text:
        yield finding(
            "signed-by-lead",
            Severity.INFO,
            "Not signed by the Information Governance Lead",
            "Our procedure asks the Information Governance Lead to sign every response.",
        )
