"""The catalogue lists the EISR exceptions, each citing the regulations and its questions."""

import pytest

from workbench.catalogue import load_catalogue

EXCEPTIONS = [f"eisr.reg.10(4)({x})" for x in "abcde"] + [f"eisr.reg.10(5)({x})" for x in "abcdefg"]


@pytest.mark.parametrize("pid", [*EXCEPTIONS, "eisr.reg.11(1)", "eisr.reg.11(2)"])
def test_each_eisr_exception_is_catalogued_with_its_source(pid):
    catalogue = load_catalogue()
    provision = catalogue.get(pid)
    assert provision.regime == "EISR"
    assert "legislation.gov.uk/ssi/2004/520" in provision.source
    assert catalogue.questions_for(pid)


def test_every_eisr_exception_weighs_the_public_interest_but_personal_data_does_not():
    catalogue = load_catalogue()
    assert all(catalogue.get(pid).public_interest_test for pid in EXCEPTIONS)
    assert not catalogue.get("eisr.reg.11(2)").public_interest_test
    assert not catalogue.get("eisr.reg.11(1)").public_interest_test
    substantial = catalogue.questions_for("eisr.reg.10(5)(e)")
    assert any("substantially" in q.text for q in substantial)
