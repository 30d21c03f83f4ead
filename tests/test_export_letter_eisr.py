"""An EISR outcome letter: the Scottish Information Commissioner, and "exceptions"."""

from __future__ import annotations

import datetime as dt

from export_fixtures import decided_seed_review, make_case

from workbench.export.letter import build_letter
from workbench.export.markdown import render_markdown

TODAY = dt.date(2024, 1, 2)


def test_an_eisr_letter_names_the_regulations_and_the_scottish_commissioner(isolated_data):
    case = make_case(isolated_data / "cases", "EISR-1", regime="EISR")
    letter = build_letter(decided_seed_review(case), case, today=TODAY)
    assert letter.regime_name == "the Environmental Information (Scotland) Regulations 2004 (EISR)"
    assert letter.provision_word == "exceptions"
    assert letter.regulator.name == "Scottish Information Commissioner"
    complaint = " ".join(letter.complaint)
    assert "apply to the Scottish Information Commissioner" in complaint
    assert "regulation 17 of the Environmental Information (Scotland) Regulations 2004" in complaint
    assert "within six months" in complaint
    text = render_markdown(letter)
    assert "## The exceptions we relied on" in text


def test_an_act_letter_still_speaks_of_exemptions(isolated_data):
    case = make_case(isolated_data / "cases", "FOIA-1", regime="FOIA")
    letter = build_letter(decided_seed_review(case), case, today=TODAY)
    assert letter.provision_word == "exemptions"
    assert "## The exemptions we relied on" in render_markdown(letter)
