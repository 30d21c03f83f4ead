"""Extractor and checks together on the test letters: each letter raises what it should.

The per-check tests hand the checks a known reading of each letter; these run
the extractor first, as ``workbench check`` does, so a change in either half
that stops a finding reaching the reviewer shows up here.
"""

import pytest

from tests.check_letters import LETTERS
from workbench.checks import CheckContext, run_checks
from workbench.documents import load_document
from workbench.parsing.extract import extract


def serious(name: str) -> set[str]:
    """Checks raising an issue or warning on the letter, after extraction."""
    doc = load_document(LETTERS / name)
    ctx = CheckContext.from_extraction(
        doc.text, extract(doc.text), response_format=doc.format, response_metadata=doc.metadata
    )
    return {f.check for f in run_checks(ctx) if f.severity != "info"}


@pytest.mark.parametrize(
    ("flawed", "sound", "check_id"),
    [
        ("point_not_answered.txt", "point_all_answered.txt", "point-not-answered"),
        ("searches_missing.txt", "searches_described.txt", "searches-not-described"),
        ("pit_missing.txt", "pit_given.txt", "public-interest-missing"),
        ("prejudice_missing.txt", "prejudice_explained.txt", "prejudice-not-explained"),
        ("reasons_missing.txt", "reasons_given.txt", "refusal-reasons-missing"),
        ("li_missing.txt", "li_complete.txt", "legitimate-interests-missing"),
        ("ncnd_missing.txt", "ncnd_cited.txt", "ncnd-provision-missing"),
        (
            "cost_no_estimate.txt",
            "cost_estimate_and_advice.txt",
            "cost-limit-estimate-missing",
        ),
        ("rights_missing.txt", "rights_given.txt", "review-rights-missing"),
        ("rights_missing.txt", "rights_given.txt", "complaint-rights-missing"),
        ("links_placeholder.txt", "links_real.txt", "placeholder-links"),
        ("attachment_missing.eml", "attachment_present.eml", "attachments-missing"),
    ],
)
def test_the_flawed_letter_is_flagged_and_the_sound_one_is_not(flawed, sound, check_id):
    assert check_id in serious(flawed)
    assert check_id not in serious(sound)


def test_a_late_letter_read_end_to_end_is_reported_late():
    assert "response-timeliness" in serious("timeliness_late.txt")
