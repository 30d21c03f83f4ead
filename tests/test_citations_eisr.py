"""EISR exceptions read as ``eisr.reg.10(5)(f)``; "the EIRs" of a Scottish letter are the EISR."""

from workbench.citations import cited_ids, normalise
from workbench.parsing.extract import extract


def test_eisr_named_in_full():
    text = (
        "The information is excepted under regulation 10(5)(f) of the Environmental "
        "Information (Scotland) Regulations 2004."
    )
    assert cited_ids(text) == ["eisr.reg.10(5)(f)"]


def test_the_eirs_of_a_scottish_letter_are_the_eisr():
    text = "We have applied regulation 10(4)(a) of the EIRs and section 39(2) of FOISA."
    assert cited_ids(text, "FOISA") == ["eisr.reg.10(4)(a)", "foisa.s.39(2)"]


def test_english_eir_regulations_stay_eir():
    text = (
        "The exception at regulation 12(5)(e) of the EIR applies. You may ask for a review "
        "under regulation 11."
    )
    assert cited_ids(text, "EIR") == ["reg.12(5)(e)"]


def test_normalise_in_the_eisr():
    assert normalise("regulation 10(5)(f)", "EISR") == "eisr.reg.10(5)(f)"
    assert normalise("reg.11(2)", "EISR") == "eisr.reg.11(2)"


def test_personal_data_and_procedural_regulations():
    text = (
        "Under the Environmental Information (Scotland) Regulations 2004, names are withheld "
        "under regulation 11(2). You may ask for a review under regulation 16."
    )
    assert extract(text).provisions_cited == ["eisr.reg.11(2)"]
