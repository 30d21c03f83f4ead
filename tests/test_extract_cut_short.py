"""A text that stops mid-sentence is flagged, and its readings are less sure.

On first runs over fresh real letters, confident readings of texts cut short
were wrong about a third of the time (whole texts: almost never), most of them
readings only just over the "check this" threshold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.parsing.extract import extract
from workbench.parsing.model import needs_check

CHECK_LETTERS = Path(__file__).parent / "letters" / "checks"
WHOLE = (
    "Our reference: FOI 4417\n\nDear Requester\n\nYou asked for:\n"
    "1. The minutes of the parks committee for 2023.\n"
    "2. The briefing papers given to that committee.\n\n"
    "Some of the information you asked for is exempt from disclosure under section 43(2) of "
    "the Freedom of Information Act.\n\n"
    "The contractor is bidding for similar work elsewhere, so releasing its prices would "
    "harm its position.\n"
)
CUT = WHOLE.rstrip().removesuffix(" would harm its position.") + "\n"


def test_a_text_stopping_mid_sentence_is_flagged_with_its_last_line():
    result = extract(CUT)
    assert result.text_cut_short
    assert result.field_evidence["text_cut_short"].quote.endswith("so releasing its prices")
    assert not extract(WHOLE).text_cut_short


def test_a_reading_of_a_text_cut_short_is_less_sure_than_of_the_whole_text():
    # An exemption for "some of the information", shared by both points, was the reading the
    # cut took just under the threshold; it was right on every fresh letter where that happened,
    # so it now stays over it (decide.CONFIDENCE["withheld_some"]), a little less sure.
    whole, cut = extract(WHOLE).points, extract(CUT).points
    assert [p.determination for p in whole] == [p.determination for p in cut]
    assert not needs_check(whole[0].confidence)
    assert all(c.confidence < w.confidence for w, c in zip(whole, cut, strict=True))


@pytest.mark.parametrize(
    ("tail", "cut"),
    [
        ("so releasing its\nprices would ha", True),  # a lower-case word carries on the line
        ("so releasing its prices would harm its position, and the\nContractor", True),
        ("so releasing its prices would harm its position,\nAnd", True),
        ("so releasing its prices would harm its position.\nyours", False),  # a sentence ended
        ("so releasing its prices would harm its position\n\nthe", False),  # a paragraph ended
        ("so releasing its prices would harm its position\nCounty Hall", False),  # an address
    ],
)
def test_a_short_last_line_is_cut_when_it_carries_on_the_sentence_above(tail, cut):
    text = WHOLE.rstrip().removesuffix("so releasing its prices would harm its position.") + tail
    assert extract(text).text_cut_short is cut


def test_a_page_ending_with_its_own_furniture_is_not_cut_short():
    text = (CHECK_LETTERS / "text_ends_with_page_furniture.txt").read_text(encoding="utf-8")
    assert not extract(text).text_cut_short


def test_the_json_says_whether_the_text_is_cut_short(tmp_path):
    path = tmp_path / "response.txt"
    path.write_text(CUT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["text_cut_short"] is True


def test_the_summary_says_the_text_may_be_incomplete(tmp_path):
    path = tmp_path / "response.txt"
    path.write_text(CUT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert "stops mid-sentence, so the letter may be incomplete" in result.output
