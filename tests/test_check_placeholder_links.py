"""placeholder-links: links that go nowhere ('#', empty, '[insert link]')."""

from tests.check_letters import context, letter, run
from workbench.checks import Severity


def test_every_dead_link_and_placeholder_is_quoted_in_one_issue():
    [finding] = run("placeholder-links", context(letter("links_placeholder.txt")))
    assert finding.severity is Severity.ISSUE
    assert [e.quote for e in finding.evidence] == [
        "[Tree Management Policy](#)",
        "[insert link]",
        "[review form]()",
    ]
    assert '"Tree Management Policy"' in finding.explanation


def test_links_with_real_addresses_satisfy_the_check():
    assert run("placeholder-links", context(letter("links_real.txt"))) == []
