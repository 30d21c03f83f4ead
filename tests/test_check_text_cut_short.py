"""text-cut-short: the loaded response stops in the middle of a sentence."""

from tests.check_letters import context, letter, run
from workbench.checks import Severity


def test_a_text_that_stops_mid_sentence_is_a_warning_quoting_its_last_line():
    text = letter("text_cut_short.txt")
    [finding] = run("text-cut-short", context(text))
    assert finding.severity is Severity.WARNING
    assert "may be incomplete" in finding.explanation
    assert finding.evidence[0].quote.endswith("under section 40(2) of the")
    assert text[finding.evidence[0].start : finding.evidence[0].end] == finding.evidence[0].quote


def test_a_letter_that_ends_with_its_sign_off_and_page_furniture_gives_no_finding():
    assert run("text-cut-short", context(letter("text_ends_with_page_furniture.txt"))) == []


def test_a_letter_that_ends_its_last_sentence_gives_no_finding():
    text = letter("text_cut_short.txt").rstrip() + " Act.\n"
    assert run("text-cut-short", context(text)) == []
