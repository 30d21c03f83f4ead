"""A letter that lost its line breaks (a PDF or a page copied as one line) is read with them put
back where a letter's lines open; a letter with its own lines is read as it is."""

from __future__ import annotations

from workbench.parsing.relining import is_flattened, relined

_ONE_LINE = (
    "Town Hall Harbour Street HV1 2AB Our ref: FOI 5521 14 March 2024 Dear Ms Patel, Thank you "
    "for your request received on 20 February 2024. You asked for the following information: "
    "1. How many notices were issued in 2023? 2. How many were paid? Our response is as "
    "follows. 1. The Council issued 1,248 notices in 2023. 2. 977 were paid. If you are "
    "unhappy you may ask for an internal review. Yours sincerely, Information Officer "
) * 3


def test_a_text_on_one_long_line_is_flattened_and_one_with_lines_is_not():
    assert is_flattened(_ONE_LINE)
    with_lines = "Dear Ms Patel,\n\nThank you for your request.\n\nWe hold 12 bins.\n" * 40
    assert not is_flattened(with_lines)
    assert relined(with_lines) == with_lines


def test_breaks_take_the_place_of_spaces_so_offsets_do_not_move():
    lined = relined(_ONE_LINE)
    assert len(lined) == len(_ONE_LINE)
    assert lined.replace("\n", " ") == _ONE_LINE


def test_a_letters_lines_open_where_they_would_on_paper():
    lines = relined(_ONE_LINE).split("\n")
    assert "14 March 2024" in lines  # the letter's date, just before the salutation
    assert "Dear Ms Patel," in lines
    assert "1. How many notices were issued in 2023?" in lines  # after the lead-in's colon
    assert "2. 977 were paid." in lines  # an item's label is not a sentence's end
    assert "Yours sincerely," in lines
    # A field's label keeps its value: "Our ref:" is no lead-in.
    assert any(line.endswith("Our ref: FOI 5521") for line in lines)


def test_a_questions_label_opens_its_line_and_keeps_its_question():
    text = (
        "Disclosure 4410 Request Q1. How many officers work in the unit? Q2. How many were "
        "disciplined? Response Q1 – 52 Q2 – We hold no record of this. "
    ) * 8
    lines = relined(text).split("\n")
    assert "Q1. How many officers work in the unit?" in lines
    assert "Q1 – 52" in lines
