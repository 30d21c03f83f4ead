"""prejudice-not-explained: a prejudice-based exemption with no account of the prejudice."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, provision: str):
    text = letter(name)
    points = [point(text, "1", D.HELD_WITHHELD, "This information is withheld", (provision,))]
    return context(text, points=points, provisions=(provision,))


def test_section_31_with_no_interest_harm_or_likelihood_is_an_issue_naming_each_gap():
    [finding] = run("prejudice-not-explained", _ctx("prejudice_missing.txt", "s.31"))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.31"
    for gap in ("which protected interest", "what the harm would be", "how likely"):
        assert gap in finding.explanation


def test_interest_harm_and_likelihood_all_stated_satisfy_the_check():
    assert run("prejudice-not-explained", _ctx("prejudice_explained.txt", "s.31(1)(a)")) == []


def test_reciting_both_levels_of_likelihood_is_a_warning():
    [finding] = run("prejudice-not-explained", _ctx("prejudice_both_levels.txt", "s.31(1)(a)"))
    assert finding.severity is Severity.WARNING
    assert "without choosing" in finding.explanation


def test_class_based_exemptions_are_not_checked_for_prejudice():
    text = letter("rights_given.txt")
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.42",))]
    assert run("prejudice-not-explained", context(text, points=points, provisions=("s.42",))) == []


def test_section_38_endangerment_is_read_as_prejudice():
    """PETA v IC and University of Oxford, EA/2009/0076; ICO s.38 guidance: "endanger" is
    read as prejudice, so the notice must show whose safety, what harm, how likely (issue 12
    item 4: prejudice-not-explained must cover s.38)."""
    text = letter("s38_unexplained.txt")
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.38",))]
    [finding] = run("prejudice-not-explained", context(text, points=points, provisions=("s.38",)))
    assert finding.provision == "s.38"
    assert finding.severity is Severity.ISSUE
