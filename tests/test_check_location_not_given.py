"""location-not-given: s.21 (FOISA s.25) relied on without saying where the information is."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, provision: str = "s.21", regime: str = "FOIA"):
    text = letter(name)
    points = [point(text, "1", D.PUBLISHED_ELSEWHERE, "We hold this information", (provision,))]
    return context(text, points=points, provisions=(provision,), regime=regime)


def test_s21_with_no_location_is_an_issue():
    """ICO section 21 guidance and LTT151: the authority must direct the applicant to the
    information precisely. The audit found "s.21 with no location" missed (issue 12 item 6)."""
    [finding] = run("location-not-given", _ctx("s21_no_location.txt"))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.21"


def test_s21_with_a_precise_link_passes():
    assert run("location-not-given", _ctx("s21_with_location.txt")) == []


def test_foisa_s25_is_checked_the_same_way():
    """FOISA s.25: information otherwise accessible."""
    [finding] = run("location-not-given", _ctx("s21_no_location.txt", "foisa.s.25", "FOISA"))
    assert finding.provision == "foisa.s.25"
