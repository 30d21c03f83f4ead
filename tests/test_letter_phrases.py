"""The phrases the extractor reads by are data: checked on load, and a team can add its own."""

from __future__ import annotations

import pytest

from workbench.errors import SettingsError
from workbench.parsing.decide import SentenceCache
from workbench.parsing.extract import extract
from workbench.parsing.phrases import phrase_book
from workbench.parsing.text import Span


def test_every_group_compiles_and_the_cues_are_there():
    book = phrase_book()
    assert {"not_held", "ncnd", "withheld", "disclosed"} <= set(book.names("cues"))
    assert book.cue("not_held").search("We do not hold this information.")


def test_a_team_adds_its_own_wording(isolated_data):
    answer = "You asked for the rota.\n\nThe rota is kept only in the duty manager's head.\n"
    assert extract(answer).points[0].determination.value == "held_disclosed"
    (isolated_data / "letter_phrases.yaml").write_text(
        "cues:\n  not_held:\n    phrases:\n      - 'kept only in the \\w+ manager''s head'\n",
        encoding="utf-8",
    )
    assert extract(answer).points[0].determination.value == "not_held"


def test_a_broken_phrase_is_named(isolated_data):
    (isolated_data / "letter_phrases.yaml").write_text(
        "cues:\n  not_held:\n    phrases:\n      - 'not (held'\n", encoding="utf-8"
    )
    with pytest.raises(SettingsError, match=r"cues.not_held, phrase 1 is not a valid pattern"):
        phrase_book()


def test_an_unknown_section_is_named(isolated_data):
    (isolated_data / "letter_phrases.yaml").write_text("cue:\n  x: 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown section"):
        phrase_book()


def test_a_team_phrase_is_found_when_every_group_is_asked_at_once(isolated_data):
    """Cues are looked up all together, indexed by the words of each phrase: a phrase a
    team adds, with words of its own or none at all, is found the same way."""
    (isolated_data / "letter_phrases.yaml").write_text(
        "cues:\n"
        "  ncnd:\n"
        "    words: ['zorp']\n"
        "    phrases:\n"
        "      - 'will\\s+not\\s+zorp'\n"
        "  withheld:\n"
        "    phrases:\n"
        "      - '^\\W*\\d{3,}\\W*$'\n",  # no fixed text: tried on every sentence
        encoding="utf-8",
    )
    book = phrase_book()
    assert "ncnd" in book.matching("cues", "We WILL NOT ZORP whether it is held.")
    assert "withheld" in book.matching("cues", " 12345. ")
    assert not {"ncnd", "withheld"} & book.matching("cues", "The weather was fine.")
    answer = "You asked for the rota.\n\nWe will not zorp whether the rota exists.\n"
    assert extract(answer).points[0].determination.value == "ncnd"


def test_a_requesters_conditional_instruction_is_not_an_answer():
    """'If the Trust does not have a lead, please state ...' is part of an ask: read as an
    answer, its 'does not have' turned a disclosure into a partial one."""
    text = (
        "Internal Reference Number: FOI_4410\n"
        "| Question Number 1: I am researching assaults on NHS staff. 1 - Reporting system "
        "a. Which system does the Trust use to record incidents? b. If more than one system is "
        "used, list each. | |\n"
        "| Answer To Question 1: A. Datix. B. Only Datix is used. | |\n"
        "| Question Number 2: 2 - Security lead a. Who is the Trust's security manager? b. If "
        "the Trust does not have a designated security manager, please state the team "
        "responsible. | |\n"
    )
    assert extract(text).points[0].determination.value == "held_disclosed"


@pytest.mark.parametrize(
    "answer",
    ["Answer: - 1 incident recorded between 27/10/2021 and 27/10/2022.", "12 complaints received."],
)
def test_a_count_of_what_was_recorded_is_given_as_figures(answer):
    """A count opening the answer ("Answer: - 1 incident recorded ...") gives the figure asked
    for: it reads as a disclosure in its own words, not one assumed for want of a refusal."""
    assert "figures" in phrase_book().matching("cues", answer)


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("The information you have requested is available from the internet.", True),
        ("The information you requested is available on the Council's website.", True),
        ("The information you requested is available from the attached spreadsheet.", False),
    ],
)
def test_what_was_asked_for_available_elsewhere_is_published(sentence, published):
    """Even cut before the address ("is available from the inter"), the words say where."""
    assert ("published" in phrase_book().matching("cues", sentence)) is published


@pytest.mark.parametrize(
    "sentence",
    [
        "The Authority issued a refusal notice, refusing to confirm or deny whether it holds it.",
        "The Council is declining to confirm or deny that the report exists.",
        "We refuse to confirm or deny whether we hold this information.",
    ],
)
def test_refusing_to_confirm_or_deny_is_ncnd(sentence):
    assert "ncnd" in phrase_book().matching("cues", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your review request was received on 4 March 2025, and the review was carried out.",
        "The figures for April to June 2010 were published on 3 August.",
    ],
)
def test_a_year_after_its_month_is_a_date_not_a_count(sentence):
    """ "... 4 March 2025, and the review was carried out": the year is when, not how many
    were carried out, so the sentence gives no figures."""
    assert "figures" not in phrase_book().matching("cues", sentence)


def test_the_title_of_section_30_does_not_make_an_answer_law_in_general():
    """ "... exempt by virtue of section 30(3) Investigations and proceedings conducted by
    public authorities": the exemption's title names public authorities, the sentence still
    applies the exemption."""
    book = phrase_book()
    applied = (
        "Answer: - The information requested has been deemed exempt by virtue of section 30(3) "
        "Investigations and proceedings conducted by public authorities."
    )
    assert not book.find("skip", "general_law", applied)
    assert book.find("skip", "general_law", "Public authorities must consider the request.")


@pytest.mark.parametrize(
    "sentence",
    [
        "If it is held by another public body then please can you inform me of this and if "
        "possible transfer the request to that public body.",
        "If this information is held by an outside contractor then it is your responsibility "
        "under the FOIA to obtain that information.",
    ],
)
def test_a_requesters_stock_conditions_decide_nothing(sentence):
    """The conditions a requester's template adds to every request ("If it is held by another
    public body then please can you inform me ...") put a case, they do not answer one: read as
    the authority's words, the first said "not held" and the second "held"."""
    cues = SentenceCache().cues(Span(0, len(sentence), sentence))
    assert not {"held", "not_held", "disclosed", "withheld"} & set(cues)
