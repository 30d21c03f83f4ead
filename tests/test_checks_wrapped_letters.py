"""Letters hard-wrapped at 72 columns (emails, PDFs) read the same as one-line paragraphs."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, provision: str):
    text = letter(name)
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", (provision,))]
    return context(text, points=points, provisions=(provision,))


def test_a_wrapped_notice_with_every_legitimate_interest_step_passes():
    assert run("legitimate-interests-missing", _ctx("wrapped_li_complete.txt", "s.40(2)")) == []


def test_a_wrapped_notice_missing_steps_is_still_flagged_with_whole_sentences():
    [finding] = run("legitimate-interests-missing", _ctx("wrapped_li_missing.txt", "s.40(2)"))
    assert finding.severity is Severity.ISSUE
    quoted = [e.quote for e in finding.evidence if "legitimate interest" in e.quote]
    assert quoted[0].startswith("There is no strong legitimate interest")
    assert quoted[0].endswith("so the names are withheld.")


def test_a_wrapped_prejudice_argument_is_read_across_its_line_breaks():
    text = letter("wrapped_prejudice_explained.txt")
    points = [point(text, "1", D.HELD_WITHHELD, "This information is withheld", ("s.31(1)(a)",))]
    ctx = context(text, points=points, provisions=("s.31(1)(a)",))
    assert run("prejudice-not-explained", ctx) == []
